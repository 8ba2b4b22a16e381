#!/usr/bin/env node
// The wasm build's command line: `node wasm/cli.mjs run FILE [--virtual-time] [--seed N]`
// behaves as the native `awaitpad run` (stdout, stderr, exit status), so the wasm build is
// testable and usable without a browser. `serve` runs many programs for a test runner
// (scripts/check_programs.py --server): Node starts and the module compiles once, not per
// program, and each program still gets a fresh instance, as in `run` and the worker. The module is loaded from build/wasm (or from
// the directory in AWAITPAD_WASM_DIR) and runs on Node's event loop: `asyncio.sleep(1)` is
// a setTimeout here exactly as in the browser's worker.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

import { loadModule } from './node_module.mjs';
import { runProgram, seedText } from './session.mjs';

const usageText = `usage: node wasm/cli.mjs run FILE [--virtual-time] [--seed N]
       node wasm/cli.mjs serve [--virtual-time] [--seed N]
       node wasm/cli.mjs --help

  run FILE          run a Python file on the awaitpad runtime (WebAssembly build)
    --virtual-time  jump the clock to the next timer instead of waiting
    --seed N        seed the \`random\` module with the integer N
  serve             for test runners: read a file path per line on stdin, run it as
                    \`run\` would (stdin empty) and answer one JSON line per file,
                    {"stdout": TEXT, "stderr": TEXT, "status": N}
  --help            show this help
`;

class UsageError extends Error {}

// {command: 'help'} or {command: 'run' | 'serve', file, virtualTime, seed}; throws
// UsageError.
function parseArguments(args) {
  if (args.length === 0) throw new UsageError('missing command');
  const [command, ...rest] = args;
  if (command === '--help' || command === '-h') {
    if (rest.length) throw new UsageError(`unexpected argument: ${rest[0]}`);
    return { command: 'help' };
  }
  if (command !== 'run' && command !== 'serve') throw new UsageError(`unknown command: ${command}`);
  const options = { command, file: null, virtualTime: false, seed: null };
  for (let i = 0; i < rest.length; ++i) {
    const argument = rest[i];
    if (argument === '--virtual-time') {
      options.virtualTime = true;
    } else if (argument === '--seed') {
      if (i + 1 >= rest.length) throw new UsageError('--seed needs a value');
      const text = rest[++i];
      if (seedText(text) === null) {
        throw new UsageError(`--seed needs a non-negative integer, got: ${text}`);
      }
      options.seed = text;
    } else if (argument.startsWith('-') && argument !== '-') {
      throw new UsageError(`unknown option: ${argument}`);
    } else if (options.file === null && command === 'run') {
      options.file = argument;
    } else {
      throw new UsageError(`unexpected argument: ${argument}`);
    }
  }
  if (options.file === null && command === 'run') throw new UsageError('run needs a FILE');
  return options;
}

function moduleDirectory() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return process.env.AWAITPAD_WASM_DIR ?? path.join(here, '..', 'build', 'wasm');
}

// Node writes to pipes and files synchronously on Linux, so nothing is lost at exit.
function writeEvent(event) {
  if (event.type === 'stdout') process.stdout.write(event.text);
  else if (event.type === 'stderr') process.stderr.write(event.text);
}

function loadThisBuild() {
  return loadModule(path.join(moduleDirectory(), 'awaitpad.mjs'));
}

// The exit status `run` gives for a runProgram result (writing a runtime failure to
// `writeError`).
function exitStatus(result, writeError) {
  if (result.error === null) return result.status;
  writeError(`awaitpad: ${result.error}\n`);
  return 70;  // EX_SOFTWARE: the runtime, not the program, failed
}

async function serve(options) {
  const { createAwaitpad, moduleOptions } = await loadThisBuild();
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const file of lines) {
    const answer = { stdout: '', stderr: '', status: 2 };
    let source = null;
    try {
      source = fs.readFileSync(file);  // bytes: the interpreter decodes them, as natively
    } catch {
      answer.stderr = `awaitpad: can't open file '${file}': No such file or directory\n`;
    }
    if (source !== null) {
      const result = await runProgram(createAwaitpad, moduleOptions, {
        source, argv0: file, virtualTime: options.virtualTime, seed: options.seed,
      }, (event) => {
        if (event.type === 'stdout' || event.type === 'stderr') answer[event.type] += event.text;
      });
      answer.status = exitStatus(result, (text) => { answer.stderr += text; });
    }
    process.stdout.write(`${JSON.stringify(answer)}\n`);
  }
  return 0;
}

async function run(options) {
  const readable = options.file === '-' ? 0 : options.file;
  let source;
  try {
    source = fs.readFileSync(readable);  // bytes: the interpreter decodes them, as natively
  } catch {
    process.stderr.write(
      `awaitpad: can't open file '${options.file}': No such file or directory\n`);
    return 2;
  }
  // As natively: the program reads the process's stdin unless the source came from there
  // or it is a terminal (which would make every run wait for EOF first).
  const stdin = options.file !== '-' && !process.stdin.isTTY ? fs.readFileSync(0, 'utf8') : '';

  const { createAwaitpad, moduleOptions } = await loadThisBuild();
  const result = await runProgram(createAwaitpad, moduleOptions, {
    source, argv0: options.file, stdin, virtualTime: options.virtualTime, seed: options.seed,
  }, writeEvent);
  return exitStatus(result, (text) => process.stderr.write(text));
}

async function main(args) {
  let options;
  try {
    options = parseArguments(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`awaitpad: ${error.message} (see node wasm/cli.mjs --help)\n`);
    return 2;
  }
  if (options.command === 'help') {
    process.stdout.write(usageText);
    return 0;
  }
  return options.command === 'serve' ? serve(options) : run(options);
}

process.exitCode = await main(process.argv.slice(2));
