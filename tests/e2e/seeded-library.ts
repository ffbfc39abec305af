import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Puts in an empty data folder the library that importing `seed`'s files there, in order, would leave. */
export type SeedLibrary = (seed: string[], dataDir: string) => Promise<void>;

/** The real CLI run against a data folder, as helpers.ts's cliIn gives it. */
type CliIn = (dataDir: string) => (...args: string[]) => Promise<string>;

/** Where the run's workers keep the libraries they import (set by seeds-setup.ts before any worker starts). */
export const SEEDS_ROOT_VARIABLE = 'PAPERQUEUE_E2E_SEEDS';

/**
 * Each seed list is imported once by the real CLI into a folder of its own under `root`, and each test gets a
 * copy of that folder: the same files on disk (the library, its backups, the last import to undo) for the cost
 * of a copy, where importing for every test started a CLI process per file. `root` is the whole run's when the
 * workers share one (seeds-setup.ts): the first worker to want a list imports it while the others wait for it,
 * rather than each importing every list again.
 */
export function seedLibraries(root: string, cliIn: CliIn): SeedLibrary {
  const made = new Map<string, Promise<string>>();
  return async (seed, dataDir) => {
    if (seed.length === 0) return;
    const key = createHash('sha256').update(JSON.stringify(seed)).digest('hex').slice(0, 16);
    let library = made.get(key);
    if (!library) {
      library = importedOnce(join(root, key), async (dir) => {
        const cli = cliIn(dir);
        for (const file of seed) await cli('import', file);
      });
      made.set(key, library);
      // A failed import is tried again by the next test that asks, as when each test imported its own.
      library.catch(() => made.delete(key));
    }
    await cp(await library, dataDir, { recursive: true });
  };
}

/**
 * `dir` once `make` has filled it, made by one process of those that ask at once: the one that creates the
 * `.making` folder (mkdir is atomic) imports into `.part` and renames it to `dir`, so no process copies a half
 * made library; the others wait for `dir`, or for the lock to go if its maker failed, and then try themselves.
 */
async function importedOnce(dir: string, make: (dir: string) => Promise<void>): Promise<string> {
  const lock = `${dir}.making`;
  const part = `${dir}.part`;
  for (;;) {
    if (existsSync(dir)) return dir;
    try {
      await mkdir(lock);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    try {
      if (existsSync(dir)) return dir;
      await rm(part, { recursive: true, force: true });
      await mkdir(part);
      await make(part);
      await rename(part, dir);
      return dir;
    } finally {
      await rm(lock, { recursive: true, force: true });
    }
  }
}
