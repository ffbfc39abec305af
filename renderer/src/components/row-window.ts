import { useCallback, useEffect, useState } from 'react';

/**
 * Which rows of a list of equal-height rows are on screen: arithmetic on the scroll position, so the
 * cost is the same at any length and a change of length costs nothing. The list re-renders only when
 * the first row on screen or the screen's height in rows changes, not on every scroll event.
 */
export function useRowWindow(count: number, rowHeight: number, overscan: number) {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [view, setView] = useState({ row: 0, rows: 0 });

  useEffect(() => {
    if (!element) return;
    const update = () => {
      const row = Math.floor(element.scrollTop / rowHeight);
      const rows = Math.ceil(element.clientHeight / rowHeight) + 1;
      setView((now) => (now.row === row && now.rows === rows ? now : { row, rows }));
    };
    update();
    element.addEventListener('scroll', update, { passive: true });
    const resize = new ResizeObserver(update);
    resize.observe(element);
    return () => {
      element.removeEventListener('scroll', update);
      resize.disconnect();
    };
  }, [element, rowHeight]);

  const first = Math.max(0, Math.min(view.row, count - 1) - overscan);
  const last = Math.min(count - 1, view.row + view.rows + overscan);

  /** Bring row `index` into view with as little scrolling as possible. */
  const scrollToIndex = useCallback(
    (index: number) => {
      if (!element) return;
      const top = index * rowHeight;
      if (top < element.scrollTop) element.scrollTo({ top });
      else if (top + rowHeight > element.scrollTop + element.clientHeight)
        element.scrollTo({ top: top + rowHeight - element.clientHeight });
    },
    [element, rowHeight],
  );

  return { ref: setElement, first, last, totalSize: count * rowHeight, scrollToIndex };
}
