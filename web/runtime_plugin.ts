// A Vite plugin that puts the runtime (runtime_files.ts) at runtime/ beside the page: the
// dev server serves the files from where they are, `vite build` copies them into dist/.
// The page reaches them with the same relative URLs either way.
import fs from 'node:fs';
import type { Plugin } from 'vite';

import { RUNTIME_DIRECTORY, checkRuntimeFiles, runtimeFiles } from './runtime_files.ts';

const MIME_TYPES: Record<string, string> = {
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.py': 'text/x-python; charset=utf-8',
};

function mimeType(name: string): string {
  return MIME_TYPES[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream';
}

export function awaitpadRuntime(): Plugin {
  return {
    name: 'awaitpad-runtime',

    buildStart() {
      checkRuntimeFiles();
    },

    configureServer(server) {
      const prefix = `/${RUNTIME_DIRECTORY}/`;
      server.middlewares.use((request, response, next) => {
        const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
        const file = pathname.startsWith(prefix) ? runtimeFiles().get(pathname.slice(prefix.length)) : undefined;
        if (file === undefined) {
          next();
          return;
        }
        response.setHeader('Content-Type', mimeType(file));
        fs.createReadStream(file).on('error', next).pipe(response);
      });
    },

    generateBundle() {
      for (const [name, file] of runtimeFiles()) {
        this.emitFile({ type: 'asset', fileName: `${RUNTIME_DIRECTORY}/${name}`, source: fs.readFileSync(file) });
      }
    },
  };
}
