import type { TextRange } from './fold';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });

/**
 * Short forms that never end a sentence in a paper ("Fig. 2", "Gal et al.", "Dr. Smith"), compared in lower
 * case. Unicode's sentence rules (UAX #29) break after any "." followed by a space and a capital or a digit;
 * ICU keeps a list like this one ("sentence break suppressions") but Intl.Segmenter does not use it.
 */
const ABBREVIATIONS = new Set([
  'al',
  'approx',
  'cf',
  'ch',
  'dr',
  'eq',
  'eqs',
  'fig',
  'figs',
  'mr',
  'mrs',
  'ms',
  'prof',
  'ref',
  'refs',
  'resp',
  'sec',
  'secs',
  'sect',
  'st',
  'tab',
  'thm',
  'viz',
  'vol',
  'vols',
  'vs',
]);
/** Short forms that end no sentence when a number follows ("No. 07-127", "p. 12"), and may otherwise. */
const BEFORE_A_NUMBER = new Set(['no', 'nos', 'nr', 'p', 'pp']);

/** The word before a segment's final "." (letters, with dots inside: "e.g", "U.S"), if it ends with one. */
const LAST_WORD = /(?:^|[\s([{"'“‘])([\p{L}.]+)\.$/u;
/** Letters with dots between them: "e.g", "i.e", "U.S", "a.k.a", "Ph.D". */
const DOTTED = /^\p{L}{1,2}(?:\.\p{L}{1,2})+$/u;
/** A lower-case word (not "and", "by") just before a one-letter word: "in C." ends a sentence. */
const NOT_BEFORE_AN_INITIAL = /(?:^|\s)(?!(?:and|by)\s*$)\p{Ll}+\s*$/u;
/** A section or list number on its own ("1.", "4.2.", "IV."), the start of the heading or item after it. */
const NUMBER_ONLY = /^(?:\d{1,3}(?:\.\d{1,3})*|[IVX]{1,5})\.$/;

/**
 * The sentences of a page's text as offsets into it, by the platform's sentence rules (Intl.Segmenter,
 * Unicode's sentence boundaries), without the white space around them. A line end is read as a space
 * (a PDF's lines end mid-sentence; the segmenter would take each for a paragraph), which keeps every offset.
 * A break after a short form or an initial ("e.g. 3.5", "et al. Showed", "A. Aho, R. Sethi") or after a
 * section's number ("1. Introduction") is no sentence's end: those pieces are joined to what follows.
 */
export function sentences(text: string): TextRange[] {
  const flat = text.replaceAll('\n', ' ');
  const out: TextRange[] = [];
  let joined = false;
  for (const { index, segment } of segmenter.segment(flat)) {
    let start = index;
    let end = index + segment.length;
    while (start < end && /\s/.test(flat[start]!)) start++;
    while (end > start && /\s/.test(flat[end - 1]!)) end--;
    if (end <= start) continue;
    const previous = out.at(-1);
    if (joined && previous) previous.end = end;
    else out.push({ start, end });
    joined = endsNoSentence(flat, start, end);
  }
  return out;
}

/** Whether the piece of `flat` at start..end stops at a "." that ends no sentence (see `sentences`). */
function endsNoSentence(flat: string, start: number, end: number): boolean {
  const piece = flat.slice(start, end);
  if (NUMBER_ONLY.test(piece)) return true;
  const word = LAST_WORD.exec(piece)?.[1];
  if (!word) return false;
  if (DOTTED.test(word)) return true;
  // An initial ("Mohammad R. Haghighat", "and M. Lam"), but not a one-letter name after a word ("written in C.").
  if (/^\p{Lu}$/u.test(word)) return !NOT_BEFORE_AN_INITIAL.test(piece.slice(0, -2));
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return true;
  return BEFORE_A_NUMBER.has(lower) && /^\s*\d/.test(flat.slice(end, end + 8));
}

/**
 * The passage the next sentence key selects on a page, given its sentences and what is selected there now
 * (`current`, undefined when nothing is): the next or previous sentence, or with `extend` the selection
 * grown to the end of the next sentence or shrunk to the end of the previous one. Undefined when the page
 * has no sentence that way (the caller goes on to the next or previous page).
 */
export function stepSentence(
  list: readonly TextRange[],
  current: TextRange | undefined,
  direction: 1 | -1,
  extend: boolean,
): TextRange | undefined {
  if (!current) return direction > 0 ? list[0] : list.at(-1);
  if (extend) {
    if (direction > 0) {
      const next = list.find((s) => s.end > current.end);
      return next && { start: current.start, end: next.end };
    }
    const shorter = list.findLast((s) => s.end < current.end && s.end > current.start);
    return shorter ? { start: current.start, end: shorter.end } : current;
  }
  if (direction > 0) return list.find((s) => s.start >= current.end) ?? list.find((s) => s.start > current.start);
  return list.findLast((s) => s.end <= current.start) ?? list.findLast((s) => s.start < current.start);
}
