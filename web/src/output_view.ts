// The output pane: the program's stdout and stderr as they stream in, stderr styled
// apart. Program output is only ever inserted as text nodes, never parsed as HTML.

export type Stream = 'stdout' | 'stderr';

// How close to the bottom (px) still counts as "following the output".
const FOLLOW_SLACK_PX = 8;

export class OutputView {
  constructor(private readonly element: HTMLElement) {}

  // Appends `text` of `stream`; keeps the pane scrolled to the end if it was there.
  append(stream: Stream, text: string): void {
    const following = this.isAtEnd();
    const span = document.createElement('span');
    span.className = stream;
    span.append(document.createTextNode(text));
    this.element.append(span);
    if (following) this.element.scrollTop = this.element.scrollHeight;
  }

  clear(): void {
    this.element.replaceChildren();
  }

  private isAtEnd(): boolean {
    const { scrollTop, scrollHeight, clientHeight } = this.element;
    return scrollHeight - scrollTop - clientHeight <= FOLLOW_SLACK_PX;
  }
}
