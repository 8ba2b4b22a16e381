// The timeline's data: the loop's trace records (DESIGN.md decision 8) folded into one
// track per task — what it did when, how it ended — and the stamped writes to stdout
// (output_stamps.ts): what it printed. Pure: no DOM, so the view can redraw from it at its
// own pace (at most once a frame) however fast records arrive.
//
// Times are seconds from the run's first record, taken from the records (the program's
// clock), never from when they arrived: a run in virtual time gives the same model as the
// same run in real time, give or take the real run's few milliseconds of computing.

import type { StampedPiece } from './output_stamps.ts';
import type { TraceRecord } from './runner_client.ts';

// ready: created, not yet started; running: a step of the task is executing;
// waiting: suspended on `what` at `line`.
export type TaskState = 'ready' | 'running' | 'waiting';
export type TaskOutcome = 'done' | 'failed' | 'cancelled';

export interface Interval {
  state: TaskState;
  start: number;
  end: number;   // Infinity while the task is still in this state
  what: string;  // what a waiting task waits on ('' otherwise)
  line: number;  // the source line of that wait, 0 when unknown
}

export interface PrintedLine {
  time: number;
  text: string;
}

export interface TaskTrack {
  id: number;              // the loop's task id; 0 for output while no task ran
  name: string;            // the latest name the records gave (get_name(), after set_name)
  intervals: Interval[];   // in time order, touching; the last may be open
  outcome: { kind: TaskOutcome; time: number; what: string } | null;
  printed: PrintedLine[];  // in time order
  version: number;         // bumped at each change, so a view repaints only what changed
}

// The name of the row that holds output printed while no task ran.
const NO_TASK_NAME = '(no task)';

export class TimelineModel {
  // Rows in order of first appearance: the task asyncio.run creates comes first.
  readonly tracks: TaskTrack[] = [];
  private readonly byId = new Map<number, TaskTrack>();
  private origin: number | null = null;
  // The latest record's time: how far the program's clock is known to have gone.
  latestTime = 0;

  add(records: readonly TraceRecord[]): void {
    for (const record of records) this.addOne(record);
  }

  // Stdout's pieces: each stamped one is a printed line of its task.
  addPrinted(pieces: readonly StampedPiece[]): void {
    for (const { text, stamp } of pieces) {
      if (stamp === null) continue;
      const time = this.sinceOrigin(stamp.time);
      const track = this.track(stamp.taskId, stamp.taskName);
      track.version += 1;
      track.printed.push({ time, text });
    }
  }

  // Ends every open interval at `time` (seconds from the first record): the run stopped
  // with tasks still running or waiting.
  closeOpenIntervals(time: number): void {
    for (const track of this.tracks) {
      const last = track.intervals[track.intervals.length - 1];
      if (last === undefined || last.end !== Infinity) continue;
      closeOpenInterval(track, time);
      track.version += 1;
    }
    this.latestTime = Math.max(this.latestTime, time);
  }

  // Forgets the tracks; the run's clock keeps its origin, so a run cleared midway goes on
  // at the times it had.
  clear(): void {
    this.tracks.length = 0;
    this.byId.clear();
  }

  // Forgets everything: a new run starts its clock at its first record.
  startRun(): void {
    this.clear();
    this.origin = null;
    this.latestTime = 0;
  }

  // Seconds from the run's first record (or printed line) to `time` on the program's clock.
  private sinceOrigin(recordTime: number): number {
    this.origin ??= recordTime;
    const time = Math.max(0, recordTime - this.origin);
    this.latestTime = Math.max(this.latestTime, time);
    return time;
  }

  private addOne(record: TraceRecord): void {
    const time = this.sinceOrigin(record.time);
    const track = this.track(record.taskId, record.taskName);
    track.version += 1;
    switch (record.kind) {
      case 'created':
        enter(track, 'ready', time);
        break;
      case 'resumed':
        enter(track, 'running', time);
        break;
      case 'suspended':
        enter(track, 'waiting', time, record.what, record.line);
        break;
      case 'done':
      case 'failed':
      case 'cancelled':
        closeOpenInterval(track, time);
        track.outcome = { kind: record.kind, time, what: record.what };
        break;
    }
  }

  private track(taskId: number, taskName: string): TaskTrack {
    let track = this.byId.get(taskId);
    if (track === undefined) {
      track = { id: taskId, name: '', intervals: [], outcome: null, printed: [], version: 0 };
      this.byId.set(taskId, track);
      this.tracks.push(track);
    }
    if (taskId === 0) track.name = NO_TASK_NAME;
    else if (taskName !== '') track.name = taskName;
    return track;
  }
}

function enter(track: TaskTrack, state: TaskState, time: number, what = '', line = 0): void {
  closeOpenInterval(track, time);
  track.intervals.push({ state, start: time, end: Infinity, what, line });
}

function closeOpenInterval(track: TaskTrack, time: number): void {
  const last = track.intervals[track.intervals.length - 1];
  if (last !== undefined && last.end === Infinity) last.end = Math.max(last.start, time);
}
