#!/usr/bin/env node
// Cold start in headless Chromium (issue 4): for awaitpad, Pyodide and MicroPython, the time
// from just before a page imports the runtime's JavaScript to its first printed line of
// print("hello"), best of 5, each try in a fresh browser context (empty HTTP and code caches).
//
//   node bench/wasm_cold_start_browser.mjs [--tries N]
//
// The repository (build/wasm, wasm/, node_modules/) is served by a Node http server on
// 127.0.0.1 (a random port), so downloads are local and the figure is loading, compiling
// and starting each runtime. Ours runs as the page will: wasm/runner.mjs's createRunner,
// which compiles build/wasm/awaitpad.wasm (or AWAITPAD_WASM_DIR) and starts a module Web
// Worker (wasm/worker.mjs) that runs the program. Target: ≤ 150 ms. Nothing fails.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const WASM_DIR = path.resolve(ROOT, process.env.AWAITPAD_WASM_DIR ?? 'build/wasm');
const TARGET_MS = 150;
const TIMEOUT_MS = 60000;
const CONTENT_TYPES = {
  '.html': 'text/html', '.mjs': 'text/javascript', '.js': 'text/javascript',
  '.wasm': 'application/wasm', '.json': 'application/json', '.zip': 'application/zip',
};

// Each page's script: start the runtime and print; report(error) when a line is printed or
// the runtime fails. `start` is taken just before the runtime's first import.
const PAGES = {
  'awaitpad-wasm': `
    const { createRunner } = await import('/wasm/runner.mjs');
    const runner = createRunner({ glueUrl: new URL('/wasm-dir/awaitpad.mjs', location.href).href,
                                  wasmUrl: '/wasm-dir/awaitpad.wasm' });
    runner.run('print("hello")', {}, (event) => {
      if (event.type === 'stdout') report(null);
      else if (event.type === 'exit') {
        report(event.error ?? \`exit status \${event.status}, no output\`);
      }
    });`,
  Pyodide: `
    const { loadPyodide } = await import('/node_modules/pyodide/pyodide.mjs');
    const pyodide = await loadPyodide({
      indexURL: '/node_modules/pyodide/', stdout: () => report(null) });
    pyodide.runPython('print("hello")');`,
  MicroPython: `
    const { loadMicroPython } = await import(
      '/node_modules/@micropython/micropython-webassembly-pyscript/micropython.mjs');
    const micropython = await loadMicroPython({ stdout: () => report(null) });
    micropython.runPython('print("hello")');`,
};

function pageHtml(script) {
  return `<!doctype html><meta charset="utf-8"><script type="module">
    const start = performance.now();
    const report = (error) => {
      window.coldStart ??= { error, milliseconds: performance.now() - start };
    };
    try {${script}
    } catch (error) { report(String(error)); }
  </script>`;
}

// Serves /page/NAME (the pages above), /wasm-dir/* (the awaitpad build) and the repository.
function serve(request, response) {
  const url = new URL(request.url, 'http://localhost');
  const page = url.pathname.startsWith('/page/')
    && PAGES[decodeURIComponent(url.pathname.slice('/page/'.length))];
  if (page) {
    response.writeHead(200, { 'content-type': 'text/html', 'cache-control': 'no-store' });
    response.end(pageHtml(page));
    return;
  }
  const file = url.pathname.startsWith('/wasm-dir/')
    ? path.join(WASM_DIR, path.normalize(url.pathname.slice('/wasm-dir/'.length)))
    : path.join(ROOT, path.normalize(url.pathname));
  fs.readFile(file, (error, bytes) => {
    if (error) {
      response.writeHead(404).end();
      return;
    }
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    response.writeHead(200, { 'content-type': type });
    response.end(bytes);
  });
}

async function coldStart(browser, origin, name) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/page/${encodeURIComponent(name)}`);
    const handle = await page.waitForFunction(() => window.coldStart, null, { timeout: TIMEOUT_MS })
      .catch(() => null);
    return handle ? await handle.jsonValue() : { error: `no output within ${TIMEOUT_MS / 1000} s` };
  } finally {
    await context.close();
  }
}

// The fastest try, or the first failure: {milliseconds} | {error}.
function bestOf(results) {
  return results.find((result) => result.error !== null)
    ?? { milliseconds: Math.min(...results.map((result) => result.milliseconds)) };
}

async function main(args) {
  const tries = args[0] === '--tries' && Number(args[1]) >= 1 ? Number(args[1]) : 5;
  const server = http.createServer(serve);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    console.log(`${'runtime'.padEnd(15)}${'cold start'.padStart(12)}`
      + `  (headless Chromium ${browser.version()}, best of ${tries})`);
    for (const name of Object.keys(PAGES)) {
      const results = [];
      for (let i = 0; i < tries; ++i) results.push(await coldStart(browser, origin, name));
      const best = bestOf(results);
      const shown = best.error ? `fails: ${best.error}` : `${best.milliseconds.toFixed(1)}ms`;
      const verdict = name !== 'awaitpad-wasm' ? ''
        : `  target ≤ ${TARGET_MS} ms ${best.milliseconds <= TARGET_MS ? 'ok' : 'MISSED'}`;
      console.log(`${name.padEnd(15)}${shown.padStart(12)}${verdict}`);
    }
    const load = os.loadavg().map((value) => value.toFixed(2)).join(' ');
    console.log(`load average ${load} on ${os.cpus().length} CPUs`);
  } finally {
    await browser.close();
    server.close();
  }
}

await main(process.argv.slice(2));
