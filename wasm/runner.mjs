// The page's one contract with the interpreter (STYLE.md: "one transport contract"):
//
//   const runner = createRunner();
//   const {stop} = runner.run(source, {virtualTime, seed, stdin, trace}, onEvent);
//
// onEvent receives, in order:
//   {type: 'start'}   the program begins (its instance is ready)
//   {type: 'stdout', text, stamps} / {type: 'stderr', text}   batched (wasm/session.mjs)
//   {type: 'trace', events: [{kind, time, taskId, taskName, what, line}, ...]}  if trace
// With trace, each stdout event's `stamps` ([{length, time, taskId, taskName}, ...]) give
// the time and task of each write in its text; there are no `output` trace records.
//   {type: 'exit', status, error}   status: the exit status as CPython's (0, 1, SystemExit's
//                                   code); null with `error` set when the run was stopped
//                                   ('stopped') or the runtime failed.
// Runs are numbered: events of any run but the latest are dropped. stop() — or a new
// run() while one is going — ends the run at once by replacing the worker (so even
// `while True: pass` stops), and the next worker starts from the module already compiled:
// the wasm is downloaded and compiled once per runner.

const defaultUrls = {
  glueUrl: new URL('../build/wasm/awaitpad.mjs', import.meta.url).href,
  wasmUrl: new URL('../build/wasm/awaitpad.wasm', import.meta.url).href,
  // Downloaded by the worker only when a program needs them (on_demand.mjs).
  deferredUrl: new URL('../build/wasm/awaitpad.deferred.wasm', import.meta.url).href,
  libraryUrl: new URL('../build/wasm/awaitpad.lib/', import.meta.url).href,
  workerUrl: new URL('./worker.mjs', import.meta.url).href,
};

export const STOPPED = 'stopped';

// A page may start a worker only from a script of its own origin. A runtime on another
// origin (embed.js on a docs site), or any runtime seen from an opaque origin (embed.html
// in <iframe sandbox="allow-scripts">), is started from a data: URL module that imports the
// worker: that works from both (a blob: URL does not from an opaque origin), and needs the
// runtime served with Access-Control-Allow-Origin, as any cross-origin module import does.
function workerScript(url) {
  if (url.origin === self.origin) return url;
  return `data:text/javascript,${encodeURIComponent(`import ${JSON.stringify(url.href)};`)}`;
}

export function createRunner(urls = {}) {
  const { glueUrl, wasmUrl, deferredUrl, libraryUrl, workerUrl } = { ...defaultUrls, ...urls };
  const compiled = WebAssembly.compileStreaming(fetch(wasmUrl));
  let worker = null;
  let runNumber = 0;
  let current = null;  // {run, onEvent} of the run in progress

  function finish(event) {
    const { onEvent } = current;
    current = null;
    onEvent(event);
  }

  function startWorker() {
    // The worker starts loading the glue at once, while the page compiles the wasm.
    const url = new URL(workerUrl);
    url.searchParams.set('glue', glueUrl);
    worker = new Worker(workerScript(url), { type: 'module' });
    worker.onmessage = ({ data }) => {
      for (const event of data.events) {
        if (!current || data.run !== current.run) return;  // a stale run's events
        if (event.type === 'exit') finish(event);
        else current.onEvent(event);
      }
    };
    // The worker itself failed (its script did not load, or the runtime threw past the
    // session): end the run with that error; the next run starts a new worker. (Not at
    // once: a worker script that cannot load would be fetched again and again.)
    worker.onerror = (error) => {
      error.preventDefault?.();
      worker.terminate();
      worker = null;
      if (current) finish({ type: 'exit', status: null, error: error.message ?? 'worker failed' });
    };
    const starting = worker;
    compiled.then((module) => starting.postMessage({ type: 'init', module, deferredUrl, libraryUrl }), () => {});
  }

  function replaceWorker() {
    worker?.terminate();
    startWorker();
  }

  function stop(run) {
    if (!current || current.run !== run) return;
    replaceWorker();
    finish({ type: 'exit', status: null, error: STOPPED });
  }

  function run(source, options = {}, onEvent = () => {}) {
    if (current) stop(current.run);
    const number = ++runNumber;
    current = { run: number, onEvent };
    if (!worker) startWorker();
    worker.postMessage({ type: 'run', run: number, source, options });
    // A runtime that cannot be downloaded or compiled ends every run with that error.
    compiled.catch((error) => {
      if (current?.run === number) {
        finish({ type: 'exit', status: null, error: `cannot load the runtime: ${error.message}` });
      }
    });
    return { stop: () => stop(number) };
  }

  startWorker();
  return {
    run,
    // Ends the runner: the worker goes; a run in progress ends as stopped.
    close() {
      if (current) finish({ type: 'exit', status: null, error: STOPPED });
      worker?.terminate();
      worker = null;
    },
  };
}
