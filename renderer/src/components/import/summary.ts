import type { ImportPreview } from '../../store/types';
import { plainTitle } from '../../tex-plain';

/** "1 paper", "3 papers": a count with its noun agreeing. */
export const count = (n: number, one: string, many: string): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** The preview's headline count: "no new papers", "1 new paper", "3 new papers". */
export const newPapers = (n: number): string => (n === 0 ? 'no new papers' : count(n, 'new paper', 'new papers'));

type Entry = ImportPreview['entries'][number];

/**
 * The papers of the library a file goes into, told apart: those it would fill in (`merging`: the details they
 * lack) and those it has nothing to add to. An entry repeated in the file counts once, with its paper.
 */
export function intoLibraryCounts(entries: readonly Entry[]): { merging: number; nothing: number } {
  const filled = new Set<string>();
  const papers = new Set<string>();
  for (const entry of entries) {
    if (entry.kind !== 'duplicate' || entry.existingId === '') continue;
    papers.add(entry.existingId);
    if (entry.fills.length > 0) filled.add(entry.existingId);
  }
  return { merging: filled.size, nothing: papers.size - filled.size };
}

/** "merged into 1 paper in your library (filling in what it lacks)": a file's entries that add details. */
export const mergedInto = (n: number): string =>
  n === 1
    ? '1 merged into a paper in your library (filling in what it lacks)'
    : `${n.toLocaleString()} merged into papers in your library (filling in what they lack)`;

/** "2 papers already in your library": entries that add nothing to their paper (those that do are merged into it). */
export const alreadyThere = (n: number): string => `${count(n, 'paper', 'papers')} already in your library`;

/** "2 skipped (unreadable)": entries the importer could not read, each listed with its line and why. */
export const skipped = (n: number): string => `${n.toLocaleString()} skipped (unreadable)`;

/** What follows the new papers in the preview's summary: merged, in the library, repeats, untitled, possible, skipped. */
export function summaryRest(preview: ImportPreview): string {
  const { merging, nothing } = intoLibraryCounts(preview.entries);
  let rest = '';
  if (merging > 0) rest += ` · ${mergedInto(merging)}`;
  if (nothing > 0) rest += ` · ${alreadyThere(nothing)}`;
  if (preview.repeats > 0) rest += ` · ${count(preview.repeats, 'entry', 'entries')} repeated in this file`;
  if (preview.untitled > 0) rest += ` · ${preview.untitled.toLocaleString()} untitled`;
  if (preview.possible > 0)
    rest += ` · ${preview.possible.toLocaleString()} possibly already there (kept apart unless you choose Merge)`;
  if (preview.errors > 0) rest += ` · ${skipped(preview.errors)}`;
  return rest;
}

/** Whether every entry of a file was unreadable: nothing in it is a paper, new or in the library. */
export const allUnreadable = (preview: ImportPreview): boolean =>
  !preview.pdf && preview.errors > 0 && preview.new === 0 && preview.duplicates === 0;

/** Where a PDF goes and why, after "PDF · ": "a new paper (titled from …)". */
export function pdfSummary(pdf: NonNullable<ImportPreview['pdf']>): string {
  const where =
    pdf.kind === 'new' ? 'a new paper' : pdf.already ? 'already in your library' : 'goes to a paper in your library';
  return `${where} (${pdf.why})`;
}

/**
 * Why there is nothing to import, after "Nothing new to import."; `within`: "the file" or "the paste", where
 * repeats of one entry are counted apart: a digest pasted six times over is its papers once.
 */
export function nothingNewReason(
  { found, duplicates, repeats, errors, pdf }: ImportPreview,
  within: 'the file' | 'the paste' = 'the file',
): string {
  if (pdf) return `“${plainTitle(pdf.title)}” has this PDF already.`;
  const skipped =
    errors > 0 ? ` ${errors.toLocaleString()} ${errors === 1 ? 'entry was' : 'entries were'} skipped.` : '';
  const noun = within === 'the paste' ? 'paste' : 'file';
  const papers = duplicates - repeats;
  if (repeats > 0 && papers > 0)
    return (
      `${count(papers, 'paper', 'papers')} (${count(repeats, 'repeat', 'repeats')} within ${within}), ` +
      `${papers === 1 ? 'already' : 'all already'} in your library, with nothing this ${noun} would add.${skipped}`
    );
  if (duplicates === 1) return `Its paper is already in your library, with nothing this ${noun} would add.${skipped}`;
  if (duplicates > 1)
    return `All ${duplicates.toLocaleString()} of its papers are already in your library, with nothing this ${noun} would add.${skipped}`;
  if (found === 0) return 'No papers were found in it.';
  return errors === 1
    ? 'Its one entry could not be read: its line and why are below.'
    : `None of its ${errors.toLocaleString()} entries could be read: each is below with its line and why.`;
}
