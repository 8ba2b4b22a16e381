// The toolbar: Run, Stop, Clear and the Real time / Virtual time switch, plus
// Ctrl/Cmd+Enter anywhere on the page (the editor binds it too, and marks the key as
// handled, so one press runs once).

import { requiredElement } from './dom.ts';

export interface ControlActions {
  run(): void;
  stop(): void;
  clear(): void;
}

export interface Controls {
  virtualTime(): boolean;
  setVirtualTime(virtual: boolean): void;
  setReady(): void;
  setRunning(running: boolean): void;
}

export function bindControls(root: Document, actions: ControlActions): Controls {
  const runButton = requiredElement(root, '#run', HTMLButtonElement);
  const stopButton = requiredElement(root, '#stop', HTMLButtonElement);
  const clearButton = requiredElement(root, '#clear', HTMLButtonElement);
  const realTimeInput = requiredElement(root, 'input[name="time"][value="real"]', HTMLInputElement);
  const virtualTimeInput = requiredElement(root, 'input[name="time"][value="virtual"]', HTMLInputElement);

  runButton.addEventListener('click', () => actions.run());
  stopButton.addEventListener('click', () => actions.stop());
  clearButton.addEventListener('click', () => actions.clear());
  root.addEventListener('keydown', (event) => {
    const runShortcut = event.key === 'Enter' && (event.ctrlKey || event.metaKey);
    if (!runShortcut || event.defaultPrevented || runButton.disabled) return;
    event.preventDefault();
    actions.run();
  });

  return {
    virtualTime: () => virtualTimeInput.checked,
    setVirtualTime(virtual) {
      (virtual ? virtualTimeInput : realTimeInput).checked = true;
    },
    setReady() {
      runButton.disabled = false;
    },
    setRunning(running) {
      // A disabled button drops keyboard focus; hand it to Run rather than to the page.
      if (!running && root.activeElement === stopButton) runButton.focus();
      stopButton.disabled = !running;
    },
  };
}
