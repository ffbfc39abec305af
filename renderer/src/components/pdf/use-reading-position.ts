import { useCallback, useEffect, useRef, useState } from 'react';
import type { Position } from '../../pdf/page-window';
import { useApp } from '../../store';

/** How long the reader waits after the page stops changing before it records where it is. */
const SAVE_PROGRESS_MS = 600;

/**
 * Where the reader is in the document: the page shown, whether the end is reached, whether the reader
 * has moved since it opened; recorded in the library after a pause (the list's progress, reading stats)
 * and when the reader closes. The place recorded is the view's top (the reader opens there again); the page
 * counted read is the one the counter shows, or the last at the end.
 */
export function useReadingPosition(paperId: string, hash: string, count: number) {
  const saveProgress = useApp((s) => s.saveProgress);
  const [current, setCurrent] = useState(0);
  const [atEnd, setAtEnd] = useState(false);
  // Reaching the end is offered only to someone who scrolled there, not on opening a one-page PDF.
  const [moved, setMoved] = useState(false);
  const openedAt = useRef<Position | undefined>(undefined);
  const pending = useRef<{ page: number; offset: number; shown: number } | undefined>(undefined);
  const saved = useRef<{ page: number; offset: number; shown: number } | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const next = pending.current;
    if (!next || !count) return;
    const same = saved.current?.page === next.page && saved.current.shown === next.shown;
    if (same && Math.abs(saved.current!.offset - next.offset) < 0.01) return;
    saved.current = next;
    void saveProgress(paperId, { attachment: hash, ...next, pages: count });
  }, [saveProgress, paperId, hash, count]);
  useEffect(() => flush, [flush]);

  const onPosition = useCallback(
    (position: Position, page: number, end: boolean) => {
      setCurrent(page);
      setAtEnd(end);
      openedAt.current ??= position;
      if (openedAt.current.page !== position.page || Math.abs(openedAt.current.offset - position.offset) > 0.02)
        setMoved(true);
      pending.current = {
        page: end ? count : position.page + 1,
        offset: end ? 0 : Math.round(position.offset * 1000) / 1000,
        // The page the counter shows is the page read (the view's top may hold the last lines of the one before).
        shown: end ? count : page + 1,
      };
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, SAVE_PROGRESS_MS);
    },
    [count, flush],
  );
  return { current, atEnd, moved, onPosition };
}
