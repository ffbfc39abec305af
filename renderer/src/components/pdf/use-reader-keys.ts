import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { ColumnHandle } from './PageColumn';

type Handlers = {
  column: RefObject<ColumnHandle | null>;
  onFind: () => void;
  onZoom: (how: 1 | -1 | 'reset') => void;
  onEscape: () => void;
};

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea, [tabindex]:not([tabindex="-1"])';

/**
 * The reader's keys, caught before the page's list keys and the browser's own (Ctrl/⌘+F finds in the PDF,
 * Ctrl/⌘ +/−/0 zoom the pages, not the window): PageUp/PageDown/Space a screen, arrows a line or a page,
 * Home/End, ] and [ select the next or previous sentence (Shift to grow or shrink the selection), h highlights
 * what is selected, Escape closes. Tab stays inside the reader. Ctrl+wheel zooms too.
 */
export function useReaderKeys(root: RefObject<HTMLElement | null>, handlers: Handlers): void {
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const el = root.current;
      if (!el) return;
      const h = latest.current;
      const target = event.target instanceof HTMLElement ? event.target : document.body;
      // Nothing behind the reader hears a key while it is open (the list's keys skip dialogs already), but
      // the toast's Undo, shown above it, is part of it.
      const inside = el.contains(target) || target.closest(TOAST) !== null;
      if (!inside) {
        event.stopPropagation();
        if (event.key !== 'Tab') h.column.current?.focus();
      }
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.altKey) {
        const key = event.key.toLowerCase();
        const action =
          key === 'f'
            ? h.onFind
            : key === '+' || key === '='
              ? () => h.onZoom(1)
              : key === '-' || key === '_'
                ? () => h.onZoom(-1)
                : key === '0'
                  ? () => h.onZoom('reset')
                  : undefined;
        if (action) {
          event.preventDefault();
          action();
        }
        return;
      }
      if (event.key === 'Tab') {
        trapTab(el, event);
        return;
      }
      if (event.key === 'Escape') {
        // A popover (new highlight, a highlight's comment) closes itself first.
        if (target.closest('.popover')) return;
        event.preventDefault();
        h.onEscape();
        return;
      }
      if (event.altKey || mod || target.closest('input, textarea, select, [contenteditable="true"]')) return;
      const column = h.column.current;
      if (!column) return;
      const onControl = target.closest('button, a, [role="tab"]') !== null;
      const actions: Record<string, (() => void) | undefined> = {
        PageDown: () => column.scrollScreen(1),
        PageUp: () => column.scrollScreen(-1),
        ' ': onControl ? undefined : () => column.scrollScreen(event.shiftKey ? -1 : 1),
        ArrowDown: () => column.scrollLines(1),
        ArrowUp: () => column.scrollLines(-1),
        ArrowRight: () => column.turnPage(1),
        ArrowLeft: () => column.turnPage(-1),
        Home: () => column.edge('start'),
        End: () => column.edge('end'),
        // Choosing a passage without a mouse: a sentence at a time, then h opens the highlight popover.
        ']': () => void column.selectSentence(1, false),
        '[': () => void column.selectSentence(-1, false),
        '}': () => void column.selectSentence(1, true),
        '{': () => void column.selectSentence(-1, true),
        h: () =>
          void column.highlightSelection().then((opened) => {
            if (!opened) return column.selectSentence(1, false);
          }),
      };
      const action = actions[event.key];
      if (action) {
        event.preventDefault();
        action();
      }
    }
    let wheel = 0;
    function onWheel(event: WheelEvent) {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      wheel += event.deltaY;
      if (Math.abs(wheel) < 40) return;
      latest.current.onZoom(wheel < 0 ? 1 : -1);
      wheel = 0;
    }
    const el = root.current;
    window.addEventListener('keydown', onKey, true);
    el?.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      window.removeEventListener('keydown', onKey, true);
      el?.removeEventListener('wheel', onWheel);
    };
  }, [root]);
}

/** A toast's controls (Undo): shown above the reader and reached from it with Tab. */
const TOAST = '.toast';

/** Tab and Shift+Tab go round the reader's controls (and a toast's Undo, last) and never leave them. */
function trapTab(root: HTMLElement, event: KeyboardEvent): void {
  const items = [
    ...root.querySelectorAll<HTMLElement>(FOCUSABLE),
    ...document.querySelectorAll<HTMLElement>(`${TOAST} button`),
  ].filter((e) => e.getClientRects().length > 0);
  if (items.length === 0) return;
  const at = items.indexOf(document.activeElement as HTMLElement);
  // Inside something the list does not name (a page's text): the browser's own order, within the reader.
  if (at < 0 && document.activeElement && root.contains(document.activeElement)) return;
  event.preventDefault();
  const step = event.shiftKey ? -1 : 1;
  const next = at < 0 ? (event.shiftKey ? items.length - 1 : 0) : (at + step + items.length) % items.length;
  items[next]!.focus();
}
