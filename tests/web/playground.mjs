// Driving the playground page (dist/index.html) as a person does, for the browser suites:
// open it, set the editor's text, press Run, wait for the run to end, read the Output
// region and the status line.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';

import { startStaticServer } from '../../scripts/static_server.mjs';
import { launchChromium } from './chromium.mjs';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = path.join(REPO_ROOT, 'dist');
export const EXAMPLES_DIR = path.join(REPO_ROOT, 'web', 'examples');
const WASM_DIR = path.resolve(REPO_ROOT, process.env.AWAITPAD_WASM_DIR ?? 'build/wasm');

export const TEST_TIMEOUT_MS = 30_000;
const ENDED_STATES = ['finished', 'stopped', 'error'];

// dist/ must exist and carry the wasm this run tests, not an older build's.
export function requireCurrentDist() {
  const hint = 'build the page first: npm run build (with the same AWAITPAD_WASM_DIR)';
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error(`dist/ is missing: ${hint}`);
  const built = path.join(DIST, 'runtime', 'awaitpad.wasm');
  const source = path.join(WASM_DIR, 'awaitpad.wasm');
  if (!fs.existsSync(built) || !fs.readFileSync(built).equals(fs.readFileSync(source))) {
    throw new Error(`dist/runtime/awaitpad.wasm is not ${source}: ${hint}`);
  }
}

// For a suite on dist/: node:test hooks that serve dist/ (checked current) and launch
// Chromium before the suite's tests, and close both after. Returns {browser, server}, set
// once the hooks have run.
export function servePlayground() {
  const session = { browser: null, server: null };
  before(async () => {
    requireCurrentDist();
    session.server = await startStaticServer(DIST);
    session.browser = await launchChromium();
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

// A fresh page in its own context (cold cache) at `url`, ready to run: {page, close()};
// close() checks that the page raised no uncaught error and logged no console error.
// `prepare(context)` may add to the context first (an init script).
export async function openPlayground(browser, url, contextOptions = {}, prepare = async () => {}) {
  const context = await browser.newContext(contextOptions);
  await prepare(context);
  const problems = [];
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  await page.goto(url);
  await pageReady(page);
  return {
    page,
    async close() {
      await context.close();
      assert.deepEqual(problems, [], 'errors on the page');
    },
  };
}

// Resolves when CodeMirror has replaced the textarea and Run is enabled.
export async function pageReady(page) {
  await page.locator('.cm-content').waitFor();
  await page.waitForFunction(() => !document.querySelector('#run').disabled);
}

// Runs `body(page)` on a fresh playground at `url`, then closes it.
export async function withPlayground(browser, url, body, contextOptions, prepare) {
  const { page, close } = await openPlayground(browser, url, contextOptions, prepare);
  try {
    await body(page);
  } finally {
    await close();
  }
}

export const runButton = (page) => page.getByRole('button', { name: 'Run', exact: true });
export const stopButton = (page) => page.getByRole('button', { name: 'Stop', exact: true });
export const outputRegion = (page) => page.getByRole('region', { name: 'Output', exact: true });
export const shareButton = (page) => page.getByRole('button', { name: 'Share', exact: true });
export const examplesControl = (page) => page.getByRole('combobox', { name: 'Examples', exact: true });
export const notice = (page) => page.getByRole('alert');

// The editor's text as the page shows it.
export function editorText(page) {
  return page.locator('.cm-content .cm-line').evaluateAll((lines) => lines.map((l) => l.textContent).join('\n'));
}

// Replaces the editor's text as typing would (one input, so no auto-indent or brackets).
export async function setSource(page, source) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(source);
  assert.equal(await editorText(page), source);
}

// 'real' or 'virtual': the time switch.
export function timeMode(page) {
  return page.locator('input[name="time"]:checked').evaluate((input) => input.value);
}

export function status(page) {
  return page.locator('#status').evaluate((element) => ({ state: element.dataset.state, text: element.textContent }));
}

// Resolves when the run started last has ended; returns the status.
export async function runEnded(page, timeout = TEST_TIMEOUT_MS) {
  await page.waitForFunction((ended) => ended.includes(document.querySelector('#status').dataset.state),
    ENDED_STATES, { timeout });
  return status(page);
}

// Clicks Run and returns the status when that run has ended. (The click's handler says
// "running" before the click resolves, so an earlier run's end is not mistaken for it.)
export async function run(page, timeout = TEST_TIMEOUT_MS) {
  await runButton(page).click();
  return runEnded(page, timeout);
}

// Resolves after the page's next animation frame, when what the views drew in it (output,
// timeline: each draws once per frame) has been drawn.
export function nextFrame(page) {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
}

// What the Output region shows, all of it and its stdout and stderr parts, once it has
// drawn all it was given: it draws a few thousand characters a frame (output_view.ts) and
// is marked `data-drawing` until it has drawn everything.
export async function shownOutput(page) {
  const pre = outputRegion(page).locator('pre');
  await pre.evaluate((element) => new Promise((resolve) => {
    const check = () => (element.hasAttribute('data-drawing') ? requestAnimationFrame(check) : resolve());
    check();
  }));
  return pre.evaluate((pre) => ({
    text: pre.textContent,
    stdout: [...pre.querySelectorAll('.stdout')].map((span) => span.textContent).join(''),
    stderr: [...pre.querySelectorAll('.stderr')].map((span) => span.textContent).join(''),
  }));
}

// In the page: resolves to the time (ms) from the next click on Stop to the status
// saying stopped — the page's own latency, without the test driver's round trips.
export function measureStop() {
  const stopButton = document.querySelector('#stop');
  const statusLine = document.querySelector('#status');
  return new Promise((resolve) => {
    let clickedAt = NaN;
    stopButton.addEventListener('click', () => { clickedAt = performance.now(); }, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (statusLine.dataset.state !== 'stopped') return;
      observer.disconnect();
      resolve(performance.now() - clickedAt);
    });
    observer.observe(statusLine, { attributes: true });
  });
}

// The editor still works: typed code runs and prints.
export async function assertEditorWorks(page) {
  await setSource(page, 'print("still", 6 * 7)\n');
  const ended = await run(page);
  assert.equal(ended.state, 'finished', ended.text);
  assert.equal((await shownOutput(page)).text, 'still 42\n');
}
