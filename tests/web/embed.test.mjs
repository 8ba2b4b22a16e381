// End-to-end tests of the embed (web/src/embed/, issue 5): embed.js on a docs page and
// embed.html in an iframe, in headless Chromium against the built dist/. The demo docs page
// (web/demo/docs.html) is served with dist/, same-origin; the other pages are written here
// and served from a second server, another origin — as a docs site that links embed.js
// from where awaitpad is hosted.
//
// Expected output comes from CPython (`python3`, run by the test), never from awaitpad;
// so does a code block's program text (Python's textwrap.dedent of the block's text).
//
// Run: npm run build && node --test tests/web/embed.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { startStaticServer } from '../../scripts/static_server.mjs';
import { launchChromium } from './chromium.mjs';
import { cpythonTasks, runCPython, runCPythonVirtualTime } from './cpython.mjs';
import { editorText, pageReady, timeMode } from './playground.mjs';
import { NEEDS_DEFERRED_CODE } from './programs.mjs';
import { readShareFragment, writeShareFragment } from './share_fragment.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = path.join(REPO_ROOT, 'dist');
const WASM_DIR = path.resolve(REPO_ROOT, process.env.AWAITPAD_WASM_DIR ?? 'build/wasm');
const TEST_TIMEOUT_MS = 60_000;
const RUN_TIMEOUT_MS = 20_000;
const BLOCK_SELECTOR = 'pre.awaitpad, code.language-python[data-awaitpad]';

let awaitpadServer;  // dist/: where awaitpad is hosted
let docsServer;      // the pages written below: a docs site on another origin
let docsDirectory;
let browser;

// dist/ must exist and carry the wasm this run tests, not an older build's.
function requireCurrentDist() {
  const hint = 'build the page first: npm run build (with the same AWAITPAD_WASM_DIR)';
  if (!fs.existsSync(path.join(DIST, 'embed.js'))) throw new Error(`dist/embed.js is missing: ${hint}`);
  const built = path.join(DIST, 'runtime', 'awaitpad.wasm');
  const source = path.join(WASM_DIR, 'awaitpad.wasm');
  if (!fs.existsSync(built) || !fs.readFileSync(built).equals(fs.readFileSync(source))) {
    throw new Error(`dist/runtime/awaitpad.wasm is not ${source}: ${hint}`);
  }
}

before(async () => {
  requireCurrentDist();
  awaitpadServer = await startStaticServer(DIST);
  docsDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'awaitpad-docs-'));
  docsServer = await startStaticServer(docsDirectory);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await awaitpadServer?.close();
  await docsServer?.close();
  if (docsDirectory) fs.rmSync(docsDirectory, { recursive: true, force: true });
});

// A fresh page in its own context: {page, workers, close()}; `workers` lists the URL of
// every worker the page starts; close() checks that no uncaught error happened.
async function openPage(url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  const workers = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto(url);
  return {
    page,
    workers,
    async close() {
      await context.close();
      assert.deepEqual(problems, [], 'uncaught errors on the page');
    },
  };
}

async function withPage(url, body) {
  const { page, workers, close } = await openPage(url);
  try {
    await body(page, workers);
  } finally {
    await close();
  }
}

// A docs page on the docs server that loads embed.js from awaitpad's server; its URL.
function writeDocsPage(name, bodyHtml) {
  fs.writeFileSync(path.join(docsDirectory, name), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${name}</title><link rel="icon" href="data:,"></head>
<body>
${bodyHtml}
<script src="${awaitpadServer.origin}/embed.js"></script>
</body></html>
`);
  return `${docsServer.origin}/${name}`;
}

function escapeHtml(text) {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

// The program a code block's text is, by Python's textwrap.dedent, without the blank
// lines around it.
function pythonDedent(text) {
  const script = 'import sys, textwrap; sys.stdout.write(textwrap.dedent(sys.stdin.read()).strip("\\n") + "\\n")';
  const result = spawnSync('python3', ['-c', script], { input: text, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr}`);
  return result.stdout;
}

function expectedRun(source, time) {
  return time === 'virtual' ? runCPythonVirtualTime(source) : runCPython(source);
}

const ENDED = ['finished', 'stopped', 'error'].map((state) => `.awaitpad-status[data-state="${state}"]`).join(', ');

// Clicks the widget's Run and resolves to {status, output, stderr} once the run ended.
async function runWidget(widget) {
  await widget.getByRole('button', { name: 'Run', exact: true }).click();
  await widget.locator(ENDED).waitFor({ timeout: RUN_TIMEOUT_MS });
  return widgetState(widget);
}

