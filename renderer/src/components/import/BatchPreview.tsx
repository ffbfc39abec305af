import { useCallback, useState } from 'react';
import type { BatchFile } from '../../store/import-batch';
import { nothingNew, toImport } from '../../store/import-batch';
import type { ImportPreview } from '../../store/types';
import { TexText } from '../TexText';
import { Untitled } from '../Untitled';
import { EntryList, POSSIBLE_HEIGHT, ROW_HEIGHT } from './EntryList';
import { PossibleDuplicate } from './PossibleDuplicate';
import { allUnreadable, count, intoLibraryCounts, mergedInto, newPapers, summaryRest } from './summary';

/** "New", "Already in library"…: what a file of the batch is, as its entry's label. */
function kindOf(file: BatchFile): { kind: string; label: string } {
  const { preview } = file;
  if (!preview || file.error !== undefined || allUnreadable(preview) || (!preview.pdf && preview.found === 0))
    return { kind: 'error', label: 'Skipped' };
  if (preview.pdf?.kind === 'attach') return preview.pdf.already ? duplicate : { kind: 'attach', label: 'Attach to' };
  if (preview.pdf) return { kind: 'new', label: 'New' };
  return nothingNew(preview) ? duplicate : { kind: 'new', label: preview.new > 0 ? 'New' : 'Fills in' };
}
const duplicate = { kind: 'duplicate', label: 'Already in library' };

/** A file's unreadable entries shown under its row, at most this many (its row counts them all). */
const MAX_PROBLEMS = 5;

/**
 * The batch in one line: its files, the new papers, the papers of the library its entries are merged into or
 * that are there already, the entries and files skipped.
 */
export function batchSummary(batch: readonly BatchFile[]): string {
  let fresh = 0;
  let merging = 0;
  let already = 0;
  let attach = 0;
  let unreadable = 0;
  let skipped = 0;
  for (const { preview, error } of batch) {
    if (!preview || error !== undefined) skipped++;
    else if (preview.pdf?.kind === 'attach') {
      if (preview.pdf.already) already++;
      else attach++;
    } else {
      const into = intoLibraryCounts(preview.entries);
      fresh += preview.new;
      merging += into.merging;
      already += into.nothing;
      unreadable += preview.errors;
    }
  }
  let summary = `${count(batch.length, 'file', 'files')} · ${newPapers(fresh)}`;
  if (attach > 0) summary += ` · ${count(attach, 'PDF', 'PDFs')} for papers in your library`;
  if (merging > 0) summary += ` · ${mergedInto(merging)}`;
  if (already > 0) summary += ` · ${already.toLocaleString()} already in your library`;
  if (unreadable > 0) summary += ` · ${count(unreadable, 'entry', 'entries')} skipped (unreadable)`;
  if (skipped > 0) summary += ` · ${count(skipped, 'file', 'files')} could not be read`;
  return summary;
}

/** What confirming a batch does, on its button. */
export const batchAction = (batch: readonly BatchFile[]): string => {
  const files = toImport(batch).length;
  return `Import ${count(files, 'file', 'files')}`;
};

/** Whether nothing in the batch would change the library. */
export const batchNothingNew = (batch: readonly BatchFile[]): boolean => toImport(batch).length === 0;

type Entry = ImportPreview['entries'][number];
type Problem = Extract<Entry, { kind: 'error' }>;
type Possible = Extract<Entry, { possible: unknown }>;

/**
 * A row of a batch's preview: a file's line, one of its unreadable entries (at most MAX_PROBLEMS, then how many
 * more) or one of its possible duplicates with its choice.
 */
type BatchRow =
  | { file: number; part: 'file' }
  | { file: number; part: 'problem'; problem: Problem; at: number }
  | { file: number; part: 'more'; more: number }
  | { file: number; part: 'possible'; entry: Possible };

/** The batch's rows, file by file, in one pass over its entries; `choices`: whether any row has one to make. */
function batchRows(batch: readonly BatchFile[]): { rows: BatchRow[]; choices: boolean } {
  const rows: BatchRow[] = [];
  let choices = false;
  for (const [file, { preview }] of batch.entries()) {
    rows.push({ file, part: 'file' });
    const possible: BatchRow[] = [];
    let problems = 0;
    for (const entry of preview?.entries ?? []) {
      if (entry.kind === 'error') {
        if (problems < MAX_PROBLEMS) rows.push({ file, part: 'problem', problem: entry, at: problems });
        problems++;
      } else if (entry.kind === 'new' && 'possible' in entry) possible.push({ file, part: 'possible', entry });
    }
    if (problems > MAX_PROBLEMS) rows.push({ file, part: 'more', more: problems - MAX_PROBLEMS });
    for (const row of possible) rows.push(row);
    choices ||= possible.length > 0;
  }
  return { rows, choices };
}

