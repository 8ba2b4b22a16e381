#!/usr/bin/env node
// The WebAssembly benchmark (issue 4): the programs of bench/programs/ on the awaitpad wasm
// build, on Pyodide and on MicroPython's WebAssembly port, all in Node in the same run, with
// ratios; then what each runtime makes a page download, and its cold start in Node.
//
//   node bench/wasm_bench.mjs [--repetitions N] [--timeout SECONDS] [--only NAME]
//
// How it is measured:
// - Time is the program's own: each program times its workload with time.perf_counter()
//   and prints "elapsed SECONDS" last, as for bench/programs_bench.py, so loading and
//   instantiating a runtime is not counted (cold start is measured separately). Best of N
//   (--repetitions, default 3), each repetition in a fresh instance: ours from a module
//   compiled once per program (instantiateWasm, as wasm/worker.mjs does); Pyodide and
//   MicroPython take no compiled module, so they load afresh (uncounted).
// - Every runtime runs in a child Node process per program (this script with --child), so
//   a run that hangs or crawls can be stopped: a repetition longer than --timeout (default
//   30 s, load included) is stopped and shown as "> 30 s", and its ratio ">Nx" takes 30 s
//   as the peer's time. Pyodide's asyncio.run needs WebAssembly stack switching (JSPI),
//   which Node 20 has behind a flag: the children get --experimental-wasm-stack-switching
//   when Node does not have JSPI on already.
// - Real time everywhere: programs_bench.py runs no program with --virtual-time, so ours runs
//   with virtualTime false too and every row compares like with like. aio_sleeps therefore
//   includes its real sleeps (up to 10 ms) on every side. mem_* rows compare time here, not
//   memory (programs_bench.py compares their peak RSS natively).
// - Programs run unmodified. Each runtime's stdout, but for the "elapsed" line, must equal
//   CPython's (python3 runs each program once); a difference is marked "(differs)". A
//   program a runtime cannot run shows "fails [n]", its error listed under the table; a
//   peer that fails does not count against the target. One exception, marked "†":
//   MicroPython's time module has no perf_counter, which every program calls, so before the
//   program the bench installs a copy of `time` with perf_counter = performance.now() / 1000
//   in sys.modules — without it MicroPython runs none of the programs.
// - Download: what a page fetches to run print("hello"), raw, gzip (level 9) and brotli
//   (quality 11), 1 KB = 1000 bytes. For awaitpad, what a program may fetch on top is shown
//   under it ("on demand"): a file at a time, as the program first needs it. Cold start: a fresh Node process per try (cold module
//   caches), from just before importing the runtime's JS to its first output line of
//   print("hello"), best of 5; Node's own start-up is not counted.
//
// Targets (issue 4): download ≤ 250 KB gzip; cold start ≤ 50 ms in Node; faster than Pyodide
// and MicroPython on every program. Missing one prints MISSED; nothing fails.
import { execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.join(HERE, '..');
const PROGRAMS = path.join(HERE, 'programs');
const WASM_DIR = path.resolve(ROOT, process.env.AWAITPAD_WASM_DIR ?? 'build/wasm');
const NODE_MODULES = path.join(ROOT, 'node_modules');
const PYODIDE_DIR = path.join(NODE_MODULES, 'pyodide');
const MICROPYTHON_DIR = path.join(NODE_MODULES, '@micropython', 'micropython-webassembly-pyscript');
const COLD_START_TRIES = 5;
const TARGETS = { downloadGzipKb: 250, coldStartMs: 50 };

const MICROPYTHON_TIME_SHIM = `
import sys, time, js
class _Time:
    pass
_time = _Time()
for _name in dir(time):
    setattr(_time, _name, getattr(time, _name))
_time.perf_counter = (lambda now: lambda: now() / 1000)(js.performance.now)
sys.modules["time"] = _time
del sys, time, js, _Time, _time, _name
`;

// --- The runtimes: load() → run(source, onStdout) → {stdout, error} ----------------------
// Each run is a fresh instance; onStdout is called at each piece of output.

// Captures a runtime's stdout as text.
function outputSink() {
  const decoder = new TextDecoder();
  let text = '';
  return {
    writeText: (chunk) => { text += chunk; },
    writeBytes: (bytes) => { text += decoder.decode(bytes, { stream: true }); },
    get text() { return text; },
  };
}

function lastLine(message) {
  const lines = String(message).trim().split('\n');
  return lines[lines.length - 1];
}

const RUNTIMES = {
  awaitpad: {
    label: 'awaitpad-wasm',
    files: [path.join(WASM_DIR, 'awaitpad.mjs'), path.join(WASM_DIR, 'awaitpad.wasm')],
    // Fetched only by a program that needs them (wasm/README.md, "Loaded on demand").
    onDemand: [path.join(WASM_DIR, 'awaitpad.deferred.wasm'), ...libraryFiles()],
    async load() {
      const { loadModule } = await import(
        pathToFileURL(path.join(ROOT, 'wasm', 'node_module.mjs')).href);
      const { runProgram } = await import(
        pathToFileURL(path.join(ROOT, 'wasm', 'session.mjs')).href);
      const { createAwaitpad, moduleOptions } =
        await loadModule(path.join(WASM_DIR, 'awaitpad.mjs'));
      return async (source, onStdout = () => {}) => {
        const stdout = outputSink();
        let stderr = '';
        const result = await runProgram(createAwaitpad, moduleOptions, { source }, (event) => {
          if (event.type === 'stdout') { stdout.writeText(event.text); onStdout(); }
          if (event.type === 'stderr') stderr += event.text;
        });
        if (result.error !== null) return { stdout: stdout.text, error: result.error };
        if (result.status !== 0) return { stdout: stdout.text, error: lastLine(stderr) };
        return { stdout: stdout.text, error: null };
      };
    },
  },
  pyodide: {
    label: 'Pyodide',
    // What loadPyodide fetches: its module, the Emscripten glue and wasm, the standard
    // library and the package lock file (pyodide.mjs: initializeConfiguration, loadWasmScript).
    files: ['pyodide.mjs', 'pyodide.asm.mjs', 'pyodide.asm.wasm', 'python_stdlib.zip',
      'pyodide-lock.json'].map((name) => path.join(PYODIDE_DIR, name)),
    async load() {
      const { loadPyodide } = await import('pyodide');
      return async (source, onStdout = () => {}) => {
        const stdout = outputSink();
        const pyodide = await loadPyodide();
        pyodide.setStdout({
          write: (bytes) => { stdout.writeBytes(bytes); onStdout(); return bytes.length; },
        });
        try {
          await pyodide.runPythonAsync(source);
          return { stdout: stdout.text, error: null };
        } catch (error) {
          return { stdout: stdout.text, error: lastLine(error.message) };
        }
      };
    },
  },
  micropython: {
    label: 'MicroPython',
    files: ['micropython.mjs', 'micropython.wasm'].map((name) => path.join(MICROPYTHON_DIR, name)),
    async load() {
      const { loadMicroPython } = await import('@micropython/micropython-webassembly-pyscript');
      return async (source, onStdout = () => {}, { shim = true } = {}) => {
        const stdout = outputSink();
        // A 64 MiB heap (the default is 1 MiB), so no program fails for want of memory.
        const micropython = await loadMicroPython({
          heapsize: 64 * 1024 * 1024,
          linebuffer: false,
          stdout: (bytes) => { stdout.writeBytes(bytes); onStdout(); },
        });
        try {
          if (shim) micropython.runPython(MICROPYTHON_TIME_SHIM);
          await micropython.runPythonAsync(source);
          return { stdout: stdout.text, error: null };
        } catch (error) {
          return { stdout: stdout.text, error: lastLine(error.message) };
        }
      };
    },
  },
};

// --- The child process: runs one runtime, reports through IPC ------------------------------

function send(message) {
  return new Promise((resolve) => { process.send(message, resolve); });
}

// `--child run RUNTIME FILE N`: N repetitions of a program, one message per repetition.
async function childRun(runtimeName, file, repetitions) {
  const run = await RUNTIMES[runtimeName].load();
  const source = fs.readFileSync(file, 'utf8');
  for (let i = 0; i < repetitions; ++i) await send(await run(source));
}

// `--child cold RUNTIME`: milliseconds from importing the runtime to the first output of
// print("hello"), the shim left out.
async function childColdStart(runtimeName) {
  const start = performance.now();
  let firstOutput = null;
  const run = await RUNTIMES[runtimeName].load();
  const result = await run('print("hello")\n', () => { firstOutput ??= performance.now(); },
    { shim: false });
  if (result.error === null && firstOutput === null) result.error = 'no output';
  await send({ ...result, milliseconds: firstOutput - start });
}

// --- The parent ------------------------------------------------------------------------

const STACK_SWITCHING_FLAG = '--experimental-wasm-stack-switching';

function childExecArgv() {
  const hasJspi = 'Suspending' in WebAssembly || 'Suspender' in WebAssembly;
  return hasJspi ? process.execArgv : [...process.execArgv, STACK_SWITCHING_FLAG];
}

// Forks this script as a child; resolves to its messages, and `timedOut` when a message took
// longer than timeoutMs (the child is then killed).
function runChild(args, expected, timeoutMs) {
  return new Promise((resolve) => {
    const messages = [];
    let stderr = '';
    const child = fork(fileURLToPath(import.meta.url), ['--child', ...args], {
      execArgv: childExecArgv(), stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    let timer;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => { child.kill('SIGKILL'); }, timeoutMs);
    };
    arm();
    child.on('message', (message) => {
      messages.push(message);
      if (messages.length < expected) arm();
      else clearTimeout(timer);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const timedOut = signal === 'SIGKILL' && messages.length < expected;
      const crashed = !timedOut && messages.length < expected
        ? `the process exited (${signal ?? code}): ${lastLine(stderr)}` : null;
      resolve({ messages, timedOut, crashed });
    });
  });
}

// What the program printed, but for its "elapsed" line; and the elapsed seconds.
function splitElapsed(stdout) {
  const lines = stdout.trimEnd().split('\n');
  const last = lines[lines.length - 1] ?? '';
  const match = /^elapsed (\S+)$/.exec(last);
  if (!match) return { output: stdout, seconds: null };
  return { output: lines.slice(0, -1).join('\n'), seconds: Number(match[1]) };
}

function cpythonOutput(file) {
  const python = process.env.PYTHON ?? 'python3';
  return splitElapsed(execFileSync(python, [file], { encoding: 'utf8' })).output;
}

// One cell of the table: {seconds, differs} | {failure} | {timedOut}.
async function measure(runtimeName, file, expected, options) {
  const { messages, timedOut, crashed } = await runChild(
    ['run', runtimeName, file, String(options.repetitions)], options.repetitions,
    options.timeout * 1000);
  const failed = messages.find((message) => message.error !== null);
  if (failed) return { failure: failed.error };
  if (crashed) return { failure: crashed };
  if (messages.length === 0 && timedOut) return { timedOut: true };
  const runs = messages.map((message) => splitElapsed(message.stdout));
  if (runs.some((run) => run.seconds === null)) return { failure: 'no "elapsed" line' };
  return {
    seconds: Math.min(...runs.map((run) => run.seconds)),
    differs: runs.some((run) => run.output !== expected),
  };
}

// Failure messages, numbered once each, printed under the table.
class Notes {
  constructor() { this.messages = []; }

  number(message) {
    if (!this.messages.includes(message)) this.messages.push(message);
    return this.messages.indexOf(message) + 1;
  }
}

function timeText(cell, label, notes, options, mark = '') {
  if (cell.failure) return `fails [${notes.number(`${label}: ${cell.failure}`)}]`;
  if (cell.timedOut) return `> ${options.timeout} s`;
  const text = `${(cell.seconds * 1000).toFixed(1)}ms${mark}`;
  return cell.differs ? `${text} (differs)` : text;
}

// Peer time ÷ ours: > 1 means awaitpad is faster. A peer that fails counts as slower.
function ratio(ours, theirs, options) {
  if (ours.seconds === undefined) return { text: '—', faster: false };
  if (theirs.timedOut) {
    return { text: `>${(options.timeout / ours.seconds).toFixed(1)}x`, faster: true };
  }
  if (theirs.seconds === undefined) return { text: '—', faster: true };
  const value = theirs.seconds / ours.seconds;
  return { text: `${value.toFixed(2)}x`, faster: value > 1 };
}

async function benchPrograms(options) {
  const names = fs.readdirSync(PROGRAMS).filter((name) => name.endsWith('.py'))
    .map((name) => name.slice(0, -3)).sort()
    .filter((name) => !options.only || name.includes(options.only));
  console.log(`${'program'.padEnd(20)}${'awaitpad-wasm'.padStart(16)}${'Pyodide'.padStart(16)}`
    + `${'MicroPython'.padStart(16)}${'Pyodide/ours'.padStart(14)}${'MP/ours'.padStart(9)}`
    + '  target');
  const notes = new Notes();
  for (const name of names) {
    const file = path.join(PROGRAMS, `${name}.py`);
    const expected = cpythonOutput(file);
    const ours = await measure('awaitpad', file, expected, options);
    const pyodide = await measure('pyodide', file, expected, options);
    const micropython = await measure('micropython', file, expected, options);
    const againstPyodide = ratio(ours, pyodide, options);
    const againstMicroPython = ratio(ours, micropython, options);
    const verdict = againstPyodide.faster && againstMicroPython.faster ? 'ok' : 'MISSED';
    console.log(`${name.padEnd(20)}${timeText(ours, 'awaitpad-wasm', notes, options).padStart(16)}`
      + `${timeText(pyodide, 'Pyodide', notes, options).padStart(16)}`
      + `${timeText(micropython, 'MicroPython', notes, options, '†').padStart(16)}`
      + `${againstPyodide.text.padStart(14)}${againstMicroPython.text.padStart(9)}`
      + `  faster than both ${verdict}`);
  }
  notes.messages.forEach((message, index) => console.log(`[${index + 1}] ${message}`));
  console.log(`> ${options.timeout} s: stopped after --timeout seconds. (differs): stdout is not `
    + "CPython's. † MicroPython has no time.perf_counter: the bench supplies one "
    + '(performance.now) before the unchanged program.');
}

function kb(bytes) {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

function libraryFiles() {
  const library = path.join(WASM_DIR, 'awaitpad.lib');
  return fs.readdirSync(library).sort().map((name) => path.join(library, name));
}

function downloadSize(files) {
  const sum = (measureFile) => files.reduce(
    (total, file) => total + measureFile(fs.readFileSync(file)), 0);
  return {
    raw: sum((bytes) => bytes.length),
    gzip: sum((bytes) => zlib.gzipSync(bytes, { level: 9 }).length),
    brotli: sum((bytes) => zlib.brotliCompressSync(bytes, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length),
  };
}

async function coldStart(runtimeName, options) {
  const tries = [];
  for (let i = 0; i < COLD_START_TRIES; ++i) {
    const { messages, timedOut, crashed } = await runChild(
      ['cold', runtimeName], 1, options.timeout * 1000);
    if (timedOut) return `> ${options.timeout} s (stopped)`;
    if (crashed) return `fails: ${crashed}`;
    if (messages[0].error !== null) return `fails: ${messages[0].error}`;
    tries.push(messages[0].milliseconds);
  }
  return Math.min(...tries);
}

async function benchStartup(options) {
  console.log(`\n${'runtime'.padEnd(15)}${'raw'.padStart(12)}${'gzip'.padStart(12)}`
    + `${'brotli'.padStart(12)}`
    + `${'cold start'.padStart(13)}  files`);
  for (const [name, runtime] of Object.entries(RUNTIMES)) {
    const size = downloadSize(runtime.files);
    const cold = await coldStart(name, options);
    const coldText = typeof cold === 'number' ? `${cold.toFixed(1)}ms` : cold;
    const files = runtime.files.map((file) => path.basename(file)).join(' + ');
    console.log(`${runtime.label.padEnd(15)}${kb(size.raw).padStart(12)}`
      + `${kb(size.gzip).padStart(12)}`
      + `${kb(size.brotli).padStart(12)}${coldText.padStart(13)}  ${files}`);
    if (runtime.onDemand) {
      const onDemand = downloadSize(runtime.onDemand);
      console.log(`${'  on demand'.padEnd(15)}${kb(onDemand.raw).padStart(12)}`
        + `${kb(onDemand.gzip).padStart(12)}${kb(onDemand.brotli).padStart(12)}${''.padStart(13)}  `
        + `awaitpad.deferred.wasm + awaitpad.lib/ (${runtime.onDemand.length - 1} modules), `
        + 'each fetched by the first program that needs it');
    }
    if (name === 'awaitpad') {
      const sizeOk = size.gzip <= TARGETS.downloadGzipKb * 1000;
      const coldOk = typeof cold === 'number' && cold <= TARGETS.coldStartMs;
      console.log(`${''.padEnd(15)}targets: `
        + `gzip ≤ ${TARGETS.downloadGzipKb} KB ${sizeOk ? 'ok' : 'MISSED'}; `
        + `cold start ≤ ${TARGETS.coldStartMs} ms ${coldOk ? 'ok' : 'MISSED'}`);
    }
  }
  console.log(`cold start: Node ${process.version}, a fresh process per try, `
    + `best of ${COLD_START_TRIES}, `
    + 'from importing the runtime to the first line of print("hello")');
  console.log(`load average ${os.loadavg().map((load) => load.toFixed(2)).join(' ')} `
    + `on ${os.cpus().length} CPUs (time is wall time: other jobs slow every runtime)`);
}

function parseOptions(args) {
  const options = { repetitions: 3, timeout: 30, only: null };
  for (let i = 0; i < args.length; ++i) {
    const value = args[i + 1];
    if (args[i] === '--repetitions' && Number(value) >= 1) options.repetitions = Number(value);
    else if (args[i] === '--timeout' && Number(value) > 0) options.timeout = Number(value);
    else if (args[i] === '--only' && value) options.only = value;
    else {
      console.error('usage: node bench/wasm_bench.mjs '
        + '[--repetitions N] [--timeout SECONDS] [--only NAME]');
      process.exit(2);
    }
    ++i;
  }
  return options;
}

async function main(args) {
  if (args[0] === '--child') {
    const [, mode, runtimeName, file, repetitions] = args;
    if (mode === 'run') await childRun(runtimeName, file, Number(repetitions));
    else await childColdStart(runtimeName);
    process.exit(0);  // a runtime may leave timers behind
  }
  const options = parseOptions(args);
  if (!fs.existsSync(path.join(WASM_DIR, 'awaitpad.wasm'))) {
    console.error(`bench: ${path.join(WASM_DIR, 'awaitpad.wasm')} is missing (npm run build:wasm)`);
    process.exit(1);
  }
  console.error(`bench: bench/programs on awaitpad-wasm (${WASM_DIR}), Pyodide and MicroPython `
    + 'in Node '
    + `${process.version}, best of ${options.repetitions}`);
  await benchPrograms(options);
  await benchStartup(options);
}

await main(process.argv.slice(2));
