// The page's one runner (one worker), shared by all its widgets. It is loaded on first
// need — when a reader points at, focuses or clicks a Run button — so a docs page that
// nobody runs downloads no wasm (~230 KB gzipped), and one that is run downloads it once.
// A run started by one widget stops the run of another (runner_client.ts: a new run ends
// the one in progress); the stopped widget says so.
import { loadRunner } from '../runner_client.ts';
import type { Runner } from '../runner_client.ts';

export class PageRunner {
  private loading: Promise<Runner> | null = null;

  // runtimeBase: the URL the runtime/ directory is relative to (embed.js's own directory).
  constructor(private readonly runtimeBase: string) {}

  load(): Promise<Runner> {
    this.loading ??= loadRunner(this.runtimeBase);
    return this.loading;
  }
}
