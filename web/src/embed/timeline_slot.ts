// The hook for the task timeline (issue 5; the view is being built on its own branch).
// A widget with data-timeline calls mountTimeline with an empty element placed between
// its controls and its output; when that returns a view, the widget runs with
// `trace: true`, resets the view at each Run and hands it every batch of trace records.
// Until the timeline lands it returns null, and the widget runs without a trace.
import type { TraceRecord } from '../runner_client.ts';

export interface TimelineView {
  reset(): void;
  add(records: readonly TraceRecord[]): void;
}

export function mountTimeline(_container: HTMLElement): TimelineView | null {
  return null;
}
