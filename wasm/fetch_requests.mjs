// The HTTP requests of one run, made with the platform's fetch (the browser's, or Node's
// global fetch under wasm/cli.mjs): the JavaScript half of the web Host's HTTP
// (wasm/fetch_requests.hpp). The module starts and aborts requests by id; a request that
// settles is queued as finished, and the module takes the queue from inside its wait
// (session.mjs races the wait's timer with `nextFinish()`).
//
// A finished request crosses into wasm as {id, kind, status, parts}: `kind` one of
// OUTCOME, `parts` byte arrays the C++ side copies into memory it allocated —
// for a response [reason, final URL, body, name, value, name, value, ...] (headers in the
// order fetch gives them), for a failure [message].

// Mirrored by FetchOutcome in wasm/fetch_requests.cpp.
export const OUTCOME = { response: 0, connectionFailure: 1, invalidUrl: 2 };

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

// Header names and values, and the status text, are byte strings in fetch: one character
// per byte (not TextDecoder's 'latin1', which is windows-1252).
function byteString(bytes) {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

function byteStringBytes(text) {
  return Uint8Array.from(text, (character) => character.charCodeAt(0));
}

function failure(kind, message) {
  return { kind, status: 0, parts: [utf8.encode(message)] };
}

// Node's fetch (undici) may send a request on a kept-alive connection the server is just
// closing (gunicorn does after a slow request), and fails with "other side closed"; a
// browser sends it again on a new connection, and so does this, once. (A browser's failure
// has no such cause.)
async function fetchRetryingClosedConnection(request) {
  try {
    return await fetch(request.clone());
  } catch (error) {
    if (error.cause?.code !== 'UND_ERR_SOCKET' || request.signal.aborted) throw error;
    return fetch(request);
  }
}

// The outcome of one request; rejects only when `signal` aborted it.
async function fetchOutcome(method, url, headers, body, signal) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return failure(OUTCOME.invalidUrl, `Invalid URL '${url}'`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return failure(OUTCOME.invalidUrl,
      `Invalid URL '${url}': only http:// and https:// URLs can be fetched`);
  }
  let request;
  try {
    // fetch throws on a body for GET or HEAD; an empty body means none (http.hpp).
    const bodyAllowed = !['GET', 'HEAD'].includes(method.toUpperCase());
    request = new Request(parsed, {
      method, headers, body: bodyAllowed && body.length > 0 ? body : undefined,
      credentials: 'omit', redirect: 'follow', signal,
    });
  } catch (error) {
    // A method or header fetch refuses: the request cannot be sent at all.
    return failure(OUTCOME.connectionFailure, `Cannot send ${method} ${url}: ${error.message}`);
  }
  let response;
  try {
    response = await fetchRetryingClosedConnection(request);
  } catch (error) {
    if (signal.aborted) throw error;
    // fetch does not say why (a browser hides it on purpose): name the two likely causes.
    return failure(OUTCOME.connectionFailure, `Failed to fetch ${url}: the server may be down, ` +
      'or may not allow cross-origin requests (CORS)');
  }
  let responseBody;
  try {
    responseBody = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    if (signal.aborted) throw error;
    return failure(OUTCOME.connectionFailure,
      `The connection broke while reading the response of ${url}`);
  }
  const parts = [byteStringBytes(response.statusText), utf8.encode(response.url), responseBody];
  for (const [name, value] of response.headers) parts.push(byteStringBytes(name), byteStringBytes(value));
  return { kind: OUTCOME.response, status: response.status, parts };
}

export class FetchRequests {
  constructor() {
    this.inFlight = new Map();  // id → AbortController
    this.finished = [];  // {id, kind, status, parts}, in the order they settled
    this.taken = null;  // the finished request the module is copying, from takeFinished()
    this.wake = null;  // resolves nextFinish()'s promise
  }

  // Starts a request. `method` and `url` are UTF-8 bytes, `headers` [[name, value]] and
  // `body` bytes.
  start(id, method, url, headers, body) {
    const controller = new AbortController();
    this.inFlight.set(id, controller);
    const headerText = headers.map(([name, value]) => [byteString(name), byteString(value)]);
    fetchOutcome(utf8Decoder.decode(method), utf8Decoder.decode(url), headerText, body,
      controller.signal).then((outcome) => {
      if (this.inFlight.get(id) !== controller) return;
      this.inFlight.delete(id);
      this.finished.push({ id, ...outcome });
      this.wake?.();
    }, () => {});  // aborted: forgotten already
  }

  // Aborts a request and forgets it: its result is never taken.
  abort(id) {
    this.inFlight.get(id)?.abort();
    this.inFlight.delete(id);
    this.finished = this.finished.filter((request) => request.id !== id);
  }

  // Aborts every request and drops every result: the run is over.
  abortAll() {
    for (const id of [...this.inFlight.keys()]) this.abort(id);
    this.finished = [];
    this.taken = null;
  }

  // Resolves once a request has finished (at once if one already has).
  nextFinish() {
    if (this.finished.length > 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.wake = () => {
        this.wake = null;
        resolve();
      };
    });
  }

  // Moves the first finished request into `taken`; returns its id, or 0 when none is left.
  takeFinished() {
    this.taken = this.finished.shift() ?? null;
    return this.taken?.id ?? 0;
  }
}
