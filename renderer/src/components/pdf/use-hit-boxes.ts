import { useLayoutEffect, useState, type RefObject } from 'react';
import type { TextRange } from '../../pdf/fold';
import type { Box } from '../../pdf/geometry';
import { boxesFor } from '../../pdf/text-layer-dom';

/**
 * Group find's hits by page, keeping each page's array from the last grouping while its hits are the same
 * ones (find adds a page's hits once, when it reads the page): a report of twenty more pages read gives new
 * arrays to the pages with new hits only, so only those measure their hits again. One pass over the hits.
 */
export function regroupHits<T extends TextRange & { page: number }>(
  hits: readonly T[],
  previous: ReadonlyMap<number, readonly T[]>,
): Map<number, readonly T[]> {
  const grouped = new Map<number, T[]>();
  for (const hit of hits) {
    const list = grouped.get(hit.page);
    if (list) list.push(hit);
    else grouped.set(hit.page, [hit]);
  }
  const out = new Map<number, readonly T[]>();
  for (const [page, list] of grouped) {
    const old = previous.get(page);
    out.set(page, old && old.length === list.length && old.every((hit, i) => hit === list[i]) ? old : list);
  }
  return out;
}

/** `hits` grouped by page, each page's array the same from render to render while its hits are (regroupHits). */
export function useHitsByPage<T extends TextRange & { page: number }>(
  hits: readonly T[],
): ReadonlyMap<number, readonly T[]> {
  const [last, setLast] = useState(() => ({ hits, byPage: regroupHits(hits, new Map()) }));
  if (last.hits === hits) return last.byPage;
  const byPage = regroupHits(hits, last.byPage);
  setLast({ hits, byPage });
  return byPage;
}

/**
 * The boxes of a page's find hits, measured in its text layer (the first child of `layerHost`) from the
 * page's box: again when the layer is laid out anew (`layerVersion`: made, or zoomed) or the page's hits
 * change, never for a report of hits on other pages. Measuring lays out the layer's spans.
 */
export function useHitBoxes(
  layerHost: RefObject<HTMLElement | null>,
  pageEl: RefObject<HTMLElement | null>,
  layerVersion: number,
  hits: readonly TextRange[],
): Box[][] {
  const [hitBoxes, setHitBoxes] = useState<Box[][]>([]);
  useLayoutEffect(() => {
    const layer = layerHost.current?.firstElementChild as HTMLElement | null;
    if (!layer || !pageEl.current || layerVersion === 0) return;
    // The page's box is read only when there is a hit to place: reading it lays out the layer's spans.
    const box = hits.length ? pageEl.current.getBoundingClientRect() : undefined;
    const next = hits.map((hit) => boxesFor(layer, box!, hit.start, hit.end));
    // Measured from the DOM (the refs, passed in, which the rule cannot see are refs): as PdfPage's own layout does.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setHitBoxes((old) => (old.length === 0 && next.length === 0 ? old : next));
  }, [layerHost, pageEl, layerVersion, hits]);
  return hitBoxes;
}
