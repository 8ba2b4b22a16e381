// Share links: a program and its options in the URL's fragment, so sharing needs no
// server and docs tooling can write links too (web/README.md shows Python's two lines).
//
//   #code=<source>&time=real|virtual     <source>: the program as UTF-8, compressed with
//                                        raw DEFLATE (RFC 1951, no zlib header), encoded
//                                        base64url without padding (RFC 4648 §5)
//   #example=<name>                      a gallery example by its file name, no .py
//
// Parameters are joined with '&' and may come in any order; unknown ones are ignored, so
// later versions can add some. A fragment that cannot be read whole is refused with a
// message that says why — it never yields a partial program.

export type TimeMode = 'real' | 'virtual';

export type SharedProgram =
  | { kind: 'code'; source: string; time: TimeMode }
  | { kind: 'example'; name: string; time: TimeMode };

// A link's program may not decompress to more than this: a link is for an example, and a
// small link must not be able to make the page allocate gigabytes (a "DEFLATE bomb").
export const MAX_SOURCE_BYTES = 512 * 1024;

// 4 base64 characters carry 3 bytes.
const MAX_CODE_CHARACTERS = Math.ceil((MAX_SOURCE_BYTES + 1024) / 3) * 4;

export class ShareLinkError extends Error {
  override name = 'ShareLinkError';
}

const TIME_MODES: readonly string[] = ['real', 'virtual'];
const EXAMPLE_NAME = /^[a-z0-9_]{1,64}$/;
const BASE64URL = /^[A-Za-z0-9_-]*$/;

// The fragment (with or without its '#') for `source` and `time`.
export async function encodeShareFragment(source: string, time: TimeMode): Promise<string> {
  const compressed = await pipeThrough(new TextEncoder().encode(source), new CompressionStream('deflate-raw'));
  return `#code=${toBase64Url(compressed)}&time=${time}`;
}

// The program a fragment names; null for a fragment that names none (empty, or only other
// parameters); throws ShareLinkError for one that cannot be read.
export async function decodeShareFragment(fragment: string): Promise<SharedProgram | null> {
  const parameters = new URLSearchParams(fragment.replace(/^#/, ''));
  const timeText = parameters.get('time') ?? 'real';
  if (!TIME_MODES.includes(timeText)) {
    throw new ShareLinkError(`The link's time= must be real or virtual, not "${clip(timeText)}".`);
  }
  const time = timeText as TimeMode;
  const code = parameters.get('code');
  if (code !== null) return { kind: 'code', source: await decodeSource(code), time };
  const name = parameters.get('example');
  if (name !== null) {
    if (!EXAMPLE_NAME.test(name)) throw new ShareLinkError(`The link names no example: "${clip(name)}".`);
    return { kind: 'example', name, time };
  }
  return null;
}

async function decodeSource(code: string): Promise<string> {
  // URLSearchParams turns '+' into ' '; neither belongs to base64url.
  if (!BASE64URL.test(code) || code.length % 4 === 1) {
    throw new ShareLinkError("The link's code is not valid base64url: the link is damaged.");
  }
  // DEFLATE never grows data by more than 5 bytes per 64 KB (stored blocks), so no program
  // within the limit needs a longer link; refuse one before decoding it.
  if (code.length > MAX_CODE_CHARACTERS) {
    throw new ShareLinkError('The link is too long to be a program this playground opens.');
  }
  let bytes: Uint8Array;
  try {
    bytes = await pipeThrough(fromBase64Url(code), new DecompressionStream('deflate-raw'), MAX_SOURCE_BYTES);
  } catch (error) {
    if (error instanceof ShareLinkError) throw error;
    throw new ShareLinkError("The link's code does not decompress: the link is truncated or damaged.");
  }
  // ignoreBOM: a program that starts with U+FEFF keeps it (the decoder drops it otherwise).
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ShareLinkError("The link's code is not UTF-8 text: the link is damaged.");
  }
}

// `input` through a compression or decompression stream; throws ShareLinkError when the
// output would exceed `limit` bytes, and the stream's own error for corrupt input
// (including input that ends before the DEFLATE stream does).
async function pipeThrough(input: Uint8Array<ArrayBuffer>, transform: TransformStream<BufferSource, Uint8Array>,
  limit = Infinity): Promise<Uint8Array> {
  const writer = transform.writable.getWriter();
  // The writes fail with the same error the reader sees; the reader reports it.
  writer.write(input).catch(() => {});
  writer.close().catch(() => {});
  const reader = transform.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      reader.cancel().catch(() => {});
      throw new ShareLinkError(`The link's program is over ${limit / 1024} KB; it was not opened.`);
    }
    chunks.push(value);
  }
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

// A piece of untrusted link text short enough to quote in a message.
function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
