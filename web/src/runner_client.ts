// The page's typed view of the worker runner (wasm/runner.mjs, its one contract with the
// interpreter). The runner is not bundled: it is loaded at run time from runtime/ beside
// the page (web/runtime_plugin.ts), with the worker, session and wasm it names, so the dev
// server and dist/ reach the runtime by the same relative URLs.

export interface RunOptions {
  virtualTime?: boolean;
  seed?: number;
  stdin?: string;
  trace?: boolean;
}

// One record of the loop's trace (core/aio), times in seconds of the program's clock.
export interface TraceRecord {
  kind: string;
  time: number;
  taskId: number;
  taskName: string;
  what: string;
  line: number;
}

// When and in which task a stretch of stdout text was written (wasm/session.mjs): the
// stamps of a stdout event cover its text in order, `length` UTF-16 code units each.
// time null: written outside a running loop (taskId 0, taskName '').
export interface OutputStamp {
  length: number;
  time: number | null;
  taskId: number;
  taskName: string;
}

export type RunEvent =
  | { type: 'start' }
  // stamps: with trace on only.
  | { type: 'stdout'; text: string; stamps?: OutputStamp[] }
  | { type: 'stderr'; text: string }
  | { type: 'trace'; events: TraceRecord[] }
  // status: the program's exit status; null with `error` when it was stopped
  // (error === STOPPED) or the runtime failed.
  | { type: 'exit'; status: number | null; error: string | null };

export const STOPPED = 'stopped';

export interface RunHandle {
  stop(): void;
}

export interface Runner {
  // Starts a run (stopping one in progress); events of any earlier run are dropped.
  run(source: string, options: RunOptions, onEvent: (event: RunEvent) => void): RunHandle;
  close(): void;
}

interface RunnerModule {
  createRunner(urls: {
    glueUrl: string; wasmUrl: string; deferredUrl: string; libraryUrl: string; workerUrl: string;
  }): Runner;
}

const RUNTIME_DIRECTORY = 'runtime/';

// Loads the runner from runtime/ relative to the page and creates the page's one runner,
// which starts downloading and compiling the wasm at once.
export async function loadRunner(pageUrl: string): Promise<Runner> {
  const runtimeUrl = (name: string) => new URL(RUNTIME_DIRECTORY + name, pageUrl).href;
  const module = await import(/* @vite-ignore */ runtimeUrl('runner.mjs')) as RunnerModule;
  return module.createRunner({
    glueUrl: runtimeUrl('awaitpad.mjs'),
    wasmUrl: runtimeUrl('awaitpad.wasm'),
    deferredUrl: runtimeUrl('awaitpad.deferred.wasm'),
    libraryUrl: runtimeUrl('awaitpad.lib/'),
    workerUrl: runtimeUrl('worker.mjs'),
  });
}
