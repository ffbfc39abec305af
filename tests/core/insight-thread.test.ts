import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { modelFor } from '../../electron/core/insight/library-model';
import { TextModel } from '../../electron/core/insight/model';
import { buildInThread, modelThreadReports } from '../../electron/core/insight/worker-model';
import { LibraryStore } from '../../electron/core/store/store';
import { generatedLibrary } from './generated-library';

/** A library of `n` generated papers, opened from its file. */
async function library(n: number): Promise<LibraryStore> {
  return LibraryStore.open((await generatedLibrary(n, 11)).dir);
}

const bytes = (part: ArrayBufferView): Buffer => Buffer.from(part.buffer, part.byteOffset, part.byteLength);

describe('the relevance model built in a worker thread', { timeout: 60_000 }, () => {
  it('is the model this thread builds, array for array, built at a lower priority', async () => {
    const store = await library(400);
    const state = await buildInThread(store, undefined);
    expect(state?.builtInThread).toBe(true);
    const here = new TextModel(store);
    await here.update();
    const built = here.state()!;
    expect(state!.ids).toEqual(built.papers.map((paper) => paper!.id));
    expect(state!.docs).toBe(built.docs);
    const thread = [state!.df, state!.terms, state!.weights, ...Object.values(state!.index)];
    const mine = [built.df, built.terms, built.weights, ...Object.values(built.index)];
    // Byte for byte (toEqual reads a large typed array element by element, for minutes).
    expect(thread.map((part) => bytes(part).length)).toEqual(mine.map((part) => bytes(part).length));
    thread.forEach((part, i) => expect(bytes(part).equals(bytes(mine[i]!))).toBe(true));
    const report = modelThreadReports.get(store)!;
    if (process.platform === 'linux') expect(report.priority).toBeGreaterThan(getPriority());
    store.catalog.dispose();
  });

  it('For you says it is still learning until the model is in, then ranks with it', async () => {
    // The smallest library whose model is built in a thread (and kept in a file): library-model.ts.
    const store = await library(5000);
    const inbox = [...store.all()].filter((paper) => paper.status === 'inbox');
    await call({ store }, 'papers.setStatus', { ids: [inbox[0]!.id, inbox[1]!.id], status: 'queued' });
    const first = await call({ store }, 'insight.rank', { explain: 10 });
    if (!first.ok) throw new Error(first.error.message);
    expect(first.value).toMatchObject({ fallback: true, learning: true });
    expect(first.value.summary).toMatch(/still learning your taste/i);
    // Import order meanwhile, every inbox paper there.
    expect(first.value.items.map((item) => item.id)).toEqual(inbox.slice(2).map((paper) => paper.id));

    const model = await modelFor(store);
    expect(model.fromThread).toBe(true);
    const ranked = await call({ store }, 'insight.rank', { explain: 10 });
    if (!ranked.ok) throw new Error(ranked.error.message);
    expect(ranked.value.learning).toBeUndefined();
    expect(ranked.value.fallback).toBe(false);
    expect(ranked.value.summary).toMatch(/^Ranked by likeness to /);
    store.catalog.dispose();
  });
});
