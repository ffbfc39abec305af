import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { LibraryStore } from '../../electron/core/store/store';
import { run, storeWithPapers } from './helpers';

/* The queue's commands: a paper's status and its history, its place in the queue order, and their undos. */
describe('the queue', () => {
  it('records every status change with its time, and a kept paper joins the end of the queue', async () => {
    const { store, ids } = await storeWithPapers(3);
    const t1 = new Date('2026-03-01T10:00:00Z');
    const t2 = new Date('2026-03-02T18:30:00Z');
    await run(store, 'papers.setStatus', { ids: [ids[0]!], status: 'queued' }, () => t1);
    await run(store, 'papers.setStatus', { ids: [ids[0]!], status: 'read' }, () => t2);
    const paper = await run(store, 'papers.get', { id: ids[0]! });
    expect(paper.history.slice(1)).toEqual([
      { status: 'queued', at: t1.toISOString() },
      { status: 'read', at: t2.toISOString() },
    ]);
    const again = await run(store, 'papers.setStatus', { ids: [ids[0]!], status: 'read' });
    expect(again.updated).toBe(0);

    await run(store, 'papers.setStatus', { ids: [ids[2]!, ids[1]!], status: 'queued' });
    const queue = await run(store, 'papers.list', { status: 'queued', sort: 'queue' });
    expect(queue.papers.map((p) => p.id)).toEqual([ids[2], ids[1]]);
  });

  it('an undo of a keep puts the paper back at the place it names, and no other change takes a place', async () => {
    const { store, ids } = await storeWithPapers(4);
    const inbox = async () =>
      (await run(store, 'papers.list', { status: 'inbox', sort: 'queue' })).papers.map((p) => p.id);
    const rankOf = async (id: string) => (await run(store, 'papers.get', { id })).rank;
    const [first, second] = [await rankOf(ids[0]!), await rankOf(ids[1]!)];
    // The answer names the place each paper a keep took to the end of the queue had, for an undo.
    const kept = await run(store, 'papers.setStatus', { ids: [ids[0]!, ids[1]!], status: 'queued' });
    expect(kept.ranksBefore).toEqual({ [ids[0]!]: first, [ids[1]!]: second });
    expect(await inbox()).toEqual([ids[2], ids[3]]);
    // A change that is no keep names none.
    expect((await run(store, 'papers.setStatus', { ids: [ids[0]!], status: 'reading' })).ranksBefore).toEqual({});
    await run(store, 'papers.setStatus', { ids: [ids[0]!], status: 'queued' });
    // Without its old place a paper brought back stays where keeping it put it: after every other.
    await run(store, 'papers.setStatus', { ids: [ids[1]!], status: 'inbox' });
    expect(await inbox()).toEqual([ids[2], ids[3], ids[1]]);
    await run(store, 'papers.setStatus', { ids: [ids[1]!], status: 'queued' });
    await run(store, 'papers.setStatus', {
      ids: [ids[0]!, ids[1]!],
      status: 'inbox',
      ranks: { [ids[0]!]: first, [ids[1]!]: second },
    });
    expect(await inbox()).toEqual(ids);
    // A change that does not take a paper out of the queue keeps its place, whatever ranks say.
    const before = await rankOf(ids[2]!);
    await run(store, 'papers.setStatus', { ids: [ids[2]!], status: 'read', ranks: { [ids[2]!]: -5 } });
    expect(await rankOf(ids[2]!)).toBe(before);
    await run(store, 'papers.setStatus', { ids: [ids[2]!], status: 'inbox' });

    const refused = async (input: unknown) => {
      const result = await dispatch({ store }, 'papers.setStatus', input);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      return !result.ok && result.error.issues?.[0]?.path;
    };
    // A place for a paper the change does not name, one that is no number, and one too large to add one to.
    expect(await refused({ ids: [ids[2]!], status: 'read', ranks: { [ids[3]!]: 1 } })).toBe('ranks');
    expect(await refused({ ids: [ids[2]!], status: 'read', ranks: { [ids[2]!]: Infinity } })).toMatch(/^ranks/);
    expect(await refused({ ids: [ids[2]!], status: 'read', ranks: { [ids[2]!]: 2 ** 60 } })).toMatch(/^ranks/);
    expect(await inbox()).toEqual(ids);
  });

  it('reorders the queue: before a paper, and to the end', async () => {
    const { store, ids } = await storeWithPapers(4);
    const order = async () => (await run(store, 'papers.list', { sort: 'queue' })).papers.map((p) => p.id);
    await run(store, 'papers.reorder', { ids: [ids[3]!, ids[2]!], before: ids[0]! });
    expect(await order()).toEqual([ids[3], ids[2], ids[0], ids[1]]);
    await run(store, 'papers.reorder', { ids: [ids[3]!], before: null });
    expect(await order()).toEqual([ids[2], ids[0], ids[1], ids[3]]);
    // Many moves into the same gap exhaust float precision; ranks are renumbered and order still holds.
    for (let i = 0; i < 80; i++) await run(store, 'papers.reorder', { ids: [ids[i % 2 ? 1 : 3]!], before: ids[0]! });
    expect(await order()).toEqual([ids[2], ids[3], ids[1], ids[0]]);
  });

  it('an undo of a move puts each paper back at its place, also when the move renumbered the queue', async () => {
    const { store, ids } = await storeWithPapers(4);
    const order = async () => (await run(store, 'papers.list', { sort: 'queue' })).papers.map((p) => p.id);
    const rankOf = async (id: string) => (await run(store, 'papers.get', { id })).rank;
    const start = await order();
    const moved = await run(store, 'papers.reorder', { ids: [ids[3]!, ids[1]!], before: ids[0]! });
    expect(await order()).toEqual([ids[3], ids[1], ids[0], ids[2]]);
    expect(Object.keys(moved.ranksBefore).sort()).toEqual([ids[1], ids[3]].sort());
    await run(store, 'papers.reorder', { ranks: moved.ranksBefore });
    expect(await order()).toEqual(start);
    // Moves into one gap until it is too narrow and every rank is renumbered; each move's undo still puts back
    // the order it found.
    let renumbered = 0;
    for (let i = 0; i < 80; i++) {
      const [found, other] = [await order(), await rankOf(ids[2]!)];
      const move = { ids: [ids[i % 2 ? 1 : 3]!], before: ids[0]! };
      const { ranksBefore } = await run(store, 'papers.reorder', move);
      if ((await rankOf(ids[2]!)) !== other) renumbered++;
      await run(store, 'papers.reorder', { ranks: ranksBefore });
      expect(await order()).toEqual(found);
      await run(store, 'papers.reorder', move);
    }
    expect(renumbered).toBeGreaterThan(0);
    const refused = async (input: unknown, code: string) =>
      expect(await dispatch({ store }, 'papers.reorder', input)).toMatchObject({ ok: false, error: { code } });
    await refused({ ranks: {} }, 'INVALID_INPUT');
    await refused({ ranks: { [ids[0]!]: Infinity } }, 'INVALID_INPUT');
    await refused({ ranks: { [ids[0]!]: 1 }, before: null }, 'INVALID_INPUT');
    // Each refusal says which two ways there are, and what is missing.
    const said = async (input: unknown) => {
      const result = await dispatch({ store }, 'papers.reorder', input);
      return result.ok ? 'accepted' : result.error.message;
    };
    expect(await said({ ranks: { [ids[0]!]: 1 }, ids: [ids[0]!], before: null })).toBe(
      'Invalid input for papers.reorder: ids: give either ids and before (a move) or ranks (an undo of a move), not both',
    );
    expect(await said({ ids: [ids[0]!] })).toBe(
      'Invalid input for papers.reorder: before: required: the paper to move them before, or null for the end',
    );
    expect(await said({})).toMatch(/ids: required: the papers to move .*; before: required/);
    await refused({ ranks: { nosuchpaper: 1 } }, 'NOT_FOUND');
    // A key named __proto__ (which a record would drop, leaving nothing named) is refused, not ignored.
    await refused({ ranks: JSON.parse('{"__proto__": 1}') as unknown }, 'INVALID_INPUT');
    const proto = JSON.parse(`{"ids": ["${ids[0]!}"], "status": "inbox", "ranks": {"__proto__": 1}}`) as unknown;
    expect(await dispatch({ store }, 'papers.setStatus', proto)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    // An id sync merged away names the paper it became: that paper takes the place, and the library still opens.
    store.aliasOf = (id) => (id === 'mergedaway' ? ids[2] : undefined);
    await run(store, 'papers.reorder', { ranks: { mergedaway: -1 } });
    expect(await rankOf(ids[2]!)).toBe(-1);
    expect((await order())[0]).toBe(ids[2]);
    await store.flush();
    expect((await LibraryStore.open(store.dataDir)).get(ids[2]!)?.rank).toBe(-1);
  });

  it('an undo from before a renumbering of the queue is refused (a move) or leaves the place (a keep), never misplaces', async () => {
    const { store, ids } = await storeWithPapers(5);
    const order = async () => (await run(store, 'papers.list', { sort: 'queue' })).papers.map((p) => p.id);
    const rankOf = async (id: string) => (await run(store, 'papers.get', { id })).rank;
    await run(store, 'papers.setStatus', { ids: [ids[0]!, ids[1]!, ids[2]!], status: 'queued' });
    // A keep and a move whose undos wait (a person's undo stack), then moves into one gap until it renumbers.
    const keep = await run(store, 'papers.setStatus', { ids: [ids[3]!], status: 'queued' });
    const move = await run(store, 'papers.reorder', { ids: [ids[2]!], before: ids[0]! });
    const [rankBefore] = [await rankOf(ids[1]!)];
    for (let i = 0; (await rankOf(ids[1]!)) === rankBefore; i++) {
      expect(i).toBeLessThan(200);
      await run(store, 'papers.reorder', { ids: [ids[i % 2 ? 4 : 0]!], before: ids[1]! });
    }
    const renumbered = await order();
    const refusal = await dispatch({ store }, 'papers.reorder', { ranks: move.ranksBefore, numbering: move.numbering });
    expect(refusal).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: /renumbered/ } });
    expect(await order()).toEqual(renumbered);
    // The keep's undo takes the paper back to the inbox, at the place it has now: not at a number of the old numbering.
    const rank = await rankOf(ids[3]!);
    await run(store, 'papers.setStatus', {
      ids: [ids[3]!],
      status: 'inbox',
      ranks: keep.ranksBefore,
      numbering: keep.numbering,
    });
    expect(await rankOf(ids[3]!)).toBe(rank);
    // In the numbering it was given in, an undo puts back (the case before, with the numbering sent).
    await run(store, 'papers.setStatus', { ids: [ids[3]!], status: 'queued' });
    const found = await order();
    const fresh = await run(store, 'papers.reorder', { ids: [ids[3]!], before: ids[2]! });
    expect(await order()).not.toEqual(found);
    await run(store, 'papers.reorder', { ranks: fresh.ranksBefore, numbering: fresh.numbering });
    expect(await order()).toEqual(found);
    expect(await dispatch({ store }, 'papers.reorder', { ids: [ids[0]!], before: null, numbering: 'x' })).toMatchObject(
      { ok: false, error: { code: 'INVALID_INPUT', message: /numbering: only with ranks/ } },
    );
  });
});
