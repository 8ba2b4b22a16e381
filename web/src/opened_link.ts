// Opening the program a link names, from the URL's fragment (share_link.ts): on load, and
// on hashchange (a link pasted into the address bar of an open page). The fragment stays
// while the editor shows what it opened; forget() drops it at the first edit, so that a
// reload shows the saved edits rather than the link again (history.replaceState: no
// reload, no new history entry).
import { ShareLinkError, decodeShareFragment } from './share_link.ts';
import type { TimeMode } from './share_link.ts';

export interface LinkHandlers {
  openCode(source: string, time: TimeMode): void;
  openExample(name: string, time: TimeMode): Promise<void>;
  // The link cannot be opened; `message` says why, in words for the person.
  refuse(message: string): void;
}

export interface OpenedLink {
  forget(): void;
}

export function followLinks(handlers: LinkHandlers): OpenedLink {
  let latest = 0;  // the fragment read last; an older one still decoding is dropped
  const open = async (): Promise<void> => {
    const ticket = ++latest;
    try {
      const program = await decodeShareFragment(location.hash);
      if (ticket !== latest || program === null) return;
      if (program.kind === 'code') handlers.openCode(program.source, program.time);
      else await handlers.openExample(program.name, program.time);
    } catch (error) {
      if (ticket !== latest) return;
      handlers.refuse(error instanceof ShareLinkError ? error.message
        : `The link could not be opened: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  window.addEventListener('hashchange', () => void open());
  void open();
  return {
    forget() {
      if (location.hash !== '') history.replaceState(history.state, '', location.pathname + location.search);
    },
  };
}
