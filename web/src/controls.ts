// The toolbar: Run, Stop, Clear and the Real time / Virtual time switch, plus
// Ctrl/Cmd+Enter anywhere on the page (the editor binds it too, and marks the key as
// handled, so one press runs once).

export interface ControlActions {
  run(): void;
  stop(): void;
  clear(): void;
}

export interface Controls {
  virtualTime(): boolean;
  setReady(): void;
  setRunning(running: boolean): void;
}

function required<T extends Element>(root: ParentNode, selector: string, type: new () => T): T {
  const element = root.querySelector(selector);
  if (!(element instanceof type)) throw new Error(`the page has no ${selector}`);
  return element;
}

export function bindControls(root: Document, actions: ControlActions): Controls {
  const runButton = required(root, '#run', HTMLButtonElement);
  const stopButton = required(root, '#stop', HTMLButtonElement);
  const clearButton = required(root, '#clear', HTMLButtonElement);
  const virtualTimeInput = required(root, 'input[name="time"][value="virtual"]', HTMLInputElement);

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
