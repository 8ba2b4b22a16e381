// Where a line of the runtime's error output names a line of the program: a traceback's
// `File "main.py", line N` (and a syntax error's), and a deadlock report's
// `(main.py, line N)`. The output pane turns each into a link to that line.

export interface SourceLink {
  start: number;  // the span of "line N" in the text
  end: number;
  line: number;
}

const TRACEBACK_FRAME = /^ {2}File "main\.py", (line (\d+))/;
const DEADLOCK_WAIT = /\(main\.py, (line (\d+))\)$/;

export function findSourceLink(text: string): SourceLink | null {
  const match = TRACEBACK_FRAME.exec(text) ?? DEADLOCK_WAIT.exec(text);
  if (match === null) return null;
  const [whole, label, digits] = match as unknown as [string, string, string];
  const start = match.index + whole.indexOf(label);
  return { start, end: start + label.length, line: Number(digits) };
}

// The line a traceback points at: its innermost frame in the program, which is the line
// that failed (CPython prints frames outermost first). null for output with no traceback.
export function failingLine(errorText: string): number | null {
  const errorLines = errorText.split('\n');
  for (let index = errorLines.length - 1; index >= 0; index--) {
    const text = errorLines[index] as string;
    if (text.startsWith('Traceback ')) return null;  // an earlier traceback; the last had none
    const match = TRACEBACK_FRAME.exec(text);
    if (match !== null) return Number(match[2]);
  }
  return null;
}
