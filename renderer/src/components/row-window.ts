import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { rowHeights } from './row-heights';

/** A list's rows on screen before it is measured: as many as the window's height holds (the list is no taller). */
function windowRows(rowHeight: number): number {
  return Math.ceil((typeof window === 'undefined' ? 0 : window.innerHeight) / rowHeight) + 1;
}

/**
 * Which rows of a list of equal-height rows are on screen: arithmetic on the scroll position, so the
 * cost is the same at any length and a change of length costs nothing. The list re-renders only when
 * the first row on screen or the screen's height in rows changes, not on every scroll event.
 *
 * The first render draws as many rows as the window's height holds, and the list is measured when the
 * browser has laid it out (its ResizeObserver reports), not as it is mounted: measured in an effect, the
 * page's first layout was forced there, then the list drew its rows a second time, and then a third with the
 * rows the measure found, all before the first frame. That first measure keeps the rows drawn if they cover
 * the screen; a scroll or a resize measures anew.
 */
export function useRowWindow(count: number, rowHeight: number, overscan: number) {
  const element = useRef<HTMLDivElement | null>(null);
  const detach = useRef<(() => void) | undefined>(undefined);
  /** True once the list has been attached: a list attached again (a new row height) is measured at once. */
  const attached = useRef(false);
  const [view, setView] = useState(() => ({ row: 0, rows: windowRows(rowHeight) }));
  /** Measures the attached list now (see jumpTo). */
  const measure = useRef<(() => void) | undefined>(undefined);

  const ref = useCallback(
    (list: HTMLDivElement | null) => {
      detach.current?.();
      detach.current = undefined;
      measure.current = undefined;
      element.current = list;
      if (!list) return;
      let measured = false;
      const update = () => {
        const row = Math.floor(list.scrollTop / rowHeight);
        const rows = Math.ceil(list.clientHeight / rowHeight) + 1;
        const covered = !measured;
        measured = true;
        setView((now) =>
          now.row === row && (now.rows === rows || (covered && now.rows > rows)) ? now : { row, rows },
        );
      };
      // The first time, the ResizeObserver's report measures it; again (the density changed while scrolled),
      // the rows of the old height would be drawn for a frame.
      if (attached.current) update();
      attached.current = true;
      measure.current = update;
      list.addEventListener('scroll', update, { passive: true });
      const resize = new ResizeObserver(update);
      resize.observe(list);
      detach.current = () => {
        list.removeEventListener('scroll', update);
        resize.disconnect();
      };
    },
    [rowHeight],
  );

  const first = Math.max(0, Math.min(view.row, count - 1) - overscan);
  const last = Math.min(count - 1, view.row + view.rows + overscan);

  /** Bring row `index` into view with as little scrolling as possible. */
  const scrollToIndex = useCallback(
    (index: number) => {
      const list = element.current;
      if (!list) return;
      const top = index * rowHeight;
      if (top < list.scrollTop) list.scrollTo({ top });
      else if (top + rowHeight > list.scrollTop + list.clientHeight)
        list.scrollTo({ top: top + rowHeight - list.clientHeight });
    },
    [rowHeight],
  );

  /**
   * Scroll the list to `top` and draw the rows there in the same frame: in a layout effect, the rows are
   * measured at once, not when the browser's scroll event comes after the frame was drawn with the old ones.
   */
  const jumpTo = useCallback((top: number) => {
    const list = element.current;
    if (!list) return;
    list.scrollTop = top;
    measure.current?.();
  }, []);

  /** The first row on screen (not counting the rows drawn above it). */
  const topRow = Math.max(0, Math.min(view.row, count - 1));

  return { ref, first, last, topRow, totalSize: count * rowHeight, scrollToIndex, jumpTo };
}

/** A row's height as drawn: its border box, as the ResizeObserver reports it (or as laid out, if it does not). */
const drawnHeight = (entry: ResizeObserverEntry): number =>
  entry.borderBoxSize?.[0]?.blockSize ?? (entry.target as HTMLElement).offsetHeight;

/**
 * Which rows of a list of rows of different heights are on screen (an import's preview: a possible duplicate
 * with its choice is three rows' height). Each row is measured as it is drawn (its `measure` ref, one
 * ResizeObserver for all) and its height kept in running totals (rowHeights); a row not drawn yet counts
 * as `estimate` says. The rows drawn are placed after the height of those above them (`before`), and
 * `after` is the height of those below: the list scrolls its whole length with a window of rows in the DOM.
 *
 * A row above the screen that turns out taller or shorter than its estimate moves the scroll position by as
 * much, so what is on screen stays where it was.
 */
