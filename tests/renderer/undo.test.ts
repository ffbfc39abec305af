import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { createAppStore } from '../../renderer/src/store';
import { openTempStore } from '../core/helpers';
import { inProcess } from './in-process';
import type { Status } from '../../renderer/src/store/types';

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

/** A library in a temp folder with a paper of each title (and status, if given), and the papers' ids in order. */
async function libraryOf(papers: readonly (string | { title: string; status: Status })[]) {
  const library = await openTempStore();
  const ids: string[] = [];
  for (const paper of papers) {
    const added = await dispatch(
      { store: library },
      'papers.add',
      typeof paper === 'string' ? { title: paper } : paper,
    );
    if (added.ok) ids.push((added.value as { id: string }).id);
  }
  return { library, ids };
}

/*
 * Undo in the renderer's store, against a real library on disk: where a paper comes back, where the cursor
 * goes, and what the pane shows after it.
 */
describe('undo', () => {
  it('an undone keep brings the paper back to its place in the inbox, with the cursor on it', async () => {
    const { library, ids } = await libraryOf(['First of four', 'Second of four', 'Third of four', 'Fourth of four']);
    const app = createAppStore(inProcess(library));
    const stop = app.start();
    const order = () => app.getState().papers.map((p) => p?.id);
    await until(() => order().join() === ids.join());
    app.getState().select(ids[1]);
    await app.getState().setStatus([ids[1]!], 'queued');
    expect(app.getState().selectedId).toBe(ids[2]);
    await until(() => order().join() === [ids[0], ids[2], ids[3]].join());
    await app.getState().undo();
    expect(app.getState().selectedId).toBe(ids[1]);
    await until(() => order().join() === ids.join());
    // Two papers kept at once come back each to its own place.
    await app.getState().setStatus([ids[0]!, ids[3]!], 'queued');
    await until(() => order().join() === [ids[1], ids[2]].join());
    await app.getState().undo();
    await until(() => order().join() === ids.join());
    expect(library.get(ids[3]!)?.status).toBe('inbox');
    stop();
  });

  it('an undone keep of a range picked across rows not yet loaded puts every paper back at its place', async () => {
    // More papers than the list's first page: the later rows come only when scrolled to.
    const { library, ids } = await libraryOf(Array.from({ length: 250 }, (_, i) => `Paper number ${i}`));
    const app = createAppStore(inProcess(library));
    const stop = app.start();
    await until(() => app.getState().papers.length === 250 && app.getState().papers[0] !== undefined);
    expect(app.getState().papers[200]).toBeUndefined();
    const ranks = () => ids.map((id) => library.get(id)?.rank);
    const before = ranks();
    await app.getState().setStatus([ids[1]!, ids[200]!], 'queued');
    expect(library.get(ids[200]!)?.status).toBe('queued');
    expect(ranks()).not.toEqual(before);
    await app.getState().undo();
    expect(library.get(ids[200]!)?.status).toBe('inbox');
    expect(ranks()).toEqual(before);
    stop();
  });

  it('an undo the library refuses (its paper is gone) leaves the cursor where it was', async () => {
    const { library, ids } = await libraryOf(['Kept then removed', 'Stays in the inbox', 'Also stays']);
    const app = createAppStore(inProcess(library));
    const stop = app.start();
    await until(() => app.getState().papers.length === 3);
    app.getState().select(ids[0]);
    await app.getState().setStatus([ids[0]!], 'queued');
    expect(app.getState().selectedId).toBe(ids[1]);
    // Another window removes the paper before the undo.
    expect((await dispatch({ store: library }, 'papers.remove', { ids: [ids[0]!] })).ok).toBe(true);
    await app.getState().undo();
    expect(app.getState().selectedId).toBe(ids[1]);
    expect(app.getState().error).toBeDefined();
    stop();
  });

  it("a paper's details asked twice show the later answer, whichever arrives last", async () => {
    const library = await openTempStore();
    const { id } = await dispatch({ store: library }, 'papers.add', { title: 'Asked for twice' }).then((r) =>
      r.ok ? (r.value as { id: string }) : { id: '' },
    );
    const inner = inProcess(library);
    // The first answer is made at once but held back until the second has come, as a slow connection would.
    let hold: Promise<void> | undefined;
    let release: () => void = () => undefined;
    const transport: typeof inner = {
      ...inner,
      invoke: (async (name: Parameters<typeof inner.invoke>[0], input: never) => {
        const answer = await inner.invoke(name, input);
        if (name === 'papers.get' && hold) {
          const held = hold;
          hold = undefined;
          await held;
        }
        return answer;
      }) as typeof inner.invoke,
    };
    const app = createAppStore(transport);
    const stop = app.start();
    await until(() => app.getState().papers.length === 1);
    app.getState().select(id);
    await until(() => app.getState().detail?.id === id);
    hold = new Promise<void>((resolve) => (release = resolve));
    const before = app.getState().loadDetail();
    // Another window marks it read; the details asked for after that are answered first.
    await dispatch({ store: library }, 'papers.setStatus', { ids: [id], status: 'read' });
    await app.getState().loadDetail();
    expect(app.getState().detail?.status).toBe('read');
    release();
    await before;
    expect(app.getState().detail?.status).toBe('read');
    stop();
  });

  it("an undo that brings the cursor back shows that paper's status as the undo left it", async () => {
    const { library, ids } = await libraryOf(['Started by mistake', 'The next paper', 'The one after']);
    const inner = inProcess(library);
    // Every paper's details come 50 ms after they were read, as over a busy connection.
    const transport: typeof inner = {
      ...inner,
      invoke: (async (name: Parameters<typeof inner.invoke>[0], input: never) => {
        const answer = await inner.invoke(name, input);
        if (name === 'papers.get') await new Promise((r) => setTimeout(r, 50));
        return answer;
      }) as typeof inner.invoke,
    };
    const app = createAppStore(transport);
    const stop = app.start();
    await until(() => app.getState().papers.length === 3);
    app.getState().select(ids[0]);
    await until(() => app.getState().detail?.id === ids[0]);
    await app.getState().setStatus([ids[0]!], 'reading');
    await until(() => app.getState().detail?.id === ids[1]);
    await app.getState().undo();
    await until(() => app.getState().detail?.id === ids[0]);
    await new Promise((r) => setTimeout(r, 400));
    expect(library.get(ids[0]!)?.status).toBe('inbox');
    expect(app.getState().detail?.status).toBe('inbox');
    stop();
  });

  it('u after a move in the queue order undoes the move, not an earlier change', async () => {
    const { library, ids } = await libraryOf(['Alpha', 'Beta', 'Gamma', 'Decided earlier']);
    const app = createAppStore(inProcess(library));
    const stop = app.start();
    const order = () => app.getState().papers.map((p) => p?.id);
    await until(() => order().join() === ids.join());
    await app.getState().setStatus([ids[3]!], 'read');
    await until(() => order().join() === ids.slice(0, 3).join());
    app.getState().select(ids[0]);
    await app.getState().nudge(1);
    await until(() => order().join() === [ids[1], ids[0], ids[2]].join());
    expect(app.getState().notice).toBe('Moved ‘Alpha’');
    await app.getState().undo();
    await until(() => order().join() === ids.slice(0, 3).join());
    expect(app.getState().notice).toBe('Undone: moved ‘Alpha’');
    expect(library.get(ids[3]!)?.status).toBe('read');
    // The next undo takes back the change before the move.
    await app.getState().undo();
    await until(() => order().join() === ids.join());
    stop();
  });

  it('u pressed before a move is answered undoes that move, after it', async () => {
    const { library, ids } = await libraryOf(['One', 'Two', 'Three']);
    const app = createAppStore(inProcess(library));
    const stop = app.start();
    await until(() => app.getState().papers.length === 3);
    await app.getState().setStatus([ids[2]!], 'read');
    const ranks = () => ids.slice(0, 2).map((id) => library.get(id)?.rank);
    const before = ranks();
    // No await between them: the undo is pressed while the move is on its way.
    const moving = app.getState().reorder([ids[0]!], null);
    const undoing = app.getState().undo();
    await Promise.all([moving, undoing]);
    expect(ranks()).toEqual(before);
    expect(library.get(ids[2]!)?.status).toBe('read');
    stop();
  });

  it('an undo of a move from before the queue was renumbered is refused, saying so, and moves nothing', async () => {
    const { library, ids } = await libraryOf(['One', 'Two', 'Three', 'Four']);
    const app = createAppStore(inProcess(library));
    const stop = app.start();
    await until(() => app.getState().papers.length === 4);
    await app.getState().reorder([ids[3]!], ids[0]!);
    // Elsewhere (another window, the CLI): moves into one gap until the queue is renumbered.
    const rank = library.get(ids[2]!)!.rank;
    for (let i = 0; library.get(ids[2]!)!.rank === rank; i++) {
      expect(i).toBeLessThan(200);
      await dispatch({ store: library }, 'papers.reorder', { ids: [ids[i % 2]!], before: ids[2]! });
    }
    const ranks = () => ids.map((id) => library.get(id)?.rank);
    const renumbered = ranks();
    await app.getState().undo();
    expect(app.getState().error).toMatch(/renumbered/);
    expect(ranks()).toEqual(renumbered);
    stop();
  });

  it('an undo puts back every group it can, when the library refuses one', async () => {
    const { library, ids } = await libraryOf([
      { title: 'Was in the inbox', status: 'inbox' },
      { title: 'Was being read, then removed', status: 'reading' },
    ]);
    const app = createAppStore(inProcess(library));
    const stop = app.start();
    app.getState().setView({ kind: 'status', status: 'all' });
    await until(() => app.getState().papers.length === 2);
    await app.getState().setStatus(ids, 'read');
    expect((await dispatch({ store: library }, 'papers.remove', { ids: [ids[1]!] })).ok).toBe(true);
    await app.getState().undo();
    expect(library.get(ids[0]!)?.status).toBe('inbox');
    stop();
  });

  it('a deleted highlight comes back with its comment, and the notice names it', async () => {
    const { library, ids } = await libraryOf(['Attention is all you need']);
    const made = await dispatch({ store: library }, 'annotations.add', {
      paperId: ids[0],
      target: 'title',
      start: 0,
      end: 9,
      comment: 'the key idea',
      color: 'green',
    });
    const id = made.ok ? (made.value as { id: string }).id : '';
    const app = createAppStore(inProcess(library));
    await app.getState().removeAnnotation(ids[0]!, id);
    expect(library.get(ids[0]!)?.annotations).toEqual([]);
    expect(app.getState().notice).toBe('Deleted the highlight ‘the key idea’');
    await app.getState().undo();
    expect(library.get(ids[0]!)?.annotations).toMatchObject([{ id, quote: 'Attention', comment: 'the key idea' }]);
    expect(app.getState().notice).toBe('Undone: deleted the highlight ‘the key idea’');
    expect(app.getState().undoStack).toEqual([]);
  });
});
