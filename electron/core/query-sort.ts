import { QUEUE_GROUP } from './paper';
import type { Paper } from './schema';
import { titleCollator } from './search/title-keys';

/* The order of a list of papers that did not come from a store's indexes (filterPapers' plain path). */

type SortKeyOfList = 'queue' | 'added' | 'title' | 'year' | 'updated';

/** Lists filterPapers has already sorted for a store's query, with the sort they are in. */
const presorted = new WeakMap<Paper[], string>();

/** `papers` came from a store's indexes in this sort: sortPapers returns them as they are. */
export function markSorted(papers: Paper[], sort: SortKeyOfList, order?: 'asc' | 'desc'): void {
  presorted.set(papers, sortSignature(sort, order));
}

function sortSignature(sort: SortKeyOfList, order?: 'asc' | 'desc'): string {
  return `${sort}:${order ?? DEFAULT_ORDER[sort]}`;
}

export const DEFAULT_ORDER: Record<SortKeyOfList, 'asc' | 'desc'> = {
  queue: 'asc',
  added: 'desc',
  title: 'asc',
  year: 'desc',
  updated: 'desc',
};

/** Sort by `sort`, then rank; a list filterPapers already sorted this way is returned as it is. */
export function sortPapers(papers: Paper[], sort: SortKeyOfList, order?: 'asc' | 'desc'): Paper[] {
  if (presorted.get(papers) === sortSignature(sort, order)) return papers;
  const direction = (order ?? DEFAULT_ORDER[sort]) === 'asc' ? 1 : -1;
  const byRank = (a: Paper, b: Paper) => a.rank - b.rank;
  const compare: Record<SortKeyOfList, (a: Paper, b: Paper) => number> = {
    queue: (a, b) => QUEUE_GROUP[a.status] - QUEUE_GROUP[b.status],
    added: (a, b) => cmp(a.createdAt, b.createdAt),
    updated: (a, b) => cmp(a.updatedAt, b.updatedAt),
    title: (a, b) => titleCollator.compare(a.title, b.title),
    year: (a, b) => (a.year ?? 0) - (b.year ?? 0),
  };
  const primary = compare[sort];
  return papers.sort((a, b) => primary(a, b) * direction || byRank(a, b));
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
