import { useCallback, useMemo } from 'react';
import type { ImportPreview } from '../../store/types';
import { TexText } from '../TexText';
import { Untitled } from '../Untitled';
import { EntryList, POSSIBLE_HEIGHT, ROW_HEIGHT } from './EntryList';
import { PossibleDuplicate } from './PossibleDuplicate';
import './import.css';

const KIND_LABEL = { new: 'New', duplicate: 'Already in library', error: 'Skipped', attach: 'Attach to' } as const;
/** A duplicate of an earlier entry of the same file (it has no paper in the library yet). */
const REPEAT_LABEL = 'Repeated in file';
/** A duplicate that fills in details its paper in the library lacks: it goes into that paper. */
const MERGE_LABEL = 'Merges into';

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

/** The single file's preview, entry by entry: what each becomes, a possible duplicate with its choice (EntryList). */
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
  return (
    <EntryList
      count={rows.length}
      estimate={estimate}
      rowKey={(index) => rows[index]!.at}
      rowClass={(index) => `entry ${isPossible(rows[index]) ? 'possible' : rows[index]!.entry.kind}`}
      drawRow={(index) => <EntryRow row={rows[index]!} merge={merge} disabled={disabled} onChoose={onChoose} />}
      choices={preview.possible > 0}
    />
  );
}
