// A widget's options, from the data- attributes of its code block:
//   data-time="virtual"   run on the virtual clock (sleeps take no real time); default real
//   data-timeline         show the task timeline of the run (../timeline_view.ts)
import type { TimeMode } from '../share_link.ts';

export interface WidgetOptions {
  time: TimeMode;
  timeline: boolean;
}

export function widgetOptions(block: HTMLElement): WidgetOptions {
  const time = block.dataset.time ?? 'real';
  if (time !== 'real' && time !== 'virtual') {
    console.warn(`awaitpad: data-time must be "real" or "virtual", not ${JSON.stringify(time)}; using real time`);
  }
  return {
    time: time === 'virtual' ? 'virtual' : 'real',
    timeline: block.dataset.timeline !== undefined,
  };
}
