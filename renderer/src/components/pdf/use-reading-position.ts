import { useCallback, useEffect, useRef, useState } from 'react';
import type { Position } from '../../pdf/page-window';
import { useApp } from '../../store';
import type { Movement } from './use-column-window';

/** How long the reader waits after the page stops changing before it records where it is. */
const SAVE_PROGRESS_MS = 600;
/** How long a page must be the one shown, reached by the reader's own scrolling, to count as read. */
export const READ_PAGE_MS = 1500;

type Pending = { page: number; offset: number; shown: number; read: boolean };

/**
 * Where the reader is in the document: the page shown, whether the end is reached and read; recorded in the
 * library after a pause (the list's progress, reading stats) and when the reader closes. The place recorded is
 * the view's top (the reader opens there again, "Continue reading"); the page counted read is the one the
 * counter shows, or the last at the end, and only once it has been shown for READ_PAGE_MS since the reader
 * scrolled or turned pages to it. A jump (a search hit, find, a highlight, a link, the page box, opening) moves
 * the place but reads nothing: the furthest page, "Read to the end", the last-page prompt and the stats' pages
 * follow reading, not jumps.
 */
export function useReadingPosition(paperId: string, hash: string, count: number) {
  const saveProgress = useApp((s) => s.saveProgress);
  const [current, setCurrent] = useState(0);
  const [atEnd, setAtEnd] = useState(false);
  // The last page was read (not jumped to) in this reader: the end is offered.
  const [endRead, setEndRead] = useState(false);
  const pending = useRef<Pending | undefined>(undefined);
  const saved = useRef<Pending | undefined>(undefined);
  // The page being read: shown since `since`, reached by a move.
  const reading = useRef<{ shown: number; since: number } | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const at = pending.current;
    if (!at || !count) return;
    const r = reading.current;
    const next = { ...at, read: r?.shown === at.shown && performance.now() - r.since >= READ_PAGE_MS - 1 };
    const last = saved.current;
    const same = last?.page === next.page && last.shown === next.shown && last.read === next.read;
    if (same && Math.abs(last.offset - next.offset) < 0.01) return;
    saved.current = next;
    if (next.read && next.shown === count) setEndRead(true);
    void saveProgress(paperId, { attachment: hash, ...next, pages: count });
  }, [saveProgress, paperId, hash, count]);
  useEffect(() => flush, [flush]);

  const onPosition = useCallback(
    (position: Position, page: number, end: boolean, how: Movement) => {
      setCurrent(page);
      setAtEnd(end);
      // The page the counter shows is the page read (the view's top may hold the last lines of the one before).
      const shown = end ? count : page + 1;
      const now = performance.now();
      if (how === 'jump') reading.current = undefined;
      else if (reading.current?.shown !== shown) {
        // Scrolled on past a page shown long enough: it was read, though the scrolling never paused.
        if (reading.current && pending.current && now - reading.current.since >= READ_PAGE_MS) flush();
        reading.current = { shown, since: now };
      }
      pending.current = {
        page: end ? count : position.page + 1,
        offset: end ? 0 : Math.round(position.offset * 1000) / 1000,
        shown,
        read: false,
      };
      clearTimeout(timer.current);
      const dwell = reading.current ? reading.current.since + READ_PAGE_MS - now : 0;
      timer.current = setTimeout(flush, Math.max(SAVE_PROGRESS_MS, dwell));
    },
    [count, flush],
  );
  return { current, atEnd, endRead, onPosition };
}
