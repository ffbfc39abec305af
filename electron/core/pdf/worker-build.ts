// Build-time only (electron.vite.config.ts): nothing at run time imports this file.
import { readFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * A worker thread's entry file as the main-process build must place it. The core starts each worker by
 * `new URL('./<name>', import.meta.url)`, which the bundler leaves as it is, so the file is written beside
 * every chunk that holds that URL (and in out/main/). `text` gives the file's contents for a folder, from the
 * source's: the PDF worker is copied as it is; the search index's worker loads the bundled builder instead of
 * the TypeScript sources.
 */
export type WorkerFile = {
  name: string;
  source: string;
  text?: (code: string, folder: string) => string;
  /** An entry of the build the worker loads: out/main/<name>.js, built from `source`. */
  entry?: { name: string; source: string };
};

export function workerFilesPlugin(files: readonly WorkerFile[]): Plugin {
  return {
    name: 'paperqueue-worker-files',
    // The entries the workers load, added to the build's own (electron.vite.config.ts lists only the hosts').
    options(options) {
      const entries = files.flatMap((file): [string, string][] =>
        file.entry ? [[file.entry.name, resolve(file.entry.source)]] : [],
      );
      const { input } = options;
      if (!entries.length || input === undefined || typeof input === 'string' || Array.isArray(input)) return null;
      return { ...options, input: { ...input, ...Object.fromEntries(entries) } };
    },
    buildStart() {
      for (const file of files) this.addWatchFile(resolve(file.source));
    },
    generateBundle(_options, bundle) {
      for (const file of files) {
        const folders = new Set(['.']);
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk' && chunk.code.includes(`./${file.name}`))
            folders.add(posix.dirname(chunk.fileName));
        }
        const code = readFileSync(resolve(file.source), 'utf8');
        for (const folder of folders)
          this.emitFile({
            type: 'asset',
            fileName: posix.join(folder, file.name),
            source: file.text ? file.text(code, folder) : code,
          });
      }
    },
  };
}

/** The PDF text worker: plain JavaScript that loads only pdfjs-dist, copied as it is. */
export const PDF_WORKER: WorkerFile = { name: 'extract-worker.mjs', source: 'electron/core/pdf/extract-worker.mjs' };

/**
 * The search index's worker (electron/core/search/build-worker.mjs) lowers its priority, then registers tsx and
 * imports build-thread.ts. In the build, the builder is an entry of its own (`entry`, out/main/<entry>.js), and
 * the worker imports that instead: the same file with those lines replaced, so a change to them that this does
 * not know fails the build rather than a user's first start.
 */
export function searchWorker(entry: string): WorkerFile {
  const SOURCES =
    /const \{ register \} = await import\('tsx\/esm\/api'\);\s*register\(\);\s*const \{ serveBuild \} = await import\('\.\/build-thread\.ts'\);/;
  return {
    name: 'build-worker.mjs',
    source: 'electron/core/search/build-worker.mjs',
    text(code, folder) {
      if (!SOURCES.test(code))
        throw new Error(
          'electron/core/search/build-worker.mjs no longer loads build-thread.ts as worker-build.ts expects',
        );
      const target = posix.relative(folder, `${entry}.js`);
      return code.replace(
        SOURCES,
        `const { serveBuild } = await import(${JSON.stringify(target.startsWith('.') ? target : `./${target}`)});`,
      );
    },
  };
}

/**
 * The relevance model's worker (electron/core/insight/model-worker.mjs): as the search index's, it lowers its
 * priority, then registers tsx and imports model-thread.ts; in the build it imports the bundled entry `entry`
 * (added to the build by this plugin) instead.
 */
export function modelWorker(entry: string): WorkerFile {
  const SOURCES =
    /const \{ register \} = await import\('tsx\/esm\/api'\);\s*register\(\);\s*const \{ serveModelBuild \} = await import\('\.\/model-thread\.ts'\);/;
  return {
    name: 'model-worker.mjs',
    source: 'electron/core/insight/model-worker.mjs',
    entry: { name: entry, source: 'electron/core/insight/model-thread.ts' },
    text(code, folder) {
      if (!SOURCES.test(code))
        throw new Error(
          'electron/core/insight/model-worker.mjs no longer loads model-thread.ts as worker-build.ts expects',
        );
      const target = posix.relative(folder, `${entry}.js`);
      return code.replace(
        SOURCES,
        `const { serveModelBuild } = await import(${JSON.stringify(target.startsWith('.') ? target : `./${target}`)});`,
      );
    },
  };
}
