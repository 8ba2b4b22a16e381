// The task timeline (issue 5): a row per task, in the order the tasks appeared, with bars
// for ready / running / waiting, a mark where it ended (done, failed, cancelled), ticks
// for the lines it printed, and a time axis in seconds of the program's clock.
//
// Records only change the model; drawing happens at most once per animation frame, and
// only for the rows that changed and can be seen (the list scrolls), so a program that
// prints 10,000 lines costs the page one repaint of one row per frame. A row is one SVG
// of five paths (ready, waiting, running, printed, the end), whatever its length; the SVG
// works in seconds (its viewBox spans the axis's domain), so the geometry reads as time.
//
// Accessibility: each row is a list item whose text is the task's name and a sentence of
// its intervals (visually hidden; the bars are aria-hidden). The list is one tab stop;
// arrow keys move between rows, and the focused or hovered row shows its details.
//
// Zoom and pan (timeline_zoom.ts): the buttons, + and - and 0 and the left and right arrows
// on the rows, Ctrl/Cmd + wheel around the pointer, and a drag or a sideways wheel to pan.
// The whole run is the default, and it follows a run as it grows; a zoomed window stays
// where the reader put it.

import { RowLayout, axisDomain, axisTicks, tickLabel } from './timeline_layout.ts';
import type { Span } from './timeline_layout.ts';
import type { StampedPiece } from './output_stamps.ts';
import { TimelineModel } from './timeline_model.ts';
import type { TaskState, TaskTrack } from './timeline_model.ts';
import type { TraceRecord } from './runner_client.ts';
import { describeAt, describeTrack } from './timeline_text.ts';
import { panned, shownWindow, zoomed } from './timeline_zoom.ts';
import type { TimeWindow } from './timeline_zoom.ts';

const SVG = 'http://www.w3.org/2000/svg';
// A row's height in CSS pixels (timeline.css reads it as --timeline-row-height), and its
// bars' height in SVG units (= CSS pixels: the row's SVG is this tall).
const ROW_HEIGHT_PX = 24;
const ROW_UNITS = 20;
const MARK_TOP = 0;
const MARK_HEIGHT = 5;
const BAR_TOP = 7;
const BAR_HEIGHT = 11;
const OUTCOME_PIXELS = 3;
const TICK_MIN_PIXELS = 56;
// How far from the pointer (px) a zero-length step or a printed line still counts as hovered.
const HOVER_SLACK_PIXELS = 3;
// A button's or key's zoom step, a wheel notch's (per 100 px of deltaY), and a key's pan
// (a share of the window).
const ZOOM_STEP = 2;
const WHEEL_ZOOM_PER_100PX = 1.25;
const KEY_PAN_SHARE = 0.2;

// A row's drawing: its SVG and the paths in it.
interface RowBars {
  svg: SVGSVGElement;
  layers: Record<TaskState, SVGPathElement>;
  printed: SVGPathElement;
  outcome: SVGPathElement;  // classed by how the task ended
}

interface Row {
  item: HTMLLIElement;
  name: HTMLSpanElement;
  summary: HTMLSpanElement;
  bars: RowBars | null;  // made when the row is first drawn
  layout: RowLayout;
  paintedVersion: number;
  paintedNow: number;
  paintedScale: string;  // domain and width it was drawn at
  describedVersion: number;
}

export class TimelineView {
  private readonly model = new TimelineModel();
  private readonly rows: Row[] = [];
  private readonly list: HTMLOListElement;
  private readonly axis: SVGSVGElement;
  private readonly tooltip: HTMLDivElement;
  private readonly empty: HTMLParagraphElement;
  // Sizes come from observers and the scroll event, never read while drawing: a read
  // would force a layout of the whole page, whose output pane may have just grown.
  private barsWidth = 0;         // CSS pixels, from the axis's size
  private listHeight = 0;        // CSS pixels, the rows' scrolled view
  private listScrollTop = 0;
  private running = false;
  // With a real-time run, the present moves on between records: the last record's time
  // plus the wall-clock time since it arrived. A virtual-time run's present is its records'.
  private realTime = false;
  private lastArrival = 0;
  private frameRequested = false;
  private painted = { domain: 0, start: 0, end: 0, width: 0 };
  private window: TimeWindow | null = null;  // what the reader zoomed into; null: the whole run
  private readonly zoomButtons: { in: HTMLButtonElement; out: HTMLButtonElement; all: HTMLButtonElement };
  private dragFrom: { x: number; window: TimeWindow } | null = null;
  private focusedIndex = 0;
  // The cost of drawing, for the tests and devtools: frames drawn, longest and total ms.
  private readonly cost = { frames: 0, maxMs: 0, totalMs: 0 };

