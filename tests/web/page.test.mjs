// End-to-end tests of the playground page (web/, issue 5) in headless Chromium, against
// the built dist/ served as any static host would serve it. They drive the page as a
// person does — the editor, the buttons by their accessible names, Ctrl+Enter — and
// read what it shows: the Output region and the status line.
//
// Expected output comes from CPython (`python3`, run by the test), never from awaitpad.
//
// Run: npm run build && node --test tests/web/page.test.mjs
// (ctest builds dist/ first: the web/build fixture of the browser/* tests in CMakeLists.txt.)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { runCPython, runCPythonVirtualTime } from './cpython.mjs';
import {
  DIST, TEST_TIMEOUT_MS, editorText, measureStop, outputRegion, runButton, runEnded,
  servePlayground, setSource, shownOutput, status, stopButton, withPlayground as withPage,
} from './playground.mjs';
import { SLEEP_AN_HOUR } from './programs.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RESULTS = path.join(REPO_ROOT, 'test-results');
const DEFAULT_EXAMPLE = path.join(REPO_ROOT, 'web', 'examples', 'three_tasks.py');

const session = servePlayground();
const withPlayground = (body, contextOptions) => withPage(session.browser, `${session.server.origin}/`, body, contextOptions);

test('the default example runs and prints what CPython prints', { timeout: TEST_TIMEOUT_MS }, async () => {
  const source = fs.readFileSync(DEFAULT_EXAMPLE, 'utf8');
  const expected = runCPython(source);
  await withPlayground(async (page) => {
    assert.equal(await editorText(page), source, 'the editor shows the default example');
    await runButton(page).click();
    const ended = await runEnded(page);
    assert.equal(ended.state, 'finished', ended.text);
    assert.match(ended.text, /exit status 0 in 3\.\d\d s/);
    assert.equal((await shownOutput(page)).text, (await expected).stdout);
  });
});

test('the last edited code survives a reload, whatever its characters', { timeout: TEST_TIMEOUT_MS }, async () => {
  const source = 'print("héllo, wörld — 世界 🐍", "\\u00e9")\n';
  const expected = runCPython(source);
  await withPlayground(async (page) => {
    await setSource(page, source);
    await page.reload();
    await page.locator('.cm-content').waitFor();
    assert.equal(await editorText(page), source);
    await page.waitForFunction(() => !document.querySelector('#run').disabled);
    await runButton(page).click();
    assert.equal((await runEnded(page)).state, 'finished');
    assert.equal((await shownOutput(page)).text, (await expected).stdout);
  });
});

const SPIN_FOREVER = 'print("spinning")\nwhile True:\n    pass\n';

test('Stop ends while True: pass within 1 s, and the next Run works', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPlayground(async (page) => {
    await setSource(page, SPIN_FOREVER);
    await runButton(page).click();
    await outputRegion(page).getByText('spinning').waitFor();
    assert.equal((await status(page)).state, 'running');
    const stopMs = page.evaluate(measureStop);
    await stopButton(page).click();
    const ended = await runEnded(page);
    assert.equal(ended.state, 'stopped', ended.text);
    console.log(`stop: the status said stopped ${(await stopMs).toFixed(1)} ms after the click`);
    assert.ok(await stopMs < 1000, `stopped ${await stopMs} ms after the click`);
    assert.ok(await stopButton(page).isDisabled(), 'Stop stays enabled after the run');

    await setSource(page, 'print("after stop", 6 * 7)\n');
    await runButton(page).click();
    assert.equal((await runEnded(page)).state, 'finished');
    assert.equal((await shownOutput(page)).text, 'after stop 42\n');
  });
});

test('Virtual time: sleeping an hour finishes at once with CPython\'s output', { timeout: TEST_TIMEOUT_MS }, async () => {
  const expected = runCPythonVirtualTime(SLEEP_AN_HOUR);
  await withPlayground(async (page) => {
    await setSource(page, SLEEP_AN_HOUR);
    await page.getByLabel('Virtual time').check();
    const clicked = performance.now();
    await runButton(page).click();
    const ended = await runEnded(page, 5000);
    const seconds = (performance.now() - clicked) / 1000;
    assert.ok(seconds < 5, `took ${seconds} s`);
    assert.equal(ended.state, 'finished', ended.text);
    assert.equal((await shownOutput(page)).text, (await expected).stdout);
  });
});

