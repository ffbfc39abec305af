import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { readFileSync, readdirSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { PDF_WORKER, modelWorker, searchWorker, workerFilesPlugin } from './electron/core/pdf/worker-build';
import { syncReadWorker } from './electron/core/sync/read-worker-build';
import { PDF_WORKER_PATH } from './electron/server/security';
import { inlinePageStyles } from './scripts/build/inline-styles';
import { inlinePageScripts } from './scripts/build/inline-scripts';
import { compileHints } from './scripts/build/compile-hints';

/** pdf.js's data folders the renderer's build carries, and which of their files. */
const PDFJS_DIR = resolve('node_modules/pdfjs-dist');
const PDFJS_ASSETS: [string, RegExp][] = [
  ['cmaps', /\.bcmap$|^LICENSE$/],
  ['standard_fonts', /\.(pfb|ttf)$|^LICENSE/],
  ['wasm', /^(jbig2|openjpeg|qcms_bg)\.wasm$|^openjpeg_nowasm_fallback\.js$|^LICENSE_/],
];
const CONTENT_TYPES: Record<string, string> = { '.js': 'text/javascript', '.wasm': 'application/wasm' };

/** The file of node_modules/pdfjs-dist a dev-server path under /pdfjs names, if it is one we carry. */
function pdfjsAsset(path: string): string | undefined {
  const [folder, name, ...rest] = decodeURIComponent(path.split('?')[0] ?? '')
    .replace(/^\//, '')
    .split('/');
  const entry = PDFJS_ASSETS.find(([f]) => f === folder);
  return entry && name && rest.length === 0 && entry[1].test(name) ? resolve(PDFJS_DIR, folder!, name) : undefined;
}

export default defineConfig({
  main: {
    // The worker threads' entry files go beside the main process's code (electron/core/pdf/worker-build.ts):
    // the PDF text worker as it is, the search index's worker loading its builder and the sync folder's reader
    // loading its reader, each an entry of its own.
    // The CLI is bundled too (out/main/cli.js, which bin/paperqueue.mjs runs while it is fresh): the core
    // goes into a chunk the entries share, and none imports another's host.
    plugins: [
      workerFilesPlugin([
        PDF_WORKER,
        searchWorker('search-build-thread'),
        syncReadWorker('sync-read-thread'),
        modelWorker('model-thread'),
      ]),
    ],
    build: {
      rollupOptions: {
        input: {
          main: resolve('electron/main.ts'),
          cli: resolve('electron/cli/main.ts'),
          'search-build-thread': resolve('electron/core/search/build-thread.ts'),
          'sync-read-thread': resolve('electron/core/sync/read-thread.ts'),
        },
      },
    },
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
    plugins: [
      react(),
      inlinePageStyles(),
      inlinePageScripts(),
      compileHints(),
      // pdf.js's data files, beside index.html under pdfjs/ (the reader asks for them there): CMaps for CID
      // fonts, the standard fonts, and the WebAssembly decoders for JBIG2, JPEG 2000 and ICC colour (with the
      // JavaScript JPEG 2000 decoder pdf.js falls back to). Copied, not fetched: the app never reaches the
      // network. Served from node_modules by the dev server.
      {
        name: 'paperqueue-pdfjs-assets',
        configureServer(server) {
          server.middlewares.use('/pdfjs', (req, res, next) => {
            const file = pdfjsAsset(req.url ?? '');
            if (!file) return next();
            res.setHeader('content-type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
            res.end(readFileSync(file));
          });
        },
        generateBundle() {
          for (const [folder, pattern] of PDFJS_ASSETS) {
            for (const name of readdirSync(resolve(PDFJS_DIR, folder))) {
              if (!pattern.test(name)) continue;
              this.emitFile({
                type: 'asset',
                fileName: `pdfjs/${folder}/${name}`,
                source: readFileSync(resolve(PDFJS_DIR, folder, name)),
              });
            }
          }
        },
      },
    ],
    // pdf.js's worker (renderer/src/pdf/reader-worker.ts, pdf.js's own inside) at a fixed path, the one path
    // the hosts serve with the worker's own CSP (security.ts); a module, as pdf.js's is.
    worker: {
      format: 'es',
      rollupOptions: {
        output: {
          entryFileNames: (chunk) =>
            chunk.name === 'reader-worker' ? PDF_WORKER_PATH.slice(1) : 'assets/[name]-[hash].js',
        },
      },
    },
    build: {
      minify: true,
      rollupOptions: {
        input: { index: resolve('renderer/index.html') },
      },
    },
  },
});
