// The status line under the controls: what the run is doing or how it ended. It is the
// page's live region (role="status"), so screen readers hear each state once.
import { STOPPED } from './runner_client.ts';
import type { RunEvent } from './runner_client.ts';

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

  // `why`, when given, says who stopped it (not the person's Stop).
  stopped(seconds: number, why?: string): void {
    this.show('stopped', `Stopped after ${formatSeconds(seconds)}${why ? `: ${why}` : ''}`);
  }

  // How a run ended, from its exit event, `seconds` after it started.
  ended(exit: Extract<RunEvent, { type: 'exit' }>, seconds: number): void {
    if (exit.status !== null) this.finished(exit.status, seconds);
    else if (exit.error === STOPPED) this.stopped(seconds);
    else this.runtimeError(exit.error ?? 'unknown failure');
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