// The output is drawn once per animation frame (output_view.ts): wait for one, so the end
// of the run is drawn.
async function widgetState(widget) {
  const output = widget.getByRole('region', { name: 'Output', exact: true });
  await output.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
  return {
    state: await widget.getByRole('status').getAttribute('data-state'),
    status: await widget.getByRole('status').textContent(),
    output: await output.textContent(),
    stderr: (await output.locator('.stderr').allTextContents()).join(''),
  };
}

// The widget's "Open in playground" link: {base, source, time}.
async function playgroundLink(widget) {
  const href = await widget.getByRole('link', { name: 'Open in playground' }).getAttribute('href');
  const url = new URL(href);
  return { base: `${url.origin}${url.pathname}`, ...readShareFragment(url.hash) };
}

// Each widget of a docs page against CPython: its output, its link's program and mode.
async function checkWidgets(page) {
  const blocks = await page.locator(BLOCK_SELECTOR).evaluateAll((elements) => elements.map((element) => ({
    text: element.textContent, time: element.dataset.time ?? 'real', timeline: 'timeline' in element.dataset,
  })));
  const widgets = page.locator('.awaitpad-widget');
  assert.equal(await widgets.count(), blocks.length, 'one widget per marked code block');
  for (const [index, { text, time, timeline }] of blocks.entries()) {
    const source = pythonDedent(text);
    const expected = expectedRun(source, time);
    const widget = widgets.nth(index);
    const shown = await runWidget(widget);
    assert.equal(shown.state, 'finished', `widget ${index + 1}: ${shown.status}`);
    assert.equal(shown.output, (await expected).stdout + (await expected).stderr, `widget ${index + 1}'s output`);
    const link = await playgroundLink(widget);
    assert.equal(link.base, `${awaitpadServer.origin}/index.html`);
    assert.deepEqual({ source: link.source, time: link.time }, { source, time }, `widget ${index + 1}'s link`);
    const timelines = widget.getByRole('region', { name: 'Timeline', exact: true });
    if (!timeline) {
      assert.equal(await timelines.count(), 0, `widget ${index + 1} has a timeline it did not ask for`);
      continue;
    }
    // One row per task, named and ordered as CPython's asyncio names and creates them.
    const tasks = await cpythonTasks(source, { virtualTime: time === 'virtual' });
    assert.deepEqual(await timelines.locator('.timeline-name').allTextContents(), tasks.map((task) => task.name),
      `widget ${index + 1}'s timeline rows`);
  }
  return blocks;
}

test('the demo docs page: its widgets and its iframe run and print what CPython prints, on one worker', { timeout: TEST_TIMEOUT_MS }, async () => {
  const wasmDownloads = awaitpadServer.requestCount('/runtime/awaitpad.wasm');
  await withPage(`${awaitpadServer.origin}/demo/docs.html`, async (page, workers) => {
    await page.frameLocator('iframe').locator('.awaitpad-widget').waitFor();
    assert.deepEqual(workers, [], 'a worker before any Run');
    assert.equal(awaitpadServer.requestCount('/runtime/awaitpad.wasm'), wasmDownloads, 'the wasm before any Run');
    assert.equal(await page.locator('pre.awaitpad').count(), 3);
    assert.equal(await page.locator('code.language-python[data-awaitpad]').count(), 1);
    const blocks = await checkWidgets(page);
    assert.equal(blocks.filter((block) => block.time === 'virtual').length, 1, 'one example in virtual time');
    assert.equal(workers.length, 1, `the widgets started ${workers.length} workers: ${workers.join(', ')}`);

    const iframe = page.locator('iframe');
    const { source, time } = readShareFragment(new URL(await iframe.getAttribute('src'), page.url()).hash);
    const expected = expectedRun(source, time);
    const frame = page.frameLocator('iframe');
    assert.equal(await frame.locator('.awaitpad-code').textContent(), source, 'the iframe shows its program');
    const shown = await runWidget(frame.locator('.awaitpad-widget'));
    assert.equal(shown.state, 'finished', shown.status);
    assert.equal(shown.output, (await expected).stdout);
    assert.equal(workers.length, 2, 'the iframe has a worker of its own');
  });
});

