import { anchor } from '../anchor';
import type { Annotation } from '../store/types';
import { fold, foldQuery, toOriginal, type TextRange } from './fold';
import { drawnOrder, type DrawnOrder } from './page-text';

/**
 * Where a PDF highlight's words are in the page's text as this pdf.js lays it out: at its stored offsets
 * when the quote is there (`exact`: where it was drawn stands), or where those offsets' characters are now
 * when they counted in the text as laid out before right-to-left words were read in order (also `exact`:
 * the same words, drawn where they were), else at the occurrence of the quote whose context best matches (items
 * split differently shift offsets), else the same with white space, case and ligatures folded (items joined
 * with or without a line break). Undefined when the page no longer has the words.
 */
export function locate(
  text: string,
  annotation: Pick<Annotation, 'quote' | 'prefix' | 'suffix' | 'start' | 'end'>,
): (TextRange & { exact: boolean }) | undefined {
  const { start, end, quote } = annotation;
  if (text.slice(start, end) === quote) return { start, end, exact: true };
  const before = drawnOrder(text);
  if (before && end > start && before.drawn.slice(start, end) === quote)
    return { ...movedTo(before, start, end), exact: true };
  const found = anchor(text, annotation as Annotation);
  if (found) return { start: found.start, end: found.end, exact: false };
  const folded = fold(text);
  const needle = foldQuery(quote);
  if (!needle) return undefined;
  const prefix = fold(annotation.prefix).folded;
  const suffix = fold(annotation.suffix).folded;
  let best: { at: number; score: number } | undefined;
  for (let at = folded.folded.indexOf(needle); at !== -1; at = folded.folded.indexOf(needle, at + 1)) {
    const before = folded.folded.slice(Math.max(0, at - prefix.length), at);
    const after = folded.folded.slice(at + needle.length, at + needle.length + suffix.length);
    const score = sharedEnd(before, prefix) + sharedStart(after, suffix) - Math.abs(folded.map[at]! - start) / 1e6;
    if (!best || score > best.score) best = { at, score };
  }
  if (!best) return undefined;
  return { ...toOriginal(folded, best.at, best.at + needle.length), exact: false };
}

/**
 * start..end of the text as laid out in pdf.js's order, in the text now: from the first to past the last place
 * its characters moved to (right-to-left words a highlight covers are next to each other either way).
 */
function movedTo({ to }: DrawnOrder, start: number, end: number): TextRange {
  let from = Infinity;
  let past = -Infinity;
  for (let c = start; c < end; c++) {
    from = Math.min(from, to[c]!);
    past = Math.max(past, to[c]! + 1);
  }
  return { start: from, end: past };
}

function sharedStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function sharedEnd(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
