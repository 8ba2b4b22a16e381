// The failing line in CodeMirror: the line a run's traceback points at, marked until the
// next run or the next edit (after which the mark could be on the wrong line).
import { StateEffect, StateField } from '@codemirror/state';
import type { Extension } from '@codemirror/state';
import { Decoration, EditorView } from '@codemirror/view';
import type { DecorationSet } from '@codemirror/view';

// The 1-based line to mark, or null to clear the mark.
export const setFailingLine = StateEffect.define<number | null>();

const failingLineDecoration = Decoration.line({
  class: 'cm-failing-line',
  attributes: { title: 'The traceback points here' },
});

const failingLineField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, transaction) {
    if (transaction.docChanged) marks = Decoration.none;
    for (const effect of transaction.effects) {
      if (!effect.is(setFailingLine)) continue;
      const line = effect.value;
      const document = transaction.state.doc;
      marks = line === null || line < 1 || line > document.lines
        ? Decoration.none
        : Decoration.set([failingLineDecoration.range(document.line(line).from)]);
    }
    return marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});

export function failingLineMark(): Extension {
  return failingLineField;
}
