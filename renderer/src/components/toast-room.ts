import { useEffect, type RefObject } from 'react';
import { nextPaint } from '../after-paint';
import { useApp } from '../store';

/** The space kept between the cursor's row and the toast above it. */
const GAP = 8;

/**
 * While a notice shows (a keep's, with its Undo), the cursor's row is not left under it: the row that takes a
 * kept paper's place at the bottom of the list, or the last row of all, had its quick actions covered. The list
 * scrolls it up just enough, once the frame with the notice is drawn (reading where things are costs nothing
 * then; in the key's own task it made the browser lay out the page early). The list has room after its last row
 * for this (`.list`'s padding in styles.css). A row the list was scrolled away from stays where it is.
 */
export function useRowAboveToast(list: RefObject<HTMLElement | null>, selectedIndex: number): void {
  const notice = useApp((s) => s.notice);
  useEffect(() => {
    if (!notice || selectedIndex < 0) return;
    let gone = false;
    void nextPaint().then(() => {
      if (!gone && list.current) liftAboveToast(list.current);
    });
    return () => {
      gone = true;
    };
  }, [notice, selectedIndex, list]);
}

/** Scroll `list` so that its cursor's row, if on screen and under the toast, ends GAP above it. */
export function liftAboveToast(list: HTMLElement): void {
  const toast = list.ownerDocument.querySelector('.toast');
  const row = list.querySelector('.row.selected');
  if (!toast || !row) return;
  const covers = toast.getBoundingClientRect();
  const box = list.getBoundingClientRect();
  const at = row.getBoundingClientRect();
  // A toast beside the list, or a row off screen: nothing to do.
  if (covers.right <= box.left || covers.left >= box.right || covers.top >= box.bottom) return;
  if (at.top >= box.bottom || at.bottom <= box.top) return;
  const under = at.bottom - (covers.top - GAP);
  if (under <= 0) return;
  // Never so far that the row's top leaves the list (a list too short for both shows the row's top).
  list.scrollTop += Math.min(under, Math.max(0, at.top - box.top));
}
