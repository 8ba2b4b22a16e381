// The code editor: CodeMirror 6 with Python. Tab indents, as Python needs; Escape then
// Tab moves focus on (CodeMirror's tab focus mode), so the keyboard is never trapped.
import { python } from '@codemirror/lang-python';
import { indentWithTab } from '@codemirror/commands';
import { Prec } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { EditorView, basicSetup } from 'codemirror';

import { editorTheme } from './editor_theme.ts';

export interface Editor {
  source(): string;
  focus(): void;
}

// An editor holding `initialSource` in `parent`; Ctrl/Cmd+Enter calls `onRun`.
export function createEditor(parent: HTMLElement, initialSource: string, onRun: () => void): Editor {
  const runKey = Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => { onRun(); return true; } }]));
  const view = new EditorView({
    parent,
    doc: initialSource,
    extensions: [
      runKey,
      basicSetup,
      keymap.of([indentWithTab]),
      python(),
      editorTheme,
      EditorView.contentAttributes.of({ 'aria-label': 'Python source' }),
    ],
  });
  return {
    source: () => view.state.doc.toString(),
    focus: () => view.focus(),
  };
}
