// CPython as the oracle of the browser tests (DESIGN.md, Tests): what `python3` prints for
// a program, run the way the playground names it (main.py), so tracebacks compare as text.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function collect(child, stdin) {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (status) => resolve({ stdout, stderr, status }));
    child.stdin.end(stdin);
  });
}

// Runs `source` as main.py under CPython 3 in real time in a fresh directory; resolves to
// {stdout, stderr, status} with the directory taken out of file names.
export async function runCPython(source, stdin = '') {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'awaitpad-cpython-'));
  fs.writeFileSync(path.join(directory, 'main.py'), source);
  try {
    const result = await collect(spawn('python3', ['main.py'], { cwd: directory }), stdin);
    return { ...result, stderr: result.stderr.replaceAll(`${directory}/`, '') };
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

// Runs `source` under CPython with the virtual clock of scripts/record_cpython.py (the
// recorder of tests/programs), so a program that sleeps an hour answers at once; resolves
// to {stdout, stderr, status}.
export async function runCPythonVirtualTime(source) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'awaitpad-cpython-'));
  const program = path.join(directory, 'program.py');
  fs.writeFileSync(program, source);
  const recordOne = [
    'import json, sys',
    `sys.path.insert(0, ${JSON.stringify(path.join(REPO_ROOT, 'scripts'))})`,
    'import record_cpython',
    'r = record_cpython.run_program(sys.argv[1], 30, real_time=False)',
    "print(json.dumps({'stdout': r.stdout.decode('utf-8'), 'stderr': r.stderr, 'status': r.status}))",
  ].join('\n');
  try {
    const result = await collect(spawn('python3', ['-c', recordOne, program]), '');
    if (result.status !== 0) throw new Error(`record_cpython failed: ${result.stderr}`);
    return JSON.parse(result.stdout);
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

// Prepended to a program run by CPython: prints to stderr, at exit, one JSON line
// "TASKS [...]" with each task of the program in creation order. CPython's asyncio.run
// also runs its shutdown steps as tasks; only tasks running code of main.py are listed.
const RECORD_TASKS = `import asyncio as _asyncio, asyncio.tasks as _tasks, atexit as _atexit, builtins as _builtins, json as _json, sys as _sys
_created, _printed, _print = [], [], _builtins.print
class _RecordingTask(_tasks.Task):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.times = [self.get_loop().time(), None]
        self.add_done_callback(lambda task: task.times.__setitem__(1, task.get_loop().time()))
        _created.append(self)
_tasks.Task = _RecordingTask
def _recording_print(*args, **kwargs):
    task = _asyncio.current_task() if _asyncio._get_running_loop() else None
    if task is not None: _printed.append((task, task.get_loop().time()))
    _print(*args, **kwargs)
_builtins.print = _recording_print
def _outcome(task):
    if not task.done(): return None
    if task.cancelled(): return 'cancelled'
    return 'failed' if task.exception() is not None else 'done'
def _error(task):
    if _outcome(task) != 'failed': return None
    return f"{type(task.exception()).__name__}: {task.exception()}"
def _from_program(task):
    code = getattr(task.get_coro(), 'cr_code', None)
    return code is not None and code.co_filename.endswith('main.py')
def _report():
    tasks = [task for task in _created if _from_program(task)]
    origin = tasks[0].times[0] if tasks else 0
    rows = [{'name': t.get_name(), 'created': t.times[0] - origin,
             'ended': None if t.times[1] is None else t.times[1] - origin, 'outcome': _outcome(t), 'error': _error(t),
             'printed': [when - origin for task, when in _printed if task is t]} for t in tasks]
    _sys.stderr.write('TASKS ' + _json.dumps(rows) + '\\n')
_atexit.register(_report)
`;

// CPython's tasks for `source`: [{name, created, ended, outcome, error, printed: [times]}], times
// in seconds from the first task's creation.
export async function cpythonTasks(source, { virtualTime }) {
  const program = RECORD_TASKS + source;
  const { stderr } = virtualTime ? await runCPythonVirtualTime(program) : await runCPython(program);
  const line = stderr.split('\n').find((text) => text.startsWith('TASKS '));
  if (!line) throw new Error(`CPython did not report its tasks: ${stderr}`);
  return JSON.parse(line.slice('TASKS '.length));
}
