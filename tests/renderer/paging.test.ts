import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { createAppStore } from '../../renderer/src/store';
import { rankedItem } from '../../renderer/src/store/list-slice';
import { openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

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
    .papers.slice(0, 200)
    .map((p) => p?.id);
}

describe('the list a page at a time', () => {
  it('loads the first page and the count, then the pages that are shown', async () => {
    const { app, stop, ids } = await started(450);
    const { papers, total } = app.getState();
    expect(total).toBe(450);
    expect(papers[0]?.id).toBe(ids[0]);
    expect(papers[199]?.id).toBe(ids[199]);
    expect(papers[200]).toBeUndefined();

    app.getState().showRange(440, 450);
    await until(() => app.getState().papers[449] !== undefined);
    expect(
      app
        .getState()
        .papers.map((p) => p?.id)
        .slice(400),
    ).toEqual(ids.slice(400));
    stop();
  });

  it('after a change, asks again for the pages on screen and forgets the others', async () => {
    const { library, app, stop, ids } = await started(450);
    app.getState().showRange(440, 450);
    await until(() => app.getState().papers[449] !== undefined);
    app.getState().showRange(0, 12);
    await run(library, 'papers.setStatus', { ids: [ids[3]!], status: 'read' });
    await until(() => app.getState().total === 449);
    const papers = app.getState().papers;
    expect(papers[3]?.id).toBe(ids[4]);
    expect(papers[199]?.id).toBe(ids[200]);
    expect(papers[448]).toBeUndefined();
    stop();
  });

  it('picks a range across rows that have not come, and steps into them', async () => {
    const { app, stop, ids } = await started(450);
    await app.getState().rowsBetween(440, 441);
    app.getState().select(ids[2]);
    app.getState().checkRange(ids[440]!);
    await until(() => app.getState().checked.length === 439);
    expect(app.getState().checked).toEqual(ids.slice(2, 441));

    app.getState().select(ids[199]);
    app.getState().step(1);
    await until(() => app.getState().selectedId === ids[200]);
    stop();
  });

  it('a status change shows at once, and the list stays in step with the library', async () => {
    const { library, app, stop, ids } = await started(450);
    app.getState().select(ids[0]);
    const deciding = app.getState().setStatus([ids[0]!], 'queued');
    expect(app.getState().papers[0]?.id).toBe(ids[1]);
    expect(app.getState().total).toBe(449);
    expect(app.getState().selectedId).toBe(ids[1]);
    await deciding;
    await until(() => library.get(ids[0]!)?.status === 'queued');
    app.getState().showRange(440, 449);
    await until(() => app.getState().papers[448] !== undefined);
    expect(app.getState().papers.map((p) => p?.id)).toEqual(ids.slice(1));
    stop();
  });

  it('orders the inbox For you by the ranking, a page at a time', async () => {
    const calls: { name: string; input: unknown }[] = [];
    const { library, app, stop } = await started(450, calls);
    app.getState().setSort('foryou');
    await until(() => app.getState().ranking !== undefined && !app.getState().loading);
    const ranked = (await run(library, 'insight.rank', {})).items.map((item) => item.id);
    expect(app.getState().total).toBe(450);
    expect(firstPage(app)).toEqual(ranked.slice(0, 200));
    app.getState().showRange(300, 310);
    await until(() => app.getState().papers[300] !== undefined);
    expect(app.getState().papers[300]?.id).toBe(ranked[300]);
    // Nothing kept yet: the ranking carried every reason, so no page asks for its own.
    expect(calls.filter((call) => call.name === 'insight.rank')).toEqual([
      { name: 'insight.rank', input: { explain: 0 } },
    ]);
    stop();
  });

  it('takes For you without a search from the ranking alone, and with one keeps only the matching papers', async () => {
    const calls: { name: string; input: unknown }[] = [];
    const { library, app, stop, ids } = await started(450, calls);
    const graphs = Array.from({ length: 5 }, (_, i) => `@misc{g${i}, title = {Graph entry ${i} about walks}}`);
    await dispatch({ store: library }, 'library.import', { text: graphs.join('\n'), name: 'graphs.bib' });
    await run(library, 'papers.setStatus', { ids: ids.slice(0, 3), status: 'read' });
    await until(() => app.getState().total === 452 && !app.getState().loading);
    calls.length = 0;
    app.getState().setSort('foryou');
    await until(() => app.getState().ranking?.fallback === false && !app.getState().loading);
    const ranked = (await run(library, 'insight.rank', {})).items.map((item) => item.id);
    expect(app.getState().total).toBe(452);
    expect(firstPage(app)).toEqual(ranked.slice(0, 200));
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
    const { library, app, stop, ids } = await started(450);
    await run(library, 'papers.setStatus', { ids: ids.slice(0, 3), status: 'read' });
    app.getState().setSort('foryou');
    await until(() => app.getState().ranking?.fallback === false && !app.getState().loading);
    const full = (await run(library, 'insight.rank', {})).items;
    expect(firstPage(app)).toEqual(full.slice(0, 200).map((i) => i.id));
    const reasonOf = (id: string) => rankedItem(app.getState().ranking, id)?.reason;
    await until(() => reasonOf(full[199]!.id) !== undefined);
    expect(reasonOf(full[0]!.id)).toBe(full[0]!.reason);
    expect(reasonOf(full[300]!.id)).toBeUndefined();
    app.getState().showRange(300, 310);
    await until(() => reasonOf(full[300]!.id) !== undefined);
    expect(reasonOf(full[300]!.id)).toBe(full[300]!.reason);
    expect(rankedItem(app.getState().ranking, full[440]!.id)?.score).toBe(full[440]!.score);
    stop();
  });

  it("asks for a page's reasons only once its rows have come: the rows never wait behind them", async () => {
    const calls: { name: string; input: unknown }[] = [];
    const { library, app, stop, ids } = await started(450, calls);
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
