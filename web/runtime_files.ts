// The runtime the page loads at run time, served as files under runtime/ both by the dev
// server and in dist/: the runner, its worker, session, fetch requests and on-demand
// loading from wasm/, and the Emscripten build (awaitpad.mjs, awaitpad.wasm,
// awaitpad.deferred.wasm and awaitpad.lib/) from AWAITPAD_WASM_DIR (default build/wasm).
// They are copied as they are, not bundled: the worker imports session.mjs (which imports
// fetch_requests.mjs) and the glue by URL, and the glue must stay the file the wasm was
// linked with.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const RUNTIME_DIRECTORY = 'runtime';

// The directory of the Emscripten build.
export function wasmDirectory(): string {
  return path.resolve(REPO_ROOT, process.env.AWAITPAD_WASM_DIR ?? 'build/wasm');
}

// The Python-written modules the worker downloads on first import: awaitpad.lib/NAME.py.
function libraryFiles(library: string): [string, string][] {
  if (!fs.existsSync(library)) return [];
  return fs.readdirSync(library).sort()
    .map((name) => [`awaitpad.lib/${name}`, path.join(library, name)]);
}

// Name under runtime/ → file on disk.
export function runtimeFiles(): Map<string, string> {
  const wasm = wasmDirectory();
  return new Map([
    ['runner.mjs', path.join(REPO_ROOT, 'wasm', 'runner.mjs')],
    ['worker.mjs', path.join(REPO_ROOT, 'wasm', 'worker.mjs')],
    ['session.mjs', path.join(REPO_ROOT, 'wasm', 'session.mjs')],
    ['fetch_requests.mjs', path.join(REPO_ROOT, 'wasm', 'fetch_requests.mjs')],
    ['awaitpad.mjs', path.join(wasm, 'awaitpad.mjs')],
    ['awaitpad.wasm', path.join(wasm, 'awaitpad.wasm')],
    ['awaitpad.deferred.wasm', path.join(wasm, 'awaitpad.deferred.wasm')],
    ['on_demand.mjs', path.join(REPO_ROOT, 'wasm', 'on_demand.mjs')],
    ...libraryFiles(path.join(wasm, 'awaitpad.lib')),
  ]);
}

// Throws one clear message naming every missing file and how to make it.
export function checkRuntimeFiles(): void {
  const missing = [...runtimeFiles().values()].filter((file) => !fs.existsSync(file));
  if (missing.length > 0) {
    throw new Error(`the page needs the wasm build, and these files are missing:\n  ${missing.join('\n  ')}\n` +
      'Build it with `npm run build:wasm` (or point AWAITPAD_WASM_DIR at a directory holding awaitpad.mjs + awaitpad.wasm).');
  }
}
