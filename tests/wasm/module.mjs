// Loads the web module once for a test file: the Emscripten factory and the compiled
// WebAssembly.Module, instantiated afresh per run as the worker does (wasm/worker.mjs).
// The module comes from AWAITPAD_WASM_DIR (ctest sets it) or build/wasm.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadModule } from '../../wasm/node_module.mjs';
import { runProgram } from '../../wasm/session.mjs';

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const moduleDirectory =
  process.env.AWAITPAD_WASM_DIR ?? path.join(repositoryRoot, 'build', 'wasm');

const { createAwaitpad, moduleOptions } =
  await loadModule(path.join(moduleDirectory, 'awaitpad.mjs'));

// Runs `program` (runProgram's fields) and resolves to {status, error, stdout, stderr,
// events, seconds}: every event stamped with `at`, seconds since the run began.
export async function run(program) {
  const started = performance.now();
  const since = () => (performance.now() - started) / 1000;
  const events = [];
  const result = await runProgram(createAwaitpad, moduleOptions, program,
    (event) => events.push({ ...event, at: since() }));
  const text = (type) => events.filter((e) => e.type === type).map((e) => e.text).join('');
  return {
    ...result, events, stdout: text('stdout'), stderr: text('stderr'), seconds: since(),
  };
}
