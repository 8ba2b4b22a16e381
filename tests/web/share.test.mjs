// Share links (issue 5) on the built page in headless Chromium: Share puts the program and
// the time switch in the URL and copies it; the link, opened anywhere, restores both
// exactly. Links written elsewhere open too — by Node's zlib (what docs tooling would do)
// and by the two Python lines of web/README.md, taken from the README itself. Damaged,
// truncated and oversized links, and unknown examples, are refused with a message, and
// the editor keeps working. Expected program output comes from CPython (`python3`).
//
// Run: npm run build && node --test tests/web/share.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { test } from 'node:test';

import { runCPython } from './cpython.mjs';
import {
  EXAMPLES_DIR, REPO_ROOT, TEST_TIMEOUT_MS, assertEditorWorks, editorText, examplesControl, notice,
  pageReady, run, servePlayground, setSource, shareButton, shownOutput, timeMode,
  withPlayground as withPage,
} from './playground.mjs';
import { readShareFragment, writeShareFragment } from './share_fragment.mjs';

const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };
const DEFAULT_EXAMPLE = fs.readFileSync(path.join(EXAMPLES_DIR, 'three_tasks.py'), 'utf8');
// Non-ASCII of one, two and three UTF-16 units per character, on several lines.
const UNICODE_PROGRAM = 'greeting = "héllo 🌍 中文"\nfor word in greeting.split():\n    print(word, len(word))\n';

const session = servePlayground();

const withPlayground = (url, body, contextOptions, prepare) => withPage(session.browser, url, body, contextOptions, prepare);

// The link web/README.md's two Python lines make for `source` (base: this server).
function pythonLink(source) {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'web', 'README.md'), 'utf8');
  const lines = readme.split('\n').map((line) => line.trim()).filter((line) => /^(data|url) = /.test(line));
  assert.equal(lines.length, 2, 'web/README.md shows the two lines "data = …" and "url = …"');
  const program = ['import base64, sys, zlib', 'src = sys.stdin.read()', 'base = sys.argv[1]', ...lines, 'print(url)'];
  const made = spawnSync('python3', ['-c', program.join('\n'), `${session.server.origin}/`], {
    input: source, encoding: 'utf8', env: { ...process.env, PYTHONIOENCODING: 'utf-8' },
  });
  assert.equal(made.status, 0, made.stderr);
  return made.stdout.trim();
}

// The page's URL now (history.replaceState included).
function pageUrl(page) {
  return page.evaluate(() => location.href);
}

// Opens `fragment` on the open `page` as a pasted link would (hashchange, no reload).
async function followFragment(page, fragment) {
  await page.evaluate((hash) => { location.hash = hash; }, fragment);
}

test('Share copies a link that restores the code and the time switch exactly', { timeout: TEST_TIMEOUT_MS }, async () => {
  const expected = runCPython(UNICODE_PROGRAM);
  let link;
  await withPlayground(`${session.server.origin}/`, async (page) => {
    await setSource(page, UNICODE_PROGRAM);
    await page.getByLabel('Virtual time').check();
    await shareButton(page).click();
    await notice(page).filter({ hasText: 'Link copied' }).waitFor();
    link = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(link, await pageUrl(page), 'the clipboard holds the page\'s URL');
    assert.match(link, /#code=[A-Za-z0-9_-]+&time=virtual$/);
  }, CLIPBOARD);

  await withPlayground(link, async (page) => {
    assert.equal(await editorText(page), UNICODE_PROGRAM);
    assert.equal(await timeMode(page), 'virtual');
    const ended = await run(page);
    assert.equal(ended.state, 'finished', ended.text);
    assert.equal((await shownOutput(page)).text, (await expected).stdout);
  });
});

// Characters an editor or a decoder might change on the way: a byte order mark first, a
// tab, a combining accent, a zero-width joiner, an astral character.
const EXOTIC_PROGRAM = '\ufeffprint("tab\there", "e\u0301", "👩\u200d💻", "𝄞")\n';

test('a link\'s code comes back byte for byte through the page and Share', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPlayground(`${session.server.origin}/${writeShareFragment(EXOTIC_PROGRAM, 'virtual')}`, async (page) => {
    await page.waitForFunction(() => document.querySelector('.cm-content').textContent.includes('tab'));
    await shareButton(page).click();
    await notice(page).filter({ hasText: 'Link copied' }).waitFor();
    const shared = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    assert.deepEqual(readShareFragment(shared.hash), { source: EXOTIC_PROGRAM, time: 'virtual' });
  }, CLIPBOARD);
});

