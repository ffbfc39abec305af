import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach } from 'vitest';
import { call, type CommandInput, type CommandName, type CommandOutput } from '../../electron/core/dispatch';
import { LibraryStore } from '../../electron/core/store/store';

/** Folders and stores made inside a test (gone after it), and outside one, in a beforeAll (gone after the file). */
const forTest = { made: [] as string[], opened: [] as LibraryStore[] };
const forFile = { made: [] as string[], opened: [] as LibraryStore[] };
let inTest = false;
beforeEach(() => {
  inTest = true;
});
afterEach(async () => {
  inTest = false;
  await removeMade(forTest);
});
// A file's own afterAll (flushing the store it opened in its beforeAll) runs before this one.
afterAll(() => removeMade(forFile));

async function removeMade(made: typeof forTest): Promise<void> {
  // Let background writes finish before their folders go.
  await Promise.all(made.opened.splice(0).map((store) => store.flush().catch(() => undefined)));
  await Promise.all(made.made.splice(0).map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 5 })));
}

/**
 * A fresh folder under the system temp dir, removed after the test, or after the file's tests when made in a
 * beforeAll (removed after the first test, a folder the file's later tests write to would be made again and left).
 */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'paperqueue-test-'));
  (inTest ? forTest : forFile).made.push(dir);
  return dir;
}

export async function openTempStore(): Promise<LibraryStore> {
  const store = await LibraryStore.open(await tempDir());
  (inTest ? forTest : forFile).opened.push(store);
  return store;
}

/** Call a command and return its value, failing the test with the error message otherwise. */
export async function run<K extends CommandName>(
  store: LibraryStore,
  name: K,
  input: CommandInput<K>,
  now?: () => Date,
): Promise<CommandOutput<K>> {
  // Tests act as the host (the CLI): they may import fixtures by path.
  const result = await call({ store, caller: 'host', ...(now && { now }) }, name, input);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

export const fixture = (name: string): string => join(import.meta.dirname, '..', 'fixtures', name);
export const SEED = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds', '000_62c7f67eba4f4526.txt');
/** A path in ../shared/corpus beside the clone (real files from other tools; tests that read it skip where it is absent). */
export const corpusFile = (...parts: string[]): string =>
  join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', ...parts);

/** mulberry32, so every run sees the same "random" libraries. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The abstract of storeWithPapers' papers. */
export const SAMPLE_ABSTRACT =
  'Highlighting passages of an abstract helps readers return to what mattered. We measure recall after a week.';

/** A library in a temp folder with `n` papers added by hand ("Paper number 1 on queues", …), and their ids. */
export async function storeWithPapers(n: number): Promise<{ store: LibraryStore; ids: string[] }> {
  const store = await openTempStore();
  const ids: string[] = [];
  for (let i = 1; i <= n; i++)
    ids.push(
      (
        await run(store, 'papers.add', {
          title: `Paper number ${i} on queues`,
          abstract: SAMPLE_ABSTRACT,
          year: 2000 + i,
        })
      ).id,
    );
  return { store, ids };
}
