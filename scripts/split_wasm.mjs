// Splits the linked web module into the code that programs staying on the machine call and
// the rest (wasm/README.md, "Loaded on demand"). The link (-sSPLIT_MODULE) leaves the
// whole module as awaitpad.wasm.orig and, as awaitpad.wasm, a copy instrumented to record
// which functions run. This runs every program under PATHs on that copy, the ways the
// page runs it (trace on, real or virtual time) and the way the command line does (no
// trace, real time), then wasm-split writes awaitpad.wasm (every function those runs
// called) and awaitpad.deferred.wasm (the rest).
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
  // Mutable globals: the deferred module shares the primary's stack pointer and Asyncify
  // state, which V8 has allowed to import since 2018.
  execFileSync(wasmSplit, [`${wasm}.orig`, '--enable-mutable-globals', `--profile=${merged}`,
    '-o1', wasm, '-o2', deferred]);
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
const gzipped = (file) => `${(gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024).toFixed(1)} KB`;
console.log(`split_wasm: ${files.length} programs, ${leftOut.size} left out for their HTTP requests ` +
  `(${[...leftOut].join(', ')}); awaitpad.wasm ${gzipped(wasm)} gzip, ` +
  `awaitpad.deferred.wasm ${gzipped(deferred)} gzip`);
