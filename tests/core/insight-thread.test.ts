import { getPriority } from 'node:os';
import { describe, expect, it, onTestFinished } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { foreground } from '../../electron/core/foreground';
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

  it('For you ranks by the titles until the model is in, saying so, then as if it had never done so', async () => {
    // As a process that serves pages (browser mode, the desktop window): a one-shot command waits for the model.
    foreground.servesPages = true;
    onTestFinished(() => {
      foreground.servesPages = false;
    });
    // The smallest library whose model is built in a thread (and kept in a file): library-model.ts.
    const store = await library(5000);
    const inbox = [...store.all()].filter((paper) => paper.status === 'inbox');
    await call({ store }, 'papers.setStatus', { ids: [inbox[0]!.id, inbox[1]!.id], status: 'queued' });
    const first = await call({ store }, 'insight.rank', { explain: 10 });
    if (!first.ok) throw new Error(first.error.message);
    // Ranked (not the import order of a fallback), and still learning: the page asks again until the model is in.
    expect(first.value).toMatchObject({ fallback: false, learning: true });
    expect(first.value.summary).toMatch(
      /^Ranked for now by the titles of [\d,]+ papers .*refining with their abstracts/,
    );
    expect(first.value.summary).not.toMatch(/still learning/i);
    const ids = first.value.items.map((item) => item.id);
    expect([...ids].sort()).toEqual(
      inbox
        .slice(2)
        .map((paper) => paper.id)
        .sort(),
    );
    expect(ids).not.toEqual(inbox.slice(2).map((paper) => paper.id));
    expect(first.value.items[0]!.reason).toMatch(/^Close to /);
    // A page's reasons, asked by id meanwhile, come from the same first model.
    const page = await call({ store }, 'insight.rank', { ids: ids.slice(0, 5) });
    if (!page.ok) throw new Error(page.error.message);
    expect(page.value.learning).toBe(true);
    expect(page.value.items.map((item) => item.id)).toEqual(ids.slice(0, 5));

    const model = await modelFor(store);
    expect(model.fromThread).toBe(true);
    const ranked = await call({ store }, 'insight.rank', { explain: 10 });
    if (!ranked.ok) throw new Error(ranked.error.message);
    expect(ranked.value.learning).toBeUndefined();
    expect(ranked.value.fallback).toBe(false);
    expect(ranked.value.summary).toMatch(/^Ranked by likeness to /);

    // The same library and decisions, For you first asked once its model is in: the same ranking.
    const other = await library(5000);
    await call({ store: other }, 'papers.setStatus', { ids: [inbox[0]!.id, inbox[1]!.id], status: 'queued' });
    await modelFor(other);
    const direct = await call({ store: other }, 'insight.rank', { explain: 10 });
    if (!direct.ok) throw new Error(direct.error.message);
    expect(ranked.value).toEqual(direct.value);
    store.catalog.dispose();
    other.catalog.dispose();
  });
});
