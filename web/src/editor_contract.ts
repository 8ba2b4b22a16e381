// What the page needs of an editor, whichever is showing (plain_editor.ts first, then
// CodeMirror: editor.ts).
export interface Editor {
  source(): string;
  focus(): void;
  // Puts the cursor at the start of 1-based `line` (clamped to the text), in view, focused.
  goToLine(line: number): void;
  // Marks the line a traceback points at (null clears the mark).
  markFailingLine(line: number | null): void;
  // Shows `source` in place of the text, cursor at the top: a program opened (an example,
  // a link), not typed, so the editor's onChange is not called for it. In CodeMirror it is
  // one undoable change, so Ctrl/Cmd+Z brings back the text it replaced.
  load(source: string): void;
}
