import { takeFirstPage } from '../first-page';
import type { Transport } from '../transport';
import { recall } from '../ui-memory';
import { PAGE_SIZE } from './list-rows';
import type { ListQuery, ListSort, PaperRow, View } from './types';

/** Where the list's positions come from: the library's query, or (For you) an order of ids ranked here. */
export type Source = { kind: 'query'; query: ListQuery } | { kind: 'ids'; ids: string[] };

/** Rows for positions offset..offset+span; fewer rows than `span` when some papers are gone. */
export type Answer = { total: number; rows: PaperRow[]; span: number };

/** The list a reader sees first, before they choose another (which is remembered). */
export const FIRST_VIEW: View = { kind: 'status', status: 'inbox' };
export const FIRST_SORT: ListSort = 'queue';

/**
 * The rows the list asks for first when the store starts with `memory` (the view and sort it restores, no
 * search yet), or undefined when its first list is not one query (the stats, For you's ranked order).
 */
export function firstListInput(memory: Storage | undefined) {
  const saved = recall(memory);
  const view = saved.view ?? FIRST_VIEW;
  const sort = saved.sort ?? FIRST_SORT;
  if (view.kind === 'stats' || (sort === 'foryou' && view.kind === 'status' && view.status === 'inbox')) return;
  return { ...listQuery(view, '', sort), offset: 0, limit: PAGE_SIZE };
}

/** The library query behind a view, its search text and its sort (For you lists the inbox in queue order). */
export function listQuery(view: View, search: string, sort: ListSort): ListQuery {
  return {
    status: view.kind === 'status' ? view.status : 'all',
    source: view.kind === 'source' ? view.name : undefined,
    tag: view.kind === 'tag' ? view.tag : undefined,
    text: search.trim() || undefined,
    sort: sort === 'foryou' ? 'queue' : sort,
  };
}

/** The rows at positions offset..offset+limit of `from`; `asking` hears the ids of an id order asked for. */
export async function fetchRange(
  transport: Transport,
  from: Source,
  offset: number,
  limit: number,
  asking: (ids: string[]) => void,
): Promise<Answer> {
  if (from.kind === 'query') {
    const input = { ...from.query, offset, limit };
    const { total, rows } = await (takeFirstPage(input) ?? transport.invoke('papers.rows', input));
    return { total, rows, span: rows.length };
  }
  const ids = from.ids.slice(offset, offset + limit);
  if (ids.length) asking(ids);
  const { rows } = ids.length ? await transport.invoke('papers.rowsOf', { ids }) : { rows: [] };
  return { total: from.ids.length, rows, span: ids.length };
}

/** The ids at positions offset..offset+limit of `from` (to its end without a limit). */
export async function idsOf(transport: Transport, from: Source, offset: number, limit?: number): Promise<string[]> {
  if (from.kind === 'ids') return from.ids.slice(offset, limit === undefined ? undefined : offset + limit);
  return (await transport.invoke('papers.ids', { ...from.query, offset, limit })).ids;
}