test('virtual time prints what real time prints, the 3 s of sleeps at once', { timeout: TEST_TIMEOUT_MS }, async () => {
  const source = fs.readFileSync(DEFAULT_EXAMPLE, 'utf8');
  const expected = runCPython(source);
  await withPlayground(async (page) => {
    const outputs = {};
    for (const mode of ['Real time', 'Virtual time']) {
      await page.getByLabel(mode).check();
      const clicked = performance.now();
      await runButton(page).click();
      assert.equal((await runEnded(page)).state, 'finished');
      outputs[mode] = { text: (await shownOutput(page)).text, seconds: (performance.now() - clicked) / 1000 };
    }
    assert.equal(outputs['Real time'].text, (await expected).stdout);
    assert.equal(outputs['Virtual time'].text, outputs['Real time'].text);
    assert.ok(outputs['Real time'].seconds >= 3, `real time took ${outputs['Real time'].seconds} s`);
    assert.ok(outputs['Virtual time'].seconds < 1.5, `virtual time took ${outputs['Virtual time'].seconds} s`);
  });
});

const UNCAUGHT_ERROR = 'def divide(x):\n    return 1 / x\n\nprint("before")\ndivide(0)\n';

test('an uncaught exception: its traceback on stderr, styled apart; exit status 1', { timeout: TEST_TIMEOUT_MS }, async () => {
  const expected = runCPython(UNCAUGHT_ERROR);
  await withPlayground(async (page) => {
    await setSource(page, UNCAUGHT_ERROR);
    await runButton(page).click();
    const ended = await runEnded(page);
    const { stdout, stderr, status: exitStatus } = await expected;
    assert.equal(exitStatus, 1);
    assert.equal(ended.state, 'finished');
    assert.match(ended.text, /exit status 1 in/);
    const shown = await shownOutput(page);
    assert.equal(shown.stderr, stderr);
    assert.equal(shown.text, stdout + stderr);
    const colors = await outputRegion(page).evaluate((region) => ({
      stdout: getComputedStyle(region.querySelector('.stdout')).color,
      stderr: getComputedStyle(region.querySelector('.stderr')).color,
    }));
    assert.notEqual(colors.stderr, colors.stdout, 'stderr has the colour of stdout');
  });
});

test('Ctrl+Enter in the editor runs the program, once', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPlayground(async (page) => {
    await setSource(page, 'print("run by keyboard")\n');
    await page.keyboard.press('Control+Enter');
    assert.equal((await runEnded(page)).state, 'finished');
    assert.equal((await shownOutput(page)).text, 'run by keyboard\n');
    assert.equal(await editorText(page), 'print("run by keyboard")\n', 'the key also edited the text');
  });
});

test('keyboard: Tab indents in the editor; Escape then Tab moves on to the output', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPlayground(async (page) => {
    await setSource(page, 'x = 1');
    await page.keyboard.press('Tab');
    assert.equal(await editorText(page), '    x = 1', 'Tab indents the line by four spaces');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.closest('section')?.getAttribute('aria-label'));
    assert.equal(focused, 'Output');
  });
});

// The plain textarea holds the example until CodeMirror's chunk arrives (delayed here):
// Run works at once, and CodeMirror takes over the text typed meanwhile.
test('before CodeMirror has loaded, Run runs the plain editor\'s text', { timeout: TEST_TIMEOUT_MS }, async () => {
  const context = await session.browser.newContext();
  let releaseEditor;
  const editorHeld = new Promise((resolve) => { releaseEditor = resolve; });
  await context.route(/\/assets\/editor-[^/]*\.js$/, async (route) => {
    await editorHeld;
    await route.continue();
  });
  const page = await context.newPage();
  try {
    await page.goto(`${session.server.origin}/`);
    await page.waitForFunction(() => !document.querySelector('#run').disabled);
    assert.equal(await page.locator('.cm-content').count(), 0, 'CodeMirror was there already');
    const plainEditor = page.getByRole('textbox', { name: 'Python source' });
    await plainEditor.fill('print("typed early")\n');
    await runButton(page).click();
    assert.equal((await runEnded(page)).state, 'finished');
    assert.equal((await shownOutput(page)).text, 'typed early\n');
    releaseEditor();
    await page.locator('.cm-content').waitFor();
    assert.equal(await editorText(page), 'print("typed early")\n');
  } finally {
    releaseEditor();
    await context.close();
  }
});

