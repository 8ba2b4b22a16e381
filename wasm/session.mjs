// One run of a Python program in a fresh instance of the awaitpad module: the JavaScript
// half of the web Host (wasm/web_host.hpp). The worker (wasm/worker.mjs) and the Node
// command line (wasm/cli.mjs) both run programs through runProgram, so the Node tests
// exercise the worker's code path.
//
// HTTP requests go out through fetch (wasm/fetch_requests.mjs); a wait also ends when one
// of them finishes, and the requests still in flight when the run ends are aborted.
//
// Events, after {type: 'start'} once its instance is ready:
//   {type: 'stdout', text, stamps}  {type: 'stderr', text}
//   {type: 'trace', events: [{kind, time, taskId, taskName, what, line}, ...]}
// Output and trace events are batched: consecutive writes to one stream are merged, and a
// batch's trace records go out as one trace event ahead of its output, so stdout and
// stderr keep their order but a trace event's place among them is only its batch. A batch
// is handed to `emit` at most every FLUSH_INTERVAL_MS while the program computes (checked
// at each output and, through Host::poll, every few thousand loop iterations), and
// whenever it waits or ends — so a print-heavy loop costs the page a few messages a
// second, a program that prints and sleeps shows each line as it is printed, and a line
// printed just before an endless loop still shows.
//
// With trace on, printed text is sent once. The runtime reports each write to stdout as
// an `output` trace record (with the loop's time and the running task) and then as the
// text; the record does not become a trace event but a stamp of its text:
//   stamps: [{length, time, taskId, taskName}, ...]
// covering the event's text in order, `length` in UTF-16 code units (text.slice pieces
// it exactly, whatever it holds). A write outside a running loop (before asyncio.run) has
// no record: its stretch of text has a stamp with time null. Without trace, no stamps.
// Merging same-stream writes is what makes a print-heavy batch one event: a record per
// print that went out between the writes would split every one of them apart.

import { placeholderImports } from './on_demand.mjs';
import { FetchRequests } from './fetch_requests.mjs';

export const FLUSH_INTERVAL_MS = 50;
// ...or sooner, once this many writes and trace records wait: a program printing in a
// tight loop makes thousands in 50 ms, and the page handles a batch in one go.
export const MAX_BATCH_ITEMS = 256;

const STREAM_NAMES = { 1: 'stdout', 2: 'stderr' };

class EventBatch {
  constructor(emit, endOfBatch, traced) {
    this.emit = emit;
    this.endOfBatch = endOfBatch;
    this.traced = traced;  // stdout events carry stamps
    this.pending = [];  // output events, in order
    this.records = [];  // trace records other than `output`, in order
    this.stamp = null;  // the `output` record of the stdout write about to come
    this.items = 0;  // writes and trace records in `pending` and `records`
    this.lastFlush = -Infinity;  // the first output goes out at once
  }

  addText(type, text) {
    let last = this.pending[this.pending.length - 1];
    if (last?.type === type) {
      last.text += text;
    } else {
      last = { type, text };
      if (this.traced && type === 'stdout') last.stamps = [];
      this.pending.push(last);
    }
    if (last.stamps) this.addStamp(last.stamps, text.length);
    this.items += 1;
    this.flushIfDue();
  }

  // Stamps `length` more code units of the last stdout event with the write's record.
  addStamp(stamps, length) {
    const stamp = this.stamp ?? { time: null, taskId: 0, taskName: '' };
    this.stamp = null;
    const previous = stamps[stamps.length - 1];
    if (stamp.time === null && previous?.time === null) previous.length += length;
    else stamps.push({ length, ...stamp });
  }

  addTrace(record) {
    this.records.push(record);
    this.items += 1;
    this.flushIfDue();
  }

  // The `output` record of the stdout write that follows at once (runtime.cpp's
  // write_stdout): kept for that write, not sent.
  addOutputRecord(time, taskId, taskName) {
    this.stamp = { time, taskId, taskName };
  }

  flushIfDue() {
    const due = this.items >= MAX_BATCH_ITEMS || performance.now() - this.lastFlush >= FLUSH_INTERVAL_MS;
    if (due) this.flush();
  }

  flush() {
    this.lastFlush = performance.now();
    const events = this.pending;
    if (this.records.length > 0) events.unshift({ type: 'trace', events: this.records });
    this.pending = [];
    this.records = [];
    this.items = 0;
    for (const event of events) this.emit(event);
    if (events.length > 0) this.endOfBatch();
  }
}

