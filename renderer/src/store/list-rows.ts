import type { ListPageRows } from '../../../electron/core/list-page';
import type { PaperRow } from './types';

/** The list's rows by position: undefined where the page holding that position has not arrived yet. */
export type ListRows = readonly (PaperRow | undefined)[];

/** Rows asked for at a time: two and a half screens, a few dozen kilobytes (electron/core/list-page.ts). */
export const PAGE_SIZE: ListPageRows = 50;

/*
 * A list of 100,000 papers is an array of 100,000 places, and copying it is what a change on screen cost
 * most (each copy some milliseconds): these functions copy it once at most, and not at all when nothing
 * changes, and keep each row that came again unchanged as the same object, so its row on screen is not
 * drawn again.
 */

/** `total` empty places, with `page` at `offset`. */
export function rowsWith(total: number, offset: number, page: readonly PaperRow[]): ListRows {
  const rows = new Array<PaperRow | undefined>(total).fill(undefined);
  const end = Math.min(total, offset + page.length);
  for (let i = offset; i < end; i++) rows[i] = page[i - offset];
  return rows;
}

/**
 * `rows` with `page` written from `offset` on (past the end is dropped): a copy if a row differs, `rows`
 * itself if every row is the same. A row equal to the one already there stays that object.
 */
export function placed(rows: ListRows, offset: number, page: readonly PaperRow[]): ListRows {
  let next: (PaperRow | undefined)[] | undefined;
  const end = Math.min(rows.length, offset + page.length);
  for (let i = offset; i < end; i++) {
    const row = page[i - offset]!;
    if (sameRow(rows[i], row)) continue;
    next ??= rows.slice();
    next[i] = row;
  }
  return next ?? rows;
}

/**
 * `page`, each row of which is equal to a row of `rows` near `offset` (a page either side: rows move when
 * one above leaves) replaced by that one, the same object.
 */
export function reusing(rows: ListRows, offset: number, page: readonly PaperRow[]): PaperRow[] {
  const near = new Map<string, PaperRow>();
  const end = Math.min(rows.length, offset + page.length + PAGE_SIZE);
  for (let i = Math.max(0, offset - PAGE_SIZE); i < end; i++) {
    const row = rows[i];
    if (row) near.set(row.id, row);
  }
  return page.map((row) => {
    const old = near.get(row.id);
    return old !== undefined && sameRow(old, row) ? old : row;
  });
}

/** Whether two rows say the same: plain values compared by value (rows come as JSON). */
export function sameRow(a: PaperRow | undefined, b: PaperRow | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && sameValue(a, b));
}

/**
 * Whether two plain values (JSON's: objects, arrays, strings, numbers, booleans, null) are equal. Written
 * here rather than taken from a library: it needs nothing a library's handles beyond JSON, and the renderer
 * adds no dependency for fifteen lines.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key of keys) if (!(key in y) || !sameValue(x[key], y[key])) return false;
  return true;
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

/**
 * The position of paper `id` among the loaded rows, or -1. With `near` (where it was, or the screen), the
 * places around it are looked at first: the paper is almost always there, and a look through 100,000
 * places is kept for when it is not.
 */
export function positionOf(rows: ListRows, id: string | undefined, near?: number): number {
  if (id === undefined) return -1;
  if (near !== undefined) {
    const from = Math.max(0, near - PAGE_SIZE);
    const to = Math.min(rows.length, near + PAGE_SIZE);
    for (let i = from; i < to; i++) if (rows[i]?.id === id) return i;
  }
  for (let i = 0; i < rows.length; i++) if (rows[i]?.id === id) return i;
  return -1;
}

/** Past this many papers, `placesOf` looks through every place once rather than around the screen first. */
const LOOKED_FOR_APART = 8;

/**
 * Where the papers `ids` are among the loaded rows (a paper whose row has not come has no place). A key's change
 * names one paper or a few, almost always on screen: they are looked for together around `near` first, and the
 * ones not there in one pass through every place. A pass for every change ran, on a key's first press, in code
 * not compiled yet (4–5 ms of the press at 40,000 places). A long pick is looked for in one pass.
 */
export function placesOf(rows: ListRows, ids: Iterable<string>, near: number): Map<string, number> {
  const missing = new Set(ids);
  const places = new Map<string, number>();
  const look = (from: number, to: number): void => {
    for (let i = Math.max(0, from); i < Math.min(to, rows.length) && missing.size > 0; i++) {
      const row = rows[i];
      if (row && missing.delete(row.id)) places.set(row.id, i);
    }
  };
  if (missing.size <= LOOKED_FOR_APART) look(near - PAGE_SIZE, near + PAGE_SIZE);
  look(0, rows.length);
  return places;
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