test('links written by Node\'s zlib and by the README\'s Python lines open', { timeout: TEST_TIMEOUT_MS }, async () => {
  const source = 'print("written elsewhere: ünïcödé ✓")\n';
  const expected = runCPython(source);
  await withPlayground(`${session.server.origin}/`, async (page) => {
    await page.getByLabel('Real time').check();
    await followFragment(page, writeShareFragment(source, 'virtual'));
    await page.waitForFunction((text) => document.querySelector('.cm-content').textContent.includes(text), 'elsewhere');
    assert.equal(await editorText(page), source, 'Node\'s link');
    assert.equal(await timeMode(page), 'virtual', 'Node\'s link');

    const link = pythonLink(`${source}# from Python\n`);
    assert.match(link, /&time=real$/);
    await followFragment(page, new URL(link).hash);
    await page.waitForFunction(() => document.querySelector('.cm-content').textContent.includes('from Python'));
    assert.equal(await editorText(page), `${source}# from Python\n`, 'Python\'s link');
    assert.equal(await timeMode(page), 'real', 'Python\'s link');
    assert.equal((await run(page)).state, 'finished');
    assert.equal((await shownOutput(page)).text, (await expected).stdout);
  });
});

test('a link\'s code wins over the saved code on load; the first edit drops the link', { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPlayground(`${session.server.origin}/`, async (page) => {
    await setSource(page, 'print("saved")\n');
    const link = `${session.server.origin}/${writeShareFragment('print("linked")\n', 'real')}`;
    await page.goto('about:blank');
    await page.goto(link);
    await pageReady(page);
    assert.equal(await editorText(page), 'print("linked")\n');
    assert.equal(await pageUrl(page), link, 'the link stays while the code is as it opened');

    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.insertText('# mine now\n');
    assert.equal(await pageUrl(page), `${session.server.origin}/`, 'the edit dropped the link');
    await page.reload();
    await pageReady(page);
    assert.equal(await editorText(page), 'print("linked")\n# mine now\n', 'the reload shows the edit');
  });
});

// Each fragment must be refused with a message matching `message`, the default example
// staying in the editor.
const base64Url = (bytes) => Buffer.from(bytes).toString('base64url');
const longProgram = zlib.deflateRawSync(Buffer.from(DEFAULT_EXAMPLE.repeat(4)));
const BROKEN_LINKS = {
  // BTYPE 11 in the first block header: a DEFLATE block type that does not exist.
  corrupt: [`#code=${base64Url(Buffer.from(longProgram).map((byte, i) => (i === 0 ? byte | 0b110 : byte)))}`,
    /does not decompress.*damaged/],
  truncated: [`#code=${base64Url(longProgram.subarray(0, longProgram.length >> 1))}&time=real`, /truncated/],
  // A DEFLATE bomb: 2.7 KB of link for 2 MB of spaces.
  oversized: [`#code=${base64Url(zlib.deflateRawSync(Buffer.alloc(2 * 1024 * 1024, ' ')))}`, /over 512 KB/],
  'not base64url': ['#code=print("hi")', /not valid base64url/],
  'not UTF-8': [`#code=${base64Url(zlib.deflateRawSync(Buffer.from([0x70, 0xff, 0xfe])))}`, /not UTF-8/],
  'unknown time mode': [`${writeShareFragment('print(1)\n', 'real').replace('real', 'warp')}`, /time= must be real or virtual/],
  'unknown example': ['#example=no_such_example', /"no_such_example".*none/],
};

for (const [kind, [fragment, message]] of Object.entries(BROKEN_LINKS)) {
  test(`a link that is ${kind} shows why, and the editor keeps working`, { timeout: TEST_TIMEOUT_MS }, async () => {
    await withPlayground(`${session.server.origin}/${fragment}`, async (page) => {
      await notice(page).filter({ hasText: message }).waitFor();
      assert.ok(await notice(page).isVisible(), 'the message is visible');
      assert.equal(await editorText(page), DEFAULT_EXAMPLE, 'the editor kept its code');
      await assertEditorWorks(page);
    });
  });
}

test('#example=NAME opens that example', { timeout: TEST_TIMEOUT_MS }, async () => {
  const source = fs.readFileSync(path.join(EXAMPLES_DIR, 'semaphore.py'), 'utf8');
  await withPlayground(`${session.server.origin}/#example=semaphore&time=virtual`, async (page) => {
    await page.waitForFunction(() => document.querySelector('.cm-content').textContent.includes('Semaphore'));
    assert.equal(await editorText(page), source);
    assert.equal(await examplesControl(page).inputValue(), 'semaphore', 'Examples shows it as chosen');
    assert.equal(await timeMode(page), 'virtual');
  });
});

test('when the clipboard is refused, Share shows the link selected in a field', { timeout: TEST_TIMEOUT_MS }, async () => {
  const refuseClipboard = (context) => context.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('refused', 'NotAllowedError'));
  });
  await withPlayground(`${session.server.origin}/`, async (page) => {
    await shareButton(page).click();
    const field = page.getByRole('textbox', { name: 'Link to share' });
    await field.waitFor();
    assert.equal(await field.inputValue(), await pageUrl(page));
    assert.match(await field.inputValue(), /#code=[A-Za-z0-9_-]+&time=real$/);
    const selection = await field.evaluate((input) => ({
      focused: document.activeElement === input, start: input.selectionStart, end: input.selectionEnd,
    }));
    assert.deepEqual(selection, { focused: true, start: 0, end: (await field.inputValue()).length });
    assert.match(await notice(page).textContent(), /did not allow copying/);
  }, {}, refuseClipboard);
});
