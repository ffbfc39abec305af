import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import './narrow-layout.css';
import { BESIDE_PANE, NARROW } from './library-widths';

/**
 * The sidebar folded away: between 880 and 1,099 pixels with a paper open, the list and the details pane share
 * the window, and below 720 pixels (200 % zoom) always, the list having the whole width (narrow-layout.css).
 * The library (the views, imports, tags, settings) then opens over the list from this toggle, as a drawer that
 * is modal at either width: the page under it inert, the focus kept in it until it closes (a view picked,
 * Escape, a click elsewhere), then given back to the toggle.
 */

export { NARROW } from './library-widths';

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
  // The toggle is focused once the drawer is drawn closed: below 720 pixels it is inert until then.
  const refocusing = useRef(false);
  const close = useCallback((refocus: Refocus) => {
    setOpen(false);
    if (refocus === true) refocusing.current = true;
    else if (refocus === 'if-lost')
      requestAnimationFrame(() => {
        const active = document.activeElement as HTMLElement | null;
        if (!active || active === document.body || active.checkVisibility?.() === false) toggle.current?.focus();
      });
  }, []);
  useLayoutEffect(() => {
    if (open || !refocusing.current) return;
    refocusing.current = false;
    toggle.current?.focus();
  }, [open]);
  // The pane closed: the sidebar is back in its place (on a narrow window, still folded, and the drawer closed
  // all the same), and is folded when a paper is opened again. A paper opened from the drawer below 720 pixels
  // (j, with the focus in it) has the whole window: the drawer closes under it. The window resized from one of
  // the drawer's widths to another width (the sidebar back in its place at 720 to 879 pixels and from 1,100, a
  // paper's pane over everything below 720): the drawer closes too, nothing left inert or trapped.
  const besidePane = useMedia(BESIDE_PANE);
  const [had, setHad] = useState({ withDetail, narrow, besidePane });
  if (had.withDetail !== withDetail || had.narrow !== narrow || had.besidePane !== besidePane) {
    setHad({ withDetail, narrow, besidePane });
    if (!withDetail || narrow || had.narrow !== narrow || had.besidePane !== besidePane) setOpen(false);
  }
  // A click outside the sidebar and its toggle closes it: on what it covered, inert, which takes no focus, the
  // toggle has it back.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Element | null;
      if (target?.closest('#library, .library-toggle')) return;
      close('if-lost');
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open, close]);
  // folded: the toggle is wanted (narrow-layout.css still decides, by the window's width, whether it shows).
  const folded = withDetail || narrow;
  // The open drawer is modal wherever it is drawn: the rest of the page is inert (App; the pane beside it,
  // narrow-layout.css), Tab goes round inside it.
  const modal = open && folded && (narrow || besidePane);
  useEffect(() => {
    if (!modal) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Tab') keepTabIn(document.getElementById('library'), event);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [modal]);
  return { open: open && folded, folded, narrow, modal, setOpen, close, toggle };
}

const TABBABLE = 'button, select, input, textarea, a[href], [tabindex]:not([tabindex="-1"])';

/** Tab from the last control of `within` to its first, Shift+Tab from its first to its last. */
function keepTabIn(within: HTMLElement | null, event: KeyboardEvent): void {
  if (!within) return;
  const stops = [...within.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (element) => !element.matches(':disabled') && element.checkVisibility?.() !== false,
  );
  const first = stops[0];
  const last = stops[stops.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  const inside = active !== null && within.contains(active);
  // The focus somewhere the drawer did not lose it to (a dialog opened from it): that place's own Tab.
  if (!inside && active !== null && active !== document.body && !active.closest('[inert]')) return;
  if (event.shiftKey ? !inside || active === first : !inside || active === last) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
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
