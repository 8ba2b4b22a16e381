// The code editor: CodeMirror 6 with Python. Tab indents, as Python needs; Escape then
// Tab moves focus on (CodeMirror's tab focus mode), so the keyboard is never trapped.
// The extensions are CodeMirror's basicSetup without autocompletion, linting, search,
// folding and rectangular selection: a third less script to load before Run is ready.
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { bracketMatching, indentOnInput, indentUnit } from '@codemirror/language';
import { Annotation, EditorState, Prec } from '@codemirror/state';
import {
  EditorView, drawSelection, dropCursor, highlightActiveLine, highlightActiveLineGutter,
  highlightSpecialChars, keymap, lineNumbers,
} from '@codemirror/view';

import type { Editor } from './editor_contract.ts';
import { editorTheme } from './editor_theme.ts';
import { failingLineMark, setFailingLine } from './failing_line.ts';

// Marks the transaction of Editor.load: the text changes, but nobody edited it.
const loaded = Annotation.define<true>();

// CodeMirror in place of the plain `textarea` (plain_editor.ts), with its text and
// selection, and the focus if it had it; Ctrl/Cmd+Enter calls `onRun`, and each edit
// `onChange` with the new text (Editor.load is not an edit).
export function replaceTextarea(textarea: HTMLTextAreaElement, onRun: () => void,
                                onChange: (source: string) => void): Editor {
  const runKey = Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => { onRun(); return true; } }]));
  const hadFocus = document.activeElement === textarea;
  const view = new EditorView({
    doc: textarea.value,
    selection: { anchor: textarea.selectionStart, head: textarea.selectionEnd },
    extensions: [
      runKey,
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightSpecialChars(),
      history(),
      drawSelection(),
      dropCursor(),
      EditorState.allowMultipleSelections.of(true),
      indentOnInput(),
      bracketMatching(),
      closeBrackets(),
      highlightActiveLine(),
      keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
      python(),
      indentUnit.of('    '),  // PEP 8's four spaces (CodeMirror's default is two)
      editorTheme,
      failingLineMark(),
      EditorView.contentAttributes.of({ 'aria-label': 'Python source' }),
      EditorView.updateListener.of((update) => {
        const edited = update.transactions.some((change) => change.docChanged && !change.annotation(loaded));
        if (edited) onChange(update.state.doc.toString());
      }),
    ],
  });
  textarea.replaceWith(view.dom);
  if (hadFocus) view.focus();
  return {
    source: () => view.state.doc.toString(),
    focus: () => view.focus(),
    goToLine(line) {
      const document = view.state.doc;
      const position = document.line(Math.min(Math.max(line, 1), document.lines)).from;
      view.dispatch({ selection: { anchor: position }, scrollIntoView: true });
      view.focus();
    },
    markFailingLine(line) {
      view.dispatch({ effects: setFailingLine.of(line) });
    },
    load(source) {
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: source },
        selection: { anchor: 0 },
        scrollIntoView: true,
        annotations: loaded.of(true),
      });
    },
  };
}
