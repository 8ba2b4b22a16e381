// The web module in Node: its Emscripten factory and options instantiating it from a
// WebAssembly.Module compiled once, ready for runProgram (session.mjs). Used by
// wasm/cli.mjs, the Node tests, the benchmarks and the Asyncify probe.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { compiledOnce, moduleSources } from './on_demand.mjs';
import { instantiating } from './session.mjs';

// `gluePath` is the module's .mjs; its .wasm and .deferred.wasm lie beside it, and so
// does awaitpad.lib/.
// `onDeferredCall()`, if given, is called each time an instance first calls into the
// deferred code (the tests check that the gallery's programs never do).
export async function loadModule(gluePath, { onDeferredCall = () => {} } = {}) {
  const { default: createAwaitpad } = await import(pathToFileURL(gluePath).href);
  const compiled = await WebAssembly.compile(fs.readFileSync(gluePath.replace(/\.mjs$/, '.wasm')));
  const compiledDeferred = compiledOnce(
    () => fs.readFileSync(gluePath.replace(/\.mjs$/, '.deferred.wasm')));
  const deferredModule = () => {
    onDeferredCall();
    return compiledDeferred();
  };
  // One library serves every module of the build directory (the probe's too).
  const library = path.join(path.dirname(gluePath), 'awaitpad.lib');
  const moduleSource = moduleSources((file) => {
    const source = path.join(library, file);
    return fs.existsSync(source) ? fs.readFileSync(source) : null;
  });
  const moduleOptions = instantiating(compiled, { deferredModule, moduleSource });
  return { createAwaitpad, moduleOptions };
}