export function useMeasuredRowWindow(count: number, estimate: (index: number) => number, overscan: number) {
  const heights = useMemo(() => rowHeights(count, estimate), [count, estimate]);
  const element = useRef<HTMLElement | null>(null);
  const detach = useRef<(() => void) | undefined>(undefined);
  // The scroll position and the screen's height, as last measured; `drawn` counts the measures that changed a height.
  const [view, setView] = useState(() => ({
    top: 0,
    height: typeof window === 'undefined' ? 0 : window.innerHeight,
    drawn: 0,
  }));
  // The heights the ResizeObserver's reports go to: those of the list as drawn.
  const heightsNow = useRef(heights);
  useLayoutEffect(() => {
    heightsNow.current = heights;
  }, [heights]);

  const update = useCallback(() => {
    const list = element.current;
    if (!list) return;
    const { scrollTop: top, clientHeight: height } = list;
    atEnd.current = top > 0 && top + height >= list.scrollHeight - 1;
    setView((now) => (now.top === top && now.height === height ? now : { ...now, top, height }));
  }, []);
  // Whether the list was scrolled to its end: the rows measured there (taller than their estimate) keep it there.
  const atEnd = useRef(false);
  useLayoutEffect(() => {
    const list = element.current;
    if (list && atEnd.current) list.scrollTop = list.scrollHeight - list.clientHeight;
  }, [view.drawn]);

  // Rows drawn are measured when the ResizeObserver reports (as drawn, and again if one reflows); made with
  // the first row, as a ref is not read while drawing.
  const observer = useRef<ResizeObserver | undefined>(undefined);
  useEffect(() => () => observer.current?.disconnect(), []);
  const onResize = useCallback((entries: ResizeObserverEntry[]) => {
    const list = element.current;
    let changed = false;
    for (const entry of entries) {
      const index = Number((entry.target as HTMLElement).dataset.row);
      if (!Number.isInteger(index)) continue;
      const delta = heightsNow.current.set(index, drawnHeight(entry));
      if (delta === 0) continue;
      changed = true;
      if (list && heightsNow.current.start(index) < list.scrollTop) list.scrollTop += delta;
    }
    if (changed) setView((now) => ({ ...now, top: list?.scrollTop ?? now.top, drawn: now.drawn + 1 }));
  }, []);

  /** The ref of a row's element, which says which row it is in its `data-row`: measures it as drawn. */
  const measure = useCallback(
    (row: HTMLElement | null) => {
      if (!row || typeof ResizeObserver === 'undefined') return;
      const rows = (observer.current ??= new ResizeObserver(onResize));
      rows.observe(row);
      return () => rows.unobserve(row);
    },
    [onResize],
  );

  const ref = useCallback(
    (list: HTMLElement | null) => {
      detach.current?.();
      detach.current = undefined;
      element.current = list;
      if (!list) return;
      list.addEventListener('scroll', update, { passive: true });
      const resize = new (globalThis.ResizeObserver ?? NoResizeObserver)(update);
      resize.observe(list);
      detach.current = () => {
        list.removeEventListener('scroll', update);
        resize.disconnect();
      };
    },
    [update],
  );

  const topRow = Math.min(heights.indexAt(view.top), Math.max(0, count - 1));
  /** The last row on screen (not counting the rows drawn below it): a page is from topRow to it. */
  const bottomRow = Math.min(heights.indexAt(view.top + view.height), Math.max(0, count - 1));
  const first = Math.max(0, topRow - overscan);
  const last = Math.min(count - 1, heights.indexAt(view.top + view.height) + overscan);

  /** Bring row `index` into view with as little scrolling as possible, and draw the rows there at once. */
  const scrollToIndex = useCallback(
    (index: number) => {
      const list = element.current;
      if (!list) return;
      const top = heights.start(index);
      const bottom = top + heights.height(index);
      if (top < list.scrollTop) list.scrollTop = top;
      else if (bottom > list.scrollTop + list.clientHeight) list.scrollTop = bottom - list.clientHeight;
      update();
    },
    [heights, update],
  );

  return {
    ref,
    measure,
    first,
    last,
    topRow,
    bottomRow,
    before: heights.start(first),
    after: heights.start(count) - heights.start(last + 1),
    scrollToIndex,
  };
}

/** Where there is no ResizeObserver (jsdom), the list is measured when it scrolls. */
class NoResizeObserver {
  observe(): void {}
  disconnect(): void {}
}
