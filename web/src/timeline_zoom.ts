// The part of the run the timeline shows: all of it (the default, which follows a run as it
// grows), or a window the reader zoomed into and panned. Pure: the view owns the events.

// The seconds shown, from `start` to `end`.
export interface TimeWindow {
  start: number;
  end: number;
}

// Narrower than this the bars of a millisecond would fill the width: enough to see the
// steps of a run that only computes.
const NARROWEST_SECONDS = 0.001;

// The window shown for the reader's `window` (null: the whole run) in a run whose axis
// spans `domain` seconds: kept inside the run, and never wider than it.
export function shownWindow(window: TimeWindow | null, domain: number): TimeWindow {
  if (window === null) return { start: 0, end: domain };
  const width = Math.min(window.end - window.start, domain);
  const start = Math.max(0, Math.min(window.start, domain - width));
  return { start, end: start + width };
}

// `window` zoomed by `factor` (2: twice as close) around the moment `around`, which stays
// where it is on screen; null once it would show the whole run again.
export function zoomed(window: TimeWindow | null, domain: number, factor: number, around: number): TimeWindow | null {
  const shown = shownWindow(window, domain);
  const width = Math.max(NARROWEST_SECONDS, (shown.end - shown.start) / factor);
  if (width >= domain) return null;
  const share = (around - shown.start) / (shown.end - shown.start);
  return shownWindow({ start: around - share * width, end: around - share * width + width }, domain);
}

// `window` moved by `seconds` (later when positive), kept inside the run.
export function panned(window: TimeWindow | null, domain: number, seconds: number): TimeWindow | null {
  if (window === null) return null;
  return shownWindow({ start: window.start + seconds, end: window.end + seconds }, domain);
}
