// Splits the linked web module into the code that programs staying on the machine call and
// the rest (wasm/README.md, "Loaded on demand"). The link (-sSPLIT_MODULE) leaves the
// whole module as awaitpad.wasm.orig and, as awaitpad.wasm, a copy instrumented to record
// which functions run. This runs every program under PATHs on that copy, the ways the
// page runs it (trace on, real or virtual time) and the way the command line does (no
// trace, real time), then wasm-split writes awaitpad.wasm (every function those runs
// called, and the dispatch loop's callees: keepCallees) and awaitpad.deferred.wasm (the
// rest).
//
// A program that makes an HTTP request is left out of the profile: it waits for the
// network anyway, so the code only it needs (aiohttp's and requests' modules, HTTP) comes
// with its first request — about 30 KB gzipped that every other program would download
// for nothing. The clock is faked (waits take no time) and fetch fails at once.
//
//   node scripts/split_wasm.mjs --wasm-split WASM_SPLIT BUILD_DIR PATH...
//
// PATH: a .py file or a folder of them.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { loadModule } from '../wasm/node_module.mjs';
import { runProgram } from '../wasm/session.mjs';

function* pythonFiles(root) {
  if (fs.statSync(root).isFile()) {
    if (root.endsWith('.py')) yield root;
    return;
  }
  for (const entry of fs.readdirSync(root).sort()) yield* pythonFiles(path.join(root, entry));
}

// The page's two ways (trace on, real or virtual time) and the command line's.
const RUN_KINDS = [
  { trace: true, virtualTime: false },
  { trace: true, virtualTime: true },
  { trace: false, virtualTime: false },
];

// Runs `file` in one kind of run; resolves to its profile (4 bytes a function), or null
// when the program made an HTTP request.
async function profileOf({ createAwaitpad, moduleOptions }, file, kind) {
  let module = null;
  let requested = false;
  globalThis.fetch = () => {
    requested = true;
    return Promise.reject(new TypeError('no network while splitting'));
  };
  let fakeNow = 0;
  performance.now = () => fakeNow;
  const recording = (options) => {
    const { wait } = options.awaitpad;
    options.awaitpad.wait = (milliseconds) => {
      if (Number.isFinite(milliseconds)) fakeNow += milliseconds;
      return wait(0);
    };
    return createAwaitpad(options).then((made) => { module = made; return made; });
  };
  const result = await runProgram(recording, moduleOptions,
    { source: fs.readFileSync(file), argv0: file, seed: 1, ...kind }, () => {});
  if (result.error) throw new Error(`${file}: ${result.error}`);
  if (requested) return null;
  // The instrumented module's export writes the profile into memory.
  const size = 1 << 20;
  const address = module._malloc(size);
  const written = module.asm.__write_profile(address, size);
  return module.HEAPU8.slice(address, address + written);
}