test('a Run in one widget stops the one running, which says so', { timeout: TEST_TIMEOUT_MS }, async () => {
  const url = writeDocsPage('two_widgets.html', `
<pre class="awaitpad">import time
print("spinning")
while True:
    time.sleep(0.01)
</pre>
<pre class="awaitpad">print("second", 6 * 7)</pre>`);
  await withPage(url, async (page) => {
    const [spinning, second] = [page.locator('.awaitpad-widget').nth(0), page.locator('.awaitpad-widget').nth(1)];
    await spinning.getByRole('button', { name: 'Run', exact: true }).click();
    await spinning.getByText('spinning').waitFor({ timeout: RUN_TIMEOUT_MS });
    assert.equal(await spinning.getByRole('button', { name: 'Stop', exact: true }).isEnabled(), true);
    const shown = await runWidget(second);
    assert.equal(shown.state, 'finished', shown.status);
    assert.equal(shown.output, (await runCPython('print("second", 6 * 7)\n')).stdout);
    const stopped = await widgetState(spinning);
    assert.equal(stopped.state, 'stopped');
    assert.match(stopped.status, /another example on this page started/);
    assert.equal(await spinning.getByRole('button', { name: 'Stop', exact: true }).isDisabled(), true);
  });
});

test('Stop ends a widget\'s endless loop', { timeout: TEST_TIMEOUT_MS }, async () => {
  const url = writeDocsPage('endless.html', '<pre class="awaitpad">print("spinning")\nwhile True:\n    pass\n</pre>');
  await withPage(url, async (page) => {
    const widget = page.locator('.awaitpad-widget');
    await widget.getByRole('button', { name: 'Run', exact: true }).click();
    await widget.getByText('spinning').waitFor({ timeout: RUN_TIMEOUT_MS });
    await widget.getByRole('button', { name: 'Stop', exact: true }).click();
    await widget.locator(ENDED).waitFor({ timeout: 2000 });
    const shown = await widgetState(widget);
    assert.equal(shown.state, 'stopped');
    assert.match(shown.status, /^Stopped after/);
  });
});

test('"Open in playground" opens the playground with the widget\'s program and time', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage(`${awaitpadServer.origin}/demo/docs.html`, async (page) => {
    const block = page.locator('pre.awaitpad[data-time="virtual"]');
    const source = pythonDedent(await block.textContent());
    const widget = page.locator('.awaitpad-widget').nth(2);
    const opened = page.context().waitForEvent('page');
    await widget.getByRole('link', { name: 'Open in playground' }).click();
    const playground = await opened;
    await pageReady(playground);
    assert.equal(await editorText(playground), source);
    assert.equal(await timeMode(playground), 'virtual');
  });
});

// Markup in a code block and in its output is text: it shows, and never runs.
const HOSTILE_PROGRAM = `
    # </script><script>window.__pwned = 3</script>
    print('<img src=x onerror="window.__pwned=1">')
    print("</pre></script><script>window.__pwned = 2</script>")
`;

const UNCAUGHT_ERROR = 'def divide(x):\n    return 1 / x\n\nprint("before")\ndivide(0)\n';

test('a docs page on another origin: markup in the code and its output shows as text and never runs; a traceback is text', { timeout: TEST_TIMEOUT_MS }, async () => {
  const url = writeDocsPage('hostile.html', `<pre class="awaitpad">${escapeHtml(HOSTILE_PROGRAM)}</pre>
<pre class="awaitpad">${escapeHtml(UNCAUGHT_ERROR)}</pre>`);
  await withPage(url, async (page) => {
    await checkWidgets(page);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'the markup ran');
    assert.equal(await page.locator('.awaitpad-widget img, .awaitpad-widget script').count(), 0);
    const traceback = page.locator('.awaitpad-widget').nth(1);
    assert.equal((await widgetState(traceback)).stderr, (await runCPython(UNCAUGHT_ERROR)).stderr);
    assert.equal(await traceback.locator('button').count(), 2, 'buttons besides Run and Stop: line links to no editor');
    assert.match(await page.locator('.awaitpad-widget').first().getByRole('region', { name: 'Output' }).textContent(), /<img src=x/);
  });
});

test('a code block that a single-page docs site adds after load gets its widget', { timeout: TEST_TIMEOUT_MS }, async () => {
  const url = writeDocsPage('single_page.html', '<main><p>Loading the page…</p></main>');
  const program = 'import asyncio\n\nasync def main():\n    await asyncio.sleep(0.1)\n    print("arrived late")\n\nasyncio.run(main())\n';
  await withPage(url, async (page) => {
    await page.locator('main').evaluate((main, text) => {
      const block = document.createElement('pre');
      block.className = 'awaitpad';
      block.textContent = text;
      const article = document.createElement('article');
      article.append(block);
      main.replaceChildren(article);  // as a router swaps a page's content in
    }, program);
    await page.locator('.awaitpad-widget').waitFor();
    await checkWidgets(page);
  });
});

