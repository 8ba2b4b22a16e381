// What the page needs of an editor, whichever is showing (plain_editor.ts first, then
// CodeMirror: editor.ts).
export interface Editor {
  source(): string;
  focus(): void;
  // Puts the cursor at the start of 1-based `line` (clamped to the text), in view, focused.
  goToLine(line: number): void;
  // Marks the line a traceback points at (null clears the mark).
  markFailingLine(line: number | null): void;
}
