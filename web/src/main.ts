// The playground page: wires the editor, the controls, the output pane and the status
// line to the page's one worker runner. Each Run clears the output and starts a new run
// (stopping one in progress); only the latest run's events reach the views.
import './style.css';

import defaultExample from '../examples/three_tasks.py?raw';
import { bindControls } from './controls.ts';
import { createEditor } from './editor.ts';
import { OutputView } from './output_view.ts';
import { STOPPED, loadRunner } from './runner_client.ts';
import type { RunEvent, RunHandle, Runner } from './runner_client.ts';
import { StatusLine } from './status_line.ts';

function elementById(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`the page has no #${id}`);
  return element;
}

const output = new OutputView(elementById('output'));
const status = new StatusLine(elementById('status'));
let runner: Runner | null = null;
let currentRun: RunHandle | null = null;

const controls = bindControls(document, {
  run: startRun,
  stop: () => currentRun?.stop(),
  clear: () => output.clear(),
});
const editor = createEditor(elementById('editor'), defaultExample, startRun);

function startRun(): void {
  if (runner === null) return;
  // The run in progress ends as stopped; its exit is not this run's, so it is ignored.
  const previous = currentRun;
  currentRun = null;
  previous?.stop();
  const virtualTime = controls.virtualTime();
  let startedAt = performance.now();  // replaced by the worker's start, after any wait for the wasm
  output.clear();
  status.running(virtualTime);
  controls.setRunning(true);
  const onEvent = (event: RunEvent): void => {
    if (currentRun !== handle) return;
    switch (event.type) {
      case 'start':
        startedAt = performance.now();
        break;
      case 'stdout':
      case 'stderr':
        output.append(event.type, event.text);
        break;
      case 'trace':
        break;  // the timeline (issue 5) will draw these
      case 'exit': {
        currentRun = null;
        controls.setRunning(false);
        const seconds = (performance.now() - startedAt) / 1000;
        if (event.status !== null) status.finished(event.status, seconds);
        else if (event.error === STOPPED) status.stopped(seconds);
        else status.runtimeError(event.error ?? 'unknown failure');
        break;
      }
    }
  };
  const handle = runner.run(editor.source(), { virtualTime }, onEvent);
  currentRun = handle;
}

loadRunner(document.baseURI).then((loaded) => {
  runner = loaded;
  controls.setReady();
  status.ready();
  performance.mark('awaitpad:run-ready');
}, (error: unknown) => {
  status.runtimeError(`cannot load the runtime: ${error instanceof Error ? error.message : String(error)}`);
});
