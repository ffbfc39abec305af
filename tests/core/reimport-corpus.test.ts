import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTempStore, run, corpusFile } from './helpers';

// The corpus lives in ../shared beside the project, so that it stays a fair test; a clone without it skips.
const CORPUS = corpusFile();
const FILES = existsSync(CORPUS)
  ? readdirSync(CORPUS, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name !== 'README.md')
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
  : [];

describe.skipIf(FILES.length === 0)('every file of the real corpus (../shared/corpus), imported twice', () => {
  it('adds nothing the second time, into a library that holds all of them', { timeout: 300_000 }, async () => {
    const store = await openTempStore();
    for (const path of FILES) await run(store, 'library.import', { path });
    const size = store.size;
    const again: Record<string, number> = {};
    for (const path of FILES) {
      const preview = await run(store, 'library.previewImport', { path });
      again[path.slice(CORPUS.length + 1)] = preview.new;
      expect((await run(store, 'library.import', { path })).added, path).toBe(preview.new);
    }
    expect(Object.entries(again).filter(([, added]) => added > 0)).toEqual([]);
    expect(store.size).toBe(size);
  });
});