test('embed.html in <iframe sandbox="allow-scripts"> runs its program (opaque origin)', { timeout: TEST_TIMEOUT_MS }, async () => {
  const source = 'import asyncio\n\nasync def main():\n    print(await asyncio.gather(asyncio.sleep(0.1, "a"), asyncio.sleep(0, "b")))\n' +
    '    print(\'<img src=x onerror="window.__pwned=1">\')\n\nasyncio.run(main())\n';
  const expected = runCPython(source);
  const embedUrl = `${awaitpadServer.origin}/embed.html${writeShareFragment(source, 'real')}`;
  const url = writeDocsPage('sandboxed.html', `<iframe sandbox="allow-scripts" src="${escapeHtml(embedUrl)}"></iframe>`);
  await withPage(url, async (page) => {
    const frameWidget = page.frameLocator('iframe').locator('.awaitpad-widget');
    assert.equal(await page.frameLocator('iframe').locator('.awaitpad-code').textContent(), source, 'the code as text');
    const shown = await runWidget(frameWidget);
    assert.equal(shown.state, 'finished', shown.status);
    assert.equal(shown.output, (await expected).stdout);
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    assert.equal(await frame.evaluate(() => self.origin), 'null', 'the iframe is not sandboxed');
    assert.equal(await frame.evaluate(() => window.__pwned), undefined, 'the markup ran');
    const link = await playgroundLink(frameWidget);
    assert.deepEqual(link, { base: `${awaitpadServer.origin}/index.html`, source, time: 'real' });
  });
});

test('in a sandboxed iframe, a program loads the deferred code and json across origins', { timeout: TEST_TIMEOUT_MS }, async () => {
  const expected = runCPython(NEEDS_DEFERRED_CODE);
  const embedUrl = `${awaitpadServer.origin}/embed.html${writeShareFragment(NEEDS_DEFERRED_CODE, 'real')}`;
  const url = writeDocsPage('sandboxed_json.html', `<iframe sandbox="allow-scripts" src="${escapeHtml(embedUrl)}"></iframe>`);
  await withPage(url, async (page) => {
    const shown = await runWidget(page.frameLocator('iframe').locator('.awaitpad-widget'));
    assert.equal(shown.state, 'finished', shown.status);
    assert.equal(shown.output, (await expected).stdout);
  });
});

test('a corrupt embed.html link shows a message, and no widget', { timeout: TEST_TIMEOUT_MS }, async () => {
  const good = writeShareFragment('print("hello")\n', 'real');
  const corrupt = {
    'not base64url': '#code=%%%&time=real',
    truncated: good.slice(0, good.indexOf('&') - 4),
    'an unknown time': '#code=AAAA&time=<b>soon</b>',
    'no program': '#',
  };
  for (const [what, fragment] of Object.entries(corrupt)) {
    await withPage(`${awaitpadServer.origin}/embed.html${fragment}`, async (page) => {
      const message = page.getByRole('alert');
      await message.waitFor();
      assert.match(await message.textContent(), /link/, `${what}: ${await message.textContent()}`);
      assert.equal(await page.locator('.awaitpad-widget, b').count(), 0, what);
    });
  }
});

// Figures for the notes, not pass/fail targets.
test('figures: embed.js\'s size, and what the demo page downloads before and after a Run', { timeout: TEST_TIMEOUT_MS }, async () => {
  const gzipped = (file) => zlib.gzipSync(fs.readFileSync(path.join(DIST, file)), { level: 9 }).length;
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const server = await startStaticServer(DIST);  // its own, to count this page's requests alone
  const downloaded = () => fs.readdirSync(DIST, { recursive: true })
    .filter((file) => server.requestCount(`/${file}`) > 0)
    .reduce((total, file) => total + gzipped(file), 0);
  try {
    await withPage(`${server.origin}/demo/docs.html`, async (page) => {
      await page.frameLocator('iframe').locator('.awaitpad-widget').waitFor();
      const beforeRun = downloaded();
      await runWidget(page.locator('.awaitpad-widget').first());
      console.log(`figures: embed.js ${kb(fs.statSync(path.join(DIST, 'embed.js')).size)}, ${kb(gzipped('embed.js'))} gzipped; ` +
        `the demo page (with its iframe) downloads ${kb(beforeRun)} gzipped before a Run, ${kb(downloaded())} after one`);
    });
  } finally {
    await server.close();
  }
});
