import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { modelFor, warmModel } from '../../electron/core/insight/library-model';
import { likenessFor } from '../../electron/core/insight/likeness';
import { MODEL_CACHE_FILE_NAME } from '../../electron/core/insight/model-cache';
import { signalsFor } from '../../electron/core/insight/signals';
import { LibraryStore } from '../../electron/core/store/store';
import { generatedLibrary } from './generated-library';

/** A folder holding a library of `n` generated papers. */
async function libraryDir(n: number): Promise<string> {
  return (await generatedLibrary(n, 17)).dir;
}

async function ranking(store: LibraryStore) {
  const ranked = await call({ store }, 'insight.rank', { explain: 20 });
  if (!ranked.ok) throw new Error(ranked.error.message);
  return ranked.value;
}

describe('a large library started by the server', { timeout: 60_000 }, () => {
  it('has every inbox paper scored once its model is in, before For you asks, ranked as a first ranking would', async () => {
    // The smallest library whose model is started with the server (library-model.ts).
    const dir = await libraryDir(5000);
    const store = await LibraryStore.open(dir);
    await warmModel(store);
    const model = await modelFor(store);
    const likeness = likenessFor(model, signalsFor(store, model));
    const inbox = [...store.all()].filter((paper) => paper.status === 'inbox');
    expect(inbox.length).toBeGreaterThan(1000);
    const unscored = inbox.filter((paper) => !likeness.known(model.slot(paper.id)!));
    expect(unscored.map((paper) => paper.id)).toEqual([]);
    const warmed = await ranking(store);
    expect(warmed.fallback).toBe(false);
    expect(warmed.learning).toBeUndefined();
    expect(warmed.items.map((item) => item.id).sort()).toEqual(inbox.map((paper) => paper.id).sort());
    await store.flush();
    store.catalog.dispose();

    // The same library opened again, its model read from the file, nothing worked out before For you asks.
    expect(existsSync(join(dir, MODEL_CACHE_FILE_NAME))).toBe(true);
    const again = await LibraryStore.open(dir);
    expect((await modelFor(again)).fromFile).toBe(true);
    expect(await ranking(again)).toEqual(warmed);
    again.catalog.dispose();
  });
});
