// wasm/cli.mjs behaves as the native `awaitpad run`: the program's stdout, stderr and exit
// status, stdin for input(), --seed for random, usage errors with status 2. Expected
// program output comes from CPython 3.11 on this machine.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { repositoryRoot } from './module.mjs';

const cli = path.join(repositoryRoot, 'wasm', 'cli.mjs');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'awaitpad-cli-'));

// Writes `source` to main.py in a scratch folder and returns its path.
function program(name, source) {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, source);
  return file;
}

const runCli = (args, input = '') =>
  spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8', cwd: scratch });
const runCpython = (file, input = '') =>
  spawnSync('python3', [file], { input, encoding: 'utf8', cwd: scratch });
const lastLine = (text) => text.trimEnd().split('\n').pop();

test('stdout and exit status are the program\'s', () => {
  const file = program('exit.py', 'print("leaving")\nimport sys\nsys.exit(3)\n');
  const ours = runCli(['run', file]);
  const cpython = runCpython(file);
  assert.equal(ours.stdout, cpython.stdout);
  assert.equal(ours.status, cpython.status);
});

test('an uncaught exception prints a traceback ending as CPython\'s and exits 1', () => {
  const file = program('error.py', 'def f(x):\n    return 1 / x\nf(0)\n');
  const ours = runCli(['run', file]);
  assert.equal(ours.status, 1);
  assert.match(ours.stderr, /^Traceback \(most recent call last\):\n/);
  assert.equal(lastLine(ours.stderr), lastLine(runCpython(file).stderr));
});

test('input() reads the process\'s stdin', () => {
  const file = program('echo.py', 'name = input("name? ")\nprint(f"hello {name}")\n');
  assert.equal(runCli(['run', file], 'Ada\n').stdout, runCpython(file, 'Ada\n').stdout);
});

test('--seed N seeds random as random.seed(N) does', () => {
  const file = program('seeded.py', 'import random\nprint(random.random(), random.randint(1, 6))\n');
  const seeded = program('seeded_cpython.py',
    `import random\nrandom.seed(12345)\n${fs.readFileSync(file, 'utf8')}`);
  assert.equal(runCli(['run', file, '--seed', '12345']).stdout, runCpython(seeded).stdout);
});

test('--virtual-time runs an hour of sleeping at once', () => {
  const file = program('hour.py', 'import asyncio\nasyncio.run(asyncio.sleep(3600))\nprint("done")\n');
  const started = performance.now();
  const ours = runCli(['run', '--virtual-time', file]);
  assert.equal(ours.stdout, spawnSync('python3', ['-c', 'print("done")'], { encoding: 'utf8' }).stdout);
  assert.ok(performance.now() - started < 5000);
});

test('the source can come from stdin', () => {
  const source = 'print(6 * 7)\n';
  assert.equal(runCli(['run', '-'], source).stdout,
    spawnSync('python3', ['-'], { input: source, encoding: 'utf8' }).stdout);
});

test('usage errors exit 2 and say what is wrong', () => {
  const cases = [
    [[], 'missing command'],
    [['go'], 'unknown command: go'],
    [['run'], 'run needs a FILE'],
    [['run', 'a.py', '--seed'], '--seed needs a value'],
    [['run', 'a.py', '--seed', '-1'], '--seed needs a non-negative integer, got: -1'],
    [['run', 'a.py', '--fast'], 'unknown option: --fast'],
    [['run', 'a.py', 'b.py'], 'unexpected argument: b.py'],
    [['serve', 'a.py'], 'unexpected argument: a.py'],
  ];
  for (const [args, message] of cases) {
    const result = runCli(args);
    assert.equal(result.status, 2, args.join(' '));
    assert.ok(result.stderr.includes(message), `${args.join(' ')}: ${result.stderr}`);
  }
  const missing = runCli(['run', path.join(scratch, 'nowhere.py')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /can't open file .*nowhere\.py': No such file or directory/);
  assert.equal(runCli(['--help']).status, 0);
});

test('serve answers each file as run would, in order, a fresh program each time', () => {
  const first = program('serve_first.py', 'counter = 1\nprint("first", counter)\n');
  const second = program('serve_second.py',
    'print("second", globals().get("counter"))\nraise SystemExit(4)\n');
  const missing = path.join(scratch, 'serve_nowhere.py');
  const served = runCli(['serve', '--virtual-time'], `${first}\n${second}\n${missing}\n`);
  assert.equal(served.status, 0);
  const answers = served.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
  const expected = [first, second].map((file) => {
    const alone = runCli(['run', '--virtual-time', file]);
    return { stdout: alone.stdout, stderr: alone.stderr, status: alone.status };
  });
  assert.deepEqual(answers.slice(0, 2), expected);
  assert.equal(answers[0].stdout, runCpython(first).stdout);
  assert.equal(answers[1].stdout, runCpython(second).stdout);
  assert.equal(answers[2].status, 2);
  assert.match(answers[2].stderr, /can't open file .*serve_nowhere\.py'/);
});