// Module options that instantiate an already compiled WebAssembly.Module: no download and
// no compile per run (the worker gets the module from the page; Node compiles it once).
// What a program may need on top (on_demand.mjs): `deferredModule()` gives the compiled
// awaitpad.deferred.wasm, `moduleSource(name)` the bytes of a Python-written module.
export function instantiating(module, { deferredModule, moduleSource }) {
  return {
    moduleSource,
    instantiateWasm(imports, receive) {
      let instance = null;
      imports.placeholder = placeholderImports(() => instance, deferredModule);
      WebAssembly.instantiate(module, imports).then((made) => {
        instance = made;
        receive(made, module);
      });
      return {};
    },
  };
}

// The seed as decimal text ('' = unseeded), or null when it is not an integer in
// [0, 2**64), the range the native command line accepts.
export function seedText(seed) {
  if (seed === null || seed === undefined) return '';
  const text = String(seed);
  if (!/^[0-9]+$/.test(text) || BigInt(text) >= 2n ** 64n) return null;
  return text;
}

// Runs `program` = {source (text, or a file's bytes as a Uint8Array), argv0 = 'main.py', stdin = '', virtualTime = false,
// seed = null (a non-negative integer, number or BigInt, or its decimal text),
// trace = false} in a new instance made by `createModule(moduleOptions + hooks)`.
// `emit(event)` gets each event; `endOfBatch()`, if given, follows the events of each batch
// (a worker sends a batch as one message).
// Resolves to {status, error}: the exit status as CPython's (0, 1, SystemExit's code) and
// error null; or status null and error a message when the runtime itself failed (a trap,
// an abort, out of memory) — the program's output up to that point has been emitted.
export async function runProgram(createModule, moduleOptions, program, emit, endOfBatch = () => {}) {
  const batch = new EventBatch(emit, endOfBatch, Boolean(program.trace));
  const decoder = new TextDecoder();
  let failure = null;
  const fetches = new FetchRequests();
  const hooks = {
    fetches,
    write(stream, bytes) {
      batch.addText(STREAM_NAMES[stream], decoder.decode(bytes));
    },
    trace(kind, time, taskId, taskName, what, line) {
      // An output record's `what` is the text of the write that follows: not decoded.
      if (kind === 'output') batch.addOutputRecord(time, taskId, decoder.decode(taskName));
      else batch.addTrace({
        kind, time, taskId, taskName: decoder.decode(taskName), what: decoder.decode(what), line,
      });
    },
    poll() {
      batch.flushIfDue();
    },
    moduleSource: (name) => moduleOptions.moduleSource(name),
    // Until `milliseconds` pass or a request finishes; Infinity waits for requests only.
    async wait(milliseconds) {
      batch.flush();
      let timer;
      const timeUp = new Promise((resolve) => {
        if (Number.isFinite(milliseconds)) timer = setTimeout(resolve, milliseconds);
      });
      await Promise.race([timeUp, fetches.nextFinish()]);
      clearTimeout(timer);
    },
  };
  const seed = seedText(program.seed);
  if (seed === null) {
    return { status: null, error: `the seed must be an integer in [0, 2**64), got ${program.seed}` };
  }
  const pointers = [];
  try {
    const module = await createModule({
      ...moduleOptions,
      awaitpad: hooks,
      // C stdio is not the program's output; it only carries the runtime's own last words.
      print: (line) => batch.addText('stderr', `${line}\n`),
      printErr: (line) => batch.addText('stderr', `${line}\n`),
      onAbort: (what) => { failure = `the runtime aborted: ${what}`; },
    });
    // Strings go to the heap, not through ccall's 'string' type: that copies them onto the
    // 5 MiB C stack, too small for a big source or stdin.
    const text = (value) => {
      const pointer = module.allocateUTF8(value);
      pointers.push(pointer);
      return pointer;
    };
    const source = typeof program.source === 'string'
      ? new TextEncoder().encode(program.source) : program.source;
    const sourcePointer = module._malloc(source.length || 1);
    pointers.push(sourcePointer);
    module.HEAPU8.set(source, sourcePointer);
    // The program starts now: making its instance was the runtime's time, not the program's.
    batch.flush();
    emit({ type: 'start' });
    endOfBatch();
    const status = await module.ccall(
      'awaitpad_run', 'number',
      ['number', 'number', 'number', 'number', 'number', 'number', 'number'],
      [sourcePointer, source.length, text(program.argv0 ?? 'main.py'), text(program.stdin ?? ''),
        program.virtualTime ? 1 : 0, text(seed), program.trace ? 1 : 0],
      { async: true });
    for (const pointer of pointers) module._free(pointer);
    batch.flush();
    return { status, error: null };
  } catch (error) {
    batch.flush();
    return { status: null, error: failure ?? describeFailure(error) };
  } finally {
    fetches.abortAll();  // none of them can be delivered any more
  }
}

function describeFailure(error) {
  if (error instanceof WebAssembly.RuntimeError) return `the runtime failed: ${error.message}`;
  return String(error?.message ?? error);
}
