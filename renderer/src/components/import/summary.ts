import type { ImportPreview } from '../../store/types';
import { shortTitle } from '../../tex-plain';

/** "1 paper", "3 papers": a count with its noun agreeing. */
export const count = (n: number, one: string, many: string): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** The preview's headline count: "no new papers", "1 new paper", "3 new papers". */
export const newPapers = (n: number): string => (n === 0 ? 'no new papers' : count(n, 'new paper', 'new papers'));

/** What follows the new papers in the preview's summary: duplicates, repeats, untitled, possible, skipped. */
export function summaryRest(preview: ImportPreview): string {
  const inLibrary = preview.duplicates - preview.repeats;
  let rest = '';
  if (inLibrary > 0) rest += ` · ${count(inLibrary, 'paper', 'papers')} already in your library`;
  if (preview.repeats > 0) rest += ` · ${count(preview.repeats, 'entry', 'entries')} repeated in this file`;
  if (preview.filling > 0) rest += ` (${preview.filling.toLocaleString()} with details to fill in)`;
  if (preview.untitled > 0) rest += ` · ${preview.untitled.toLocaleString()} untitled`;
  if (preview.possible > 0)
    rest += ` · ${preview.possible.toLocaleString()} possibly already there (kept apart unless you choose Merge)`;
  if (preview.errors > 0) rest += ` · ${preview.errors.toLocaleString()} skipped`;
  return rest;
}

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
  if (pdf) return `“${shortTitle(pdf.title)}” has this PDF already.`;
  const skipped =
    errors > 0 ? ` ${errors.toLocaleString()} ${errors === 1 ? 'entry was' : 'entries were'} skipped.` : '';
  const noun = within === 'the paste' ? 'paste' : 'file';
  const papers = duplicates - repeats;
  if (repeats > 0 && papers > 0)
    return (
      `${count(papers, 'paper', 'papers')} (${count(repeats, 'repeat', 'repeats')} within ${within}), ` +
      `${papers === 1 ? 'already' : 'all already'} in your library, with nothing this ${noun} would add.${skipped}`
    );
  if (duplicates === 1) return `Its paper is already in your library, with nothing this file would add.${skipped}`;
  if (duplicates > 1)
    return `All ${duplicates.toLocaleString()} of its papers are already in your library, with nothing this file would add.${skipped}`;
  return found === 0 ? 'No papers were found in it.' : `No entry could be read.${skipped}`;
}
