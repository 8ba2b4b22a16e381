// The timeline in words: what a screen reader reads for each row, and the details shown
// on hover and on keyboard focus. Pure; the strings are only ever set as text.

import type { Interval, PrintedLine, TaskTrack } from './timeline_model.ts';

// A long run's row lists this many intervals in full, then counts the rest.
const LISTED_INTERVALS = 12;
// Printed text in a hover is cut to this many characters.
const SHOWN_TEXT_CHARACTERS = 60;

export function seconds(time: number): string {
  return `${time.toFixed(2)} s`;
}

function waitedOn(interval: Interval): string {
  const on = interval.what === '' ? '' : ` on ${interval.what}`;
  return interval.line > 0 ? `${on} at line ${interval.line}` : on;
}

// "waiting on sleep() at line 8 from 0.00 s to 3.00 s", "running at 0.00 s", …
export function describeInterval(interval: Interval): string {
  const verb = interval.state === 'waiting' ? `waiting${waitedOn(interval)}` : interval.state;
  if (interval.end === Infinity) return `${verb} since ${seconds(interval.start)}`;
  if (seconds(interval.start) === seconds(interval.end)) return `${verb} at ${seconds(interval.start)}`;
  return `${verb} from ${seconds(interval.start)} to ${seconds(interval.end)}`;
}

export function describeOutcome(track: TaskTrack): string {
  const outcome = track.outcome;
  if (outcome === null) return '';
  const detail = outcome.kind === 'failed' && outcome.what !== '' ? `: ${outcome.what}` : '';
  return `${outcome.kind} at ${seconds(outcome.time)}${detail}`;
}

// "printed 1 line at 0.00 s: tea: started", "printed 3 lines from 0.00 s to 3.00 s".
export function describePrinted(lines: readonly PrintedLine[]): string {
  const first = lines[0];
  const last = lines[lines.length - 1];
  if (first === undefined || last === undefined) return '';
  if (lines.length === 1) return `printed 1 line at ${seconds(first.time)}: ${shownText(first.text)}`;
  const when = seconds(first.time) === seconds(last.time)
    ? `at ${seconds(first.time)}` : `from ${seconds(first.time)} to ${seconds(last.time)}`;
  return `printed ${lines.length} lines ${when}`;
}

function shownText(text: string): string {
  const line = text.replace(/\n$/, '');
  return line.length <= SHOWN_TEXT_CHARACTERS ? line : `${line.slice(0, SHOWN_TEXT_CHARACTERS)}…`;
}

// The row in one sentence, after its name: its first intervals (a wait for the first turn
// that rounds to no time left out), how it ended, what it printed. Costs the same however
// long the track: it is rewritten as the run goes.
export function describeTrack(track: TaskTrack): string {
  const parts: string[] = [];
  let index = 0;
  for (; index < track.intervals.length && parts.length < LISTED_INTERVALS; index += 1) {
    const interval = track.intervals[index];
    if (interval === undefined) break;
    if (interval.state === 'ready' && seconds(interval.start) === seconds(interval.end)) continue;
    parts.push(describeInterval(interval));
  }
  const unlisted = track.intervals.length - index;
  if (unlisted > 0) parts.push(`${unlisted} more intervals`);
  const outcome = describeOutcome(track);
  if (outcome !== '') parts.push(outcome);
  const printed = describePrinted(track.printed);
  if (printed !== '') parts.push(printed);
  return parts.join('; ');
}

// What lies at `time` in the row, within `tolerance` seconds (a few pixels): a step that
// took no time and the lines printed there win over the wait around them.
export function describeAt(track: TaskTrack, time: number, tolerance: number): string {
  const near = (start: number, end: number) => start - tolerance <= time && time <= end + tolerance;
  const parts: string[] = [];
  const running = track.intervals.find((interval) => interval.state === 'running' && near(interval.start, interval.end));
  const containing = track.intervals.find((interval) => interval.start <= time && time <= interval.end);
  const interval = running ?? containing;
  if (interval !== undefined) parts.push(describeInterval(interval));
  if (track.outcome !== null && near(track.outcome.time, track.outcome.time)) parts.push(describeOutcome(track));
  const printed = track.printed.filter((line) => near(line.time, line.time));
  if (printed.length > 0) {
    const texts = printed.slice(0, 3).map((line) => shownText(line.text));
    parts.push(`${describePrinted(printed)}${printed.length > 1 ? `: ${texts.join(' / ')}${printed.length > 3 ? ' …' : ''}` : ''}`);
  }
  return parts.join('; ');
}
