// The output pane: what the run printed (output_log.ts), stdout and stderr as in a
// terminal, stderr styled apart. A stderr line that names a line of the program (a
// traceback's or a deadlock report's "line N": source_links.ts) links to it, and lines
// can show their time and task. Program output is only ever inserted as text, never
// parsed as HTML.
//
// Drawing keeps up with any amount of output without a long frame: it happens once per
// animation frame, a budget of characters at a time (the rest waits for the next frame),
// as text appended to a few spans, into blocks of LINES_PER_BLOCK lines. The budget adapts
// to the machine as TCP's window does: it halves after a late frame and grows a little
// after each one on time, so a slow machine gets smaller slices and a fast one larger.
// One block of inline text is laid out whole whenever it grows, so a single growing
// <pre> would cost each frame time in proportion to all the output so far. While output
// waits to be drawn the element has a `data-drawing` attribute (tests wait for it to go).
import { OutputLog } from './output_log.ts';
import type { Stamp, Stream, Write } from './output_log.ts';
import { findSourceLink } from './source_links.ts';

export interface StampOptions {
  time: boolean;
  taskName: boolean;
}

const LINES_PER_BLOCK = 64;
const MIN_CHARACTERS_PER_FRAME = 2 * 1024;
const MAX_CHARACTERS_PER_FRAME = 16 * 1024;
const CHARACTERS_ADDED_PER_FRAME = 512;
// A frame this long after the one before missed the display's refresh twice: it is on its
// way to 50 ms (one missed refresh, 33 ms, is what a busy 2-core machine gives while the
// program computes, and shrinking for it would leave the output seconds behind).
const LATE_FRAME_MS = 40;
// A frame this long after the last one drawn follows a pause in the output, not slowness.
const IDLE_MS = 100;
// How close to the bottom (px) still counts as "following the output".
const FOLLOW_SLACK_PX = 8;

export class OutputView {
  private readonly log = new OutputLog();
  private stampOptions: StampOptions = { time: false, taskName: false };
  // How far drawing has got: whole writes, then characters of the next one.
  private drawnWrites = 0;
  private drawnCharacters = 0;
  private atLineStart = true;
  private block: HTMLElement | null = null;  // the block lines are being drawn into
  private linesInBlock = 0;
  private openSpan: { stream: Stream; text: Text } | null = null;  // the span text goes on into
  private frameRequested = false;
  // Characters the next frame may draw, adapted to how long frames take on this machine.
  private frameBudget = 4 * 1024;
  private lastFrameAt = 0;
  // The reader is at the end, so new output scrolls into view. Kept by the scroll events
  // (ours included), so that a frame reads no layout before it appends.
  private following = true;

  // `onLineLink` is called with the program line a clicked link names; with null (an
  // embedded example has no editor to go to) a "line N" stays text.
  constructor(private readonly element: HTMLElement,
    private readonly onLineLink: ((line: number) => void) | null) {
    element.addEventListener('scroll', () => { this.following = this.isAtEnd(); }, { passive: true });
    if (onLineLink === null) return;
    element.addEventListener('click', (event) => {
      const link = (event.target as Element).closest<HTMLElement>('.line-link');
      if (link !== null) onLineLink(Number(link.dataset.line));
    });
  }

  append(stream: Stream, text: string, stamp: Stamp | null = null): void {
    this.log.append(stream, text, stamp);
    this.requestDraw();
  }

  clear(): void {
    this.log.clear();
    this.erase();
  }

  showStamps(options: StampOptions): void {
    this.stampOptions = options;
    this.erase();
    this.requestDraw();
  }

  // Everything written to stderr, for finding a traceback in it.
  errorText(): string {
    return this.log.errorText();
  }

  private erase(): void {
    this.element.replaceChildren();
    this.drawnWrites = 0;
    this.drawnCharacters = 0;
    this.atLineStart = true;
    this.block = null;
    this.linesInBlock = 0;
    this.openSpan = null;
    this.following = true;
  }

  private requestDraw(): void {
    if (this.frameRequested) return;
    this.frameRequested = true;
    this.element.toggleAttribute('data-drawing', true);
    requestAnimationFrame((now) => {
      this.frameRequested = false;
      this.adaptBudget(now);
      this.draw();
    });
  }

