// Stamps for printed text: when and in which task each write happened. With tracing on,
// each stdout event carries stamps that cover its text in order (wasm/session.mjs); this
// cuts the text at them. Text written outside a running loop (before asyncio.run), and
// text of an event without stamps (trace off), has no stamp.
import type { OutputStamp } from './runner_client.ts';

export type TracedStamp = OutputStamp & { time: number };

export interface StampedPiece {
  text: string;
  stamp: TracedStamp | null;
}

// Stdout `text` in pieces, one per traced write, with their stamps.
export function stampedPieces(text: string, stamps: readonly OutputStamp[] | undefined): StampedPiece[] {
  if (stamps === undefined) return [{ text, stamp: null }];
  const pieces: StampedPiece[] = [];
  let start = 0;
  for (const stamp of stamps) {
    const piece = text.slice(start, start + stamp.length);
    start += stamp.length;
    pieces.push({ text: piece, stamp: stamp.time === null ? null : stamp as TracedStamp });
  }
  // Stamps always cover the text; were they short, the rest would be shown unstamped.
  if (start < text.length) pieces.push({ text: text.slice(start), stamp: null });
  return pieces;
}
