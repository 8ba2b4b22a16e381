// HTTP through the web Host (issue 6): Python's `_http` module in the wasm build makes its
// requests with Node's global fetch, as the worker does with the browser's, against a real
// httpbin on loopback (tests/wasm/httpbin.mjs). Real time throughout: these tests time
// real seconds. CPython has no `_http`, so expectations are httpbin's documented answers.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { startHttpbin } from './httpbin.mjs';
import { repositoryRoot, run } from './module.mjs';

let httpbin;
before(async () => { httpbin = await startHttpbin(); });
after(() => httpbin?.stop());

// `lines` as a program that knows httpbin's base URL as BASE.
const program = (...lines) => [`BASE = ${JSON.stringify(httpbin.url)}`, ...lines, ''].join('\n');

// Runs `source`; fails unless it exited with status 0.
async function runOk(source, options = {}) {
  const result = await run({ source, ...options });
  assert.equal(result.error, null);
  assert.equal(result.status, 0, result.stderr);
  return result;
}

// Records when each fetch of this process is aborted: seconds since `origin`, or
// Infinity for one that never was.
function recordAborts() {
  const originalFetch = globalThis.fetch;
  const origin = performance.now();
  const abortedAt = [];
  globalThis.fetch = (request, init) => {
    const index = abortedAt.push(Infinity) - 1;
    request.signal.addEventListener('abort', () => {
      abortedAt[index] = (performance.now() - origin) / 1000;
    });
    return originalFetch(request, init);
  };
  return { abortedAt, restore: () => { globalThis.fetch = originalFetch; } };
}

test('a GET gives status, reason, final URL, headers and the JSON body', async () => {
  const result = await runOk(program(
    'import _http, asyncio, json',
    'async def main():',
    '    status, reason, url, headers, body = await _http.fetch(',
    '        "GET", BASE + "/redirect-to?url=/get%3Fq%3D1", [("X-Awaitpad", "yes")], None)',
    '    print(status, reason, url == BASE + "/get?q=1")',
    '    print(dict((name.lower(), value) for name, value in headers)["content-type"])',
    '    answer = json.loads(body.decode())',
    '    print(answer["args"], answer["headers"]["X-Awaitpad"])',
    'asyncio.run(main())'));
  assert.equal(result.stdout, "200 OK True\napplication/json\n{'q': '1'} yes\n");
});

test('four concurrent requests of /delay/1 overlap', async () => {
  const result = await runOk(program(
    'import _http, asyncio',
    'async def get():',
    '    status, *_ = await _http.fetch("GET", BASE + "/delay/1", [], None)',
    '    return status',
    'async def main():',
    '    print(await asyncio.gather(*(get() for _ in range(4))))',
    'asyncio.run(main())'));
  assert.equal(result.stdout, '[200, 200, 200, 200]\n');
  assert.ok(result.seconds >= 1 && result.seconds < 1.8, `took ${result.seconds.toFixed(3)} s`);
});

test('other tasks run, without waiting on timers, while a request is in flight', async () => {
  // The loop polls the Host between ready callbacks while I/O is pending; a poll that
  // suspended (a setTimeout(0) each) would make these 5000 turns take seconds.
  const result = await runOk(program(
    'import _http, asyncio, time',
    'async def get(path):',
    '    return await _http.fetch("GET", BASE + path, [], None)',
    'async def spin():',
    '    start = time.perf_counter()',
    '    for _ in range(5000):',
    '        await asyncio.sleep(0)',
    '    print("spun", time.perf_counter() - start < 0.5)',
    'async def main():',
    '    request = asyncio.create_task(get("/delay/1"))',
    '    await spin()',
    '    print("request done", request.done())',
    '    print((await request)[0])',
    'asyncio.run(main())'));
  assert.equal(result.stdout, 'spun True\nrequest done False\n200\n');
});

