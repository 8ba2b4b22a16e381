// Finds the functions that are on the C++ stack whenever the web module suspends, to
// check wasm/asyncify_functions.txt (the ASYNCIFY_ONLY list). Needs a probe build that
// instruments everything and keeps function names:
//   emcmake cmake -S . -B build/wasm-probe -DCMAKE_BUILD_TYPE=Release \
//     -DCMAKE_CROSSCOMPILING_EMULATOR=$(command -v node) -DAWAITPAD_ASYNCIFY_FLAGS=--profiling-funcs
//   cmake --build build/wasm-probe --target awaitpad_web
//   node scripts/asyncify_probe.mjs build/wasm-probe tests/programs tests/scenarios
// Prints each function seen on a suspended stack, with how many programs reached it.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { runProgram } from '../wasm/session.mjs';

const [directory, ...roots] = process.argv.slice(2);
const { default: createAwaitpad } = await import(
  pathToFileURL(path.resolve(directory, 'awaitpad.mjs')).href);
const wasmBinary = fs.readFileSync(path.join(directory, 'awaitpad.wasm'));

function* pythonFiles(root) {
  if (fs.statSync(root).isFile()) {
    if (root.endsWith('.py')) yield root;
    return;
  }
  for (const entry of fs.readdirSync(root).sort()) yield* pythonFiles(path.join(root, entry));
}

// The wasm frames of a V8 stack trace, innermost first: "at name (wasm://...)".
function wasmFrames(stack) {
  return stack.split('\n').filter((line) => line.includes('wasm://'))
    .map((line) => line.trim().replace(/^at /, '').replace(/ \(wasm:\/\/.*$/, ''));
}

// Real-time runs on a fake clock that each wait moves forward, so the corpus's long
// sleeps cost nothing while every wait still suspends the module for real.
let fakeNow = 0;
performance.now = () => fakeNow;

Error.stackTraceLimit = Infinity;
const seen = new Map();  // function → programs whose suspended stacks held it
for (const file of roots.flatMap((root) => [...pythonFiles(root)])) {
  const probing = (options) => {
    const wait = options.awaitpad.wait;
    options.awaitpad.wait = (milliseconds) => {
      for (const name of wasmFrames(new Error().stack)) {
        if (!seen.has(name)) seen.set(name, new Set());
        seen.get(name).add(file);
      }
      fakeNow += milliseconds;
      return wait(0);
    };
    return createAwaitpad(options);
  };
  const stdinFile = file.replace(/\.py$/, '.in');
  const stdin = fs.existsSync(stdinFile) ? fs.readFileSync(stdinFile, 'utf8') : '';
  await runProgram(probing, { wasmBinary }, {
    source: fs.readFileSync(file, 'utf8'), argv0: file, stdin, virtualTime: false, seed: 1,
  }, () => {});
}
for (const [name, files] of [...seen].sort()) console.log(`${files.size}\t${name}`);
