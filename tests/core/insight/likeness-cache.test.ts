import { cp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import { modelFor, warmModel } from '../../../electron/core/insight/library-model';
import { likenessFor } from '../../../electron/core/insight/likeness';
import { LIKENESS_CACHE_FILE_NAME } from '../../../electron/core/insight/likeness-cache';
import { signalsFor } from '../../../electron/core/insight/signals';
import type { Paper } from '../../../electron/core/schema';
import { LibraryStore } from '../../../electron/core/store/store';
import { generatedLibrary } from '../generated-library';
import { tempDir } from '../helpers';

/** The smallest library that keeps its model and likeness in files (library-model.ts). */
const PAPERS = 5000;

const library = (): Promise<{ dir: string; papers: Paper[] }> => generatedLibrary(PAPERS, 23);

/** For you's whole order with scores, once it has learnt. */
async function forYou(store: LibraryStore): Promise<{ id: string; score: number }[]> {
  for (;;) {
    const result = await call({ store }, 'insight.rank', { explain: 0 });
    if (!result.ok) throw new Error(result.error.message);
    if (!result.value.learning) return result.value.items.map(({ id, score }) => ({ id, score }));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function close(store: LibraryStore): Promise<void> {
  await store.flush();
  store.catalog.dispose();
}

/** Papers worked out whole since the likeness was made: 0 when it came from its file and nothing needed it. */
async function worked(store: LibraryStore): Promise<number> {
  const model = await modelFor(store);
  return likenessFor(model, signalsFor(store, model)).worked;
}

/** The same library opened in a copy without `drop` beside it: what a start without those caches ranks. */
async function rankedWithout(dir: string, drop: string[]): Promise<{ id: string; score: number }[]> {
  const copy = await tempDir();
  // Not the temporary file of a likeness still being written (a ranking does not wait for it).
  await cp(dir, copy, { recursive: true, filter: (path) => !path.endsWith('.tmp') });
  for (const name of drop) await rm(join(copy, name), { force: true });
  const store = await LibraryStore.open(copy);
  const ranked = await forYou(store);
  await close(store);
  return ranked;
}

describe('the likeness kept beside the library', { timeout: 120_000 }, () => {
  it('is taken at the next start with the decisions made since, and ranks as one worked out afresh', async () => {
    const { dir } = await library();
    const first = await LibraryStore.open(dir);
    await warmModel(first);
    expect(existsSync(join(dir, LIKENESS_CACHE_FILE_NAME))).toBe(true);
    // Decisions after the likeness was kept: kept, dismissed, and a kept paper sent back to the inbox.
    const inbox = [...first.all()].filter((paper) => paper.status === 'inbox');
    const queued = [...first.all()].filter((paper) => paper.status === 'queued');
    await call({ store: first }, 'papers.setStatus', { ids: inbox.slice(0, 20).map((p) => p.id), status: 'read' });
    await call({ store: first }, 'papers.setStatus', {
      ids: inbox.slice(20, 30).map((p) => p.id),
      status: 'dismissed',
    });
    await call({ store: first }, 'papers.setStatus', { ids: queued.slice(0, 10).map((p) => p.id), status: 'inbox' });
    await close(first);

    const second = await LibraryStore.open(dir);
    const ranked = await forYou(second);
    expect((await modelFor(second)).fromFile).toBe(true);
    // Only the papers the decisions touched were worked out again, not the inbox of about 2,000.
    expect(await worked(second)).toBeLessThan(300);
    await close(second);
    expect(ranked).toEqual(await rankedWithout(dir, [LIKENESS_CACHE_FILE_NAME]));
  });

  it('follows a title or abstract changed while the app was closed, even when the library keeps its size', async () => {
    const { dir } = await library();
    const first = await LibraryStore.open(dir);
    await warmModel(first);
    expect(existsSync(join(dir, LIKENESS_CACHE_FILE_NAME))).toBe(true);
    const before = await forYou(first);
    // A kept paper takes the text of the inbox paper ranked last: that one should now rank near the top.
    const last = first.get(before.at(-1)!.id)!;
    const kept = [...first.all()].find((paper) => paper.status === 'read')!;
    const edited = await call({ store: first }, 'papers.update', {
      id: kept.id,
      patch: { title: `${last.title} revisited`, abstract: last.abstract },
    });
    expect(edited.ok).toBe(true);
    // The ranking of the model that saw the change made.
    const changed = await forYou(first);
    await close(first);

    // The next start takes the kept model, finds the paper it weighed from another text, and places it again.
    const second = await LibraryStore.open(dir);
    await forYou(second);
    const model = await modelFor(second);
    await model.checked;
    const ranked = await forYou(second);
    await close(second);
    expect(ranked.findIndex((item) => item.id === last.id)).toBeLessThan(10);
    // In the order of the model that saw the change made (a rebuild from scratch weighs every paper afresh).
    const idsOf = (items: { id: string }[]): string[] => items.map((item) => item.id);
    expect(idsOf(ranked)).toEqual(idsOf(changed));
  });
});
