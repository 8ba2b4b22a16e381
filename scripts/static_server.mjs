// A tiny static file server: `npm start` serves dist/ with it (scripts/serve.mjs) and the
// browser tests (tests/web/) serve the repository root or dist/ at a free port. It sends
// the MIME types module workers and WebAssembly.compileStreaming require, answers a
// directory with its index.html, and counts the requests for each path — so a test can
// check that the runner downloads awaitpad.wasm exactly once per page load.
// Responses are `Cache-Control: no-store`: a second download must show as a request; and
// `Access-Control-Allow-Origin: *`, as a public static host sends it (GitHub Pages does), so
// embed.js works from a docs site on another origin and embed.html in a sandboxed iframe.
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.py': 'text/x-python; charset=utf-8',
};

function mimeType(filePath) {
  return MIME_TYPES[path.extname(filePath)] ?? 'application/octet-stream';
}

// The file under `root` that `pathname` names, or null when it would leave `root`.
function resolveFile(root, pathname) {
  const filePath = path.resolve(root, `.${decodeURIComponent(pathname)}`);
  return filePath === root || filePath.startsWith(root + path.sep) ? filePath : null;
}

async function respond(root, request, response) {
  const { pathname } = new URL(request.url, 'http://localhost');
  const resolved = resolveFile(root, pathname);
  const file = resolved !== null && pathname.endsWith('/') ? path.join(resolved, 'index.html') : resolved;
  const head = request.method === 'HEAD';
  let body = null;
  if (file !== null && (request.method === 'GET' || head)) {
    body = await fs.readFile(file).catch(() => null);
  }
  if (body === null) {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    return;
  }
  response.writeHead(200, {
    'Content-Type': mimeType(file), 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*',
  });
  response.end(head ? undefined : body);
}

// Serves `root` on `host`:`port` (0: a free port); resolves to
// {origin, requestCount(pathname), close()} once the server listens.
export async function startStaticServer(root, { host = '127.0.0.1', port = 0 } = {}) {
  const absoluteRoot = path.resolve(root);
  const counts = new Map();
  const server = http.createServer((request, response) => {
    const { pathname } = new URL(request.url, 'http://localhost');
    counts.set(pathname, (counts.get(pathname) ?? 0) + 1);
    respond(absoluteRoot, request, response).catch((error) => {
      response.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error));
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return {
    origin: `http://${host}:${server.address().port}`,
    requestCount: (pathname) => counts.get(pathname) ?? 0,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}
