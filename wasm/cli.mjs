#!/usr/bin/env node
// The wasm build's command line: `node wasm/cli.mjs run FILE [--virtual-time] [--seed N]`
// behaves as the native `awaitpad run` (stdout, stderr, exit status), so the wasm build is
// testable and usable without a browser. The module is loaded from build/wasm (or from
// the directory in AWAITPAD_WASM_DIR) and runs on Node's event loop: `asyncio.sleep(1)` is
// a setTimeout here exactly as in the browser's worker.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadModule } from './node_module.mjs';
import { runProgram, seedText } from './session.mjs';

const usageText = `usage: node wasm/cli.mjs run FILE [--virtual-time] [--seed N]
       node wasm/cli.mjs --help

  run FILE          run a Python file on the awaitpad runtime (WebAssembly build)
    --virtual-time  jump the clock to the next timer instead of waiting
    --seed N        seed the \`random\` module with the integer N
  --help            show this help
`;

class UsageError extends Error {}

// {command: 'help'} or {command: 'run', file, virtualTime, seed}; throws UsageError.
function parseArguments(args) {
  if (args.length === 0) throw new UsageError('missing command');
  const [command, ...rest] = args;
  if (command === '--help' || command === '-h') {
    if (rest.length) throw new UsageError(`unexpected argument: ${rest[0]}`);
    return { command: 'help' };
  }
  if (command !== 'run') throw new UsageError(`unknown command: ${command}`);
  const options = { command: 'run', file: null, virtualTime: false, seed: null };
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
    } else if (options.file === null) {
      options.file = argument;
    } else {
      throw new UsageError(`unexpected argument: ${argument}`);
    }
  }
  if (options.file === null) throw new UsageError('run needs a FILE');
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

async function run(options) {
  const readable = options.file === '-' ? 0 : options.file;
  let source;
  try {
    source = fs.readFileSync(readable, 'utf8');
  } catch {
    process.stderr.write(
      `awaitpad: can't open file '${options.file}': No such file or directory\n`);
    return 2;
  }
  // As natively: the program reads the process's stdin unless the source came from there
  // or it is a terminal (which would make every run wait for EOF first).
  const stdin = options.file !== '-' && !process.stdin.isTTY ? fs.readFileSync(0, 'utf8') : '';

  const { createAwaitpad, moduleOptions } =
    await loadModule(path.join(moduleDirectory(), 'awaitpad.mjs'));
  const result = await runProgram(createAwaitpad, moduleOptions, {
    source, argv0: options.file, stdin, virtualTime: options.virtualTime, seed: options.seed,
  }, writeEvent);
  if (result.error !== null) {
    process.stderr.write(`awaitpad: ${result.error}\n`);
    return 70;  // EX_SOFTWARE: the runtime, not the program, failed
  }
  return result.status;
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
  return run(options);
}

process.exitCode = await main(process.argv.slice(2));
