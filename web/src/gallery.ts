// The Examples control: a <select> (keyboard accessible as any select) that lists the
// gallery by title once examples.ts has loaded; choosing one calls `choose` at once. It
// shows the example the editor holds, and its placeholder again after an edit, so the
// same example can be chosen again.
import type { Example } from './examples.ts';

export interface Gallery {
  // Shows `name` as the chosen example; null for none (the placeholder).
  showChoice(name: string | null): void;
}

export function bindGallery(select: HTMLSelectElement, examples: Promise<readonly Example[]>,
                            choose: (example: Example) => void): Gallery {
  examples.then((list) => {
    for (const example of list) select.add(new Option(example.title, example.name));  // text, not HTML
  }, (error: unknown) => {
    console.warn('awaitpad: the examples did not load', error);
  });
  select.addEventListener('change', () => {
    examples.then((list) => {
      const example = list.find((candidate) => candidate.name === select.value);
      if (example !== undefined) choose(example);
    }, () => {});
  });
  return {
    showChoice(name) {
      select.value = name ?? '';
    },
  };
}
