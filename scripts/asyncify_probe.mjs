// Finds the functions on the C++ stack whenever the web module suspends, to check
// wasm/asyncify_functions.txt, the ASYNCIFY_ONLY list: a suspended function missing from
// it makes the rewind go wrong. Runs every program on the probe module (the wasm build's
// awaitpad_web_probe target: everything instrumented, names kept) on the real clock —
// faked, so each wait moves it forward at once — and records the stack at each wait.
// fetch is faked too: it answers every request at once with 200 and `{}`, so programs
// making HTTP requests need no server.
//
//   node scripts/asyncify_probe.mjs [--check LIST] PROBE.mjs PATH...
//
// PATH: a .py file or a folder of them (recursively; PROGRAM.in is its stdin when present).
// Prints each function seen with the number of programs whose suspended stacks held it.
// With --check LIST, exits 1 naming the functions no line of LIST matches (emcc's rules: a
// `.` in a line stands for a space, `*` for any text).
import fs from 'node:fs';
import path from 'node:path';

import { loadModule } from '../wasm/node_module.mjs';
import { runProgram } from '../wasm/session.mjs';

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

// The list's lines as regular expressions matching whole names.
function listPatterns(file) {
  const escape = (text) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  return fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.trim())
    .map((line) => new RegExp(`^${line.replaceAll('.', ' ').split('*').map(escape).join('.*')}$`));
}

// Runs each program, returning Map(function → Set of programs that suspended through it).
async function suspendedFunctions({ createAwaitpad, moduleOptions }, files) {
  let fakeNow = 0;
  performance.now = () => fakeNow;
  globalThis.fetch = async () => new Response('{}', { status: 200, statusText: 'OK' });
  Error.stackTraceLimit = Infinity;
  const seen = new Map();
  for (const file of files) {
    const probing = (options) => {
      const wait = options.awaitpad.wait;
      options.awaitpad.wait = (milliseconds) => {
        for (const name of wasmFrames(new Error().stack)) {
          if (!seen.has(name)) seen.set(name, new Set());
          seen.get(name).add(file);
        }
        // A wait for requests only (no timer) ends when the fake fetch answers.
        if (!Number.isFinite(milliseconds)) return wait(milliseconds);
        fakeNow += milliseconds;
        return wait(0);
      };
      return createAwaitpad(options);
    };
    const stdinFile = file.replace(/\.py$/, '.in');
    const stdin = fs.existsSync(stdinFile) ? fs.readFileSync(stdinFile, 'utf8') : '';
    await runProgram(probing, moduleOptions, {
      source: fs.readFileSync(file, 'utf8'), argv0: file, stdin, seed: 1,
    }, () => {});
  }
  return seen;
}

const args = process.argv.slice(2);
const listFile = args[0] === '--check' ? args[1] : null;
const [probe, ...roots] = listFile ? args.slice(2) : args;
const seen = await suspendedFunctions(await loadModule(path.resolve(probe)),
  roots.flatMap((root) => [...pythonFiles(root)]));

const patterns = listFile ? listPatterns(listFile) : [];
const missing = [];
for (const [name, files] of [...seen].sort()) {
  const listed = patterns.some((pattern) => pattern.test(name));
  if (listFile && !listed) missing.push(name);
  console.log(`${files.size}\t${listed ? 'listed' : '-'}\t${name}`);
}
if (seen.size === 0) {
  console.error('asyncify_probe: no program suspended: nothing was checked');
  process.exitCode = 1;
}
for (const name of missing) {
  console.error(`asyncify_probe: ${name} is on a suspended stack but not in ${listFile}`);
  process.exitCode = 1;
}
