// The editor's colours as CSS custom properties (style.css), so one theme follows the
// system's light/dark setting through prefers-color-scheme, with no theme switch in code.
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import type { Extension } from '@codemirror/state';

const chrome = EditorView.theme({
  '&': { color: 'var(--text)', backgroundColor: 'var(--editor-background)', height: '100%' },
  '.cm-content': { caretColor: 'var(--text)', fontFamily: 'var(--monospace)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--editor-background)', color: 'var(--muted)', border: 'none' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--active-line)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
    backgroundColor: 'var(--selection)',
  },
  '.cm-scroller': { overflow: 'auto' },
  '.cm-line.cm-failing-line': { backgroundColor: 'var(--failing-line)', boxShadow: 'inset 3px 0 var(--stderr)' },
  '.cm-tooltip': { backgroundColor: 'var(--background)', color: 'var(--text)', border: '1px solid var(--border)' },
});

const highlighting = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword], color: 'var(--syntax-keyword)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--syntax-string)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--syntax-number)' },
  { tag: tags.comment, color: 'var(--syntax-comment)', fontStyle: 'italic' },
  { tag: [tags.function(tags.definition(tags.variableName)), tags.definition(tags.className)], color: 'var(--syntax-definition)' },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: 'var(--syntax-call)' },
  { tag: [tags.operator, tags.punctuation], color: 'var(--syntax-operator)' },
]);

export const editorTheme: Extension = [chrome, syntaxHighlighting(highlighting)];
