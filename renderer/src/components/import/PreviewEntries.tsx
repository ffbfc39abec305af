import { useCallback, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import type { ImportPreview } from '../../store/types';
import { useMeasuredRowWindow } from '../row-window';
import { TexText } from '../TexText';
import { Untitled } from '../Untitled';
import { PossibleDuplicate } from './PossibleDuplicate';
import './import.css';

const KIND_LABEL = { new: 'New', duplicate: 'Already in library', error: 'Skipped', attach: 'Attach to' } as const;
/** A duplicate of an earlier entry of the same file (it has no paper in the library yet). */
const REPEAT_LABEL = 'Repeated in file';
/** A duplicate that fills in details its paper in the library lacks: it goes into that paper. */
const MERGE_LABEL = 'Merges into';
/** Rows drawn whole up to this many: past them, the rows on screen are (a list this short costs nothing to draw). */
export const WHOLE_LIST = 200;
/** Rows drawn above and below the screen, so a scroll or a key shows drawn rows. */
const OVERSCAN = 8;
/** A row's height before it is drawn: a line, or a possible duplicate's four and its choice (import.css). */
const ROW_HEIGHT = 32;
const POSSIBLE_HEIGHT = 104;

/** The details a duplicate would fill in, in words. */
const FIELD_WORDS: Record<string, string> = {
  title: 'the title',
  authors: 'the authors',
  authorNames: 'the authors’ names',
  editors: 'the editors',
  abstract: 'the abstract',
  year: 'the year',
  venue: 'the venue',
  doi: 'the DOI',
  arxivId: 'the arXiv id',
  url: 'a link',
  citationKey: 'a citation key',
  keywords: 'keywords',
  links: 'links',
  titleParts: 'the subtitle apart',
  volume: 'the volume',
  issue: 'the issue',
  pages: 'the pages',
  publisher: 'the publisher',
  issn: 'the ISSN',
  isbn: 'the ISBN',
  type: 'the type',
};

/** "a, b and c". */
const listed = (words: readonly string[]): string =>
  words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : (words[0] ?? '');

/**
 * What a duplicate adds to its paper, in words: "the title, the authors and the ‘note’ field". A field of the
 * file's own format ("bibtex:note", kept as written) is named by its name in the file; the authors' names go
 * with the authors, a link with the links.
 */
export function fillsInWords(fills: readonly string[]): string {
  const has = new Set(fills);
  const words: string[] = [];
  const own: string[] = [];
  for (const field of fills) {
    if (field === 'authorNames' && has.has('authors')) continue;
    if (field === 'url' && has.has('links')) continue;
    const colon = field.indexOf(':');
    if (colon > 0) own.push(`‘${field.slice(colon + 1)}’`);
    else words.push(field === 'links' && has.has('url') ? 'links' : (FIELD_WORDS[field] ?? field));
  }
  if (own.length > 0) words.push(`the ${listed(own)} ${own.length === 1 ? 'field' : 'fields'}`);
  return listed(words);
}

type Entry = ImportPreview['entries'][number];

/**
 * The entries as rows, an entry's repeats within the file folded into its row with their count ("×6 in this
 * file"): a digest pasted six times over is its papers once. One pass over the entries.
 */
export function groupRepeats(entries: readonly Entry[]): { entry: Entry; at: number; times: number }[] {
  const times = new Map<number, number>();
  for (const entry of entries)
    if (entry.kind === 'duplicate' && entry.repeatOf !== undefined)
      times.set(entry.repeatOf, (times.get(entry.repeatOf) ?? 1) + 1);
  const rows: { entry: Entry; at: number; times: number }[] = [];
  for (const [at, entry] of entries.entries())
    if (!(entry.kind === 'duplicate' && entry.repeatOf !== undefined))
      rows.push({ entry, at, times: times.get(at) ?? 1 });
  return rows;
}

/** What an entry becomes, as its row's label. */
function labelOf(entry: Entry): string {
  if (entry.kind !== 'duplicate') return KIND_LABEL[entry.kind];
  if (entry.existingId === '') return REPEAT_LABEL;
  return entry.fills.length > 0 ? MERGE_LABEL : KIND_LABEL.duplicate;
}

type Row = ReturnType<typeof groupRepeats>[number];

/** An entry's row: what it becomes and its title, or a possible duplicate with its choice. */
function EntryRow({
  row: { entry, times },
  merge,
  disabled,
  onChoose,
}: {
  row: Row;
  merge: readonly number[];
  disabled: boolean;
  onChoose: (entry: number, merge: boolean) => void;
}) {
  if (entry.kind === 'new' && 'possible' in entry)
    return (
      <PossibleDuplicate
        entry={entry}
        merge={merge.includes(entry.entry)}
        disabled={disabled}
        onChoose={(choice) => onChoose(entry.entry, choice)}
      />
    );
  return (
    <>
      <span className={`entry-kind ${entry.kind}`}>{labelOf(entry)}</span>
      <span className="entry-text">
        {entry.kind === 'error' ? (
          `${entry.where}: ${entry.message}`
        ) : entry.title ? (
          // Drawn as the list draws it: L$_2$ shows L₂, not its TeX.
          <TexText text={entry.title} />
        ) : (
          <Untitled />
        )}
        {entry.kind === 'duplicate' && entry.fills.length > 0 && (
          <span className="muted"> — adds {fillsInWords(entry.fills)}</span>
        )}
        {times > 1 && <span className="entry-times muted"> — {times.toLocaleString()} times in this file</span>}
      </span>
    </>
  );
}

const isPossible = (row: Row | undefined): boolean => row?.entry.kind === 'new' && 'possible' in row.entry;

/**
 * The single file's preview, entry by entry: what each becomes, a possible duplicate with its choice.
 *
 * Past WHOLE_LIST rows, only the rows on screen and OVERSCAN either side are drawn (useMeasuredRowWindow):
 * 20,000 pasted ids drawn whole took seconds to open and scroll. The list is a Tab stop (unless its choices
 * are all drawn, as in a short list, and are reached instead); the arrow keys, Page Up/Down, Home and End go
 * from row to row, the row gone to keeping the Tab stop (a roving tabindex) while it is drawn; Tab goes on
 * into a row's choices. Each row says where it is in the whole (aria-posinset of aria-setsize).
 */
export function PreviewEntries({
  preview,
  merge,
  disabled,
  onChoose,
}: {
  preview: ImportPreview;
  merge: readonly number[];
  disabled: boolean;
  onChoose: (entry: number, merge: boolean) => void;
}) {
  const rows = useMemo(() => groupRepeats(preview.entries), [preview.entries]);
  const estimate = useCallback((index: number) => (isPossible(rows[index]) ? POSSIBLE_HEIGHT : ROW_HEIGHT), [rows]);
  const windowed = rows.length > WHOLE_LIST;
  const view = useMeasuredRowWindow(rows.length, estimate, OVERSCAN);
  const first = windowed ? view.first : 0;
  const last = windowed ? view.last : rows.length - 1;
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
    const to = Math.max(0, Math.min(rows.length - 1, index));
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
    const page = Math.max(1, view.last - view.first - 2 * OVERSCAN);
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
                  ? rows.length - 1
                  : undefined;
    if (to === undefined || rows.length === 0) return;
    event.preventDefault();
    go(to);
  };

  const drawnChoices = !windowed && preview.possible > 0;
  const stopOnRow = current !== undefined && current >= first && current <= last;
  const { ref: windowRef } = view;
  const ref = useCallback(
    (element: HTMLUListElement | null) => {
      list.current = element;
      windowRef(element);
    },
    [windowRef],
  );
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
      {rows.slice(first, last + 1).map((row, i) => {
        const index = first + i;
        const kind = isPossible(row) ? 'possible' : row.entry.kind;
        return (
          <li
            key={row.at}
            ref={windowed ? view.measure : undefined}
            data-row={index}
            className={index === rows.length - 1 ? `entry ${kind} last-entry` : `entry ${kind}`}
            tabIndex={index === current ? 0 : -1}
            aria-setsize={rows.length}
            aria-posinset={index + 1}
          >
            <EntryRow row={row} merge={merge} disabled={disabled} onChoose={onChoose} />
          </li>
        );
      })}
    </ul>
  );
}
