import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import './narrow-layout.css';

/**
 * The sidebar folded away: between 880 and 1,099 pixels with a paper open, the list and the details pane share
 * the window, and below 720 pixels (200 % zoom) always, the list having the whole width (narrow-layout.css).
 * The library (the views, imports, tags, settings) then opens over the list from this toggle. It closes when a
 * view is picked, on Escape, or when the focus or a click goes elsewhere.
 */

/** Where the sidebar is folded away whether a paper is open or not: keep in step with narrow-layout.css. */
export const NARROW = '(max-width: 719px)';

function useMedia(query: string): boolean {
  return useSyncExternalStore(
    (changed) => {
      const list = window.matchMedia?.(query);
      list?.addEventListener('change', changed);
      return () => list?.removeEventListener('change', changed);
    },
    // (jsdom has no matchMedia: a window of no width in particular, as wide as ever.)
    () => window.matchMedia?.(query).matches ?? false,
  );
}

/** Where the focus goes as the sidebar folds away: see close. */
export type Refocus = boolean | 'if-lost';

export function useLibraryDrawer(withDetail: boolean) {
  const [open, setOpen] = useState(false);
  const narrow = useMedia(NARROW);
  const toggle = useRef<HTMLButtonElement>(null);
  // refocus: the toggle takes the focus back; 'if-lost', only if the focus was left on nothing shown (a view
  // picked closes the paper, and the sidebar, back in its place, keeps the focus on the view).
  const close = useCallback((refocus: Refocus) => {
    setOpen(false);
    if (refocus === true) toggle.current?.focus();
    else if (refocus === 'if-lost')
      requestAnimationFrame(() => {
        const active = document.activeElement as HTMLElement | null;
        if (!active || active === document.body || active.checkVisibility?.() === false) toggle.current?.focus();
      });
  }, []);
  // The pane closed: the sidebar is back in its place (on a narrow window, still folded, and the drawer closed
  // all the same), and is folded when a paper is opened again.
  const [hadDetail, setHadDetail] = useState(withDetail);
  if (hadDetail !== withDetail) {
    setHadDetail(withDetail);
    if (!withDetail) setOpen(false);
  }
  // A click outside the sidebar and its toggle closes it.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Element | null;
      if (target?.closest('#library, .library-toggle')) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);
  // folded: the toggle is wanted (narrow-layout.css still decides, by the window's width, whether it shows).
  const folded = withDetail || narrow;
  return { open: open && folded, folded, setOpen, close, toggle };
}

export function LibraryToggle({
  open,
  onToggle,
  button,
}: {
  open: boolean;
  onToggle: () => void;
  button: React.RefObject<HTMLButtonElement | null>;
}) {
  return (
    <button
      ref={button}
      type="button"
      className="button library-toggle"
      aria-label="Library"
      aria-expanded={open}
      aria-controls="library"
      title="The library: its views, imports, tags and settings"
      onClick={onToggle}
    >
      <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
        <rect x="1.5" y="2.5" width="13" height="11" rx="2" fill="none" stroke="currentColor" />
        <path d="M6 2.5v11" stroke="currentColor" />
        <path d="M3 5h1.5M3 7h1.5M3 9h1.5" stroke="currentColor" />
      </svg>
    </button>
  );
}