test('cancelling the task aborts its request at once', async () => {
  const aborts = recordAborts();
  try {
    const result = await runOk(program(
      'import _http, asyncio',
      'async def get(path):',
      '    return await _http.fetch("GET", BASE + path, [], None)',
      'async def main():',
      '    request = asyncio.create_task(get("/delay/10"))',
      '    await asyncio.sleep(0.2)',
      '    request.cancel()',
      '    try:',
      '        await request',
      '    except asyncio.CancelledError:',
      '        print("cancelled")',
      '    await asyncio.sleep(0.3)',
      'asyncio.run(main())'));
    assert.equal(result.stdout, 'cancelled\n');
    // httpbin answers after 10 s: the run did not wait for it.
    assert.ok(result.seconds < 1.5, `took ${result.seconds.toFixed(3)} s`);
    // Aborted by the cancel, not by the end of the run.
    assert.ok(aborts.abortedAt.length > 0 && aborts.abortedAt.every((at) => at < 0.45),
      `aborted at ${aborts.abortedAt} s`);
  } finally {
    aborts.restore();
  }
});

test('a refused connection raises ConnectionError naming CORS as a possible cause', async () => {
  const result = await runOk([
    'import _http, asyncio',
    'async def main():',
    '    try:',
    '        await _http.fetch("GET", "http://127.0.0.1:1/get", [], None)',
    '    except ConnectionError as error:',
    '        print(error)',
    'asyncio.run(main())', ''].join('\n'));
  assert.equal(result.stdout, 'Failed to fetch http://127.0.0.1:1/get: the server may be down, ' +
    'or may not allow cross-origin requests (CORS)\n');
});

test('a URL fetch cannot use raises ValueError', async () => {
  const result = await runOk([
    'import _http, asyncio',
    'async def main():',
    '    for url in ["not a url", "ftp://127.0.0.1/file"]:',
    '        try:',
    '            await _http.fetch("GET", url, [], None)',
    '        except ValueError as error:',
    '            print(error)',
    'asyncio.run(main())', ''].join('\n'));
  assert.equal(result.stdout, "Invalid URL 'not a url'\n" +
    "Invalid URL 'ftp://127.0.0.1/file': only http:// and https:// URLs can be fetched\n");
});

test('fetch_blocking blocks every task until its response', async () => {
  const result = await runOk(program(
    'import _http, asyncio',
    'async def ticker():',
    '    for _ in range(3):',
    '        print("tick", flush=True)',
    '        await asyncio.sleep(0.1)',
    'async def blocker():',
    '    await asyncio.sleep(0.05)',
    '    print(_http.fetch_blocking("GET", BASE + "/delay/1", [], None, None)[0])',
    'async def main():',
    '    await asyncio.gather(ticker(), blocker())',
    'asyncio.run(main())'));
  assert.equal(result.stdout, 'tick\n200\ntick\ntick\n');
  const lines = result.events.filter((event) => event.type === 'stdout');
  // The second tick is due at 0.1 s, but the request holds every task until about 1.05 s.
  assert.ok(lines[1].at - lines[0].at >= 0.95, 'a task ran during fetch_blocking');
});

test('fetch_blocking raises TimeoutError when its time runs out, and aborts the request',
  async () => {
    const aborts = recordAborts();
    try {
      const result = await runOk(program(
        'import _http, time',
        'start = time.perf_counter()',
        'try:',
        '    _http.fetch_blocking("GET", BASE + "/delay/5", [], None, 0.3)',
        'except TimeoutError:',
        '    print("timed out", round(time.perf_counter() - start, 1))',
        'time.sleep(0.3)'));
      assert.equal(result.stdout, 'timed out 0.3\n');
      assert.ok(aborts.abortedAt.length > 0 && aborts.abortedAt.every((at) => at < 0.6),
        `aborted at ${aborts.abortedAt} s`);
      assert.ok(result.seconds < 1.5, `took ${result.seconds.toFixed(3)} s`);
    } finally {
      aborts.restore();
    }
  });

