import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import {
  pageWindow,
  positionAt,
  scrollTopFor,
  type Layout,
  type PageWindow,
  type Position,
} from '../../pdf/page-window';
import type { LoadedPdf } from './use-pdf-document';

/** How long the column must rest before the pages around the screen are drawn and their text laid out. */
const SETTLE_MS = 150;
/** Scrolling faster than a screen in this many milliseconds is a fling. */
const FLING_SCREEN_MS = 300;
/** Two scroll events further apart than this are not one movement (a page turn after a pause). */
const FLING_WINDOW_MS = 100;

/**
 * How the view came where it is: moved by the reader (a wheel, the scroll bar, a drag, the keys that scroll or
 * turn pages), or put there by a jump (opening, a search hit, find, a highlight, a link, the page box).
 */
export type Movement = 'move' | 'jump';

type Options = {
  layout: Layout;
  initial: Position;
  /** How the reader opened: at its own place (a move: the page shown is being read) or at a target (a jump). */
  opening: Movement;
  pdf: Pick<LoadedPdf, 'queue'>;
  onPosition: (position: Position, current: number, atEnd: boolean, how: Movement) => void;
  onViewSize: (size: { width: number; height: number }) => void;
};

/**
 * Which pages of the scrolled column to draw and keep, followed as it scrolls and as it is resized: the
 * place read (kept across zooms), the window of pages, and whether the column is at rest.
 */
export function useColumnWindow({ layout, initial, opening, pdf, onPosition, onViewSize }: Options) {
  const scroller = useRef<HTMLDivElement>(null);
  const position = useRef<Position>(initial);
  const [view, setView] = useState({ width: 0, height: 0 });
  const [win, setWin] = useState<PageWindow>(() => pageWindow(layout, 0, 800));

  // While the column is being scrolled only the pages on screen are drawn, one at a time, and no text is laid
  // out; once it has rested for SETTLE_MS the pages around are drawn and the text layers made.
  const [settled, setSettled] = useState(true);
  const scrolling = useRef(false);
  // A fling (faster than a screen in FLING_SCREEN_MS) draws nothing: the pages it passes would be let go
  // before they were seen, and their drawing would cost the scroll its frames. A page turn or a jump is one
  // scroll event after a pause, never a fling.
  const fling = useRef(false);
  const lastScroll = useRef({ top: 0, at: -Infinity });
  const settleTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // Opening where the reader left off (or at the first page) is reading the page shown; opening at a target (a
  // search hit, a page, a highlight) is a jump. The reader's own scrolling makes it a move until the next jump.
  const how = useRef<Movement>(opening);
  const wasAtEnd = useRef(false);
  const markMove = useCallback(() => {
    how.current = 'move';
  }, []);
  const markJump = useCallback(() => {
    how.current = 'jump';
  }, []);
  const measure = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    position.current = positionAt(layout, el.scrollTop);
    // Drawings are kept a screen either way (not three): memory, and a page redrawn costs little now.
    const shown = pageWindow(layout, el.scrollTop, el.clientHeight, scrolling.current ? 0 : 1, 1);
    const next: PageWindow = fling.current ? { ...shown, render: [0, -1] } : shown;
    pdf.queue.focus(next.current);
    setWin((old) => (sameWindow(old, next) ? old : next));
    const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - 4;
    wasAtEnd.current = atEnd;
    onPosition(position.current, next.current, atEnd, how.current);
  }, [layout, onPosition, pdf.queue]);

  // A new layout (a zoom, the pages' sizes) puts the same place back at the top before it is painted.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    el.scrollTop = scrollTopFor(layout, position.current);
    measure();
  }, [layout, measure]);

  // The reader's hand on the column (a wheel, a touch, the scroll bar) makes what follows a move.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const events = ['wheel', 'touchstart', 'pointerdown'] as const;
    for (const event of events) el.addEventListener(event, markMove, { passive: true });
    return () => events.forEach((event) => el.removeEventListener(event, markMove));
  }, [markMove]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      // At the end, the column shortened (the last-page bar came under it) stays at the end: its last lines show.
      if (wasAtEnd.current) el.scrollTop = el.scrollHeight;
      const size = { width: el.clientWidth, height: el.clientHeight };
      setView((old) => (old.width === size.width && old.height === size.height ? old : size));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    if (view.width) onViewSize(view);
  }, [view, onViewSize]);
  useEffect(() => {
    if (view.height) measure();
  }, [view.height, measure]);

  /** Puts `to` at the top of the view (as the reader's "go to page" does); the pages there are drawn once it rests. */
  const goTo = useCallback(
    (to: Position) => {
      const el = scroller.current;
      if (!el) return;
      how.current = 'jump';
      position.current = to;
      el.scrollTop = scrollTopFor(layout, to);
    },
    [layout],
  );

  const frame = useRef(0);
  const onScroll = () => {
    const el = scroller.current;
    if (el) {
      const now = performance.now();
      const since = now - lastScroll.current.at;
      const moved = Math.abs(el.scrollTop - lastScroll.current.top);
      fling.current = since < FLING_WINDOW_MS && moved / Math.max(since, 1) > el.clientHeight / FLING_SCREEN_MS;
      lastScroll.current = { top: el.scrollTop, at: now };
    }
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(measure);
    if (!scrolling.current) {
      scrolling.current = true;
      setSettled(false);
    }
    clearTimeout(settleTimer.current);
    settleTimer.current = setTimeout(() => {
      scrolling.current = false;
      fling.current = false;
      setSettled(true);
      measure();
    }, SETTLE_MS);
  };
  useEffect(
    () => () => {
      cancelAnimationFrame(frame.current);
      clearTimeout(settleTimer.current);
    },
    [],
  );

  return { scroller, win, settled, onScroll, goTo, markMove, markJump };
}

function sameWindow(a: PageWindow, b: PageWindow): boolean {
  return (
    a.current === b.current &&
    a.visible[0] === b.visible[0] &&
    a.visible[1] === b.visible[1] &&
    a.render[0] === b.render[0] &&
    a.render[1] === b.render[1] &&
    a.keep[0] === b.keep[0] &&
    a.keep[1] === b.keep[1]
  );
}
