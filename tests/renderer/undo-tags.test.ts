import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { createAppStore } from '../../renderer/src/store';
import { openTempStore } from '../core/helpers';
import { inProcess } from './in-process';

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

async function libraryOf(titles: readonly string[]) {
  const library = await openTempStore();
  const ids: string[] = [];
  for (const title of titles) {
    const added = await dispatch({ store: library }, 'papers.add', { title });
    if (added.ok) ids.push((added.value as { id: string }).id);
  }
  return { library, ids };
}

/*
 * QA s34 item 3: tags added or removed were not on the undo stack, so `u` after them undid an older change
 * (a move in the queue) the person was no longer looking at. Against a real library on disk.
 */
describe('undo of tags', () => {
  it('undoes a tag added, then a tag removed, each back to the tags the papers had; never an older move', async () => {
    const { library, ids } = await libraryOf(['Alpha', 'Beta', 'Gamma']);
    await dispatch({ store: library }, 'papers.setStatus', { ids, status: 'queued' });
    await dispatch({ store: library }, 'tags.set', { ids: [ids[1]!], tags: ['kept'] });
    const app = createAppStore(inProcess(library));
    const stop = app.start();
    app.getState().setView({ kind: 'status', status: 'queued' });
    await until(() => app.getState().papers.length === 3 && app.getState().papers[0] !== undefined);
    const order = () => [...library.all()].sort((a, b) => a.rank - b.rank).map((p) => p.id);
    const before = order();

    // A move in the queue, then tags: the tags' undo comes first, and the move stays.
    app.getState().select(ids[2]);
    await app.getState().nudge(-1);
    const moved = order();
    expect(moved).not.toEqual(before);
    await app.getState().addTags([ids[1]!, ids[2]!], ['gpu', 'signal processing']);
    expect(library.get(ids[1]!)!.tags).toEqual(['kept', 'gpu', 'signal processing']);
    expect(app.getState().notice).toBe('Tagged 2 papers #gpu #signal processing');
    await app.getState().removeTag(ids[1]!, 'kept');
    expect(library.get(ids[1]!)!.tags).toEqual(['gpu', 'signal processing']);

    await app.getState().undo();
    expect(library.get(ids[1]!)!.tags).toEqual(['kept', 'gpu', 'signal processing']);
    expect(app.getState().notice).toMatch(/^Undone: removed #kept from /);
    expect(order()).toEqual(moved);

    await app.getState().undo();
    expect(library.get(ids[1]!)!.tags).toEqual(['kept']);
    expect(library.get(ids[2]!)!.tags).toEqual([]);
    expect(app.getState().notice).toBe('Undone: tagged 2 papers #gpu #signal processing');
    expect(order()).toEqual(moved);

    // Only now the move.
    await app.getState().undo();
    await until(() => order().join() === before.join());
    stop();
  });

  it('a tag change the library refuses is not left on the undo stack', async () => {
    const { library, ids } = await libraryOf(['Alpha']);
    const app = createAppStore(inProcess(library));
    const stop = app.start();
    await until(() => app.getState().papers.length === 1);
    await app.getState().addTags(['nosuchpaper'], ['gpu']);
    expect(app.getState().undoStack).toEqual([]);
    expect(library.get(ids[0]!)!.tags).toEqual([]);
    stop();
  });
});
