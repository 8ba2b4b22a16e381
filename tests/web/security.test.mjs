// The sandbox for shared code (issue 7, SECURITY.md) in headless Chromium, on the built
// dist/: the pages ship a Content-Security-Policy that refuses inline script and eval and
// still runs the wasm; a link's markup shows as text and never runs; a program runs only
// in the worker, with no way to JavaScript; its HTTP goes out without the visitor's
// cookies; the iframe embed runs in <iframe sandbox="allow-scripts"> under its own policy;
// a link of megabytes is refused before it is decoded. SECURITY.md lists, for each claim,
// the test here or in share.test.mjs / embed.test.mjs that checks it.
//
// Expected program output comes from CPython (`python3`), never from awaitpad.
//
// Run: npm run build && node --test tests/web/security.test.mjs
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, test } from 'node:test';

import { startStaticServer } from '../../scripts/static_server.mjs';
import { runCPython } from './cpython.mjs';
import { serveHttpbin } from './httpbin.mjs';
import {
  DIST, TEST_TIMEOUT_MS, editorText, notice, run, servePlayground, setSource, shownOutput,
  withPlayground as withPage,
} from './playground.mjs';
import { writeShareFragment } from './share_fragment.mjs';

const session = servePlayground();
const httpbin = serveHttpbin();
let docsServer;  // pages written here: a docs site on another origin than dist/
let docsDirectory;
before(async () => {
  docsDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'awaitpad-security-'));
  docsServer = await startStaticServer(docsDirectory);
});
after(async () => {
  await docsServer?.close();
  if (docsDirectory) fs.rmSync(docsDirectory, { recursive: true, force: true });
});

// Every frame of the context records the CSP violations it sees in window.__violations,
// and any dialog (alert, confirm, prompt) is recorded, then dismissed.
function watchFor(dialogs) {
  return async (context) => {
    await context.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        window.__violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
      });
    });
    context.on('page', (page) => page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      dialog.dismiss().catch(() => {});
    }));
  };
}

const withPlayground = (url, body, dialogs = []) => withPage(session.browser, url, body, {}, watchFor(dialogs));

// Runs `body(page)` on a fresh page at `url` that is not the playground (a docs page),
// watched as withPlayground's are; fails on an uncaught error.
async function withDocsPage(url, body, dialogs) {
  const context = await session.browser.newContext();
  await watchFor(dialogs)(context);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  try {
    await page.goto(url);
    await body(page);
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, [], 'uncaught errors on the page');
}

// The policy of a built page's <meta http-equiv="Content-Security-Policy">: directive →
// its sources.
function shippedPolicy(file) {
  const html = fs.readFileSync(path.join(DIST, file), 'utf8');
  const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/g)];
  assert.equal(metas.length, 1, `${file} has one CSP meta tag`);
  assert.ok(html.indexOf(metas[0][0]) < html.indexOf('<script'), `${file}: the policy comes before any script`);
  return new Map(metas[0][1].split(';').map((directive) => directive.trim().split(/\s+/))
    .map(([name, ...sources]) => [name, sources]));
}

test('the playground and the iframe embed ship a CSP: scripts from their origin, wasm but no eval, nothing inline', () => {
  for (const file of ['index.html', 'embed.html']) {
    const policy = shippedPolicy(file);
    assert.deepEqual(policy.get('default-src'), ["'none'"], file);
    assert.deepEqual(policy.get('script-src'), ["'self'", "'wasm-unsafe-eval'"], file);
    assert.deepEqual(policy.get('base-uri'), ["'none'"], file);
    assert.deepEqual(policy.get('form-action'), ["'none'"], file);
    assert.deepEqual(policy.get('connect-src'), ["'self'", 'http:', 'https:'], `${file}: programs' HTTP goes anywhere`);
  }
  assert.deepEqual(shippedPolicy('index.html').get('worker-src'), ["'self'"]);
  assert.deepEqual(shippedPolicy('embed.html').get('worker-src'), ["'self'", 'data:'], 'runner.mjs\'s data: worker');
  assert.deepEqual(shippedPolicy('embed.html').get('style-src'), ["'self'"], 'embed.html has no inline style');
});

