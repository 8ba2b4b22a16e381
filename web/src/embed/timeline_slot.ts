// The hook for the task timeline in widgets. A widget with data-timeline calls
// mountTimeline with an empty element placed between its controls and its output; when
// that returns a view, the widget runs with `trace: true`, calls start() at each Run,
// hands it every batch of trace records, and finish() when the run ends. The playground's
// TimelineView (../timeline_view.ts) has this shape already: slotting it in is returning
// `new TimelineView(container)` here, once its styles (today in style.css, on the page's
// palette) come along in embed.css. Until then this returns null, and widgets run without
// a trace.
import type { TraceRecord } from '../runner_client.ts';

export interface TimelineView {
  start(realTime: boolean): void;
  add(records: readonly TraceRecord[]): void;
  finish(): void;
}

export function mountTimeline(_container: HTMLElement): TimelineView | null {
  return null;
}
