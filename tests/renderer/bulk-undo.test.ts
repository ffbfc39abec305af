import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import type { Paper } from '../../electron/core/schema';
import { LibraryStore } from '../../electron/core/store/store';
import { createAppStore } from '../../renderer/src/store';
import type { BulkWork } from '../../renderer/src/store/bulk-work';
import { LIBRARY_VERSION } from '../../electron/core/schema';
import { serializeLibrary } from '../../electron/core/store/library-file';
import { LIBRARY_FILE_NAME } from '../../electron/core/store/store';
import { makePaper, makeVocabulary } from '../../scripts/bench/data';
import { tempDir } from '../core/helpers';
import { inProcess } from './in-process';

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

/** A library of `n` papers as the bench makes them: of every status, with their histories. */
async function generatedLibrary(n: number, seed: number): Promise<LibraryStore> {
  const dir = await tempDir();
  const vocab = makeVocabulary(seed);
  const papers = Array.from({ length: n }, (_, i) => makePaper(vocab, i));
  await writeFile(join(dir, LIBRARY_FILE_NAME), serializeLibrary({ version: LIBRARY_VERSION, papers }));
  return LibraryStore.open(dir);
}

/** Each paper's status, history, rank and tags, to compare before a change and after its undo. */
const reading = (library: LibraryStore) =>
  new Map(
    [...library.all()].map((p: Paper) => [p.id, { status: p.status, history: p.history, rank: p.rank, tags: p.tags }]),
  );

/*
 * A change of many papers at once (the whole Inbox picked with Ctrl/⌘+A) in the renderer's store, against a
 * real library on disk: it says what it does until the library has done it, and its undo puts back every
 * paper as it was.
 */
describe('a change of many papers', () => {
  it('the whole inbox dismissed says so until done, and its undo gives each paper its status and place back', async () => {
    const library = await generatedLibrary(1200, 7);
    const before = reading(library);
    const app = createAppStore(inProcess(library));
    const stop = app.start();
    await until(() => app.getState().papers.length > 0 && app.getState().papers[0] !== undefined);
    const inbox = [...library.all()].filter((p) => p.status === 'inbox').map((p) => p.id);
    expect(inbox.length).toBeGreaterThan(300);
    app.getState().checkAll();
    await until(() => app.getState().checked.length === inbox.length);
    const seen: (BulkWork | undefined)[] = [];
    const unwatch = app.subscribe((state) => {
      if (state.bulkWork !== seen.at(-1)) seen.push(state.bulkWork);
    });
    expect(await app.getState().setStatus(app.getState().checked, 'dismissed')).toBe(true);
    const count = inbox.length.toLocaleString();
    expect(seen.map((work) => work?.label)).toEqual([`Dismissing ${count} papers…`, undefined]);
    for (const id of inbox) expect(library.get(id)?.status).toBe('dismissed');
    await until(() => app.getState().papers.length === 0);

    seen.length = 0;
    await app.getState().undo();
    expect(seen.map((work) => work?.label)).toEqual([`Undoing: marked ${count} papers dismissed…`, undefined]);
    await until(() => app.getState().papers.length === inbox.length);
    // Every paper as it was: the status and place it had, its history kept with the dismissal and its undo
    // recorded after it, and nothing of a paper outside the inbox touched.
    const after = reading(library);
    for (const [id, was] of before) {
      const now = after.get(id)!;
      expect(now.status).toBe(was.status);
      expect(now.rank).toBe(was.rank);
      expect(now.tags).toEqual(was.tags);
      if (!inbox.includes(id)) expect(now.history).toEqual(was.history);
      else
        expect(now.history.map((entry) => entry.status)).toEqual([
          ...was.history.map((e) => e.status),
          'dismissed',
          'inbox',
        ]);
      if (inbox.includes(id)) expect(now.history.slice(0, was.history.length)).toEqual(was.history);
    }
    unwatch();
    stop();
    await library.flush();
  });

  it('tags.set answers the tags the papers it changed had, grouped, and a bulk tag is undone exactly', async () => {
    const library = await generatedLibrary(400, 11);
    const ids = [...library.all()].map((p) => p.id);
    // Some papers carry the tag already, some another: only the others are named, by the tags they had.
    await dispatch({ store: library }, 'tags.set', { ids: ids.slice(0, 10), tags: ['bulk'] });
    await dispatch({ store: library }, 'tags.set', { ids: ids.slice(10, 30), tags: ['other'] });
    const answer = await dispatch({ store: library }, 'tags.set', { ids, tags: ['bulk'], mode: 'add' });
    expect(answer.ok && (answer.value as { before: unknown }).before).toEqual([
      { ids: ids.slice(10, 30), tags: ['other'] },
      { ids: ids.slice(30), tags: [] },
    ]);
    const before = reading(library);
    const app = createAppStore(inProcess(library));
    const stop = app.start();
    await until(() => app.getState().papers[0] !== undefined);
    const seen: (string | undefined)[] = [];
    const unwatch = app.subscribe((state) => {
      if (state.bulkWork?.label !== seen.at(-1)) seen.push(state.bulkWork?.label);
    });
    await app.getState().addTags(ids, ['more']);
    expect(seen).toEqual([`Tagging ${ids.length} papers #more…`, undefined]);
    await app.getState().undo();
    for (const [id, was] of before) {
      expect(library.get(id)?.tags).toEqual(was.tags);
    }
    unwatch();
    stop();
    await library.flush();
  });
});