  constructor(private readonly root: HTMLElement) {
    this.empty = element('p', 'timeline-empty', 'A row per task appears here during a run.');
    this.list = element('ol', 'timeline-rows');
    const axisRow = element('div', 'timeline-axis-row');
    this.axis = svgElement('svg', 'timeline-axis');
    this.axis.setAttribute('aria-hidden', 'true');
    axisRow.append(element('span', 'timeline-axis-unit', 'seconds'), this.axis);
    this.tooltip = element('div', 'timeline-tooltip');
    this.tooltip.setAttribute('role', 'tooltip');
    this.tooltip.hidden = true;
    this.zoomButtons = {
      in: button('+', 'Zoom in', () => this.zoomBy(ZOOM_STEP)),
      out: button('−', 'Zoom out', () => this.zoomBy(1 / ZOOM_STEP)),
      all: button('Whole run', 'Show the whole run', () => this.setWindow(null)),
    };
    const header = element('div', 'timeline-header');
    const zoom = element('div', 'timeline-zoom');
    zoom.append(this.zoomButtons.in, this.zoomButtons.out, this.zoomButtons.all);
    header.append(legend(), zoom);
    root.replaceChildren(header, this.empty, this.list, axisRow, this.tooltip);

    root.style.setProperty('--timeline-row-height', `${ROW_HEIGHT_PX}px`);
    const sizes = new ResizeObserver((entries) => {
      for (const entry of entries) {
        if (entry.target === this.axis) this.barsWidth = entry.contentRect.width;
        else this.listHeight = entry.contentRect.height;
      }
      this.invalidate();
    });
    sizes.observe(this.axis);
    sizes.observe(this.list);
    this.list.addEventListener('scroll', () => {
      this.listScrollTop = this.list.scrollTop;
      this.invalidate();
    }, { passive: true });
    this.list.addEventListener('pointermove', (event) => this.showHovered(event));
    this.list.addEventListener('pointerleave', () => { this.tooltip.hidden = true; });
    this.list.addEventListener('keydown', (event) => this.moveFocus(event) || this.zoomByKey(event));
    this.list.addEventListener('wheel', (event) => this.zoomOrPanByWheel(event), { passive: false });
    this.list.addEventListener('pointerdown', (event) => this.startDrag(event));
    this.list.addEventListener('pointermove', (event) => this.drag(event));
    this.list.addEventListener('pointerup', () => { this.dragFrom = null; });
    this.list.addEventListener('pointercancel', () => { this.dragFrom = null; });
    this.list.addEventListener('focusin', (event) => this.showFocused(event));
    this.list.addEventListener('focusout', () => { this.tooltip.hidden = true; });
    this.invalidate();
  }

  // A new run: forget the last one. `realTime`: the run's clock is the wall clock.
  start(realTime: boolean): void {
    this.model.startRun();
    this.forgetDrawing();
    this.running = true;
    this.realTime = realTime;
    this.setWindow(null);
  }

  add(records: readonly TraceRecord[]): void {
    this.model.add(records);
    this.lastArrival = performance.now();
    this.invalidate();
  }

  // Stdout's stamped pieces (output_stamps.ts): the lines each task printed.
  addPrinted(pieces: readonly StampedPiece[]): void {
    this.model.addPrinted(pieces);
    this.lastArrival = performance.now();
    this.invalidate();
  }

  // The run ended (or was stopped): tasks still running or waiting stop where it stopped.
  finish(): void {
    if (!this.running) return;
    this.model.closeOpenIntervals(this.now());
    this.running = false;
    this.invalidate();
  }

  // Forgets what is drawn (Clear); a run in progress goes on drawing from here.
  clear(): void {
    this.model.clear();
    this.forgetDrawing();
  }

  private forgetDrawing(): void {
    this.rows.length = 0;
    this.list.replaceChildren();
    this.listScrollTop = 0;
    this.tooltip.hidden = true;
    this.focusedIndex = 0;
    this.cost.frames = this.cost.maxMs = this.cost.totalMs = 0;
    this.invalidate();
  }

