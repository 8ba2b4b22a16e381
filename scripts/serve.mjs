// Serves the built page (dist/, `npm run build`) on http://127.0.0.1:8000 — PORT overrides
// — and prints its URL. The last step of `npm start`.
//   node scripts/serve.mjs [DIRECTORY]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startStaticServer } from './static_server.mjs';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const directory = path.resolve(repositoryRoot, process.argv[2] ?? 'dist');
const port = Number(process.env.PORT ?? 8000);

if (!fs.existsSync(path.join(directory, 'index.html'))) {
  console.error(`serve: ${directory}/index.html is missing; build the page first (npm run build)`);
  process.exit(1);
}
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`serve: PORT must be a port number, got ${JSON.stringify(process.env.PORT)}`);
  process.exit(1);
}

const server = await startStaticServer(directory, { port });
console.log(`awaitpad is at ${server.origin}/  (serving ${path.relative(repositoryRoot, directory) || '.'}; Ctrl+C stops)`);
