// What the page needs of an editor, whichever is showing (plain_editor.ts first, then
// CodeMirror: editor.ts).
export interface Editor {
  source(): string;
  focus(): void;
}