  private now(): number {
    const known = this.model.latestTime;
    if (!this.running || !this.realTime || this.model.tracks.length === 0) return known;
    return known + (performance.now() - this.lastArrival) / 1000;
  }

  private invalidate(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(() => this.drawFrame());
  }

  private drawFrame(): void {
    this.frameRequested = false;
    const started = performance.now();
    this.draw();
    const ms = performance.now() - started;
    this.cost.frames += 1;
    this.cost.totalMs += ms;
    this.cost.maxMs = Math.max(this.cost.maxMs, ms);
    this.root.dataset.drawFrames = String(this.cost.frames);
    this.root.dataset.drawMaxMs = this.cost.maxMs.toFixed(2);
    this.root.dataset.drawTotalMs = this.cost.totalMs.toFixed(2);
    // A real-time run's waits grow with the clock, so its timeline moves every frame.
    if (this.running && this.realTime && this.model.tracks.length > 0) this.invalidate();
  }

  private draw(): void {
    this.addNewRows();
    this.empty.hidden = this.rows.length > 0;
    const now = this.now();
    const domain = axisDomain(now, this.running);
    const { start, end } = shownWindow(this.window, domain);
    const width = this.barsWidth;
    this.updateZoomButtons(end - start);
    if (width <= 0) return;
    const painted = this.painted;
    if (start !== painted.start || end !== painted.end || width !== painted.width) this.drawAxis(start, end, width);
    const secondsPerPixel = (end - start) / width;
    const [first, last] = this.visibleRows();
    const scale = `${start} ${end} ${width}`;
    this.model.tracks.forEach((track, index) => {
      const row = this.rows[index];
      if (row === undefined) return;
      if (row.describedVersion !== track.version) this.describe(row, track);
      if (index < first || index > last) return;
      const open = track.intervals[track.intervals.length - 1]?.end === Infinity;
      if (row.paintedScale !== scale || row.paintedVersion !== track.version || (open && row.paintedNow !== now)) {
        this.paintRow(row, track, now, domain, { start, end }, secondsPerPixel);
        row.paintedScale = scale;
      }
    });
    this.painted = { domain, start, end, width };
  }

  private addNewRows(): void {
    const tracks = this.model.tracks;
    if (this.rows.length >= tracks.length) return;
    const added = document.createDocumentFragment();
    for (let index = this.rows.length; index < tracks.length; index += 1) {
      const item = element('li', 'timeline-row');
      item.tabIndex = index === this.focusedIndex ? 0 : -1;
      const name = element('span', 'timeline-name');
      const summary = element('span', 'visually-hidden');
      item.append(name, summary);
      added.append(item);
      this.rows.push({ item, name, summary, bars: null, layout: new RowLayout(), paintedVersion: -1, paintedNow: -1, paintedScale: '', describedVersion: -1 });
    }
    this.list.append(added);
  }

  private describe(row: Row, track: TaskTrack): void {
    if (row.name.textContent !== track.name) {
      row.name.textContent = track.name;
      row.name.title = track.name;
    }
    row.summary.textContent = `: ${describeTrack(track)}`;
    row.describedVersion = track.version;
  }

  // The rows inside the list's scrolled view, as [first, last] indexes.
  private visibleRows(): [number, number] {
    const first = Math.floor(this.listScrollTop / ROW_HEIGHT_PX);
    return [first, first + Math.ceil(this.listHeight / ROW_HEIGHT_PX)];
  }

  private paintRow(row: Row, track: TaskTrack, now: number, domain: number, shown: TimeWindow, secondsPerPixel: number): void {
    row.bars ??= this.makeBars(row);
    const bars = row.bars;
    bars.svg.setAttribute('viewBox', `${shown.start} 0 ${shown.end - shown.start} ${ROW_UNITS}`);
    const shapes = row.layout.shapes(track, now, secondsPerPixel);
    for (const layer of shapes.layers) bars.layers[layer.state].setAttribute('d', pathOf(layer.spans, BAR_TOP, BAR_HEIGHT));
    bars.printed.setAttribute('d', pathOf(shapes.printed, MARK_TOP, MARK_HEIGHT));
    if (shapes.outcome !== null) {
      const width = OUTCOME_PIXELS * secondsPerPixel;
      // At the run's very end the mark ends there, so that it shows.
      const start = Math.min(shapes.outcome.time, domain - width);
      bars.outcome.setAttribute('class', `timeline-${shapes.outcome.kind}`);
      bars.outcome.setAttribute('d', pathOf([{ start, end: start + width }], BAR_TOP - 2, BAR_HEIGHT + 4));
    } else {
      bars.outcome.setAttribute('d', '');
    }
    row.paintedVersion = track.version;
    row.paintedNow = now;
  }

