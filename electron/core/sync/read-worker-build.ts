// Build-time only (electron.vite.config.ts): nothing at run time imports this file.
import { posix } from 'node:path';
import type { WorkerFile } from '../pdf/worker-build';

/**
 * The sync folder's reader thread (read-worker.mjs), placed by workerFilesPlugin as the search index's worker
 * is: the worker lowers its priority, then registers tsx and imports read-thread.ts; in the build it imports
 * the bundled entry `entry` (out/main/<entry>.js, an input of the main build) instead. A change to those lines
 * that this does not know fails the build rather than a user's first sync.
 */
export function syncReadWorker(entry: string): WorkerFile {
  const SOURCES =
    /const \{ register \} = await import\('tsx\/esm\/api'\);\s*register\(\);\s*const \{ serveRead \} = await import\('\.\/read-thread\.ts'\);/;
  return {
    name: 'read-worker.mjs',
    source: 'electron/core/sync/read-worker.mjs',
    text(code, folder) {
      if (!SOURCES.test(code))
        throw new Error(
          'electron/core/sync/read-worker.mjs no longer loads read-thread.ts as read-worker-build.ts expects',
        );
      const target = posix.relative(folder, `${entry}.js`);
      return code.replace(
        SOURCES,
        `const { serveRead } = await import(${JSON.stringify(target.startsWith('.') ? target : `./${target}`)});`,
      );
    },
  };
}
