import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { modelFor, prefetchModel } from '../../electron/core/insight/library-model';
import { MODEL_CACHE_FILE_NAME } from '../../electron/core/insight/model-cache';
import { TermWeights } from '../../electron/core/insight/weigh';
import type { Paper } from '../../electron/core/schema';
import { LibraryStore } from '../../electron/core/store/store';
import { generatedLibrary } from './generated-library';

/** The smallest library that keeps its model in a file (library-model.ts), as the bench generates them. */
const PAPERS = 5000;

const library = (): Promise<{ dir: string; papers: Paper[] }> => generatedLibrary(PAPERS, 7);

/** For you's order and its first page's reasons, once it has learnt (its model built in a thread or read). */
async function forYou(store: LibraryStore): Promise<unknown> {
  for (;;) {
    const result = await call({ store }, 'insight.rank', { explain: 30 });
    if (!result.ok) throw new Error(result.error.message);
    if (!result.value.learning) return result.value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function fileWritten(path: string): Promise<void> {
  for (let i = 0; i < 600 && !existsSync(path); i++) await new Promise((resolve) => setTimeout(resolve, 50));
}

async function reopen(dir: string, close: LibraryStore): Promise<LibraryStore> {
  await close.flush();
  close.catalog.dispose();
  return LibraryStore.open(dir);
}

/** A first start of a new library: For you's ranking once it has learnt, and the model's file written. */
async function firstStart(): Promise<{
  dir: string;
  papers: Paper[];
  path: string;
  first: LibraryStore;
  ranked: unknown;
}> {
  const { dir, papers } = await library();
  const path = join(dir, MODEL_CACHE_FILE_NAME);
  const first = await LibraryStore.open(dir);
  const ranked = await forYou(first);
  await fileWritten(path);
  return { dir, papers, path, first, ranked };
}

describe('the relevance model kept beside the library', () => {
  it('is taken from its file at the next start and ranks exactly as the model it kept', async () => {
    const { dir } = await library();
    const path = join(dir, MODEL_CACHE_FILE_NAME);
    const first = await LibraryStore.open(dir);
    const ranked = await forYou(first);
    expect((await modelFor(first)).fromFile).toBe(false);
    expect((await modelFor(first)).fromThread).toBe(true);
    await fileWritten(path);
    expect(existsSync(path)).toBe(true);

    const second = await reopen(dir, first);
    expect(await forYou(second)).toEqual(ranked);
    expect((await modelFor(second)).fromFile).toBe(true);

    // A decision made after the start moves the paper out of For you, as with a model built here.
    const inbox = [...second.all()].filter((paper) => paper.status === 'inbox');
    await call({ store: second }, 'papers.setStatus', { ids: [inbox[0]!.id], status: 'read' });
    const after = (await forYou(second)) as { items: { id: string }[] };
    expect(after.items.map((item) => item.id)).not.toContain(inbox[0]!.id);
    expect(after.items).toHaveLength(inbox.length - 1);
    second.catalog.dispose();
  });

  it('is taken though a paper has another abstract since, and weighs that paper again once it finds it', async () => {
    const { dir, papers, first } = await firstStart();

    // Edited while the model's file was not looking (another device, the CLI): its slot was weighed from the
    // old text. The new abstract is another paper's, word for word, so that paper becomes its nearest.
    const [edited, twin] = [papers[10]!, papers[4000]!];
    const similar = async (store: LibraryStore): Promise<string | undefined> => {
      const result = await call({ store }, 'insight.similar', { id: edited.id, limit: 1 });
      if (!result.ok) throw new Error(result.error.message);
      return result.value.items[0]?.id;
    };
    expect(await similar(first)).not.toBe(twin.id);
    const update = await call({ store: first }, 'papers.update', { id: edited.id, patch: { abstract: twin.abstract } });
    expect(update.ok).toBe(true);
    const second = await reopen(dir, first);
    await forYou(second);
    const model = await modelFor(second);
    expect(model.fromFile).toBe(true);
    // The check runs once nothing waits for it, in slices.
    let nearest = await similar(second);
    for (const until = Date.now() + 20_000; nearest !== twin.id && Date.now() < until;) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      nearest = await similar(second);
    }
    expect(nearest).toBe(twin.id);
    expect(model.fromFile).toBe(true);
    // Its new text is counted in the document frequencies; its old one, which the file's counts hold and the model
    // no longer has, stays counted until a rebuild (taking the new text out instead left the new words uncounted).
    const expected = new TermWeights();
    for (const paper of second.all()) expected.count(paper, 1);
    expected.count(edited, 1);
    const { weighing } = model as unknown as { weighing: TermWeights };
    expect(Buffer.from(weighing.frequencies.buffer).equals(Buffer.from(expected.frequencies.buffer))).toBe(true);
    expect(weighing.overflow()).toEqual(expected.overflow());
    second.catalog.dispose();
  });

  it('is read before the library opens when a start asks for it (prefetchModel), and taken from that read', async () => {
    const { dir, path, first, ranked } = await firstStart();
    await first.flush();
    first.catalog.dispose();

    // Read (in a worker thread) before the library opens: the file gone afterwards, the model is still its.
    await prefetchModel(dir);
    await rename(path, `${path}.away`);
    const second = await LibraryStore.open(dir);
    expect(await forYou(second)).toEqual(ranked);
    expect((await modelFor(second)).fromFile).toBe(true);
    second.catalog.dispose();
  });

  it('is not used when the file is damaged', async () => {
    const { dir, path, first, ranked: fresh } = await firstStart();

    const good = await readFile(path);
    const flipped = Buffer.from(good);
    flipped[Math.floor(flipped.length / 2)]! ^= 0x40;
    await writeFile(path, flipped);
    const second = await reopen(dir, first);
    expect(await forYou(second)).toEqual(fresh);
    expect((await modelFor(second)).fromFile).toBe(false);
    second.catalog.dispose();
  });
});
