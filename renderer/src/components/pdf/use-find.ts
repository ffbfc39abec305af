import { useEffect, useState } from 'react';
import { findAll, fold } from '../../pdf/fold';
import type { Hit } from './PageColumn';
import type { LoadedPdf } from './use-pdf-document';

/** Find state: the hits so far and whether every page has been searched. */
export type Found = { query: string; hits: Hit[]; done: boolean };

const EMPTY: Found = { query: '', hits: [], done: true };

/**
 * Every place `query` occurs in the document, page by page (case, white space, ligatures and line-end
 * hyphens folded). Pages' texts come from the reader's shared cache; a new query drops the old search.
 */
export function useFind(pdf: LoadedPdf | undefined, query: string): Found {
  const [found, setFound] = useState<Found & { pdf?: LoadedPdf }>(EMPTY);
  const wanted = query.trim();
  useEffect(() => {
    if (!pdf || !wanted) return;
    let live = true;
    const timer = setTimeout(() => {
      void (async () => {
        const hits: Hit[] = [];
        const count = pdf.viewports.length;
        for (let page = 0; page < count && live; page++) {
          const { text } = await pdf.texts.text(page);
          for (const hit of findAll(text, wanted, fold(text))) hits.push({ page, ...hit });
          // Show what is found so far every few pages of a long document.
          if (live && (page % 20 === 19 || page === count - 1))
            setFound({ pdf, query: wanted, hits: hits.slice(), done: page === count - 1 });
        }
      })();
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [pdf, wanted]);
  if (!pdf || !wanted) return EMPTY;
  // Until the first pages are searched, the old query's hits are not this one's.
  return found.pdf === pdf && found.query === wanted ? found : { query: wanted, hits: [], done: false };
}
