import { listQuery } from './store/list-source';
import { PAGE_SIZE } from './store/list-rows';
import type { ListSort, View } from './store/types';
import { EARLY_ROWS_KEY } from './early-rows-script';

/** What the early request left on the page: the input it sent and its response on the way. */
export type EarlyRows = { body: string; answer: Promise<Response> };

declare global {
  // Declaration merging with the DOM's Window needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    /** Browser mode: the first rows asked for from the page's <head>, until the store takes them. */
    paperqueueEarlyRows?: EarlyRows;
  }
}

/** The `papers.rows` input of a start on `view` and `sort` (the search box starts empty), if it asks for one. */
export function firstRowsBody(view: View, sort: ListSort): string | undefined {
  if (view.kind === 'stats' || (sort === 'foryou' && view.kind === 'status' && view.status === 'inbox')) return;
  return JSON.stringify({ ...listQuery(view, '', sort), offset: 0, limit: PAGE_SIZE });
}

/** Keep what the next start's first request will be (none for a view that asks for none). */
export function rememberFirstRows(storage: Storage | undefined, view: View, sort: ListSort): void {
  const body = firstRowsBody(view, sort);
  try {
    if (body === undefined) storage?.removeItem(EARLY_ROWS_KEY);
    else storage?.setItem(EARLY_ROWS_KEY, body);
  } catch {
    // Storage full or disabled: the next start asks once its script runs, as before.
  }
}

/**
 * The early request's response, once, if it was for exactly `body`; undefined otherwise (none was sent, it was
 * for other rows, or it failed to reach the server: the caller asks itself, and reports what happens then).
 */
export async function takeEarlyRows(body: string, from: Window = window): Promise<Response | undefined> {
  const early = from.paperqueueEarlyRows;
  if (!early) return undefined;
  from.paperqueueEarlyRows = undefined;
  if (early.body !== body) return undefined;
  return early.answer.catch(() => undefined);
}
