import type { BatchFile } from '../../store/import-batch';
import { nothingNew, toImport } from '../../store/import-batch';
import { TexText } from '../TexText';
import { Untitled } from '../Untitled';
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

/** One entry a file: a PDF by its paper's title, a file of papers by its name and counts; why one is skipped. */
export function BatchEntries({
  batch,
  disabled,
  onChoose,
}: {
  batch: readonly BatchFile[];
  disabled: boolean;
  onChoose: (file: number, entry: number, merge: boolean) => void;
}) {
  return batch.map((file, at) => {
    const { kind, label } = kindOf(file);
    const { preview } = file;
    return [
      <li key={at} className={`entry ${kind}`}>
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
      </li>,
      ...problemsOf(file, at),
      ...(preview?.entries ?? []).flatMap((entry) =>
        entry.kind === 'new' && 'possible' in entry
          ? [
              <li key={`${at}-${entry.entry}`} className="entry possible">
                <PossibleDuplicate
                  entry={entry}
                  merge={file.merge.includes(entry.entry)}
                  disabled={disabled}
                  onChoose={(merge) => onChoose(at, entry.entry, merge)}
                />
              </li>,
            ]
          : [],
      ),
    ];
  });
}

/** A file's unreadable entries, each with its line and why, under the file's row; past MAX_PROBLEMS, how many more. */
function problemsOf(file: BatchFile, at: number) {
  const problems = (file.preview?.entries ?? []).flatMap((entry) => (entry.kind === 'error' ? [entry] : []));
  const rows = problems.slice(0, MAX_PROBLEMS).map((problem, i) => (
    <li key={`${at}-problem-${i}`} className="entry error entry-of-file">
      <span className="entry-kind error">Skipped</span>
      <span className="entry-text">
        {problem.where}: {problem.message}
      </span>
    </li>
  ));
  if (problems.length > MAX_PROBLEMS)
    rows.push(
      <li key={`${at}-problem-more`} className="entry error entry-of-file muted">
        <span className="entry-kind error" />
        <span className="entry-text">… and {(problems.length - MAX_PROBLEMS).toLocaleString()} more skipped</span>
      </li>,
    );
  return rows;
}
