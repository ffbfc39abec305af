import { useCallback, useRef, useState } from 'react';

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