test('under the page\'s CSP an injected inline script, event handler and string eval are refused and reported', { timeout: TEST_TIMEOUT_MS }, async () => {
  const dialogs = [];
  await withPlayground(`${session.server.origin}/`, async (page) => {
    // The page itself ran under the policy with no violation (openPlayground also fails
    // on any console error, which is how Chromium reports one).
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    page.removeAllListeners('console');  // the refusals below are logged as errors, as they should be
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = "script"; alert("script")';
      document.head.append(script);
      const image = document.createElement('img');
      image.setAttribute('onerror', 'window.__pwned = "handler"; alert("handler")');
      image.src = 'data:,';
      document.body.append(image);
      // A string timer runs later, outside this evaluation (which DevTools lets eval).
      setTimeout('window.__pwned = "eval"; alert("eval")');
    });
    // Three reports, or none without a policy: then the assertions below say what ran.
    await page.waitForFunction(() => window.__violations.length >= 3, null, { timeout: 5000 }).catch(() => {});
    await page.waitForTimeout(100);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'injected code ran');
    assert.deepEqual((await page.evaluate(() => window.__violations)).sort(),
      ['script-src eval', 'script-src-attr inline', 'script-src-elem inline']);
  }, dialogs);
  assert.deepEqual(dialogs, []);
});

// Markup and script end tags in a shared program and in what it prints.
const HOSTILE_PROGRAM = `# <img src=x onerror="window.__pwned = 'comment'; alert('comment')">
# </script><script>window.__pwned = 'script'; alert('script')</script>
print('<img src=x onerror="window.__pwned = 1; alert(1)">')
print("</pre></script><script>window.__pwned = 2; alert(2)</script>")
import sys
print('<svg onload="alert(3)"><b>bold?</b>', file=sys.stderr)
`;

test('a link whose code and output hold <img onerror> and </script>: shown as text in editor and output, nothing runs', { timeout: TEST_TIMEOUT_MS }, async () => {
  const expected = runCPython(HOSTILE_PROGRAM);
  const dialogs = [];
  await withPlayground(`${session.server.origin}/${writeShareFragment(HOSTILE_PROGRAM, 'real')}`, async (page) => {
    await page.waitForFunction(() => document.querySelector('.cm-content').textContent.includes('onerror'));
    assert.equal(await editorText(page), HOSTILE_PROGRAM, 'the editor shows the code as it is');
    const ended = await run(page);
    assert.equal(ended.state, 'finished', ended.text);
    const shown = await shownOutput(page);
    assert.equal(shown.stdout, (await expected).stdout, 'the output shows what was printed');
    assert.equal(shown.stderr, (await expected).stderr);
    assert.equal(await page.locator('img, svg:not(.timeline svg), b').count(), 0, 'markup became elements');
    assert.equal(await page.evaluate(() => document.scripts.length), 1, 'a script element was added');
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'the markup ran');
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'something tried to run and CSP caught it');
  }, dialogs);
  assert.deepEqual(dialogs, [], 'a dialog opened');
});

// share.test.mjs refuses a link that decodes to megabytes (a DEFLATE bomb) and garbage
// links; this is a link that is itself most of a megabyte long (past the 700 KB that a
// 512 KB program can need). Chromium takes ~15 s to navigate to a URL that long, hence the
// timeout.
test('a link most of a megabyte long is refused with a message before it is decoded', { timeout: 3 * TEST_TIMEOUT_MS }, async () => {
  // Random text in base64: deflate cannot shrink it much.
  const source = `# ${crypto.randomBytes(600 * 1024).toString('base64')}\nprint("never")\n`;
  const code = zlib.deflateRawSync(Buffer.from(source)).toString('base64url');
  assert.ok(code.length > 800_000, `the link's code is ${code.length} characters`);
  await withPlayground(`${session.server.origin}/#code=${code}&time=real`, async (page) => {
    await notice(page).filter({ hasText: /link/ }).waitFor();
    assert.match(await notice(page).textContent(), /too long to be a program/);
    assert.doesNotMatch(await editorText(page), /never/);
  });
});

