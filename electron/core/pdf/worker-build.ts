// Build-time only (electron.vite.config.ts): nothing at run time imports this file.
import { readFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import type { Plugin } from 'vite';

const WORKER = 'extract-worker.mjs';

/**
 * The electron-vite plugin for the main process that puts extract-worker.mjs where the bundled code looks for it.
 * The core starts the worker by `new URL('./extract-worker.mjs', import.meta.url)`, which the bundler leaves as it
 * is; the worker is plain JavaScript and not bundled, so it is copied to out/main/ and beside any other chunk
 * that holds that URL (should the core ever be split into a chunk of its own).
 */
export function pdfWorkerPlugin(): Plugin {
  const source = resolve('electron/core/pdf', WORKER);
  return {
    name: 'paperqueue-pdf-worker',
    buildStart() {
      this.addWatchFile(source);
    },
    generateBundle(_options, bundle) {
      const folders = new Set(['.']);
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk' && file.code.includes(`./${WORKER}`)) folders.add(posix.dirname(file.fileName));
      }
      const code = readFileSync(source, 'utf8');
      for (const folder of folders)
        this.emitFile({ type: 'asset', fileName: posix.join(folder, WORKER), source: code });
    },
  };
}
