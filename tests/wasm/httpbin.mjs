// A real httpbin on loopback for the HTTP tests (scripts/httpbin_server.py): nothing
// leaves the machine, and it sends CORS headers, so the browser suites use it too.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const SERVER_SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)),
  '..', '..', 'scripts', 'httpbin_server.py');

// Starts the server; resolves to {url, stop()} once it listens: `url` is its base URL
// (http://127.0.0.1:PORT, no trailing slash), stop() resolves when it has exited.
export async function startHttpbin() {
  // It serves until its stdin closes, so it goes down with this process too.
  const server = spawn('python3', [SERVER_SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => { server.once('exit', resolve); });
  const lines = readline.createInterface({ input: server.stdout });
  const url = await new Promise((resolve, reject) => {
    lines.once('line', resolve);
    // After the first line this settles nothing.
    server.once('exit', (code) => reject(new Error(`httpbin_server.py exited (${code}) before serving`)));
  });
  lines.close();
  return {
    url,
    stop() {
      server.stdin.end();
      return exited;
    },
  };
}
