// The notice under the toolbar: what became of a Share or of an opened link — "Link
// copied", or why a link could not be opened. role="alert", so screen readers say it at
// once; the CSS hides it while empty. Its text often quotes a link, so it is only ever
// set as text, never as HTML.

// How long a confirmation stays; a problem stays until the next notice or edit.
const CONFIRMATION_MS = 5000;

export class Notice {
  private clearTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly element: HTMLElement) {}

  confirm(text: string): void {
    this.show('confirmation', text);
    this.clearTimer = setTimeout(() => this.clear(), CONFIRMATION_MS);
  }

  problem(text: string): void {
    this.show('problem', text);
  }

  clear(): void {
    clearTimeout(this.clearTimer);
    if (this.element.textContent !== '') this.element.textContent = '';
  }

  private show(kind: 'confirmation' | 'problem', text: string): void {
    clearTimeout(this.clearTimer);
    this.element.dataset.kind = kind;
    this.element.textContent = text;
  }
}
