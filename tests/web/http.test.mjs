// HTTP on the page (issue 6) in headless Chromium: a program's requests go out through the
// browser's fetch from the runner's worker to a real httpbin on loopback — another origin
// than the page's, allowed by the CORS headers httpbin sends — and run concurrently; a
// request that fails shows the likely causes in the output, CORS among them, since the
// browser does not say which it was. Expectations are httpbin's answers and the hint:
// CPython's own messages for these failures name the socket error, which a page never sees.
//
// Run: npm run build && node --test tests/web/http.test.mjs
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';

import { serveHttpbin } from './httpbin.mjs';
import {
  TEST_TIMEOUT_MS, run, servePlayground, setSource, shownOutput, withPlayground as withPage,
} from './playground.mjs';

const session = servePlayground();
const httpbin = serveHttpbin();
let noCorsServer;  // answers every request, without CORS headers
before(async () => {
  noCorsServer = http.createServer((request, response) => response.end('not for other origins'));
  await new Promise((resolve) => { noCorsServer.listen(0, '127.0.0.1', resolve); });
});
after(() => noCorsServer?.close());

const withPlayground = (body) => withPage(session.browser, `${session.server.origin}/`, body);

const hint = 'the server may be down, or may not allow cross-origin requests (CORS)';

test('two aiohttp requests on the page run concurrently', { timeout: TEST_TIMEOUT_MS }, async () => {
  const source = `import asyncio, time

import aiohttp

BASE = ${JSON.stringify(httpbin.url)}

async def get(session, path):
    async with session.get(BASE + path) as response:
        answer = await response.json()
        return response.status, answer["url"] == str(response.url)

async def main():
    async with aiohttp.ClientSession() as session:
        start = time.perf_counter()
        print(await asyncio.gather(get(session, "/delay/1"), get(session, "/delay/1?again")))
        print("overlapped:", time.perf_counter() - start < 1.8)

asyncio.run(main())
`;
  await withPlayground(async (page) => {
    await setSource(page, source);
    const ended = await run(page);
    const shown = await shownOutput(page);
    assert.equal(ended.state, 'finished', `${ended.text}: ${shown.text}`);
    assert.equal(shown.stdout, '[(200, True), (200, True)]\noverlapped: True\n');
  });
});

test('a failed request says the server may be down or not allow CORS', { timeout: TEST_TIMEOUT_MS }, async () => {
  const noCors = `http://127.0.0.1:${noCorsServer.address().port}/`;
  const source = `import asyncio

import aiohttp
import requests

try:
    requests.get(${JSON.stringify(noCors)})
except requests.ConnectionError as error:
    print(error)

async def main():
    async with aiohttp.ClientSession() as session:
        await session.get("http://127.0.0.1:1/get")

asyncio.run(main())
`;
  await withPlayground(async (page) => {
    await setSource(page, source);
    const ended = await run(page);
    const shown = await shownOutput(page);
    assert.equal(ended.state, 'finished', `${ended.text}: ${shown.text}`);
    assert.ok(shown.stdout.endsWith(`(Caused by Failed to fetch ${noCors}: ${hint})\n`), shown.stdout);
    assert.ok(shown.stderr.endsWith('ClientConnectorError: Cannot connect to host 127.0.0.1:1 ssl:default ' +
      `[Failed to fetch http://127.0.0.1:1/get: ${hint}]\n`), shown.stderr);
  });
});