// The names of a module's functions by index, imported ones first, from its name section
// (the link keeps one: --profiling-funcs), and the number of imported functions.
function functionNames(bytes) {
  let offset = 8;
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[offset++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  const text = (size) => new TextDecoder().decode(bytes.subarray(offset, (offset += size)));
  const names = [];
  let imported = 0;
  while (offset < bytes.length) {
    const id = bytes[offset++];
    const end = leb() + offset;
    if (id === 2) {  // imports: count the functions
      for (let count = leb(); count > 0; count -= 1) {
        text(leb());
        text(leb());
        const kind = bytes[offset++];
        if (kind === 0) {
          leb();
          imported += 1;
        } else if (kind === 1) {
          offset += 1;
          if (leb() & 1) leb();
          leb();
        } else if (kind === 2) {
          if (leb() & 1) leb();
          leb();
        } else {
          offset += 2;
        }
      }
    } else if (id === 0 && text(leb()) === 'name') {
      while (offset < end) {
        const subsection = bytes[offset++];
        const subsectionEnd = leb() + offset;
        if (subsection === 1) {
          for (let count = leb(); count > 0; count -= 1) names[leb()] = text(leb());
        }
        offset = subsectionEnd;
      }
    }
    offset = end;
  }
  return { names, imported };
}

// The dispatch loop's direct callees stay in awaitpad.wasm whether the profile saw them or
// not. wasm-split turns each call of a deferred function into an indirect call, and V8
// compiles run_frames, one 46 KB function, much worse with a few dozen more of those:
// cpu_fib took 200 ms instead of 125 with 24 of its callees deferred, though it called none
// of them. Marks them in the profile `profileFile` of `moduleFile`.
const KEEP_CALLEES_OF = 'py::run_frames(';

function keepCallees(profileFile, moduleFile, wasmOpt) {
  // binaryen prints a name with \XX for each byte outside its identifier characters.
  const unescape = (name) =>
    name.replace(/\\([0-9a-f]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
  const graph = execFileSync(wasmOpt,
    ['--all-features', moduleFile, '--print-call-graph', '-o', '/dev/null'],
    { encoding: 'utf8', maxBuffer: 1 << 30 });
  const callees = new Set();
  for (const [, caller, callee] of graph.matchAll(/^ *"([^"]*)" -> "([^"]*)"; \/\/ call$/gm)) {
    if (unescape(caller).startsWith(KEEP_CALLEES_OF)) callees.add(unescape(callee));
  }
  if (callees.size === 0) {
    throw new Error(`no callees of ${KEEP_CALLEES_OF} found: does the link keep names?`);
  }
  const { names, imported } = functionNames(fs.readFileSync(moduleFile));
  const profile = fs.readFileSync(profileFile);
  names.forEach((name, index) => {
    // Any non-zero entry marks a function as called: the profile holds first-call times.
    if (index >= imported && callees.has(name)) {
      profile.writeUInt32LE(1, 8 + 4 * (index - imported));
    }
  });
  fs.writeFileSync(profileFile, profile);
}

const args = process.argv.slice(2);
if (args[0] !== '--wasm-split' || args.length < 4) {
  console.error('usage: node scripts/split_wasm.mjs --wasm-split WASM_SPLIT BUILD_DIR PATH...');
  process.exit(2);
}
const [, wasmSplit, buildDir, ...roots] = args;
const files = roots.flatMap((root) => [...pythonFiles(root)]);
const wasm = path.join(buildDir, 'awaitpad.wasm');
const deferred = path.join(buildDir, 'awaitpad.deferred.wasm');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'awaitpad-split-'));
const leftOut = new Set();
try {
  const instrumented = await loadModule(path.join(buildDir, 'awaitpad.mjs'));
  const profiles = [];
  for (const file of files) {
    for (const kind of RUN_KINDS) {
      const profile = await profileOf(instrumented, file, kind);
      if (!profile) {
        leftOut.add(path.basename(file));
        continue;
      }
      profiles.push(path.join(scratch, `${profiles.length}.prof`));
      fs.writeFileSync(profiles.at(-1), profile);
    }
  }
  const merged = path.join(scratch, 'merged.prof');
  execFileSync(wasmSplit, ['--merge-profiles', ...profiles, '-o', merged]);
  keepCallees(merged, `${wasm}.orig`, path.join(path.dirname(wasmSplit), 'wasm-opt'));
  // Mutable globals: the deferred module shares the primary's stack pointer and Asyncify
  // state, which V8 has allowed to import since 2018.
  execFileSync(wasmSplit, [`${wasm}.orig`, '--enable-mutable-globals', `--profile=${merged}`,
    '-o1', wasm, '-o2', deferred]);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
// KB = 1000 bytes, as the bench counts them.
const gzipped = (file) =>
  `${(gzipSync(fs.readFileSync(file), { level: 9 }).length / 1000).toFixed(1)} KB`;
console.log(`split_wasm: ${files.length} programs, ${leftOut.size} left out for their HTTP ` +
  `requests (${[...leftOut].join(', ')}); awaitpad.wasm ${gzipped(wasm)} gzip, ` +
  `awaitpad.deferred.wasm ${gzipped(deferred)} gzip`);
