// Where the timeline's shapes go: a task's track as bars in seconds, merged to the
// resolution of the screen, and the time axis's ticks. Pure, like the model.
//
// Bars are merged per state at one pixel: a task that alternates a thousand times between
// running and waiting inside a few pixels draws a few spans, not two thousand, so a
// repaint costs what the screen's width allows, not what the run's length would. And a
// row's layout is kept between frames: only records added since are merged in.

import type { Interval, TaskOutcome, TaskState, TaskTrack } from './timeline_model.ts';

// A horizontal span in seconds from the run's first record.
export interface Span {
  start: number;
  end: number;
}

export interface RowShapes {
  // One layer per state, drawn in this order (running on top, so short steps stay seen).
  layers: { state: TaskState; spans: readonly Span[] }[];
  printed: readonly Span[];  // marks for printed lines
  outcome: { kind: TaskOutcome; time: number } | null;
}

const LAYER_ORDER: readonly TaskState[] = ['ready', 'waiting', 'running'];
// A step that took no time is still drawn this wide, so that the task is seen to run.
const RUNNING_MIN_PIXELS = 2;
const PRINTED_MIN_PIXELS = 2;

// One row's layout at one scale, extended as its track grows.
export class RowLayout {
  private secondsPerPixel = NaN;
  private mergedIntervals = 0;  // closed intervals merged into `layers` so far
  private mergedPrinted = 0;
  private layers = new Map<TaskState, Span[]>();
  private printed: Span[] = [];

  // `now`: where an open interval ends (the run's present).
  shapes(track: TaskTrack, now: number, secondsPerPixel: number): RowShapes {
    if (secondsPerPixel !== this.secondsPerPixel) this.reset(secondsPerPixel);
    const intervals = track.intervals;
    while (this.mergedIntervals < intervals.length) {
      const interval = intervals[this.mergedIntervals];
      if (interval === undefined || interval.end === Infinity) break;
      this.merge(this.spansOf(interval.state), interval, interval.end);
      this.mergedIntervals += 1;
    }
    for (; this.mergedPrinted < track.printed.length; this.mergedPrinted += 1) {
      const time = track.printed[this.mergedPrinted]?.time ?? 0;
      addMerged(this.printed, time, time + PRINTED_MIN_PIXELS * secondsPerPixel, secondsPerPixel);
    }
    const open = intervals[this.mergedIntervals];
    const layers = LAYER_ORDER.map((state) => {
      const spans = this.spansOf(state);
      if (open === undefined || open.state !== state) return { state, spans };
      // The open interval is drawn to `now` on a copy: it goes on growing.
      const grown = spans.slice(0, -1);
      const last = spans[spans.length - 1];
      if (last !== undefined) grown.push({ ...last });
      this.merge(grown, open, Math.max(now, open.start));
      return { state, spans: grown };
    });
    const outcome = track.outcome === null ? null : { kind: track.outcome.kind, time: track.outcome.time };
    return { layers, printed: this.printed, outcome };
  }

  private reset(secondsPerPixel: number): void {
    this.secondsPerPixel = secondsPerPixel;
    this.mergedIntervals = 0;
    this.mergedPrinted = 0;
    this.layers = new Map(LAYER_ORDER.map((state) => [state, []]));
    this.printed = [];
  }

  private spansOf(state: TaskState): Span[] {
    let spans = this.layers.get(state);
    if (spans === undefined) {
      spans = [];
      this.layers.set(state, spans);
    }
    return spans;
  }

  private merge(spans: Span[], interval: Interval, end: number): void {
    const minPixels = interval.state === 'running' ? RUNNING_MIN_PIXELS : 0;
    if (end === interval.start && minPixels === 0) return;
    addMerged(spans, interval.start, Math.max(end, interval.start + minPixels * this.secondsPerPixel), this.secondsPerPixel);
  }
}

// Appends [start, end], or extends the last span when they are less than `gap` apart.
function addMerged(spans: Span[], start: number, end: number, gap: number): void {
  const last = spans[spans.length - 1];
  if (last !== undefined && start - last.end < gap) last.end = Math.max(last.end, end);
  else spans.push({ start, end });
}

// The axis runs from 0 to `domain` seconds. While the run goes on, the domain grows in
// steps (1, 1.5, 2, 3, 4, 5, 6, 8 × 10^k), so the picture rescales now and then rather
// than every frame; once it has ended, it fits the run. Never under a second: a run
// that took a few milliseconds of computing in real time and none in virtual time then
// looks the same.
const MIN_DOMAIN_SECONDS = 1;
const DOMAIN_STEPS = [1, 1.5, 2, 3, 4, 5, 6, 8, 10];

export function axisDomain(now: number, running: boolean): number {
  if (now <= MIN_DOMAIN_SECONDS) return MIN_DOMAIN_SECONDS;
  if (!running) return now;
  const decade = 10 ** Math.floor(Math.log10(now));
  const step = DOMAIN_STEPS.find((candidate) => candidate * decade >= now) ?? 10;
  return step * decade;
}

// Tick times from `start` to `end`, at least `minPixels` apart at `secondsPerPixel`, on a
// 1-2-5 sequence of steps.
export function axisTicks(start: number, end: number, secondsPerPixel: number, minPixels: number): number[] {
  const least = minPixels * secondsPerPixel;
  const decade = 10 ** Math.floor(Math.log10(least));
  const step = [1, 2, 5, 10].map((factor) => factor * decade).find((candidate) => candidate >= least) ?? 10 * decade;
  const ticks: number[] = [];
  const slack = step * 1e-9;
  for (let index = Math.ceil(start / step - 1e-9); index * step <= end + slack; index += 1) ticks.push(index * step);
  return ticks;
}

// A tick's label: "0", "0.5", "1.25", then " s" on the axis.
export function tickLabel(seconds: number): string {
  return `${Number(seconds.toFixed(6))}`;
}
