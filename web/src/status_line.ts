// The status line under the controls: what the run is doing or how it ended. It is the
// page's live region (role="status"), so screen readers hear each state once.

export type RunState = 'loading' | 'ready' | 'running' | 'finished' | 'stopped' | 'error';

export class StatusLine {
  constructor(private readonly element: HTMLElement) {}

  show(state: RunState, text: string): void {
    this.element.dataset.state = state;
    this.element.textContent = text;
  }

  ready(): void {
    this.show('ready', 'Ready — Ctrl+Enter runs');
  }

  running(virtualTime: boolean): void {
    this.show('running', virtualTime ? 'Running in virtual time…' : 'Running…');
  }

  finished(status: number, seconds: number): void {
    this.show('finished', `Finished: exit status ${status} in ${formatSeconds(seconds)}`);
  }

  stopped(seconds: number): void {
    this.show('stopped', `Stopped after ${formatSeconds(seconds)}`);
  }

  failedToLoad(message: string): void {
    this.show('error', `The playground did not load: ${message}`);
  }

  runtimeError(message: string): void {
    this.show('error', `Runtime error: ${message}`);
  }
}

function formatSeconds(seconds: number): string {
  return `${seconds.toFixed(2)} s`;
}
