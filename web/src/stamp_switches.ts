// The output pane's "Time stamps" and "Task names" switches: show, in front of each
// printed line, when and in which task it was printed.
import { requiredElement } from './dom.ts';
import type { StampOptions } from './output_view.ts';

export function bindStampSwitches(root: Document, onChange: (options: StampOptions) => void): void {
  const time = requiredElement(root, '#show-time', HTMLInputElement);
  const taskName = requiredElement(root, '#show-task', HTMLInputElement);
  const changed = () => onChange({ time: time.checked, taskName: taskName.checked });
  time.addEventListener('change', changed);
  taskName.addEventListener('change', changed);
  // A reload may restore the boxes' checked state.
  if (time.checked || taskName.checked) changed();
}
