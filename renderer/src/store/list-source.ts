import type { Transport } from '../transport';
import type { Corrections, ListQuery, ListSort, PaperRow, View } from './types';

/** Where the list's positions come from: the library's query, or (For you) an order of ids ranked here. */
export type Source = { kind: 'query'; query: ListQuery } | { kind: 'ids'; ids: string[] };

/**
 * Rows for positions offset..offset+span; fewer rows than `span` when some papers are gone. `titlesOnly`: a
 * search answered from the titles and authors while the library's index is still being built or read.
 */
export type Answer = {
  total: number;
  rows: PaperRow[];
  span: number;
  titlesOnly?: boolean;
  /** A first page's search words read as typos, and the spellings found. */
  corrections?: Corrections;
};

/** The library query behind a view, its search text and its sort (For you lists the inbox in queue order). */
export function listQuery(view: View, search: string, sort: ListSort): ListQuery {
  return {
    status: view.kind === 'status' ? view.status : 'all',
    source: view.kind === 'source' && !view.format ? view.name : undefined,
    sourceFormat: view.kind === 'source' ? view.format : undefined,
    tag: view.kind === 'tag' ? view.tag : undefined,
    text: search.trim() || undefined,
    sort: sort === 'foryou' ? 'queue' : sort,
  };
}

/** The rows at positions offset..offset+limit of `from`; `asking` hears the ids of an id order once their rows came. */
export async function fetchRange(
  transport: Transport,
  from: Source,
  offset: number,
  limit: number,
  asking: (ids: string[]) => void,
): Promise<Answer> {
  if (from.kind === 'query') {
    const answer = await transport.invoke('papers.rows', { ...from.query, offset, limit });
    const { total, rows, titlesOnly, corrections } = answer;
    return { total, rows, span: rows.length, titlesOnly, corrections };
  }
  const ids = from.ids.slice(offset, offset + limit);
  const { rows } = ids.length ? await transport.invoke('papers.rowsOf', { ids }) : { rows: [] };
  // The reasons (a row's tooltip, the detail's "Why it is here") once the rows are in: asked with them, they
  // were worked out first (60 ms for a page of 200 at 100,000 papers) and the rows waited behind them.
  if (ids.length) asking(ids);
  return { total: from.ids.length, rows, span: ids.length };
}

/** The ids at positions offset..offset+limit of `from` (to its end without a limit). */
export async function idsOf(transport: Transport, from: Source, offset: number, limit?: number): Promise<string[]> {
  if (from.kind === 'ids') return from.ids.slice(offset, limit === undefined ? undefined : offset + limit);
  return (await transport.invoke('papers.ids', { ...from.query, offset, limit })).ids;
}

/** The place in `from` of the first of `ids` in its order, and its id: looked up by the library for a query. */
export async function firstOf(
  transport: Transport,
  from: Source,
  ids: readonly string[],
): Promise<{ position?: number; id?: string }> {
  if (from.kind === 'query') {
    const { status, tag, source, sourceFormat, text, sort, order } = from.query;
    return transport.invoke('papers.position', { status, tag, source, sourceFormat, text, sort, order, ids: [...ids] });
  }
  // A ranking made here: its ids are here already.
  const wanted = new Set(ids);
  const position = from.ids.findIndex((id) => wanted.has(id));
  return position === -1 ? {} : { position, id: from.ids[position] };
}
