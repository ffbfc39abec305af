import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { fixture, openTempStore, run } from '../core/helpers';

describe('papers.position', () => {
  it('finds where the first of some papers stands in a list, in its order, without listing it', async () => {
    const store = await openTempStore();
    await run(store, 'library.import', { path: fixture('digest-sample.txt') });
    const report = await run(store, 'library.import', { path: fixture('five-papers.txt') });
    const byTitle = (await run(store, 'papers.ids', { status: 'inbox', sort: 'title' })).ids;
    const found = await run(store, 'papers.position', { status: 'inbox', sort: 'title', ids: report.ids });
    const first = byTitle.findIndex((id) => report.ids.includes(id));
    expect(found).toEqual({ position: first, id: byTitle[first] });
    // In another order, another first.
    const desc = await run(store, 'papers.position', {
      status: 'inbox',
      sort: 'title',
      order: 'desc',
      ids: report.ids,
    });
    expect(desc.position).toBe(byTitle.length - 1 - byTitle.findLastIndex((id) => report.ids.includes(id)));
    // Not in the list (another status): no place.
    expect(await run(store, 'papers.position', { status: 'read', ids: report.ids })).toEqual({
      position: undefined,
      id: undefined,
    });
    expect(await dispatch({ store }, 'papers.position', { status: 'inbox', ids: [] })).toMatchObject({ ok: false });
    await store.flush();
  });
});
