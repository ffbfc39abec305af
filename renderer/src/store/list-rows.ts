import type { PaperRow } from './types';

/** The list's rows by position: undefined where the page holding that position has not arrived yet. */
export type ListRows = readonly (PaperRow | undefined)[];

/** Rows asked for at a time: a few screens, a few dozen kilobytes. */
export const PAGE_SIZE = 200;

/** `total` empty places, with `page` at `offset`. */
export function rowsWith(total: number, offset: number, page: readonly PaperRow[]): ListRows {
  const rows = new Array<PaperRow | undefined>(total).fill(undefined);
  return placed(rows, offset, page);
}

/** A copy of `rows` with `page` written from `offset` on (past the end is dropped). */
export function placed(rows: ListRows, offset: number, page: readonly PaperRow[]): ListRows {
  const next = rows.slice();
  const end = Math.min(next.length, offset + page.length);
  for (let i = offset; i < end; i++) next[i] = page[i - offset];
  return next;
}

/** A copy of `rows` without `count` places from `at`: papers an answer no longer counts as in the list. */
export function withoutPlaces(rows: ListRows, at: number, count: number): ListRows {
  if (count <= 0) return rows;
  const next = rows.slice();
  next.splice(at, count);
  return next;
}

/** The numbers of the pages that have an empty place between `from` and `to` (exclusive). */
export function missingPages(rows: ListRows, from: number, to: number): number[] {
  const pages: number[] = [];
  const end = Math.min(to, rows.length);
  for (let i = Math.max(0, from); i < end; i++) {
    if (rows[i] !== undefined) continue;
    const page = Math.floor(i / PAGE_SIZE);
    pages.push(page);
    i = (page + 1) * PAGE_SIZE - 1;
  }
  return pages;
}

/** Every row between `from` and `to` (exclusive), or undefined if one of them has not arrived. */
export function loadedBetween(rows: ListRows, from: number, to: number): PaperRow[] | undefined {
  const out: PaperRow[] = [];
  for (let i = Math.max(0, from); i < Math.min(to, rows.length); i++) {
    const row = rows[i];
    if (!row) return undefined;
    out.push(row);
  }
  return out;
}

/** The position of paper `id` among the loaded rows, or -1. */
export function positionOf(rows: ListRows, id: string | undefined): number {
  if (id === undefined) return -1;
  return rows.findIndex((row) => row?.id === id);
}

/**
 * The rows on screen: the list's, with the paper that lingers after leaving the view (see ListSlice.lingering)
 * back at its place. Once the list holds that paper again (it came back into the view), it is not shown twice.
 */
export function displayedRows(rows: ListRows, lingering: { row: PaperRow; index: number } | undefined): ListRows {
  if (!lingering || positionOf(rows, lingering.row.id) !== -1) return rows;
  const at = Math.min(lingering.index, rows.length);
  return [...rows.slice(0, at), lingering.row, ...rows.slice(at)];
}
