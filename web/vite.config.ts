// `npm run build` → dist/: a static site with relative URLs (base './') that any static
// host serves; `npx vite --config web/vite.config.ts` serves the same page for development.
// Three pages: the playground, embed.html (the iframe form of the embed) and the demo docs
// page. embed.js, which the last two load, is built apart (vite.embed.config.ts).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

import { awaitpadRuntime } from './runtime_plugin.ts';

const webDirectory = fileURLToPath(new URL('.', import.meta.url));
const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

export default defineConfig({
  root: webDirectory,
  base: './',
  publicDir: false,
  plugins: [awaitpadRuntime()],
  build: {
    outDir: fileURLToPath(new URL('../dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: {
        index: page('index.html'),
        embed: page('embed.html'),
        docs: page('demo/docs.html'),
      },
    },
  },
});
