import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Puts in an empty data folder the library that importing `seed`'s files there, in order, would leave. */
export type SeedLibrary = (seed: string[], dataDir: string) => Promise<void>;

/** The real CLI run against a data folder, as helpers.ts's cliIn gives it. */
type CliIn = (dataDir: string) => (...args: string[]) => Promise<string>;

/**
 * Each seed list is imported once by the real CLI into a folder of its own under `root`, and each test gets a
 * copy of that folder: the same files on disk (the library, its backups, the last import to undo) for the cost
 * of a copy, where importing for every test started a CLI process per file.
 */
export function seedLibraries(root: string, cliIn: CliIn): SeedLibrary {
  const made = new Map<string, Promise<string>>();
  let folders = 0;
  const make = async (seed: string[]): Promise<string> => {
    const dir = join(root, String(folders++));
    await mkdir(dir);
    const cli = cliIn(dir);
    for (const file of seed) await cli('import', file);
    return dir;
  };
  return async (seed, dataDir) => {
    if (seed.length === 0) return;
    const key = JSON.stringify(seed);
    let library = made.get(key);
    if (!library) {
      library = make(seed);
      made.set(key, library);
      // A failed import is tried again by the next test that asks, as when each test imported its own.
      library.catch(() => made.delete(key));
    }
    await cp(await library, dataDir, { recursive: true });
  };
}