/** Whether two batches are the same files, read the same way (they differ in the choices made, if at all). */
const sameFiles = (a: readonly BatchFile[], b: readonly BatchFile[]): boolean =>
  a.length === b.length && a.every((file, i) => file.preview === b[i]!.preview && file.error === b[i]!.error);

/**
 * The batch's rows, kept while only its choices change: new rows would forget the heights measured, and
 * a choice made far down the list would send it elsewhere.
 */
function useBatchRows(batch: readonly BatchFile[]): { rows: BatchRow[]; choices: boolean } {
  const [made, setMade] = useState(() => ({ batch, ...batchRows(batch) }));
  if (sameFiles(made.batch, batch)) return made;
  const now = { batch, ...batchRows(batch) };
  setMade(now);
  return now;
}

const rowKey = (row: BatchRow): string =>
  row.part === 'file'
    ? `${row.file}`
    : row.part === 'problem'
      ? `${row.file}-problem-${row.at}`
      : row.part === 'more'
        ? `${row.file}-problem-more`
        : `${row.file}-${row.entry.entry}`;

/**
 * One line a file: a PDF by its paper's title, a file of papers by its name and counts; why one is skipped.
 * Under a file, its unreadable entries and its possible duplicates, each with its choice. A batch of large
 * files (three .bib files of 8,000 entries, thousands of them possible duplicates) is drawn as EntryList
 * draws a long preview: the rows on screen, every row reached by the keys.
 */
export function BatchEntries({
  batch,
  disabled,
  onChoose,
}: {
  batch: readonly BatchFile[];
  disabled: boolean;
  onChoose: (file: number, entry: number, merge: boolean) => void;
}) {
  const { rows, choices } = useBatchRows(batch);
  const estimate = useCallback(
    (index: number) => (rows[index]?.part === 'possible' ? POSSIBLE_HEIGHT : ROW_HEIGHT),
    [rows],
  );
  return (
    <EntryList
      count={rows.length}
      estimate={estimate}
      rowKey={(index) => rowKey(rows[index]!)}
      rowClass={(index) => rowClass(rows[index]!, batch)}
      drawRow={(index) => {
        const row = rows[index]!;
        if (row.part === 'file') return <FileRow file={batch[row.file]!} />;
        if (row.part === 'problem')
          return (
            <>
              <span className="entry-kind error">Skipped</span>
              <span className="entry-text">
                {row.problem.where}: {row.problem.message}
              </span>
            </>
          );
        if (row.part === 'more')
          return (
            <>
              <span className="entry-kind error" />
              <span className="entry-text">… and {row.more.toLocaleString()} more skipped</span>
            </>
          );
        return (
          <PossibleDuplicate
            entry={row.entry}
            group={row.file}
            merge={batch[row.file]!.merge.includes(row.entry.entry)}
            disabled={disabled}
            onChoose={(merge) => onChoose(row.file, row.entry.entry, merge)}
          />
        );
      }}
      choices={choices}
    />
  );
}

function rowClass(row: BatchRow, batch: readonly BatchFile[]): string {
  if (row.part === 'file') return `entry ${kindOf(batch[row.file]!).kind}`;
  if (row.part === 'possible') return 'entry possible';
  return row.part === 'more' ? 'entry error entry-of-file muted' : 'entry error entry-of-file';
}

/** A file's line: what it is, its name, and its counts or why it is skipped. */
function FileRow({ file }: { file: BatchFile }) {
  const { kind, label } = kindOf(file);
  const { preview } = file;
  return (
    <>
      <span className={`entry-kind ${kind}`}>{label}</span>
      <span className="entry-text">
        {!preview || file.error !== undefined ? (
          `${file.name}: ${file.error ?? 'could not be read'}`
        ) : preview.pdf ? (
          <>
            {preview.pdf.title ? <TexText text={preview.pdf.title} /> : <Untitled />}
            <span className="muted">
              {' '}
              — {file.name}
              {preview.pdf.kind === 'attach' && preview.pdf.already ? ', this PDF is there already' : ''}
            </span>
          </>
        ) : (
          <>
            {file.name}
            <span className="muted">
              {' '}
              — {preview.format} · {preview.found.toLocaleString()} found · {newPapers(preview.new)}
              {summaryRest(preview)}
            </span>
          </>
        )}
      </span>
    </>
  );
}
