import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { ECHO_QUIET_MS, createAppStore } from '../../renderer/src/store';
import { PAGE_SIZE } from '../../renderer/src/store/list-rows';
import { rankedItem } from '../../renderer/src/store/list-slice';
import { openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

/** Pages as the list asks for them, and a library of two and a quarter of them (112 papers for pages of 50). */
const P = PAGE_SIZE;
const N = 2 * P + Math.floor(P / 4);
/** A row in the second page, past the first page's reach. */
const MIDDLE = P + P / 2;

/** A library of `n` inbox papers, and the app started on it; `calls` records each command the app sends. */
async function started(n: number, calls: { name: string; input: unknown }[] = []) {
  const library = await openTempStore();
  const bib = Array.from({ length: n }, (_, i) => `@misc{m${i}, title = {Paged entry ${i} about queues}}`).join('\n');
  await dispatch({ store: library }, 'library.import', { text: bib, name: 'paged.bib' });
  const transport = inProcess(library);
  const app = createAppStore({
    ...transport,
    invoke: (name, input) => {
      calls.push({ name, input });
      return transport.invoke(name, input);
    },
  });
  const stop = app.start();
  await until(() => app.getState().papers.length === n && !app.getState().loading);
  const ids = (await run(library, 'papers.ids', { status: 'inbox' })).ids;
  return { library, app, stop, ids };
}

/** The ids of the list's first page, as the app holds them (undefined where a row has not come). */
function firstPage(app: { getState: () => { papers: readonly ({ id: string } | undefined)[] } }) {
  return app
    .getState()
    .papers.slice(0, P)
    .map((p) => p?.id);
}

describe('the list a page at a time', () => {
  it('loads the first page and the count, then the pages that are shown', async () => {
    const { app, stop, ids } = await started(N);
    const { papers, total } = app.getState();
    expect(total).toBe(N);
    expect(papers[0]?.id).toBe(ids[0]);
    expect(papers[P - 1]?.id).toBe(ids[P - 1]);
    expect(papers[P]).toBeUndefined();

    app.getState().showRange(N - 10, N);
    await until(() => app.getState().papers[N - 1] !== undefined);
    expect(
      app
        .getState()
        .papers.map((p) => p?.id)
        .slice(2 * P),
    ).toEqual(ids.slice(2 * P));
    stop();
  });

  it('after a change, asks again for the pages on screen and forgets the others', async () => {
    const { library, app, stop, ids } = await started(N);
    app.getState().showRange(N - 10, N);
    await until(() => app.getState().papers[N - 1] !== undefined);
    app.getState().showRange(0, 12);
    await run(library, 'papers.setStatus', { ids: [ids[3]!], status: 'read' });
    await until(() => app.getState().total === N - 1);
    const papers = app.getState().papers;
    expect(papers[3]?.id).toBe(ids[4]);
    expect(papers[P - 1]?.id).toBe(ids[P]);
    expect(papers[N - 2]).toBeUndefined();
    stop();
  });

  it('a list shown with the open paper past its first page gets its row, once: a later change does not pull it back', async () => {
    const calls: { name: string; input: unknown }[] = [];
    const { library, app, stop, ids } = await started(N, calls);
    const open = ids[MIDDLE]!;
    await app.getState().rowsBetween(MIDDLE, MIDDLE + 1);
    app.getState().select(open);
    const oneRow = () =>
      calls.filter((call) => call.name === 'papers.rows' && (call.input as { limit: number }).limit === 1).length;
    const asked = oneRow();
    // Another list holding it past its first page (every title has "queues"): its row comes by itself.
    app.getState().setSearch('queues');
    const held = () => app.getState().papers.some((row) => row?.id === open);
    await until(() => !app.getState().loading && app.getState().search === 'queues' && held());
    expect(oneRow()).toBe(asked + 1);
    // Scrolled back to the top, then a change elsewhere: the refresh forgets the pages off screen, the library
    // is asked again whether the paper is in the list, and the list stays where the person left it.
    app.getState().showRange(0, 12);
    const positions = calls.filter((call) => call.name === 'papers.position').length;
    await run(library, 'papers.setStatus', { ids: [ids[N - 1]!], status: 'read' });
    await until(() => app.getState().total === N - 1 && !held());
    await until(() => calls.filter((call) => call.name === 'papers.position').length > positions);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(held()).toBe(false);
    expect(oneRow()).toBe(asked + 1);
    expect(app.getState().outside).toBeUndefined();
    // Another paper of the list opened, its row not here either (as from "More like this"): its row comes.
    const other = ids[MIDDLE + 1]!;
    expect(app.getState().papers.some((row) => row?.id === other)).toBe(false);
    app.getState().select(other);
    await until(() => app.getState().papers.some((row) => row?.id === other));
    expect(oneRow()).toBe(asked + 2);
    stop();
  });

  it('picks a range across rows that have not come, and steps into them', async () => {
    const { app, stop, ids } = await started(N);
    await app.getState().rowsBetween(N - 10, N - 9);
    app.getState().select(ids[2]);
    app.getState().checkRange(ids[N - 10]!);
    await until(() => app.getState().checked.length === N - 11);
    expect(app.getState().checked).toEqual(ids.slice(2, N - 9));

    app.getState().select(ids[P - 1]);
    app.getState().step(1);
    await until(() => app.getState().selectedId === ids[P]);
    stop();
  });

  it('Shift+End and Shift+↑ pick from where the range began across rows that have not come', async () => {
    const { app, stop, ids } = await started(N);
    // Space on the first paper, then j, j: the range begins on the third and keeps the first picked.
    app.getState().select(ids[0]);
    app.getState().toggleChecked(ids[0]!);
    app.getState().step(2);
    app.getState().stepChecking(N);
    await until(() => app.getState().checked.length === N - 1);
    expect(app.getState().selectedId).toBe(ids[N - 1]);
    expect(app.getState().checked).toEqual([ids[0], ...ids.slice(2)]);
    // Back a row: the range shrinks, over the rows that have still not come.
    app.getState().stepChecking(-1);
    await until(() => app.getState().checked.length === N - 2);
    expect(app.getState().checked).toEqual([ids[0], ...ids.slice(2, N - 1)]);
    // Past where it began: the range runs the other way.
    app.getState().stepChecking(-N);
    await until(() => app.getState().checked.length === 3);
    expect(app.getState().checked).toEqual(ids.slice(0, 3));
    expect(app.getState().selectedId).toBe(ids[0]);
    stop();
  });

  it('a status change shows at once, and the list stays in step with the library', async () => {
    const { library, app, stop, ids } = await started(N);
    app.getState().select(ids[0]);
    const deciding = app.getState().setStatus([ids[0]!], 'queued');
    expect(app.getState().papers[0]?.id).toBe(ids[1]);
    expect(app.getState().total).toBe(N - 1);
    expect(app.getState().selectedId).toBe(ids[1]);
    await deciding;
    await until(() => library.get(ids[0]!)?.status === 'queued');
    // The place the kept paper left at the first page's end is asked for once it nears the screen.
    app.getState().showRange(P - 20, P);
    await until(() => app.getState().papers[P - 1] !== undefined);
    app.getState().showRange(N - 10, N - 1);
    await until(() => app.getState().papers[N - 2] !== undefined);
    expect(app.getState().papers.map((p) => p?.id)).toEqual(ids.slice(1));
    stop();
  });

  it('counts a change at once, and asks for the list and the counts once after changes made in a row', async () => {
    const calls: { name: string; input: unknown }[] = [];
    const { library, app, stop, ids } = await started(N, calls);
    await until(() => app.getState().stats !== undefined);
    const inbox = app.getState().stats!.byStatus.inbox;
    calls.length = 0;
    for (const id of ids.slice(0, 3)) {
      const deciding = app.getState().setStatus([id], 'queued');
      // Counted before the library has it.
      expect(app.getState().stats!.byStatus.queued).toBe(ids.indexOf(id) + 1);
      await deciding;
    }
    await until(() => library.get(ids[2]!)?.status === 'queued');
    expect(app.getState().stats).toMatchObject({ byStatus: { inbox: inbox - 3, queued: 3 }, unread: inbox });
    // The three echoes came, and nothing was asked for yet: the rows and the counts here have them.
    const asked = () => calls.filter((call) => call.name === 'papers.rows' || call.name === 'stats.get');
    expect(asked()).toEqual([]);
    await until(() => asked().length === 2);
    expect(asked().map((call) => call.name)).toEqual(['papers.rows', 'stats.get']);
    await new Promise((resolve) => setTimeout(resolve, ECHO_QUIET_MS + 100));
    expect(asked()).toHaveLength(2);
    expect(app.getState().stats).toMatchObject({ byStatus: { inbox: inbox - 3, queued: 3 }, unread: inbox });

    // A change made elsewhere (here, by a command the app did not send) is followed at once.
    await run(library, 'papers.setStatus', { ids: [ids[3]!], status: 'read' });
    expect(asked().map((call) => call.name)).toEqual(['papers.rows', 'stats.get', 'papers.rows', 'stats.get']);
    await until(() => app.getState().stats!.byStatus.read === 1);
    stop();
  });

  it('follows the echo of an undo at once: the paper it brings back had no row here', async () => {
    const calls: { name: string; input: unknown }[] = [];
    const { app, stop, ids } = await started(N, calls);
    await until(() => app.getState().stats !== undefined);
    const inbox = app.getState().stats!.byStatus.inbox;
    app.getState().select(ids[0]);
    await app.getState().setStatus([ids[0]!], 'queued');
    expect(app.getState().papers[0]?.id).toBe(ids[1]);
    calls.length = 0;
    await app.getState().undo();
    // Asked for at once, not ECHO_QUIET_MS later: the paper is back in the list and counted.
    expect(calls.map((call) => call.name)).toEqual(expect.arrayContaining(['papers.rows', 'stats.get']));
    await until(() => app.getState().total === N && app.getState().stats!.byStatus.inbox === inbox);
    stop();
  });

  it('keeps the counts a change made here moved when a count asked for before it answers after it', async () => {
    const { library, app, stop, ids } = await started(N);
    await until(() => app.getState().stats !== undefined);
    const inbox = app.getState().stats!.byStatus.inbox;
    // Asked for, and a key pressed before its answer comes.
    const counting = app.getState().loadStats();
    const deciding = app.getState().setStatus([ids[0]!], 'queued');
    await counting;
    expect(app.getState().stats!.byStatus).toMatchObject({ inbox: inbox - 1, queued: 1 });
    await deciding;
    await until(() => library.get(ids[0]!)?.status === 'queued');
    await new Promise((resolve) => setTimeout(resolve, ECHO_QUIET_MS + 100));
    expect(app.getState().stats!.byStatus).toMatchObject({ inbox: inbox - 1, queued: 1 });
    stop();
  });

  it('orders the inbox For you by the ranking, a page at a time', async () => {
    const calls: { name: string; input: unknown }[] = [];
    const { library, app, stop } = await started(N, calls);
    app.getState().setSort('foryou');
    await until(() => app.getState().ranking !== undefined && !app.getState().loading);
    const ranked = (await run(library, 'insight.rank', {})).items.map((item) => item.id);
    expect(app.getState().total).toBe(N);
    expect(firstPage(app)).toEqual(ranked.slice(0, P));
    app.getState().showRange(MIDDLE, MIDDLE + 10);
    await until(() => app.getState().papers[MIDDLE] !== undefined);
    expect(app.getState().papers[MIDDLE]?.id).toBe(ranked[MIDDLE]);
    // Nothing kept yet: the ranking carried every reason, so no page asks for its own.
    expect(calls.filter((call) => call.name === 'insight.rank')).toEqual([
      { name: 'insight.rank', input: { explain: 0 } },
    ]);
    stop();
  });

  it('takes For you without a search from the ranking alone, and with one keeps only the matching papers', async () => {
    const calls: { name: string; input: unknown }[] = [];
    const { library, app, stop, ids } = await started(N, calls);
    const graphs = Array.from({ length: 5 }, (_, i) => `@misc{g${i}, title = {Graph entry ${i} about walks}}`);
    await dispatch({ store: library }, 'library.import', { text: graphs.join('\n'), name: 'graphs.bib' });
    await run(library, 'papers.setStatus', { ids: ids.slice(0, 3), status: 'read' });
    await until(() => app.getState().total === N + 2 && !app.getState().loading);
    calls.length = 0;
    app.getState().setSort('foryou');
    await until(() => app.getState().ranking?.fallback === false && !app.getState().loading);
    const ranked = (await run(library, 'insight.rank', {})).items.map((item) => item.id);
    expect(app.getState().total).toBe(N + 2);
    expect(firstPage(app)).toEqual(ranked.slice(0, P));
    // The inbox's ids are not asked for: the ranking holds them all.
    expect(calls.map((call) => call.name)).not.toContain('papers.ids');

    app.getState().setSearch('graph');
    await until(() => app.getState().total === 5 && !app.getState().loading);
    const matching = (await run(library, 'papers.ids', { status: 'inbox', text: 'graph' })).ids;
    expect(new Set(matching).size).toBe(5);
    expect(app.getState().papers.map((p) => p?.id)).toEqual(ranked.filter((id) => matching.includes(id)));
    expect(calls.filter((call) => call.name === 'papers.ids').map((call) => call.input)).toEqual([
      expect.objectContaining({ status: 'inbox', text: 'graph' }),
    ]);
    stop();
  });

  it('explains For you a page at a time: the rows that came carry their reasons, the others not yet', async () => {
    const { library, app, stop, ids } = await started(N);
    await run(library, 'papers.setStatus', { ids: ids.slice(0, 3), status: 'read' });
    app.getState().setSort('foryou');
    await until(() => app.getState().ranking?.fallback === false && !app.getState().loading);
    const full = (await run(library, 'insight.rank', {})).items;
    expect(firstPage(app)).toEqual(full.slice(0, P).map((i) => i.id));
    const reasonOf = (id: string) => rankedItem(app.getState().ranking, id)?.reason;
    await until(() => reasonOf(full[P - 1]!.id) !== undefined);
    expect(reasonOf(full[0]!.id)).toBe(full[0]!.reason);
    expect(reasonOf(full[MIDDLE]!.id)).toBeUndefined();
    app.getState().showRange(MIDDLE, MIDDLE + 10);
    await until(() => reasonOf(full[MIDDLE]!.id) !== undefined);
    expect(reasonOf(full[MIDDLE]!.id)).toBe(full[MIDDLE]!.reason);
    expect(rankedItem(app.getState().ranking, full[N - 10]!.id)?.score).toBe(full[N - 10]!.score);
    stop();
  });

  it("asks for a page's reasons only once its rows have come: the rows never wait behind them", async () => {
    const calls: { name: string; input: unknown }[] = [];
    const { library, app, stop, ids } = await started(N, calls);
    await run(library, 'papers.setStatus', { ids: ids.slice(0, 3), status: 'read' });
    calls.length = 0;
    app.getState().setSort('foryou');
    await until(() => app.getState().ranking?.fallback === false && !app.getState().loading);
    const shown = firstPage(app);
    await until(() => calls.some((call) => call.name === 'insight.rank' && 'ids' in (call.input as object)));
    const rows = calls.findIndex((call) => call.name === 'papers.rowsOf');
    const reasons = calls.findIndex((call) => call.name === 'insight.rank' && 'ids' in (call.input as object));
    expect(calls[rows]!.input).toEqual({ ids: shown });
    expect(calls[reasons]!.input).toEqual({ ids: shown });
    expect(rows).toBeLessThan(reasons);
    stop();
  });
});
