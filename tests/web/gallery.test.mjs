// The example gallery (web/examples, issue 5) on the built page in headless Chromium:
// the Examples control lists every example by its `# Title:` line, and each example,
// chosen there, runs on the page to the output CPython 3.11 printed for it — the .out
// files scripts/record_cpython.py recorded (the `gallery` ctest checks the same files on
// the CLI, natively and in wasm). The aiohttp example's requests to https://httpbin.org go
// to a local httpbin, as they did when it was recorded.
//
// Run: npm run build && node --test tests/web/gallery.test.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { serveHttpbin } from './httpbin.mjs';
import {
  EXAMPLES_DIR, TEST_TIMEOUT_MS, editorText, examplesControl, openPlayground, run, servePlayground,
  setSource, shownOutput,
} from './playground.mjs';

const DEADLOCK_LINE = '--- deadlock ---\n';

// Every example with what CPython recorded for it: {name, title, source, stdout, status}.
// status: the recorded exit status, 0 without a .err file; null for a deadlock, where
// CPython would hang and the recording stops (awaitpad ends with a report, exit 1).
const EXAMPLES = fs.readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.py')).sort().map((file) => {
  const stem = path.join(EXAMPLES_DIR, file.slice(0, -'.py'.length));
  const source = fs.readFileSync(`${stem}.py`, 'utf8');
  const stdout = fs.readFileSync(`${stem}.out`, 'utf8');
  const err = fs.existsSync(`${stem}.err`) ? fs.readFileSync(`${stem}.err`, 'utf8') : null;
  return {
    name: path.basename(stem),
    title: /^# Title: (.+)\n/.exec(source)?.[1],
    source,
    stdout,
    status: stdout.endsWith(DEADLOCK_LINE) ? null : Number(/^exit: (-?\d+)/.exec(err ?? 'exit: 0')[1]),
  };
});
// Run in real time as well: it prints times that only hold if time.sleep really blocks.
const REAL_TIME_EXAMPLE = 'sync_vs_async';

const session = servePlayground();
const httpbin = serveHttpbin();

// The titles in the Examples control, without its placeholder.
function listedTitles(page) {
  return examplesControl(page).locator('option:not([value=""])').allTextContents();
}

test('every example file has a title, and Examples lists each by it', { timeout: TEST_TIMEOUT_MS }, async () => {
  assert.ok(EXAMPLES.length >= 15, `only ${EXAMPLES.length} examples`);
  for (const example of EXAMPLES) assert.ok(example.title, `${example.name}.py has no "# Title: …" first line`);
  const { page, close } = await openPlayground(session.browser, `${session.server.origin}/`);
  try {
    await examplesControl(page).locator('option:not([value=""])').first().waitFor({ state: 'attached' });
    const titles = await listedTitles(page);
    assert.deepEqual([...titles].sort(), EXAMPLES.map((example) => example.title).sort());
    assert.equal(titles[0], EXAMPLES.find((example) => example.name === 'first_steps').title,
      'the list starts with the first steps');
  } finally {
    await close();
  }
});

// Asserts that `example`, chosen in Examples on `page`, loads and runs to its recording.
async function chooseAndRun(page, example, timeMode) {
  await examplesControl(page).selectOption({ label: example.title });
  assert.equal(await editorText(page), example.source, 'the editor shows the file');
  await page.getByLabel(timeMode === 'virtual' ? 'Virtual time' : 'Real time').check();
  const ended = await run(page);
  const shown = await shownOutput(page);
  assert.equal(ended.state, 'finished', ended.text);
  assert.equal(shown.stdout, example.stdout, 'stdout is what CPython printed');
  if (example.status === null) {
    assert.match(shown.stderr, /Deadlock/, 'the deadlock is reported on stderr');
  } else {
    assert.match(ended.text, new RegExp(`exit status ${example.status} in`), shown.stderr);
  }
}

describe('each example, chosen in Examples, prints what CPython printed', () => {
  let playground;
  before(async () => {
    playground = await openPlayground(session.browser, `${session.server.origin}/`, {}, httpbin.route);
  });
  after(async () => { await playground?.close(); });

  for (const example of EXAMPLES) {
    test(`${example.name} in virtual time`, { timeout: TEST_TIMEOUT_MS }, async () => {
      await chooseAndRun(playground.page, example, 'virtual');
    });
  }

  test(`${REAL_TIME_EXAMPLE} in real time`, { timeout: TEST_TIMEOUT_MS }, async () => {
    await chooseAndRun(playground.page, EXAMPLES.find((example) => example.name === REAL_TIME_EXAMPLE), 'real');
  });
});

test('choosing an example does not overwrite the saved code; editing it does', { timeout: TEST_TIMEOUT_MS }, async () => {
  const [first, second] = EXAMPLES;
  const { page, close } = await openPlayground(session.browser, `${session.server.origin}/`);
  try {
    await setSource(page, 'print("my own code")\n');
    await examplesControl(page).selectOption({ label: first.title });
    await page.reload();
    await page.locator('.cm-content').waitFor();
    assert.equal(await editorText(page), 'print("my own code")\n', 'the reload shows the saved code');

    await examplesControl(page).selectOption({ label: second.title });
    await page.locator('.cm-content').focus();
    await page.keyboard.press('ControlOrMeta+Z');  // the load is one undoable change
    assert.equal(await editorText(page), 'print("my own code")\n', 'undo brings the code back');
    await page.keyboard.press('ControlOrMeta+Shift+Z');
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText('# edited\n');
    assert.equal(await examplesControl(page).inputValue(), '', 'after an edit, no example is shown as chosen');
    await page.reload();
    await page.locator('.cm-content').waitFor();
    assert.equal(await editorText(page), `${second.source}# edited\n`, 'the edited example was saved');
  } finally {
    await close();
  }
});
