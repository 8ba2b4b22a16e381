// With trace on, printed text crosses once (wasm/session.mjs): each write to stdout is a
// stretch of a stdout event's text, stamped with the time and task its `output` trace
// record gave, and there are no `output` trace records. The page cuts the text at the
// stamps' lengths (web/src/output_stamps.ts), so they must count exactly what JavaScript
// counts, whatever the text holds.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { MAX_BATCH_ITEMS } from '../../wasm/session.mjs';
import { run } from './module.mjs';

const PRINTS = `import asyncio

print("before the loop")
print("and again")

async def worker(name):
    print(f"{name}: \\u00e9t\\u00e9 \\u2603 \\U0001F600")
    await asyncio.sleep(0)
    print(f"{name}: a NUL \\x00 inside", end="")
    print()

async def main():
    asyncio.current_task().set_name("main")
    await asyncio.gather(worker("one"), worker("two"))
    for number in range(${MAX_BATCH_ITEMS * 3}):
        print(number)

asyncio.run(main())
`;

// Each stdout event's text in the pieces its stamps cut.
function stampedWrites(events) {
  return events.filter((event) => event.type === 'stdout').flatMap((event) => {
    const total = event.stamps.reduce((sum, stamp) => sum + stamp.length, 0);
    assert.equal(total, event.text.length, 'the stamps cover the text exactly');
    let start = 0;
    return event.stamps.map(({ length, time, taskName }) => {
      const text = event.text.slice(start, start += length);
      return { text, time, taskName };
    });
  });
}

test('stamps cut stdout into its writes, non-ASCII text and NUL included', async () => {
  const result = await run({ source: PRINTS, virtualTime: true, trace: true });
  assert.equal(result.status, 0, result.stderr);
  const records = result.events.filter((event) => event.type === 'trace').flatMap((event) => event.events);
  assert.deepEqual(records.filter((record) => record.kind === 'output'), [], 'no output records');
  assert.ok(records.some((record) => record.kind === 'created'), 'the other records still come');

  const writes = stampedWrites(result.events);
  // Written before asyncio.run: unstamped (the first write goes out at once, alone).
  const untraced = writes.findIndex((write) => write.time !== null);
  assert.equal(writes.slice(0, untraced).map((write) => write.text).join(''), 'before the loop\nand again\n');
  assert.ok(writes.slice(0, untraced).every((write) => write.taskName === ''));
  const traced = writes.slice(untraced);
  assert.ok(traced.every((write) => typeof write.time === 'number'), 'every write in the loop is stamped');
  const ofTask = (name) => traced.filter((write) => write.taskName === name).map((write) => write.text);
  for (const [task, name] of [['Task-2', 'one'], ['Task-3', 'two']]) {
    assert.deepEqual(ofTask(task),
      [`${name}: été ☃ 😀\n`, `${name}: a NUL \0 inside`, '\n']);
  }
  const numbers = ofTask('main');
  assert.equal(numbers.length, MAX_BATCH_ITEMS * 3);
  assert.ok(numbers.every((text, index) => text === `${index}\n`));
});

test('a traced print-heavy loop costs a few events, not two per print', async () => {
  const result = await run({ source: PRINTS, virtualTime: true, trace: true });
  const stdoutEvents = result.events.filter((event) => event.type === 'stdout').length;
  assert.ok(stdoutEvents <= 12, `${stdoutEvents} stdout events for ${MAX_BATCH_ITEMS * 3 + 8} writes`);
});

test('without trace, stdout events carry no stamps', async () => {
  const result = await run({ source: PRINTS, virtualTime: true });
  assert.equal(result.status, 0, result.stderr);
  assert.ok(result.events.every((event) => event.stamps === undefined));
  assert.ok(result.events.every((event) => event.type !== 'trace'));
});
