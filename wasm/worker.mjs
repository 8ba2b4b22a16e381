// The Web Worker that runs programs for wasm/runner.mjs. It keeps the page responsive:
// a program computes here, and waits by suspending the module (Asyncify) on this
// worker's event loop. Its URL names the Emscripten glue (?glue=URL), which it imports at
// once; the URL is read from import.meta.url, not the worker's location, because a worker
// for another origin's runtime starts from a data: URL that imports this module
// (runner.mjs). Messages from the runner:
//   {type: 'init', module: WebAssembly.Module, deferredUrl, libraryUrl}  once, first
//   {type: 'run', run, source, options}                   options as runner.run's
// To the runner: {run, events} with the events of the contract (runner.mjs) that the
// session handed out together — one message per batch, not per event. Runs are taken
// one at a time, each in a fresh instance of the already compiled module; the module is
// never entered while a run is suspended (TOOLCHAIN.md §2).
import { compiledOnce, moduleSources } from './on_demand.mjs';
import { instantiating, runProgram } from './session.mjs';

const glue = import(new URL(import.meta.url).searchParams.get('glue'));
glue.catch(() => {});  // reported by the first run, through `ready`
let resolveReady;
const ready = new Promise((resolve) => { resolveReady = resolve; });
let queue = Promise.resolve();

// Run once, unseen, before the first real run. V8 compiles a wasm function on its first
// call, and the interpreter's start-up, print and asyncio.run call hundreds of them: the
// first run of a page would pay 100–250 ms for that. Compiled code is shared by every
// instance of the module, so after this the first real run starts as fast as later ones.
const WARM_UP = {
  source: 'import asyncio\n\nasync def main():\n    await asyncio.sleep(0)\n    print(end="")\n\nasyncio.run(main())\n',
  virtualTime: true,
};

// A file's bytes, or null when the server has none or cannot be reached, read while wasm
// runs below: a worker may block on a request. (A failed blocking request throws.)
function download(url) {
  const request = new XMLHttpRequest();
  request.open('GET', url, false);
  request.responseType = 'arraybuffer';
  try {
    request.send();
  } catch {
    return null;
  }
  return request.status === 200 ? new Uint8Array(request.response) : null;
}

async function initialize({ module, deferredUrl, libraryUrl }) {
  const { default: createAwaitpad } = await glue;
  // The compiled module came from the page: instantiate it here, no download, no compile.
  // The deferred code and the Python-written modules are downloaded only if a program
  // needs them, once per worker (on_demand.mjs).
  const moduleOptions = instantiating(module, {
    deferredModule: compiledOnce(() => {
      const bytes = download(deferredUrl);
      if (!bytes) {
        throw new Error(`could not download the runtime's deferred code (${deferredUrl})`);
      }
      return bytes;
    }),
    moduleSource: moduleSources((file) => download(new URL(file, libraryUrl))),
  });
  await runProgram(createAwaitpad, moduleOptions, WARM_UP, () => {});
  return { createAwaitpad, moduleOptions };
}

async function runOne({ run, source, options = {} }) {
  let batch = [];
  const post = (event) => batch.push(event);
  const send = () => {
    postMessage({ run, events: batch });
    batch = [];
  };
  try {
    const { createAwaitpad, moduleOptions } = await ready;
    const result = await runProgram(createAwaitpad, moduleOptions, {
      source,
      stdin: options.stdin ?? '',
      virtualTime: Boolean(options.virtualTime),
      seed: options.seed ?? null,
      trace: Boolean(options.trace),
    }, post, send);
    post({ type: 'exit', status: result.status, error: result.error });
  } catch (error) {
    post({ type: 'exit', status: null, error: String(error?.message ?? error) });
  }
  send();
}

onmessage = ({ data }) => {
  if (data.type === 'init') {
    resolveReady(initialize(data));
  } else if (data.type === 'run') {
    queue = queue.then(() => runOne(data));
  }
};
