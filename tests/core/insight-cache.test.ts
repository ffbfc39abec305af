import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { modelFor, prefetchModel } from '../../electron/core/insight/library-model';
import { MODEL_CACHE_FILE_NAME } from '../../electron/core/insight/model-cache';
import { TermWeights } from '../../electron/core/insight/weigh';
import type { Paper } from '../../electron/core/schema';
import { LibraryStore } from '../../electron/core/store/store';
import { generatedLibrary } from './generated-library';
import { tempDir } from './helpers';

/** The smallest library that keeps its model in a file (library-model.ts), as the bench generates them. */
const PAPERS = 5000;

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

/**
 * A first start of a new library, made once for the file's tests (the model's build in its thread is most of their
 * time): For you's ranking once it has learnt, how its model came, and the folder as the start left it, the
 * model's file written, which each test starts again from a copy of.
 */
let started: { folder: string; papers: Paper[]; ranked: unknown; fromFile: boolean; fromThread: boolean };

beforeAll(async () => {
  const { dir, papers } = await generatedLibrary(PAPERS, 7);
  const first = await LibraryStore.open(dir);
  const ranked = await forYou(first);
  const { fromFile, fromThread } = await modelFor(first);
  await fileWritten(join(dir, MODEL_CACHE_FILE_NAME));
  await first.flush();
  first.catalog.dispose();
  // The likeness the ranking kept, still being written (a ranking does not wait for it): each cache is written
  // under a temporary name, then renamed.
  for (let i = 0; i < 200 && (await readdir(dir)).some((name) => name.endsWith('.tmp')); i++)
    await new Promise((resolve) => setTimeout(resolve, 50));
  // Kept apart: the generated folder is removed after the first test, as every tempDir.
  const folder = await mkdtemp(join(tmpdir(), 'paperqueue-test-'));
  await cp(dir, folder, { recursive: true, filter: (path) => !path.endsWith('.tmp') });
  started = { folder, papers, ranked, fromFile, fromThread };
}, 120_000);

afterAll(async () => {
  if (started) await rm(started.folder, { recursive: true, force: true, maxRetries: 5 });
});

/** The folder the first start left, copied for one test: its next start. */
async function afterFirstStart(): Promise<{ dir: string; path: string }> {
  const dir = await tempDir();
  await cp(started.folder, dir, { recursive: true });
  return { dir, path: join(dir, MODEL_CACHE_FILE_NAME) };
}

describe('the relevance model kept beside the library', () => {
  it('is taken from its file at the next start and ranks exactly as the model it kept', async () => {
    // The first start built its model in a thread (there was no file to read) and kept it in its file.
    expect(started.fromFile).toBe(false);
    expect(started.fromThread).toBe(true);
    const { dir, path } = await afterFirstStart();
    expect(existsSync(path)).toBe(true);

    const second = await LibraryStore.open(dir);
    expect(await forYou(second)).toEqual(started.ranked);
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
    // Edited while the model's file was not looking (another device, the CLI): its slot was weighed from the
    // old text. The new abstract is another paper's, word for word, so that paper becomes its nearest.
    const [edited, twin] = [started.papers[10]!, started.papers[4000]!];
    const similar = async (store: LibraryStore): Promise<string | undefined> => {
      const result = await call({ store }, 'insight.similar', { id: edited.id, limit: 1 });
      if (!result.ok) throw new Error(result.error.message);
      return result.value.items[0]?.id;
    };
    // Not its nearest before (in a copy of its own: the folder edited next is opened with no model at all).
    const before = await LibraryStore.open((await afterFirstStart()).dir);
    expect(await similar(before)).not.toBe(twin.id);
    await before.flush();
    before.catalog.dispose();
    const { dir } = await afterFirstStart();
    const cli = await LibraryStore.open(dir);
    const update = await call({ store: cli }, 'papers.update', { id: edited.id, patch: { abstract: twin.abstract } });
    expect(update.ok).toBe(true);
    const second = await reopen(dir, cli);
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
    const { dir, path } = await afterFirstStart();

    // Read (in a worker thread) before the library opens: the file gone afterwards, the model is still its.
    await prefetchModel(dir);
    await rename(path, `${path}.away`);
    const second = await LibraryStore.open(dir);
    expect(await forYou(second)).toEqual(started.ranked);
    expect((await modelFor(second)).fromFile).toBe(true);
    second.catalog.dispose();
  });

  it('is not used when the file is damaged', async () => {
    const { dir, path } = await afterFirstStart();

    const good = await readFile(path);
    const flipped = Buffer.from(good);
    flipped[Math.floor(flipped.length / 2)]! ^= 0x40;
    await writeFile(path, flipped);
    const second = await LibraryStore.open(dir);
    expect(await forYou(second)).toEqual(started.ranked);
    expect((await modelFor(second)).fromFile).toBe(false);
    second.catalog.dispose();
  });
});