test('a request on a kept-alive connection the server closes is sent again', async () => {
  // The first connection to carry a second request is closed instead of answered: how a
  // server closing an idle connection looks to a client reusing it at that moment.
  let closedOne = false;
  const server = net.createServer((socket) => {
    let requests = 0;
    socket.on('data', () => {
      requests += 1;
      if (requests === 2 && !closedOne) {
        closedOne = true;
        socket.destroy();
      } else {
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok');
      }
    });
  });
  await new Promise((resolve) => { server.listen(0, '127.0.0.1', resolve); });
  try {
    const result = await runOk([
      'import _http, asyncio',
      `URL = "http://127.0.0.1:${server.address().port}/"`,
      'async def main():',
      '    for _ in range(4):',
      '        print((await _http.fetch("GET", URL, [], None))[4])',
      'asyncio.run(main())', ''].join('\n'));
    assert.ok(closedOne, 'no connection was reused');
    assert.equal(result.stdout, "b'ok'\n".repeat(4));
  } finally {
    server.close();
  }
});

test('bodies are binary: a POST of every byte is echoed, and /bytes arrives intact',
  async () => {
    const result = await runOk(program(
      'import _http, asyncio, json',
      'async def main():',
      '    *_, body = await _http.fetch("POST", BASE + "/post",',
      '        [("Content-Type", "application/octet-stream")], bytes(range(256)))',
      '    print(json.loads(body.decode())["data"])',
      '    *_, body = await _http.fetch("GET", BASE + "/bytes/64?seed=7", [], None)',
      '    print(body.hex())',
      'asyncio.run(main())'));
    const everyByte = Buffer.from(Array.from({ length: 256 }, (_, byte) => byte));
    const randomBytes = Buffer.from(await (await fetch(`${httpbin.url}/bytes/64?seed=7`)).arrayBuffer());
    assert.equal(result.stdout,
      `data:application/octet-stream;base64,${everyByte.toString('base64')}\n` +
      `${randomBytes.toString('hex')}\n`);
  });

test('under virtual time a request still takes its real time', async () => {
  const result = await runOk(program(
    'import _http, asyncio',
    'async def main():',
    '    loop = asyncio.get_running_loop()',
    '    start = loop.time()',
    '    status, *_ = await _http.fetch("GET", BASE + "/delay/1", [], None)',
    '    print(status, round(loop.time() - start))',
    'asyncio.run(main())'), { virtualTime: true });
  assert.equal(result.stdout, '200 1\n');
  assert.ok(result.seconds >= 1 && result.seconds < 1.8, `took ${result.seconds.toFixed(3)} s`);
});

test('requests suspend the module from every kind of caller', async () => {
  // The program names https://httpbin.org, as tests/http do, for the Asyncify probe.
  const file = path.join(repositoryRoot, 'tests', 'wasm', 'http_everywhere.py');
  const source = fs.readFileSync(file, 'utf8').replaceAll('https://httpbin.org', httpbin.url);
  const result = await runOk(source);
  const inline = ['a coroutine under wait_for(None)', 'a coroutine under wait_for(10)'];
  const both = (where) => [`200 fetch_blocking in ${where}`, `200 fetch in ${where}`];
  const expected = [
    '200 fetch_blocking in module code',
    ...both('the main task'),
    ...inline.flatMap((where) => [...both(where), where]),
    ...both('gather 1'), ...both('gather 2'), "['gather 1', 'gather 2']",
    ...both('a TaskGroup task'), 'a TaskGroup task',
    ...both('a shielded coroutine'), 'a shielded coroutine',
    '200 fetch_blocking in a task cancelled when asyncio.run ends',
    '200 fetch_blocking in module code after asyncio.run',
  ];
  // Sorted: the two gathered requests may finish in either order.
  assert.deepEqual(result.stdout.trimEnd().split('\n').sort(), expected.sort());
});
