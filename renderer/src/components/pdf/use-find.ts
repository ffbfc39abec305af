import { useEffect, useState } from 'react';
import { findAll, fold } from '../../pdf/fold';
import type { Hit } from './PageColumn';
import type { LoadedPdf } from './use-pdf-document';

/** Find state: the hits so far, whether every page has been searched, and the word searched instead of a phrase. */
export type Found = { query: string; hits: Hit[]; done: boolean; word?: string };

const EMPTY: Found = { query: '', hits: [], done: true };

/**
 * Every place `query` occurs in the document, page by page (case, white space, ligatures and line-end
 * hyphens folded). Pages' texts come from the reader's shared cache; a new query drops the old search.
 * With `wordIfNone` (a search brought from the list, which matches words anywhere in the paper), a phrase
 * found nowhere is searched again as its longest word.
 */
export function useFind(pdf: LoadedPdf | undefined, query: string, wordIfNone = false): Found {
  const [found, setFound] = useState<Found & { pdf?: LoadedPdf }>(EMPTY);
  const wanted = query.trim();
  useEffect(() => {
    if (!pdf || !wanted) return;
    let live = true;
    const search = async (needle: string, word: string | undefined) => {
      const hits: Hit[] = [];
      const count = pdf.viewports.length;
      for (let page = 0; page < count && live; page++) {
        const { text } = await pdf.texts.text(page);
        for (const hit of findAll(text, needle, fold(text))) hits.push({ page, ...hit });
        // Show what is found so far every few pages of a long document.
        if (live && (page % 20 === 19 || page === count - 1))
          setFound({ pdf, query: wanted, hits: hits.slice(), done: page === count - 1, ...(word && { word }) });
      }
      return hits.length;
    };
    const timer = setTimeout(() => {
      void search(wanted, undefined).then((hits) => {
        const longest = wanted.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
        if (live && hits === 0 && wordIfNone && longest !== wanted) return search(longest, longest);
      });
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [pdf, wanted, wordIfNone]);
  if (!pdf || !wanted) return EMPTY;
  // Until the first pages are searched, the old query's hits are not this one's.
  return found.pdf === pdf && found.query === wanted ? found : { query: wanted, hits: [], done: false };
}

/**
 * The reader's find: the bar open or not, its query, the hits and which is current. Until Enter or the
 * arrows pick one, the current hit is the first at or after the page the search started from (a search
 * from the list opens at its page), -1 while the search has not reached that page yet. `reveal` asks for the current hit to be brought into view.
 */
export function useReaderFind(
  pdf: LoadedPdf | undefined,
  at: { page?: number; find?: string } | undefined,
  current: number,
  reveal: () => void,
) {
  const [open, setOpen] = useState(Boolean(at?.find));
  const [focusToken, setFocusToken] = useState(0);
  const [query, setQuery] = useState(at?.find ?? '');
  const [chosen, setChosen] = useState<number>();
  const [from, setFrom] = useState((at?.page ?? 1) - 1);
  const found = useFind(open ? pdf : undefined, query, query === at?.find);
  // Until the search reaches the page it started from, the hits found so far are all before that page: none
  // is current yet (the first would send the reader back to the document's start, then forth again).
  const after = found.hits.findIndex((h) => h.page >= from);
  const active = chosen ?? (after >= 0 ? after : found.done ? 0 : -1);
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
      // With none current yet, back is the last hit found (all before the start) and on is the first.
      setChosen(active < 0 ? (direction > 0 ? 0 : n - 1) : (((active + direction) % n) + n) % n);
      reveal();
    },
  };
}
