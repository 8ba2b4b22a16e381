// Stamps for printed text: when and in which task each write happened. With tracing on,
// the runtime reports each write to stdout twice, in this order: as an `output` trace
// record (with the loop's time and the running task) and as the stdout text itself. A
// write outside a running loop (before asyncio.run) has no record, and no stamp; the
// runtime's batching may join such a write to the text of the traced one before it.
import type { Stamp } from './output_log.ts';
import type { TraceRecord } from './runner_client.ts';

export class OutputStamps {
  private lastRecord: TraceRecord | null = null;

  // Call with each trace event's records, in order.
  noteTrace(records: readonly TraceRecord[]): void {
    this.lastRecord = records[records.length - 1] ?? null;
  }

  // Stdout `text` in pieces with their stamps: the write the trace event just before it
  // reported, then any untraced writes joined to it.
  stamped(text: string): Array<{ text: string; stamp: Stamp | null }> {
    const record = this.lastRecord;
    this.lastRecord = null;
    if (record === null || record.kind !== 'output' || !text.startsWith(record.what)) {
      return [{ text, stamp: null }];
    }
    const stamp = { time: record.time, taskName: record.taskName };
    const traced = { text: record.what, stamp };
    const rest = text.slice(record.what.length);
    return rest === '' ? [traced] : [traced, { text: rest, stamp: null }];
  }

  reset(): void {
    this.lastRecord = null;
  }
}
