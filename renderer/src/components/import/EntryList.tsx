import { useCallback, useLayoutEffect, useRef, useState, type CSSProperties, type Key, type ReactNode } from 'react';
import { useMeasuredRowWindow } from '../row-window';
import './import.css';

/** Rows drawn whole up to this many: past them, the rows on screen are (a list this short costs nothing to draw). */
export const WHOLE_LIST = 200;
/** Rows drawn above and below the screen, so a scroll or a key shows drawn rows. */
const OVERSCAN = 8;
/** A row's height before it is drawn: a line, or a possible duplicate's four and its choice (import.css). */
export const ROW_HEIGHT = 32;
export const POSSIBLE_HEIGHT = 104;

/**
 * An import preview's list of rows (a file's entries, or a batch's files with their problems and choices).
 *
 * Past WHOLE_LIST rows, only the rows on screen and OVERSCAN either side are drawn (useMeasuredRowWindow):
 * 20,000 pasted ids drawn whole took seconds to open and scroll. The list is a Tab stop (unless its choices
 * are all drawn, as in a short list, and are reached instead); the arrow keys, Page Up/Down, Home and End go
 * from row to row, the row gone to keeping the Tab stop (a roving tabindex) while it is drawn; Tab goes on
 * into a row's choices. Each row says where it is in the whole (aria-posinset of aria-setsize).
 *
 * `estimate` (a row's height before it is drawn) keeps its identity while the rows stay the same: a new one
 * forgets the heights measured.
 */
export function EntryList({
  count,
  estimate,
  rowKey,
  rowClass,
  drawRow,
  choices,
}: {
  count: number;
  estimate: (index: number) => number;
  rowKey: (index: number) => Key;
  /** The row's classes ("entry new", "entry possible"…). */
  rowClass: (index: number) => string;
  drawRow: (index: number) => ReactNode;
  /** Whether some row has a choice to make (reached by Tab instead of the list, when all are drawn). */
  choices: boolean;
}) {
  const windowed = count > WHOLE_LIST;
  const view = useMeasuredRowWindow(count, estimate, OVERSCAN);
  const first = windowed ? view.first : 0;
  const last = windowed ? view.last : count - 1;
  // The row the arrow keys went to last: it holds the list's Tab stop while it is drawn.
  const [current, setCurrent] = useState<number>();
  const list = useRef<HTMLUListElement | null>(null);
  const focusing = useRef(false);
  useLayoutEffect(() => {
    if (!focusing.current || current === undefined) return;
    focusing.current = false;
    const row = list.current?.querySelector<HTMLElement>(`[data-row="${current}"]`);
    // Where it is drawn, not where the estimates put it: a row measured on the way may have moved it.
    row?.scrollIntoView?.({ block: 'nearest' });
    row?.focus({ preventScroll: true });
  }, [current, first, last]);

  const go = (index: number) => {
    const to = Math.max(0, Math.min(count - 1, index));
    focusing.current = true;
    setCurrent(to);
    // The rows there are drawn at once; a short list has them all, and the row is scrolled to as it is focused.
    if (windowed) view.scrollToIndex(to);
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLUListElement>) => {
    const target = event.target as HTMLElement;
    // Keys in a row's choices are the choices' own (the arrows move a radio's choice).
    const from = target === list.current ? undefined : Number(target.dataset.row);
    if (from !== undefined && !Number.isInteger(from)) return;
    // The rows on screen: at the top of the list, fewer rows are drawn above it than OVERSCAN, so first and last
    // do not tell it (a Page Down there went one possible duplicate at a time).
    const page = Math.max(1, view.bottomRow - view.topRow);
    const at = from ?? current ?? view.topRow;
    const to =
      event.key === 'ArrowDown'
        ? at + (from === undefined ? 0 : 1)
        : event.key === 'ArrowUp'
          ? at - (from === undefined ? 0 : 1)
          : event.key === 'PageDown'
            ? at + page
            : event.key === 'PageUp'
              ? at - page
              : event.key === 'Home'
                ? 0
                : event.key === 'End'
                  ? count - 1
                  : undefined;
    if (to === undefined || count === 0) return;
    event.preventDefault();
    go(to);
  };

  const drawnChoices = !windowed && choices;
  const stopOnRow = current !== undefined && current >= first && current <= last;
  const { ref: windowRef } = view;
  const ref = useCallback(
    (element: HTMLUListElement | null) => {
      list.current = element;
      windowRef(element);
    },
    [windowRef],
  );
  const indexes = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
  return (
    // Focusable, so its entries scroll with the keys and Tab's round of the dialog comes back to it; a short list
    // with a choice to make is reached through its choices instead.
    <ul
      ref={ref}
      className={windowed ? 'import-entries windowed' : 'import-entries'}
      tabIndex={stopOnRow ? -1 : drawnChoices ? undefined : 0}
      aria-label="Entries"
      onKeyDown={onKeyDown}
      style={windowed ? ({ '--before': `${view.before}px`, '--after': `${view.after}px` } as CSSProperties) : undefined}
    >
      {indexes.map((index) => (
        <li
          key={rowKey(index)}
          ref={windowed ? view.measure : undefined}
          data-row={index}
          className={index === count - 1 ? `${rowClass(index)} last-entry` : rowClass(index)}
          tabIndex={index === current ? 0 : -1}
          aria-setsize={count}
          aria-posinset={index + 1}
        >
          {drawRow(index)}
        </li>
      ))}
    </ul>
  );
}
