import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../../electron/core/schema';
import { LibraryStore } from '../../../electron/core/store/store';
import { detachSync, setUpSync } from '../../../electron/core/sync/attach';
import type { SyncSession } from '../../../electron/core/sync/session';
import { titleKey } from '../../../electron/core/text';
import { run, tempDir } from '../helpers';

// The real inputs live in ../shared beside the project; a clone without them skips.
const SHARED = join(import.meta.dirname, '..', '..', '..', '..', 'shared');
const RIS = join(SHARED, 'corpus', 'ris', 'asreview-empty-values.ris');
const BIB = join(SHARED, 'corpus', 'bibtex', 'jabref-crossref.bib');
const PDF = join(SHARED, 'pdfs', 'empty.pdf');

type Machine = { store: LibraryStore; session: SyncSession };

/** Two machines, each with its own data folder, set up on one shared folder before either imports anything. */
async function twoMachines(): Promise<[Machine, Machine, () => Promise<void>]> {
  const [shared, a, b] = await Promise.all([tempDir(), tempDir(), tempDir()]);
  const machines: Machine[] = [];
  for (const [dir, name] of [
    [a, 'Laptop'],
    [b, 'Desk'],
  ] as const) {
    const store = await LibraryStore.open(dir);
    machines.push({ store, session: await setUpSync(store, shared, name) });
  }
  const close = async () => {
    for (const { store } of machines) {
      await detachSync(store);
      await store.flush();
    }
  };
  return [machines[0]!, machines[1]!, close];
}

/** Each machine syncs, then the first again, so both have read everything. */
async function syncBoth(left: Machine, right: Machine): Promise<void> {
  await left.session.syncNow();
  await right.session.syncNow();
  await left.session.syncNow();
}

const papers = (store: LibraryStore): Paper[] => [...store.all()];
const byId = (store: LibraryStore): Paper[] => papers(store).sort((a, b) => (a.id < b.id ? -1 : 1));
const titled = (store: LibraryStore, title: string): Paper[] => papers(store).filter((paper) => paper.title === title);

describe.skipIf(!existsSync(SHARED))('the same paper imported on two machines before either synced', () => {
  it('is one paper after sync when its title identifies nothing: found by its citation key and title', async () => {
    const [left, right, close] = await twoMachines();
    for (const path of [RIS, BIB]) {
      await run(left.store, 'library.import', { path });
      await run(right.store, 'library.import', { path });
    }
    const imported = left.store.size;
    // The short and missing titles of these files: what only the key and title tell apart.
    expect(papers(left.store).filter((paper) => !titleKey(paper.title)).length).toBeGreaterThanOrEqual(3);
    const [mine] = titled(left.store, 'Paper title');
    const [theirs] = titled(right.store, 'Paper title');
    expect(mine!.id).not.toBe(theirs!.id);
    // Each machine does something of its own to its copy before they sync.
    await run(left.store, 'notes.save', { id: mine!.id, note: 'Written on the laptop.' });
    await run(left.store, 'tags.set', { ids: [mine!.id], tags: ['laptop'], mode: 'add' });
    await run(right.store, 'papers.setStatus', { ids: [theirs!.id], status: 'read' });
    await run(right.store, 'annotations.add', {
      paperId: theirs!.id,
      target: 'title',
      start: 0,
      end: 5,
      quote: 'Paper',
      comment: 'from the desk',
    });

    await syncBoth(left, right);

    expect(left.store.size).toBe(imported);
    expect(right.store.size).toBe(imported);
    expect(byId(right.store).map((paper) => paper.id)).toEqual(byId(left.store).map((paper) => paper.id));
    const [one, ...none] = titled(left.store, 'Paper title');
    expect(none).toEqual([]);
    expect([mine!.id, theirs!.id]).toContain(one!.id);
    expect(one).toMatchObject({ note: 'Written on the laptop.', status: 'read', tags: ['laptop'] });
    expect(one!.annotations.map((a) => a.comment)).toEqual(['from the desk']);
    expect(titled(right.store, 'Paper title')).toEqual([one]);
    // The other machine's id still reaches it.
    expect((await run(left.store, 'papers.get', { id: theirs!.id })).id).toBe(one!.id);
    await close();
  }, 60_000);

  it('is one paper after sync when both attached the same PDF, whatever its titles say', async () => {
    const [left, right, close] = await twoMachines();
    await run(left.store, 'library.import', { path: PDF });
    await run(right.store, 'library.import', { path: PDF });
    const [mine] = papers(left.store);
    const [theirs] = papers(right.store);
    expect(mine!.attachments![0]!.hash).toBe(theirs!.attachments![0]!.hash);
    // One machine gave it a real title: only the PDF's checksum says they are one paper.
    await run(left.store, 'papers.update', { id: mine!.id, patch: { title: 'An Empty Document, Retitled by Hand' } });
    await run(right.store, 'notes.save', { id: theirs!.id, note: 'Nothing in it.' });

    await syncBoth(left, right);

    expect(papers(left.store)).toHaveLength(1);
    expect(papers(right.store)).toEqual(papers(left.store));
    expect(papers(left.store)[0]).toMatchObject({
      title: 'An Empty Document, Retitled by Hand',
      note: 'Nothing in it.',
    });
    await close();
  }, 60_000);
});
