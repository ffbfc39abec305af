import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { pdfWorkerPlugin } from './electron/core/pdf/worker-build';

export default defineConfig({
  main: {
    // The PDF worker runs unbundled beside the main process's code (electron/core/pdf/worker-build.ts).
    plugins: [pdfWorkerPlugin()],
    build: { rollupOptions: { input: { main: resolve('electron/main.ts') } } },
  },
  preload: {
    // A sandboxed preload cannot be an ES module.
    build: {
      rollupOptions: {
        input: { preload: resolve('electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    plugins: [react()],
    build: {
      minify: true,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
