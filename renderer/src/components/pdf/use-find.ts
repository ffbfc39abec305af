import { useEffect, useState } from 'react';
import { findAll, fold } from '../../pdf/fold';
import type { Hit } from './PageColumn';
import type { LoadedPdf } from './use-pdf-document';

/**
 * Find state: the hits so far, whether every page has been searched, whether the pages from the search's start
 * page to the last have (`end`), and the word searched instead of a phrase. `unread` lists the pages (0-based)
 * whose text could not be read, skipped; `unsearchable` says in a few words why the document's text cannot be
 * searched at all (it failed to open, or none of its pages’ text could be read), and `password` that it waits
 * for its password.
 */
export type Found = {
  query: string;
  hits: Hit[];
  done: boolean;
  end?: boolean;
  word?: string;
  unread?: number[];
  unsearchable?: string;
  password?: boolean;
};

/** A document find cannot read: it failed to open (`failed`, a few words why), or it waits for its password. */
export type Unopened = { failed: string } | { password: true };

const EMPTY: Found = { query: '', hits: [], done: true };

/**
 * Every place `query` occurs in the document, in the document's order (case, white space, ligatures and
 * line-end hyphens folded). The pages are searched from `startPage` (0-based) to the end and then from the
 * start, so in a long document the matches near the reader come first: a search from page 300 of a book
 * does not read the 299 pages before it first. Pages' texts come from the reader's shared PageTexts; a new query
 * drops the old search. With `wordIfNone` (a search brought from the list, which matches words anywhere in
 * the paper), a phrase found nowhere is searched again as its longest word. A page whose text cannot be read is
 * skipped and listed; a document that did not open (`unopened`) is not searched, and the find says why.
 */
export function useFind(
  pdf: LoadedPdf | undefined,
  query: string,
  wordIfNone = false,
  startPage = 0,
  unopened?: Unopened,
): Found {
  const [found, setFound] = useState<Found & { texts?: LoadedPdf['texts'] }>(EMPTY);
  const wanted = query.trim();
  // The document's texts and page count, not its object: the real page sizes coming (a new LoadedPdf with the
  // same pages) must not start the search again, drop its hits and have every drawn page measure them anew.
  const texts = pdf?.texts;
  const count = pdf?.viewports.length ?? 0;
  useEffect(() => {
    if (!texts || !wanted) return;
    let live = true;
    const longest = wanted.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
    // The word searched when the phrase is found nowhere: until it has been, the find is not done.
    const fallback = wordIfNone && longest !== wanted ? longest : undefined;
    const search = async (needle: string, word: string | undefined) => {
      const first = Math.min(Math.max(0, startPage), count - 1);
      // The hits from the start page on, and those before it (searched last, shown first).
      const after: Hit[] = [];
      const before: Hit[] = [];
      // The pages whose text pdf.js could not give: skipped, and said.
      const unread: number[] = [];
      for (let i = 0; i < count && live; i++) {
        const page = (first + i) % count;
        const text = await texts.plain(page).catch(() => undefined);
        if (text === undefined) unread.push(page);
        else
          for (const hit of findAll(text, needle, fold(text))) (page < first ? before : after).push({ page, ...hit });
        // Show what is found so far every few pages of a long document, and once the last page is read.
        if (live && (i % 20 === 19 || i === count - 1 - first || i === count - 1)) {
          const hits = [...before, ...after];
          const none = unread.length === count;
          setFound({
            texts,
            query: wanted,
            hits,
            // A phrase read through and found nowhere is not "No matches" yet when its word is searched next
            // (unless no page could be read: the word would be searched for in nothing too).
            done: i === count - 1 && !(hits.length === 0 && !word && fallback && !none),
            end: i >= count - 1 - first,
            ...(word && { word }),
            ...(unread.length > 0 && { unread: unread.toSorted((a, b) => a - b) }),
            ...(none && { unsearchable: 'none of its pages’ text could be read' }),
          });
        }
      }
      return { hits: before.length + after.length, unreadable: unread.length === count };
    };
    const timer = setTimeout(() => {
      void search(wanted, undefined).then(({ hits, unreadable }) => {
        if (live && hits === 0 && fallback && !unreadable) return search(fallback, fallback);
      });
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [texts, count, wanted, wordIfNone, startPage]);
  // A document that did not open is not searched: the find says why rather than "Searching…" for ever.
  if (!texts && unopened && 'failed' in unopened)
    return { query: wanted, hits: [], done: true, unsearchable: unopened.failed };
  if (!wanted) return EMPTY;
  // A find waiting for its document (still opening) has found nothing yet, which is not "No matches".
  if (!texts) return { query: wanted, hits: [], done: false, ...(unopened && { password: true }) };
  // Until the first pages are searched, the old query's hits are not this one's.
  return found.texts === texts && found.query === wanted ? found : { query: wanted, hits: [], done: false };
}

/**
 * The reader's find: the bar open or not, its query, the hits and which is current. Until Enter or the
 * arrows pick one, the current hit is the first at or after the page the search started from (the reader's
 * page, or a search from the list's page), -1 until the search has found one there. `reveal` asks for the
 * current hit to be brought into view. `unopened`: the document failed to open, or waits for its password.
 */
export function useReaderFind(
  pdf: LoadedPdf | undefined,
  at: { page?: number; find?: string } | undefined,
  current: number,
  reveal: () => void,
  unopened?: Unopened,
) {
  const [open, setOpen] = useState(Boolean(at?.find));
  const [focusToken, setFocusToken] = useState(0);
  const [query, setQuery] = useState(at?.find ?? '');
  // The hit Enter or the arrows chose, by its place: hits found later, on pages before the search's start, come
  // before it in the list and move its index.
  const [chosen, setChosen] = useState<Hit>();
  const [from, setFrom] = useState((at?.page ?? 1) - 1);
  const found = useFind(open ? pdf : undefined, query, query === at?.find, from, unopened);
  // The search reads the pages from the one it started from: until it finds a hit there or after, none is
  // current (the first found before it would send the reader back, then forth again).
  const after = found.hits.findIndex((h) => h.page >= from);
  const picked = chosen ? found.hits.findIndex((h) => h.page === chosen.page && h.start === chosen.start) : -1;
  const active = picked >= 0 ? picked : after >= 0 ? after : found.done ? 0 : -1;
  return {
    open,
    focusToken,
    query,
    found,
    active,
    show: () => {
      setOpen(true);
      setFocusToken((f) => f + 1);
    },
    close: () => setOpen(false),
    search: (next: string) => {
      setQuery(next);
      setChosen(undefined);
      setFrom(current);
      reveal();
    },
    step: (direction: 1 | -1) => {
      const n = found.hits.length;
      if (!n) return;
      // Past the last hit found, or back before the first, while the pages there are still being read: the hit
      // that comes next is not known yet, and wrapping round would skip it. Forwards, the search has read to the
      // document's end and found the first page's hits (read from page 1 on after it); backwards, to the end.
      const next = active + direction;
      const wraps = active >= 0 && (next >= n || next < 0);
      if (wraps && !found.done && !(found.end && (direction < 0 || found.hits[0]!.page < from))) return;
      // With none current yet, back is the last hit found (all before the start) and on is the first.
      setChosen(found.hits[active < 0 ? (direction > 0 ? 0 : n - 1) : ((next % n) + n) % n]);
      reveal();
    },
  };
}