  private makeBars(row: Row): RowBars {
    const svg = svgElement('svg', 'timeline-bars');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('preserveAspectRatio', 'none');
    const path = (className: string) => svg.appendChild(svgElement('path', className));
    const bars = {
      svg,
      layers: { ready: path('timeline-ready'), waiting: path('timeline-waiting'), running: path('timeline-running') },
      printed: path('timeline-printed'),
      outcome: path('timeline-outcome'),
    };
    row.item.insertBefore(svg, row.summary);
    return bars;
  }

  private drawAxis(start: number, end: number, width: number): void {
    this.axis.setAttribute('viewBox', `0 0 ${width} 20`);
    const parts: SVGElement[] = [];
    const span = end - start;
    for (const tick of axisTicks(start, end, span / width, TICK_MIN_PIXELS)) {
      const x = ((tick - start) / span) * width;
      const line = svgElement('line', 'timeline-tick');
      line.setAttribute('x1', String(x));
      line.setAttribute('x2', String(x));
      line.setAttribute('y1', '0');
      line.setAttribute('y2', '5');
      const label = svgElement('text', 'timeline-tick-label');
      label.setAttribute('x', String(x));
      label.setAttribute('y', '17');
      // The first label starts at the axis's start, the last ends at its end, so both fit.
      label.setAttribute('text-anchor', x < TICK_MIN_PIXELS / 2 ? 'start' : x > width - TICK_MIN_PIXELS / 2 ? 'end' : 'middle');
      label.textContent = tickLabel(tick);
      parts.push(line, label);
    }
    this.axis.replaceChildren(...parts);
  }

  private showHovered(event: PointerEvent): void {
    const target = event.target instanceof Element ? event.target.closest('.timeline-bars') : null;
    const index = target === null ? -1 : this.rows.findIndex((row) => row.bars?.svg === target);
    const track = this.model.tracks[index];
    if (target === null || track === undefined) {
      this.tooltip.hidden = true;
      return;
    }
    const box = target.getBoundingClientRect();
    const span = this.painted.end - this.painted.start;
    const time = this.painted.start + ((event.clientX - box.left) / box.width) * span;
    const text = describeAt(track, time, (HOVER_SLACK_PIXELS / box.width) * span);
    this.showTooltip(text === '' ? track.name : `${track.name}: ${text}`, event.clientX, box.bottom);
  }

  private showFocused(event: FocusEvent): void {
    const index = this.rows.findIndex((row) => row.item === event.target);
    const track = this.model.tracks[index];
    const row = this.rows[index];
    if (track === undefined || row === undefined) return;
    this.focusedIndex = index;
    const box = row.item.getBoundingClientRect();
    this.showTooltip(`${track.name}: ${describeTrack(track)}`, box.left, box.bottom);
  }

  private showTooltip(text: string, clientX: number, clientY: number): void {
    const area = this.root.getBoundingClientRect();
    this.tooltip.textContent = text;
    this.tooltip.hidden = false;
    const left = Math.min(clientX - area.left, area.width - this.tooltip.offsetWidth);
    this.tooltip.style.left = `${Math.max(0, left)}px`;
    this.tooltip.style.top = `${clientY - area.top + 2}px`;
  }

  private setWindow(window: TimeWindow | null): void {
    this.window = window;
    this.tooltip.hidden = true;
    this.invalidate();
  }

  // Zooms by `factor` around `around` (default: the middle of what is shown).
  private zoomBy(factor: number, around?: number): void {
    const { domain } = this.painted;
    if (domain <= 0) return;
    // The window as set, which may be newer than the one painted (two keys in one frame).
    const { start, end } = shownWindow(this.window, domain);
    this.setWindow(zoomed(this.window, domain, factor, around ?? (start + end) / 2));
  }

  private updateZoomButtons(shownSeconds: number): void {
    const whole = this.window === null;
    this.zoomButtons.out.disabled = whole;
    this.zoomButtons.all.disabled = whole;
    this.zoomButtons.in.disabled = this.rows.length === 0 || shownSeconds <= 0.001;
  }

