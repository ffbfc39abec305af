import { useEffect, useLayoutEffect, useRef } from 'react';
import { useAppStore } from '../store';
import { NARROW } from './LibraryToggle';

/**
 * Below 720 pixels an open paper is a view of its own over the list (narrow-layout.css), the list under it inert
 * (App): the focus goes to the pane when it opens, and back to the paper's row when it closes ("← Papers", ✕,
 * Escape), as a page's would going back. Only where the focus was lost with what held it: never taken from a
 * dialog, nor from the pane on a window widened. The row has it back too when the pane closes with the focus in
 * it at any width (from 720 to 879 pixels, where the pane is drawn over the list, Escape from its fields leaves
 * the focus on it: useKeyboard).
 */
export function useOneColumnFocus(withDetail: boolean, narrow: boolean): void {
  const store = useAppStore();
  // The paper last open: the store has forgotten it by the time the pane has closed.
  const lastOpen = useRef(store.getState().selectedId);
  useEffect(
    () =>
      store.subscribe((s) => {
        if (s.selectedId !== undefined) lastOpen.current = s.selectedId;
      }),
    [store],
  );
  const had = useRef(withDetail);
  useLayoutEffect(() => {
    const closed = had.current && !withDetail;
    had.current = withDetail;
    if (!focusLost()) return;
    if (closed) focusRow(lastOpen.current);
    // The window narrowed with a paper open: the list the focus was on is covered now.
    else if (withDetail && narrow) focusPane(document.querySelector<HTMLElement>('.app > .detail'));
  }, [withDetail, narrow]);
}

/** The pane, just drawn, takes the focus where it has the whole window (see useOneColumnFocus). */
export function focusIfCovering(pane: HTMLElement): void {
  if (window.matchMedia?.(NARROW).matches && focusLost()) focusPane(pane);
}

/**
 * The focus to the pane itself (its name read, then Tab to "← Papers"): focusable only until the focus leaves it,
 * so that a click on its text at any width leaves the focus where it was, as before. Also where Escape leaves a
 * field of the pane below 720 pixels (useKeyboard).
 */
export function focusPane(pane: HTMLElement | null): void {
  if (!pane) return;
  pane.tabIndex = -1;
  pane.addEventListener('blur', () => pane.removeAttribute('tabindex'), { once: true });
  pane.focus();
}

/**
 * Whether `pane` is drawn over `element`, a row of the list or the list: from 720 to 879 pixels the open paper's
 * pane covers most of the list's width, from top to bottom (styles.css), so a row under it is not seen however it
 * is scrolled; beside the list it covers none of it.
 */
export function underPane(element: HTMLElement, pane: HTMLElement): boolean {
  const box = element.getBoundingClientRect();
  const over = pane.getBoundingClientRect();
  return over.width > 0 && box.right > over.left && box.left < over.right;
}

/**
 * Whether the focus is on nothing, or on something now inert (a row under the pane), hidden (a view of the drawer,
 * closed as j opened a paper from it) or gone.
 */
function focusLost(): boolean {
  const active = document.activeElement;
  return (
    !active ||
    active === document.body ||
    !active.isConnected ||
    active.closest('[inert]') !== null ||
    active.checkVisibility?.() === false
  );
}

/**
 * The focus to paper `id`'s row, if it is drawn; else the list itself. Given back, not moved there: the list
 * makes a row that takes the focus by Tab the cursor's, which would open the paper again (PaperList's onFocus),
 * so the focus event is kept from the page's handlers, as it is for a row that keeps the focus when Escape
 * closes its paper on a wide window.
 */
function focusRow(id: string | undefined): void {
  const grid = document.querySelector<HTMLElement>('[role="grid"][aria-label="Papers"]');
  const row = [...(grid?.querySelectorAll<HTMLElement>('.row[data-id]') ?? [])].find((r) => r.dataset.id === id);
  const unheard = (event: Event) => event.stopPropagation();
  window.addEventListener('focusin', unheard, { capture: true });
  try {
    (row ?? grid)?.focus();
  } finally {
    window.removeEventListener('focusin', unheard, { capture: true });
  }
}
