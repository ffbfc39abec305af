import type { Paper } from './schema';
import type { Catalog } from './search/catalog';
import type { TextMatch } from './search/search-index';
import type { SortOrder } from './search/sort-orders';

/* Walking a query's sort order (query.ts): the selected papers among a search's matches, in order, a page at a time. */

/** A set of ordinals: those stamped in `marks` (or every ordinal), less those stamped in `unless`. */
export type Members = { marks?: Uint32Array; stamp?: number; unless?: TextMatch };

/**
 * Where walkQuery hands the papers a query selects: `take` each, in order; or, where `skip` says true,
 * just how many there are (the caller needs no more papers, so they need no sorting).
 */
export type Walk = {
  take: (paper: Paper, pdfPage?: number) => void;
  skip?: (count: number) => boolean;
};

/** What a query keeps and the order it wants, looked up once. */
export type Selection = {
  catalog: Catalog;
  order: SortOrder;
  sorted: Readonly<Int32Array>;
  descending: boolean;
  wanted: Uint8Array;
  keep: ((paper: Paper) => boolean) | undefined;
  /** Papers kept out by ordinal (flagged 1): those a search's negated terms find (field-filter.ts exclusions). */
  out?: Uint8Array;
};

/** The selected papers among `ordinals` (all of `members`), in the query's order. */
export function walkMatches(
  selection: Selection,
  ordinals: Int32Array,
  members: Members,
  take: (paper: Paper, ordinal: number) => void,
  skip?: Walk['skip'],
): void {
  const { catalog, order, sorted, descending, wanted, keep, out } = selection;
  if (ordinals.length * 16 >= sorted.length) return walkOrder(selection, members, take, skip && { ordinals, skip });
  // A few matches: sort them, rather than walk the whole order.
  const statuses = catalog.statuses;
  const unless = members.unless;
  const kept = Array.from(ordinals).filter(
    (ordinal) =>
      wanted[statuses[ordinal]!] === 1 &&
      out?.[ordinal] !== 1 &&
      !unless?.has(ordinal) &&
      (!keep || keep(catalog.at(ordinal)!)),
  );
  if (skip?.(kept.length)) return;
  kept.sort(
    descending
      ? (a, b) => (order.sameValue(a, b) ? order.compare(a, b) : order.compare(b, a))
      : (a, b) => order.compare(a, b),
  );
  for (const ordinal of kept) take(catalog.at(ordinal)!, ordinal);
}

/**
 * The selected papers that are `members`, walking the whole sort order. With `rest` (members listed in
 * `ordinals`, and a caller that needs only a page: `skip`), the walk stops once the page is full and the
 * members past it are counted from their list: a search found in a third of a large library walked all of
 * its order (100,000 places) for one page.
 */
export function walkOrder(
  selection: Selection,
  members: Members,
  take: (paper: Paper, ordinal: number) => void,
  rest?: { ordinals: Int32Array; skip: NonNullable<Walk['skip']> },
): void {
  const { catalog, order, sorted, descending, wanted, keep, out } = selection;
  const statuses = catalog.statuses;
  const { marks, stamp } = members;
  const unlessMarks = members.unless?.marks;
  const unlessStamp = members.unless?.stamp;
  // Counting from the list needs no paper: with a tag or source to check, the walk goes on.
  const stops = rest !== undefined && keep === undefined;
  let taken = 0;
  let full = false;
  const visit = (from: number, to: number): void => {
    for (let k = from; k <= to && !full; k++) {
      const ordinal = sorted[k]!;
      if (wanted[statuses[ordinal]!] !== 1 || (marks && marks[ordinal] !== stamp)) continue;
      if ((unlessMarks && unlessMarks[ordinal] === unlessStamp) || (out && out[ordinal] === 1)) continue;
      const paper = catalog.at(ordinal)!;
      if (keep && !keep(paper)) continue;
      take(paper, ordinal);
      taken++;
      full = stops && rest.skip(0);
    }
  };
  if (!descending) visit(0, sorted.length - 1);
  else {
    // Descending by the sort value, but papers with equal values stay in ascending rank, as in sortPapers.
    for (let i = sorted.length - 1; i >= 0 && !full;) {
      let first = i;
      while (first > 0 && order.sameValue(sorted[first - 1]!, sorted[i]!)) first--;
      visit(first, i);
      i = first - 1;
    }
  }
  if (!full) return;
  let all = 0;
  for (const ordinal of rest!.ordinals) {
    if (wanted[statuses[ordinal]!] !== 1 || (out && out[ordinal] === 1)) continue;
    if (!(unlessMarks && unlessMarks[ordinal] === unlessStamp)) all++;
  }
  rest!.skip(all - taken);
}
