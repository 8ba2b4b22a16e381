// dist/embed.js, after the pages (vite.config.ts): one self-contained classic script
// (IIFE) under a fixed name, so docs link it with one plain <script src> that stays valid
// across releases. A separate build because the pages' build shares modules between its
// entries as chunks, and embed.js must import none.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  publicDir: false,
  build: {
    outDir: fileURLToPath(new URL('../dist', import.meta.url)),
    emptyOutDir: false,
    target: 'es2022',
    minify: true,
    lib: {
      entry: fileURLToPath(new URL('src/embed/embed.ts', import.meta.url)),
      formats: ['iife'],
      name: 'awaitpadEmbed',
      fileName: () => 'embed.js',
    },
  },
});
