// One runnable example: Run, Stop, "Open in playground" and a status under the code block,
// then the output. The code block itself stays as the docs page rendered it (its own
// highlighting and styles): the widget shows and runs exactly that text, read-only;
// editing is what "Open in playground" is for. Program text and output only ever reach
// the page as text nodes.
import { OutputView } from '../output_view.ts';
import { stampedPieces } from '../output_stamps.ts';
import { STOPPED } from '../runner_client.ts';
import type { RunEvent, RunHandle } from '../runner_client.ts';
import { encodeShareFragment } from '../share_link.ts';
import { StatusLine } from '../status_line.ts';
import { TimelineView } from '../timeline_view.ts';
import type { PageRunner } from './page_runner.ts';
import type { WidgetOptions } from './widget_options.ts';

export class Widget {
  readonly element = document.createElement('div');
  private readonly runButton = button('Run', 'awaitpad-run');
  private readonly stopButton = button('Stop', 'awaitpad-stop');
  private readonly outputSection = document.createElement('section');
  private readonly output: OutputView;
  private readonly status: StatusLine;
  private readonly timeline: TimelineView | null;
  private attempt = 0;  // numbers this widget's Runs: only the latest one's events count
  private handle: RunHandle | null = null;
  private stopRequested = false;

  constructor(private readonly source: string, private readonly options: WidgetOptions,
    private readonly pageRunner: PageRunner, playgroundUrl: string) {
    this.element.className = 'awaitpad-widget';
    const statusElement = document.createElement('span');
    statusElement.className = 'awaitpad-status';
    statusElement.setAttribute('role', 'status');
    this.status = new StatusLine(statusElement);
    this.status.show('ready', options.time === 'virtual' ? 'Virtual time' : '');

    const controls = document.createElement('div');
    controls.className = 'awaitpad-controls';
    this.stopButton.disabled = true;
    controls.append(this.runButton, this.stopButton, playgroundLink(source, options, playgroundUrl), statusElement);

    const timelineSection = document.createElement('section');
    timelineSection.className = 'awaitpad-timeline timeline';
    timelineSection.setAttribute('aria-label', 'Timeline');
    this.timeline = options.timeline ? new TimelineView(timelineSection) : null;

    this.outputSection.className = 'awaitpad-output';
    this.outputSection.setAttribute('aria-label', 'Output');
    this.outputSection.hidden = true;  // until the first Run
    const pre = document.createElement('pre');
    pre.tabIndex = 0;
    this.outputSection.append(pre);
    this.output = new OutputView(pre, null);

    this.element.append(controls, ...(this.timeline ? [timelineSection] : []), this.outputSection);
    // The runtime starts loading as soon as a reader shows an intent to run.
    const preload = () => { this.pageRunner.load().catch(() => {}); };  // a failure is reported by Run
    this.runButton.addEventListener('pointerenter', preload, { once: true });
    this.runButton.addEventListener('focus', preload, { once: true });
    this.runButton.addEventListener('click', () => { void this.run(); });
    this.stopButton.addEventListener('click', () => this.stop());
  }

  // A Run while this widget runs starts over: the runner ends the run in progress.
  private async run(): Promise<void> {
    const attempt = ++this.attempt;
    this.handle = null;
    this.stopRequested = false;
    this.output.clear();
    this.timeline?.start(this.options.time === 'real');
    this.outputSection.hidden = false;
    this.status.running(this.options.time === 'virtual');
    this.setRunning(true);
    let runner;
    try {
      runner = await this.pageRunner.load();
    } catch (error) {
      if (attempt !== this.attempt) return;
      this.setRunning(false);
      this.status.failedToLoad(error instanceof Error ? error.message : String(error));
      return;
    }
    if (attempt !== this.attempt) return;  // stopped, or run again, while the runtime loaded
    let startedAt = performance.now();  // replaced when the program starts, after any wait for the wasm
    const onEvent = (event: RunEvent): void => {
      if (attempt !== this.attempt) return;
      switch (event.type) {
        case 'start':
          startedAt = performance.now();
          break;
        case 'stdout':
          this.output.append('stdout', event.text);
          this.timeline?.addPrinted(stampedPieces(event.text, event.stamps));
          break;
        case 'stderr':
          this.output.append('stderr', event.text);
          break;
        case 'trace':
          this.timeline?.add(event.events);
          break;
        case 'exit':
          this.handle = null;
          this.timeline?.finish();
          this.setRunning(false);
          this.showEnd(event, (performance.now() - startedAt) / 1000);
          break;
      }
    };
    this.handle = runner.run(this.source,
      { virtualTime: this.options.time === 'virtual', trace: this.timeline !== null }, onEvent);
  }

  private stop(): void {
    this.stopRequested = true;
    if (this.handle !== null) {
      this.handle.stop();
      return;
    }
    // Stopped while the runtime was still loading: that Run never starts.
    this.attempt++;
    this.setRunning(false);
    this.status.stopped(0);
  }

  private showEnd(event: Extract<RunEvent, { type: 'exit' }>, seconds: number): void {
    const stoppedByAnother = event.status === null && event.error === STOPPED && !this.stopRequested;
    if (stoppedByAnother) this.status.stopped(seconds, 'another example on this page started');
    else this.status.ended(event, seconds);
  }

  private setRunning(running: boolean): void {
    // A disabled button drops keyboard focus; hand it to Run rather than to the page.
    if (!running && document.activeElement === this.stopButton) this.runButton.focus();
    this.stopButton.disabled = !running;
  }
}

function button(label: string, className: string): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.className = className;
  element.textContent = label;
  return element;
}

// "Open in playground": the playground with this program in a share link (share_link.ts).
function playgroundLink(source: string, options: WidgetOptions, playgroundUrl: string): HTMLAnchorElement {
  const link = document.createElement('a');
  link.className = 'awaitpad-open';
  link.textContent = 'Open in playground';
  link.href = playgroundUrl;
  link.target = '_blank';
  link.rel = 'noopener';
  encodeShareFragment(source, options.time).then((fragment) => { link.href = playgroundUrl + fragment; },
    (error: unknown) => console.warn('awaitpad: no share link for this example', error));
  return link;
}
