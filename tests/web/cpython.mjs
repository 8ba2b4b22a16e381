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
    'r = record_cpython.run_program(sys.argv[1], 30)',
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