// Screenshots for a person to look at (test-results/ is git-ignored), and the layout
// checks a screenshot would show: side by side when wide, stacked at 375 px, no sideways
// scrolling.
describe('layout and colour schemes', () => {
  before(() => fs.mkdirSync(RESULTS, { recursive: true }));

  for (const colorScheme of ['light', 'dark']) {
    test(`${colorScheme}: wide and narrow screenshots after a run`, { timeout: TEST_TIMEOUT_MS }, async () => {
      await withPlayground(async (page) => {
        await page.getByLabel('Virtual time').check();
        await runButton(page).click();
        assert.equal((await runEnded(page)).state, 'finished');
        const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        const light = background === 'rgb(255, 255, 255)';
        assert.equal(light, colorScheme === 'light', `body background ${background} in ${colorScheme}`);

        const editorBox = await page.getByRole('region', { name: 'Editor' }).boundingBox();
        const outputBox = await outputRegion(page).boundingBox();
        assert.ok(outputBox.x >= editorBox.x + editorBox.width - 1, 'wide: output beside the editor');
        await page.screenshot({ path: path.join(RESULTS, `page-${colorScheme}.png`) });

        await page.setViewportSize({ width: 375, height: 740 });
        const narrowEditor = await page.getByRole('region', { name: 'Editor' }).boundingBox();
        const narrowOutput = await outputRegion(page).boundingBox();
        assert.ok(narrowOutput.y >= narrowEditor.y + narrowEditor.height - 1, 'narrow: output under the editor');
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scrollWidth <= 375, `narrow: the page is ${scrollWidth} px wide`);
        await page.screenshot({ path: path.join(RESULTS, `page-${colorScheme}-375px.png`), fullPage: true });
      }, { colorScheme, viewport: { width: 1200, height: 760 } });
    });
  }
});

// Figures for the notes, not pass/fail targets: this machine's load varies too much.
test('figures: download size, first paint to a ready Run button and to a first run, cold cache', { timeout: TEST_TIMEOUT_MS }, async () => {
  const context = await session.browser.newContext();
  const page = await context.newPage();
  const downloaded = new Set();
  page.on('request', (request) => downloaded.add(new URL(request.url()).pathname));
  await page.goto(`${session.server.origin}/`);
  await page.waitForFunction(() => performance.getEntriesByName('awaitpad:run-ready').length > 0);
  await page.getByLabel('Virtual time').check();
  await runButton(page).click();
  assert.equal((await runEnded(page)).state, 'finished');
  const timing = await page.evaluate(() => ({
    firstPaint: performance.getEntriesByName('first-paint')[0]?.startTime ?? NaN,
    runReady: performance.getEntriesByName('awaitpad:run-ready')[0].startTime,
    firstRunDone: performance.now(),
  }));
  await page.locator('.cm-content').waitFor();
  await context.close();

  let gzipBytes = 0;
  for (const pathname of downloaded) {
    const file = path.join(DIST, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (fs.existsSync(file)) gzipBytes += zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
  }
  const ms = (value) => `${value.toFixed(0)} ms`;
  console.log(`figures: ${downloaded.size} files downloaded, ${(gzipBytes / 1024).toFixed(1)} KB gzipped; ` +
    `first paint at ${ms(timing.firstPaint)}, Run ready at ${ms(timing.runReady)} ` +
    `(first paint to Run ready: ${ms(Math.max(0, timing.runReady - timing.firstPaint))}); ` +
    `the default example (virtual time) done at ${ms(timing.firstRunDone)} after navigation`);
  assert.ok(downloaded.has('/runtime/awaitpad.wasm'));
});