// The JavaScript functions awaitpad.wasm imports: all the module can call outside itself.
// Each is fixed code (Emscripten's libc pieces and the web Host's EM_JS functions, in
// wasm/*.cpp); none evaluates a string or reaches an object Python names. One added here
// needs the same look, and a line in SECURITY.md.
const WASM_IMPORTS = [
  '__asyncjs__awaitpad_js_wait', '_abort', 'awaitpad_js_fetch_abort', 'awaitpad_js_fetch_part_copy',
  'awaitpad_js_fetch_part_size', 'awaitpad_js_fetch_start', 'awaitpad_js_fetch_take',
  'awaitpad_js_module_source', 'awaitpad_js_poll',
  'awaitpad_js_trace', 'awaitpad_js_write', '_clock', '_clock_gettime', '_emscripten_get_now',
  '_emscripten_resize_heap', '_fd_close', '_fd_seek', '_fd_write', '_getentropy',
];

test('the wasm can call only the known JavaScript functions, and none evaluates code', () => {
  const glue = fs.readFileSync(path.join(DIST, 'runtime', 'awaitpad.mjs'), 'utf8');
  const table = glue.match(/var (?:asmLibraryArg|wasmImports)\s*=\s*{([^}]*)}/);
  assert.ok(table, 'the glue\'s import table (asmLibraryArg) was not found: has Emscripten changed its output?');
  const imported = table[1].split(',').map((entry) => entry.split(':')[1].trim()).sort();
  assert.deepEqual(imported, [...WASM_IMPORTS].sort(), 'a new import from JavaScript: review it (SECURITY.md)');
  assert.doesNotMatch(glue, /\beval\(|new Function\(|emscripten_run_script/, 'the glue evaluates strings');
});

test('a program runs only in the worker: no js module, and the worker has no DOM or page storage', { timeout: TEST_TIMEOUT_MS }, async () => {
  // Each name is the module through which another wasm Python reaches JavaScript.
  const source = ['js', 'pyodide', 'pyodide_js', '_js', 'emscripten'].map((name) =>
    `try:\n    import ${name}\n    print("${name} imported")\nexcept ImportError as error:\n    print(type(error).__name__, error)\n`).join('');
  await withPlayground(`${session.server.origin}/`, async (page) => {
    const [worker] = page.workers();
    assert.ok(worker, 'the page started its worker');
    await setSource(page, source);
    const ended = await run(page);
    assert.equal(ended.state, 'finished', ended.text);
    const expected = (await runCPython(source)).stdout;
    assert.doesNotMatch(expected, /imported/, 'CPython here has one of these modules');
    assert.equal((await shownOutput(page)).stdout, expected);
    // The runtime's glue was imported by the worker, not by the page.
    const loaded = () => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
    assert.ok((await worker.evaluate(loaded)).includes('/runtime/awaitpad.mjs'), 'the worker loaded the glue');
    assert.ok(!(await page.evaluate(loaded)).includes('/runtime/awaitpad.mjs'), 'the page loaded the glue');
    assert.deepEqual(await worker.evaluate(() => [typeof document, typeof window, typeof localStorage, typeof parent]),
      ['undefined', 'undefined', 'undefined', 'undefined']);
  });
});

// Cookies of httpbin's site, as a visitor logged in there would have them.
const COOKIE = { name: 'session', value: 'visitor-secret', path: '/', sameSite: 'Lax' };

test('a program\'s HTTP requests go out without the visitor\'s cookies (credentials: omit)', { timeout: TEST_TIMEOUT_MS }, async () => {
  const base = JSON.stringify(httpbin.url);
  const source = `import asyncio
import aiohttp
import requests

print("requests:", requests.get(${base} + "/cookies").json())
print("requests sent Cookie:", "Cookie" in requests.get(${base} + "/headers").json()["headers"])

async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get(${base} + "/cookies") as response:
            print("aiohttp:", await response.json())

asyncio.run(main())
`;
  const addCookie = async (context) => {
    await watchFor([])(context);
    await context.addCookies([{ ...COOKIE, domain: new URL(httpbin.url).hostname }]);
  };
  await withPage(session.browser, `${session.server.origin}/`, async (page) => {
    // The control: the page's own fetch with credentials does carry the cookie there.
    const withCredentials = await page.evaluate(async (url) => (await fetch(`${url}/cookies`, { credentials: 'include' })).json(), httpbin.url);
    assert.deepEqual(withCredentials, { cookies: { session: 'visitor-secret' } }, 'the cookie is not set up');
    await setSource(page, source);
    const ended = await run(page);
    const shown = await shownOutput(page);
    assert.equal(ended.state, 'finished', `${ended.text}: ${shown.text}`);
    assert.equal(shown.stdout, "requests: {'cookies': {}}\nrequests sent Cookie: False\naiohttp: {'cookies': {}}\n");
  }, {}, addCookie);
});

test('embed.html runs in <iframe sandbox="allow-scripts"> under its CSP, HTTP included, and cannot reach its parent', { timeout: TEST_TIMEOUT_MS }, async () => {
  const source = `import requests
print(requests.get(${JSON.stringify(httpbin.url)} + "/get?x=1").json()["args"])
print('<img src=x onerror="alert(1)">')
`;
  const embedUrl = `${session.server.origin}/embed.html${writeShareFragment(source, 'real')}`;
  fs.writeFileSync(path.join(docsDirectory, 'sandboxed.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>sandboxed</title><link rel="icon" href="data:,"></head>
<body><iframe sandbox="allow-scripts" title="example" src="${embedUrl.replaceAll('&', '&amp;')}"></iframe></body></html>`);
  const dialogs = [];
  await withDocsPage(`${docsServer.origin}/sandboxed.html`, async (page) => {
    const widget = page.frameLocator('iframe').locator('.awaitpad-widget');
    await widget.getByRole('button', { name: 'Run', exact: true }).click();
    await widget.locator('.awaitpad-status[data-state="finished"], .awaitpad-status[data-state="error"]')
      .waitFor({ timeout: TEST_TIMEOUT_MS / 2 });
    const output = widget.getByRole('region', { name: 'Output', exact: true });
    assert.equal(await widget.getByRole('status').getAttribute('data-state'), 'finished', await widget.getByRole('status').textContent());
    assert.equal(await output.textContent(), "{'x': '1'}\n<img src=x onerror=\"alert(1)\">\n");
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    assert.equal(await frame.evaluate(() => self.origin), 'null', 'the frame is not sandboxed');
    assert.match(await frame.evaluate(() => document.querySelector('meta[http-equiv]').content), /default-src 'none'/);
    assert.equal(await frame.evaluate(() => { try { return parent.document.title; } catch (error) { return error.name; } }),
      'SecurityError', 'the frame reached its parent\'s document');
    assert.equal(await frame.evaluate(() => { try { return typeof localStorage; } catch (error) { return error.name; } }),
      'SecurityError', 'the frame has storage');
    assert.deepEqual(await frame.evaluate(() => window.__violations), [], 'the frame broke its CSP');
    assert.equal(await page.locator('iframe').evaluate((iframe) => iframe.contentDocument), null);
  }, dialogs);
  assert.deepEqual(dialogs, []);
});