  // The moment under the pointer, from its x over the bars (the axis has the same width).
  private timeAt(clientX: number): number {
    const box = this.axis.getBoundingClientRect();
    const { start, end } = this.painted;
    return start + ((clientX - box.left) / box.width) * (end - start);
  }

  // Ctrl/Cmd + wheel zooms around the pointer; a sideways wheel (or Shift + wheel) pans.
  private zoomOrPanByWheel(event: WheelEvent): void {
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      this.zoomBy(WHEEL_ZOOM_PER_100PX ** (-event.deltaY / 100), this.timeAt(event.clientX));
      return;
    }
    const sideways = event.shiftKey ? event.deltaY : event.deltaX;
    if (sideways === 0 || this.window === null) return;
    event.preventDefault();
    const { start, end } = this.painted;
    this.setWindow(panned(this.window, this.painted.domain, (sideways / this.barsWidth) * (end - start)));
  }

  private startDrag(event: PointerEvent): void {
    if (this.window === null || event.button !== 0) return;
    this.dragFrom = { x: event.clientX, window: this.window };
  }

  private drag(event: PointerEvent): void {
    if (this.dragFrom === null || (event.buttons & 1) === 0) return;
    const { x, window } = this.dragFrom;
    const secondsPerPixel = (window.end - window.start) / this.barsWidth;
    this.setWindow(panned(window, this.painted.domain, (x - event.clientX) * secondsPerPixel));
  }

  // + and - zoom, 0 shows the whole run, the left and right arrows pan.
  private zoomByKey(event: KeyboardEvent): boolean {
    const { domain } = this.painted;
    const { start, end } = shownWindow(this.window, domain);  // as set, maybe not yet painted
    const pan = KEY_PAN_SHARE * (end - start);
    const actions: Record<string, () => void> = {
      '+': () => this.zoomBy(ZOOM_STEP),
      '=': () => this.zoomBy(ZOOM_STEP),
      '-': () => this.zoomBy(1 / ZOOM_STEP),
      '0': () => this.setWindow(null),
      ArrowLeft: () => this.setWindow(panned(this.window, domain, -pan)),
      ArrowRight: () => this.setWindow(panned(this.window, domain, pan)),
    };
    const action = actions[event.key];
    if (action === undefined || event.ctrlKey || event.metaKey || event.altKey) return false;
    event.preventDefault();
    action();
    return true;
  }

  // Arrow keys, Home and End move between rows (one tab stop for the whole list); true
  // when the key was one of them.
  private moveFocus(event: KeyboardEvent): boolean {
    const moves: Record<string, number> = {
      ArrowDown: this.focusedIndex + 1,
      ArrowUp: this.focusedIndex - 1,
      Home: 0,
      End: this.rows.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return false;
    event.preventDefault();
    const next = this.rows[Math.max(0, Math.min(this.rows.length - 1, target))];
    if (next === undefined) return true;
    for (const row of this.rows) row.item.tabIndex = row === next ? 0 : -1;
    next.item.focus();
    return true;
  }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = ''): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  made.className = className;
  if (text !== '') made.textContent = text;
  return made;
}

function button(text: string, name: string, onClick: () => void): HTMLButtonElement {
  const made = element('button', 'timeline-zoom-button', text);
  made.type = 'button';
  made.setAttribute('aria-label', name);
  made.title = name;
  made.addEventListener('click', onClick);
  return made;
}

function svgElement<K extends keyof SVGElementTagNameMap>(tag: K, className: string): SVGElementTagNameMap[K] {
  const made = document.createElementNS(SVG, tag);
  made.setAttribute('class', className);
  return made;
}

// Spans as one path of rectangles from `top`, `height` high (x in seconds).
function pathOf(spans: readonly Span[], top: number, height: number): string {
  let data = '';
  for (const { start, end } of spans) data += `M${start} ${top}h${end - start}v${height}h${start - end}z`;
  return data;
}

// The key to the colours, for the eye only (each row's text names its states).
function legend(): HTMLElement {
  const key = element('p', 'timeline-legend');
  key.setAttribute('aria-hidden', 'true');
  for (const state of ['running', 'waiting', 'ready', 'printed', 'done', 'failed', 'cancelled']) {
    const entry = element('span', 'timeline-key');
    entry.append(element('span', `timeline-swatch timeline-${state}`), document.createTextNode(state));
    key.append(entry);
  }
  return key;
}
