// Share-link fragments (web/src/share_link.ts) written and read in Node with zlib, as docs
// tooling would: the tests' independent check of the page's own encoder and decoder.
import zlib from 'node:zlib';

// `#code=…&time=…` for `source`.
export function writeShareFragment(source, time) {
  return `#code=${zlib.deflateRawSync(Buffer.from(source, 'utf8')).toString('base64url')}&time=${time}`;
}

// {source, time} of a fragment (with or without its '#').
export function readShareFragment(fragment) {
  const parameters = new URLSearchParams(fragment.replace(/^#/, ''));
  const source = zlib.inflateRawSync(Buffer.from(parameters.get('code'), 'base64url')).toString('utf8');
  return { source, time: parameters.get('time') };
}
