// embed.html, the iframe form: one widget for the program in the page's fragment
// (share_link.ts: #code=…&time=…). The code goes into a <pre> as text. A link that cannot
// be read shows why, in place of the widget.
import { ShareLinkError, decodeShareFragment } from '../share_link.ts';
import type { SharedProgram, TimeMode } from '../share_link.ts';

export interface FrameProgram {
  source: string;
  time: TimeMode;
}

// The program of `fragment`, or a message for the reader when there is none to show.
export async function frameProgram(fragment: string): Promise<FrameProgram | string> {
  let program: SharedProgram | null;
  try {
    program = await decodeShareFragment(fragment);
  } catch (error) {
    if (error instanceof ShareLinkError) return `This example's link cannot be read. ${error.message}`;
    throw error;
  }
  if (program === null) return 'This embed shows no program: its link has no #code=.';
  if (program.kind === 'example') return 'Gallery examples (#example=) open in the playground, not in an embed.';
  return { source: program.source, time: program.time };
}
