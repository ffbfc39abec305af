import { describe, expect, it } from 'vitest';
import { createPaper } from '../../../electron/core/paper';
import { LibraryStore } from '../../../electron/core/store/store';
import { detachSync, setUpSync } from '../../../electron/core/sync/attach';
import { run, tempDir } from '../helpers';
import { T0, draft } from './helpers';

describe("a sync's work on what it read", () => {
  it('starts in a turn of the event loop after the one that took the read in', async () => {
    // The folder's read arrives from its thread as messages taken apart in one turn of the loop (10,000 changes:
    // about 20 ms). Were the view's first slice run in that same turn, the two would add up to one long block.
    const [laptopDir, deskDir, shared] = await Promise.all([tempDir(), tempDir(), tempDir()]);
    const laptop = await LibraryStore.open(laptopDir);
    const at = new Date(T0).toISOString();
    for (let i = 0; i < 30; i++)
      laptop.insert(
        createPaper(
          draft(`A paper numbered ${i} on turns`),
          { format: 'bibtex', name: 'a.bib', importedAt: at },
          i + 1,
          at,
        ),
      );
    await laptop.persist();
    await setUpSync(laptop, shared, 'Laptop');
    const desk = await LibraryStore.open(deskDir);
    const session = await setUpSync(desk, shared, 'Desk');
    await run(laptop, 'tags.set', { ids: [...laptop.all()].map((paper) => paper.id), tags: ['turned'] });
    await detachSync(laptop);

    const replica = await session.loaded();
    const read = session.readFolder.bind(session);
    let nextTurn = false;
    session.readFolder = async (known) => {
      const got = await read(known);
      nextTurn = false;
      setImmediate(() => (nextTurn = true));
      return got;
    };
    const build = replica.view.build.bind(replica.view);
    const turnAtBuild: boolean[] = [];
    replica.view.build = (deadline) => {
      turnAtBuild.push(nextTurn);
      return build(deadline);
    };
    await session.syncNow();
    expect(turnAtBuild[0]).toBe(true);
    for (const paper of desk.all()) expect(paper.tags).toEqual(['turned']);
    await detachSync(desk);
    await Promise.all([laptop.flush(), desk.flush()]);
  });
});