  // Halves the budget after a late frame, adds to it after one on time; a frame after an
  // idle spell tells nothing and leaves it.
  private adaptBudget(now: number): void {
    const sinceLast = now - this.lastFrameAt;
    this.lastFrameAt = now;
    if (sinceLast > IDLE_MS) return;
    this.frameBudget = sinceLast > LATE_FRAME_MS
      ? Math.max(MIN_CHARACTERS_PER_FRAME, Math.floor(this.frameBudget / 2))
      : Math.min(MAX_CHARACTERS_PER_FRAME, this.frameBudget + CHARACTERS_ADDED_PER_FRAME);
  }

  private draw(): void {
    let budget = this.frameBudget;
    const writes = this.log.writes;
    while (this.drawnWrites < writes.length && budget > 0) {
      const write = writes[this.drawnWrites] as Write;
      const piece = write.text.slice(this.drawnCharacters, this.drawnCharacters + budget);
      this.drawText(write.stream, piece, write.stamp);
      budget -= piece.length;
      this.drawnCharacters += piece.length;
      if (this.drawnCharacters === write.text.length) {
        this.drawnWrites += 1;
        this.drawnCharacters = 0;
      }
    }
    if (this.drawnWrites < writes.length) this.requestDraw();
    else this.element.toggleAttribute('data-drawing', false);
    if (this.following) this.element.scrollTop = this.element.scrollHeight;
  }

  private drawText(stream: Stream, text: string, stamp: Stamp | null): void {
    const pieces = text.split('\n');
    pieces.forEach((piece, index) => {
      const ended = index < pieces.length - 1;
      if (piece === '' && !ended) return;
      if (this.atLineStart) {
        this.atLineStart = false;
        if (this.stampOptions.time || this.stampOptions.taskName) {
          this.openSpan = null;
          this.currentBlock().append(this.stampElement(stamp));
        }
      }
      const span = this.spanFor(stream);
      span.appendData(ended ? `${piece}\n` : piece);
      if (ended) this.endLine(stream);
    });
  }

  private endLine(stream: Stream): void {
    this.atLineStart = true;
    if (stream === 'stderr') {
      // Each stderr line has a span of its own, so its "line N" can become a link.
      if (this.openSpan !== null && this.onLineLink !== null) linkSourceLine(this.openSpan.text);
      this.openSpan = null;
    }
    this.linesInBlock += 1;
    if (this.linesInBlock === LINES_PER_BLOCK) {
      this.block = null;
      this.openSpan = null;
    }
  }

  // The text node that `stream`'s text goes on into.
  private spanFor(stream: Stream): Text {
    if (this.openSpan?.stream === stream) return this.openSpan.text;
    const span = document.createElement('span');
    span.className = stream;
    const text = document.createTextNode('');
    span.append(text);
    this.currentBlock().append(span);
    this.openSpan = { stream, text };
    return text;
  }

  private currentBlock(): HTMLElement {
    if (this.block === null) {
      this.block = document.createElement('div');
      this.element.append(this.block);
      this.linesInBlock = 0;
    }
    return this.block;
  }

  // The line's time and task, or blanks of the same width for a line written outside
  // any task (no stamp). Not part of what the program printed: not selectable.
  private stampElement(stamp: Stamp | null): HTMLElement {
    const element = document.createElement('span');
    element.className = 'stamp';
    if (this.stampOptions.time) {
      const time = document.createElement('span');
      time.className = 'stamp-time';
      time.append(stamp === null ? '' : `${stamp.time.toFixed(2)}s`);
      element.append(time);
    }
    if (this.stampOptions.taskName) {
      const task = document.createElement('span');
      task.className = 'stamp-task';
      task.append(stamp?.taskName ?? '');
      element.append(task);
    }
    return element;
  }

  private isAtEnd(): boolean {
    const { scrollTop, scrollHeight, clientHeight } = this.element;
    return scrollHeight - scrollTop - clientHeight <= FOLLOW_SLACK_PX;
  }
}

// Turns the "line N" in a finished stderr line (its span's text node) into a link.
function linkSourceLine(text: Text): void {
  const line = text.data;
  const link = findSourceLink(line.replace(/\n$/, ''));
  if (link === null) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'line-link';
  button.dataset.line = String(link.line);
  button.title = `Go to line ${link.line} in the editor`;
  button.append(line.slice(link.start, link.end));
  text.replaceWith(line.slice(0, link.start), button, line.slice(link.end));
}
