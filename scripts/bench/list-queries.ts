import { call, type DispatchOptions } from '../../electron/core/dispatch';
import { queryPage, type ListQuery } from '../../electron/core/query';
import type { LibraryStore } from '../../electron/core/store/store';
import type { SizeResult } from './measure';
import { median, round, timed, unwrap } from './timing';

/**
 * The list's queries besides search, on a store whose index is ready: a filter with a sort (the first call
 * builds the title order, later ones reuse it), the other orders, and `papers.position` (where the list
 * goes after an import) for the paper added last, which is the last one the walk reaches in the queue order.
 */
export async function measureListQueries(
  store: LibraryStore,
  options: DispatchOptions,
  ids: readonly string[],
): Promise<SizeResult> {
  const listQuery = (q: Partial<ListQuery>): ListQuery => ({ status: 'all', sort: 'queue', offset: 0, ...q });
  const [, filterSortColdMs] = await timed(async () =>
    unwrap(await call(options, 'papers.rows', { status: 'unread', sort: 'title' })),
  );
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    const [, ms] = await timed(async () =>
      unwrap(await call(options, 'papers.rows', { status: 'unread', sort: 'title' })),
    );
    warm.push(ms);
  }
  const core: number[] = [];
  for (let i = 0; i < 5; i++) {
    const [, ms] = await timed(() =>
      queryPage(store.catalog, listQuery({ status: 'unread', sort: 'title', limit: 100 })),
    );
    core.push(ms);
  }
  const others: number[] = [];
  for (const query of [
    { status: 'all', sort: 'year', order: 'desc' },
    { status: 'read', sort: 'updated' },
    { status: 'inbox', sort: 'added', order: 'asc' },
    { status: 'unread', sort: 'queue' },
  ] as const) {
    const [, ms] = await timed(async () => unwrap(await call(options, 'papers.rows', query)));
    others.push(ms);
  }
  const position: number[] = [];
  const last = ids.at(-1)!;
  for (let i = 0; i < 5; i++) {
    const [found, ms] = await timed(async () =>
      unwrap(await call(options, 'papers.position', { status: 'all', sort: 'queue', ids: [last] })),
    );
    if (found.id !== last) throw new Error(`papers.position did not find ${last}`);
    position.push(ms);
  }
  return {
    filter_sort_ms: round(median(warm)),
    filter_sort_cold_ms: round(filterSortColdMs),
    filter_sort_core_ms: round(median(core)),
    filter_sort_other_max_ms: round(Math.max(...others)),
    position_ms: round(median(position)),
  };
}
