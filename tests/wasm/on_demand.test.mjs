// What a run loads on demand (wasm/README.md, "Loaded on demand"): the gallery's programs
// that make no HTTP request run on awaitpad.wasm alone; a program that needs more loads
// awaitpad.deferred.wasm once per instance, and the Python-written modules it imports,
// and runs as CPython does. Against a real httpbin on loopback, as the gallery test.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { loadModule } from '../../wasm/node_module.mjs';
import { instantiating, runProgram } from '../../wasm/session.mjs';
import { NEEDS_DEFERRED_CODE } from '../web/programs.mjs';
import { startHttpbin } from './httpbin.mjs';
import { moduleDirectory, repositoryRoot } from './module.mjs';

let httpbin;
before(async () => { httpbin = await startHttpbin(); });
after(() => httpbin?.stop());

let deferredCalls = 0;
const { createAwaitpad, moduleOptions } = await loadModule(
  path.join(moduleDirectory, 'awaitpad.mjs'), { onDeferredCall: () => { deferredCalls += 1; } });

let requests = 0;
const realFetch = globalThis.fetch;
globalThis.fetch = (...args) => {
  requests += 1;
  return realFetch(...args);
};

// Runs `source`; resolves to {status, error, stdout, deferredCalls, requests} of that run.
async function run(source, options = {}) {
  const before = { deferredCalls, requests };
  let stdout = '';
  const result = await runProgram(createAwaitpad, moduleOptions, { source, ...options },
    (event) => { if (event.type === 'stdout') stdout += event.text; });
  return {
    ...result,
    stdout,
    deferredCalls: deferredCalls - before.deferredCalls,
    requests: requests - before.requests,
  };
}

const GALLERY = path.join(repositoryRoot, 'web', 'examples');

test("the gallery's programs run on awaitpad.wasm alone unless they make requests", async () => {
  for (const name of fs.readdirSync(GALLERY).filter((file) => file.endsWith('.py'))) {
    const source = fs.readFileSync(path.join(GALLERY, name), 'utf8')
      .replaceAll('https://httpbin.org', httpbin.url);
    const result = await run(source, { trace: true, virtualTime: true });
    assert.equal(result.error, null, name);
    if (result.requests === 0) {
      assert.equal(result.deferredCalls, 0, `${name} called into awaitpad.deferred.wasm`);
    } else {
      assert.equal(result.status, 0, `${name} failed`);
    }
  }
});

test('a program needing the deferred code and json loads them once and prints what CPython prints', async () => {
  const source = NEEDS_DEFERRED_CODE;
  const expected = execFileSync('python3', ['-c', source], { encoding: 'utf8' });
  for (let time = 0; time < 2; time += 1) {
    const result = await run(source);
    assert.equal(result.error, null);
    assert.equal(result.stdout, expected);
    assert.equal(result.deferredCalls, 1, 'one load per instance');
  }
});

test('a module whose source cannot be had raises ImportError, and the run goes on', async () => {
  const { createAwaitpad: create, moduleOptions: options } = await loadModule(
    path.join(moduleDirectory, 'awaitpad.mjs'));
  const missing = { ...options, moduleSource: () => null };
  let stdout = '';
  const result = await runProgram(create, missing, {
    source: 'try:\n    import dataclasses\nexcept ImportError as error:\n    print(error)\nprint("still running")\n',
  }, (event) => { if (event.type === 'stdout') stdout += event.text; });
  assert.equal(result.status, 0);
  assert.equal(stdout, "the source of module 'dataclasses' could not be loaded\nstill running\n");
});

test('deferred code that cannot be loaded ends the run with that error; the next run is unharmed', async () => {
  const wasm = fs.readFileSync(path.join(moduleDirectory, 'awaitpad.wasm'));
  const compiled = await WebAssembly.compile(wasm);
  const offline = instantiating(compiled, {
    deferredModule: () => { throw new Error('the network is down'); },
    moduleSource: moduleOptions.moduleSource,
  });
  const failed = await runProgram(createAwaitpad, offline, { source: NEEDS_DEFERRED_CODE },
    () => {});
  assert.equal(failed.status, null);
  assert.match(failed.error, /the network is down/);
  let stdout = '';
  const next = await runProgram(createAwaitpad, offline, { source: 'print(6 * 7)\n' },
    (event) => { if (event.type === 'stdout') stdout += event.text; });
  assert.equal(next.status, 0);
  assert.equal(stdout, '42\n');
});
