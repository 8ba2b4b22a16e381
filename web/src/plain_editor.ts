// The editor until CodeMirror's script has loaded: the page's plain <textarea>, so the
// example shows and Run works from the first paint on. editor.ts then takes its place,
// keeping what was typed, the selection and the focus.
import type { Editor } from './editor_contract.ts';

export function plainEditor(textarea: HTMLTextAreaElement, initialSource: string,
                            onChange: (source: string) => void): Editor {
  textarea.value = initialSource;
  textarea.addEventListener('input', () => onChange(textarea.value));
  textarea.setSelectionRange(0, 0);  // the cursor at the top, where reading starts
  return {
    source: () => textarea.value,
    focus: () => textarea.focus(),
    goToLine(line) {
      const lines = textarea.value.split('\n');
      const index = Math.min(Math.max(line, 1), lines.length) - 1;
      const offset = lines.slice(0, index).reduce((total, text) => total + text.length + 1, 0);
      textarea.focus();
      textarea.setSelectionRange(offset, offset);
    },
    // The plain editor shows only until CodeMirror loads; it does not mark lines.
    markFailingLine: () => {},
    load(source) {
      textarea.value = source;  // sets no input event: not an edit
      textarea.setSelectionRange(0, 0);
      textarea.scrollTop = 0;
    },
  };
}
