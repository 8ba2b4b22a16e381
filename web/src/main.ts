// The playground page: wires the editor, the controls, the output pane, the task timeline
// and the status line to the page's one worker runner. Each Run clears the output and the
// timeline and starts a new run (stopping one in progress); only the latest run's events
// reach the views.
//
// Loading order: this small script starts the runtime first, so the worker starts and the
// wasm downloads and compiles while CodeMirror's larger script (its own chunk) loads. Until
// it has, the example is in a plain textarea and Run already works (a run waits for the
// wasm inside the runner). The editor opens with the last edited code, if any
// (saved_source.ts), else the default example — unless the URL holds a link
// (opened_link.ts), which wins. Opening an example or a link does not overwrite the saved
// code; the first edit of what was opened does (and drops the link from the URL).
import './style.css';
import './timeline.css';

import defaultExample from '../examples/three_tasks.py?raw';
import { bindControls } from './controls.ts';
import { requiredElement } from './dom.ts';
import type { Editor } from './editor_contract.ts';
import { bindGallery } from './gallery.ts';
import { Notice } from './notice.ts';
import { followLinks } from './opened_link.ts';
import { plainEditor } from './plain_editor.ts';
import { stampedPieces } from './output_stamps.ts';
import { OutputView } from './output_view.ts';
import { loadSavedSource, saveSource } from './saved_source.ts';
import { loadRunner } from './runner_client.ts';
import type { RunEvent, RunHandle, Runner } from './runner_client.ts';
import { bindShareButton } from './share_button.ts';
import { failingLine } from './source_links.ts';
import { bindStampSwitches } from './stamp_switches.ts';
import { StatusLine } from './status_line.ts';
import { TimelineView } from './timeline_view.ts';

const output = new OutputView(requiredElement(document, '#output', HTMLElement),
  (line) => editor.goToLine(line));
const status = new StatusLine(requiredElement(document, '#status', HTMLElement));
const timeline = new TimelineView(requiredElement(document, '#timeline', HTMLElement));
const runnerLoading = loadRunner(document.baseURI);
const textarea = requiredElement(document, '#source', HTMLTextAreaElement);
let editor: Editor = plainEditor(textarea, loadSavedSource() ?? defaultExample, edited);
let runner: Runner | null = null;
let currentRun: RunHandle | null = null;

const controls = bindControls(document, {
  run: startRun,
  stop: () => currentRun?.stop(),
  clear: () => {
    output.clear();
    timeline.clear();
  },
});
bindStampSwitches(document, (options) => output.showStamps(options));
import('./editor.ts').then(({ replaceTextarea }) => {
  editor = replaceTextarea(textarea, startRun, edited);
}, (error: unknown) => {
  console.warn('awaitpad: CodeMirror did not load; the plain editor stays', error);
});

// The gallery, share links and their notices (gallery.ts, share_button.ts, opened_link.ts).
const notice = new Notice(requiredElement(document, '#notice', HTMLElement));
const examples = import('./examples.ts').then((module) => module.EXAMPLES);
const examplesControl = requiredElement(document, '#examples', HTMLSelectElement);
const gallery = bindGallery(examplesControl, examples, (example) => {
  link.forget();
  openProgram(example.source, example.name);
});
bindShareButton(requiredElement(document, '#share', HTMLButtonElement),
  requiredElement(document, '#share-link', HTMLInputElement),
  () => ({ source: editor.source(), time: controls.virtualTime() ? 'virtual' : 'real' }), notice);
const link = followLinks({
  openCode(source, time) {
    openProgram(source, null);
    controls.setVirtualTime(time === 'virtual');
  },
  async openExample(name, time) {
    const example = (await examples).find((candidate) => candidate.name === name);
    if (example === undefined) {
      notice.problem(`The link opens the example "${name}", and there is none: Examples lists them all.`);
      return;
    }
    openProgram(example.source, example.name);
    controls.setVirtualTime(time === 'virtual');
  },
  refuse: (message) => notice.problem(message),
});

function openProgram(source: string, exampleName: string | null): void {
  editor.load(source);
  gallery.showChoice(exampleName);
  notice.clear();
}

function edited(source: string): void {
  saveSource(source);
  link.forget();
  gallery.showChoice(null);
  notice.clear();
}

function startRun(): void {
  if (runner === null) return;
  // The run in progress ends as stopped; its exit is not this run's, so it is ignored.
  const previous = currentRun;
  currentRun = null;
  previous?.stop();
  const virtualTime = controls.virtualTime();
  let startedAt = performance.now();  // replaced when the program starts, after any wait for the wasm
  output.clear();
  editor.markFailingLine(null);
  timeline.start(!virtualTime);
  status.running(virtualTime);
  controls.setRunning(true);
  const onEvent = (event: RunEvent): void => {
    if (currentRun !== handle) return;
    switch (event.type) {
      case 'start':
        startedAt = performance.now();
        break;
      case 'stdout': {
        const pieces = stampedPieces(event.text, event.stamps);
        for (const piece of pieces) output.append('stdout', piece.text, piece.stamp);
        timeline.addPrinted(pieces);
        break;
      }
      case 'stderr':
        output.append('stderr', event.text);
        break;
      case 'trace':
        timeline.add(event.events);
        break;
      case 'exit': {
        currentRun = null;
        controls.setRunning(false);
        timeline.finish();
        const seconds = (performance.now() - startedAt) / 1000;
        if (event.status !== 0) editor.markFailingLine(failingLine(output.errorText()));
        status.ended(event, seconds);
        break;
      }
    }
  };
  // Traced: stamps give printed lines their time and task, and records draw the timeline.
  const handle = runner.run(editor.source(), { virtualTime, trace: true }, onEvent);
  currentRun = handle;
}

runnerLoading.then((loaded) => {
  runner = loaded;
  controls.setReady();
  status.ready();
  performance.mark('awaitpad:run-ready');
}, (error: unknown) => {
  status.failedToLoad(error instanceof Error ? error.message : String(error));
});
