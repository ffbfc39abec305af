import { useEffect, useRef, useState, type RefObject } from 'react';

const TABBABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'summary',
  '[tabindex]',
]
  .map((selector) => `${selector}:not([tabindex="-1"])`)
  .join(', ');

/** The elements of `root` that Tab reaches, in order (those drawn: a closed <details>' insides are not). */
export function tabbables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (element) => element.getClientRects().length > 0 && !element.closest('[inert]'),
  );
}

/**
 * A modal dialog's focus (WCAG 2.4.3, 2.1.2): it takes the focus when it opens (unless something in it
 * already has it, as an autoFocus field does), Tab and Shift+Tab go round its own controls and never
 * behind it, and when it closes the focus goes back to what opened it. A popover (`trap` false) only
 * takes the focus and gives it back.
 *
 * A hook of our own rather than focus-trap(-react): our dialogs are React trees that mount and unmount
 * with the store, and the few lines they need (wrap Tab, pull stray focus back, restore) are less than
 * that library's options for shadow roots, iframes, click-outside and pausing stacks we do not use.
 */
export function useDialogFocus(
  root: RefObject<HTMLElement | null>,
  active = true,
  trap = true,
  /** Where the focus goes back to when what opened the dialog is gone (a row that left the list). */
  fallback?: () => HTMLElement | null | undefined,
): void {
  const fallbackRef = useRef(fallback);
  useEffect(() => {
    fallbackRef.current = fallback;
  });
  // What opened the dialog, read as it renders: by the time an effect runs, an autoFocus field in it has the focus.
  const [opener, setOpener] = useState<Opener>();
  if (active && opener === undefined) setOpener(openerNow());
  if (!active && opener !== undefined) setOpener(undefined);
  useEffect(() => {
    if (!active) return;
    const dialog = root.current;
    if (dialog && !dialog.contains(document.activeElement)) {
      // After autoFocus has had its turn (it runs as the element is attached, before this effect). A dialog
      // that can hold the focus itself takes it (its name is read, its keys work); else its first control.
      (dialog.hasAttribute('tabindex') ? dialog : (tabbables(dialog)[0] ?? dialog)).focus({ preventScroll: true });
    }
    function onKey(event: KeyboardEvent) {
      const box = root.current;
      if (!trap || event.key !== 'Tab' || !box || event.defaultPrevented) return;
      // Another modal opened above this one (a popover of the reader is inside it, and counts as inside).
      if (!box.contains(document.activeElement) && topDialog() !== box) return;
      const stops = tabbables(box);
      if (stops.length === 0) {
        event.preventDefault();
        box.focus();
        return;
      }
      const first = stops[0]!;
      const last = stops.at(-1)!;
      const now = document.activeElement;
      const inside = box.contains(now);
      if (event.shiftKey && (now === first || !inside || now === box)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (now === last || !inside)) {
        event.preventDefault();
        first.focus();
      }
    }
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      // Back where the person was, unless that is gone (the row left the list) or the focus already moved
      // on somewhere on purpose (into another dialog).
      const now = document.activeElement;
      const lost = now === null || now === document.body || !now.isConnected || dialog?.contains(now);
      // Opened from a dialog that has closed since (Paste hands over to the import preview): back where that went.
      const back = opener?.element?.isConnected
        ? opener.element
        : opener?.within
          ? handedBack.get(opener.within)
          : undefined;
      const target = back?.isConnected ? back : (fallbackRef.current?.() ?? undefined);
      if (dialog) handedBack.set(dialog, target);
      if (lost && target?.isConnected) target.focus({ preventScroll: true });
    };
  }, [root, active, trap, opener]);
}

type Opener = { element: HTMLElement | undefined; within: Element | undefined };

/** A closed dialog → where it gave the focus back. */
const handedBack = new WeakMap<Element, HTMLElement | undefined>();

/** The element with the focus now, and the dialog it is in. */
function openerNow(): Opener {
  const element = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
  return { element, within: element?.closest('[role="dialog"]') ?? undefined };
}

/** The last-opened modal dialog in the page. */
function topDialog(): Element | undefined {
  return [...document.querySelectorAll('[aria-modal="true"]')].at(-1);
}
