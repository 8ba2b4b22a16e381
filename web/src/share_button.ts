// The Share button: writes the editor's program and the time switch into the page's URL
// (`#code=…&time=…`, share_link.ts) with history.replaceState — no reload, no new history
// entry — and copies that URL. When the browser refuses the clipboard (no permission, an
// insecure origin), the link shows in a read-only field, selected, to copy by hand.
import type { Notice } from './notice.ts';
import { encodeShareFragment } from './share_link.ts';
import type { TimeMode } from './share_link.ts';

export interface SharedState {
  source: string;
  time: TimeMode;
}

export function bindShareButton(button: HTMLButtonElement, linkField: HTMLInputElement,
                                current: () => SharedState, notice: Notice): void {
  button.addEventListener('click', async () => {
    const { source, time } = current();
    history.replaceState(history.state, '', await encodeShareFragment(source, time));
    const link = location.href;
    try {
      await navigator.clipboard.writeText(link);
      linkField.hidden = true;
      notice.confirm('Link copied');
    } catch {
      linkField.value = link;
      linkField.hidden = false;
      linkField.focus();
      linkField.select();
      notice.confirm('The browser did not allow copying: the link is selected in the field beside Share');
    }
  });
}
