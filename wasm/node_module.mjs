// The web module in Node: its Emscripten factory and options instantiating it from a
// WebAssembly.Module compiled once, ready for runProgram (session.mjs). Used by
// wasm/cli.mjs, the Node tests, the benchmarks and the Asyncify probe.
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

import { instantiating } from './session.mjs';

// `gluePath` is the module's .mjs; its .wasm lies beside it.
export async function loadModule(gluePath) {
  const { default: createAwaitpad } = await import(pathToFileURL(gluePath).href);
  const compiled = await WebAssembly.compile(fs.readFileSync(gluePath.replace(/\.mjs$/, '.wasm')));
  return { createAwaitpad, moduleOptions: instantiating(compiled) };
}
