import { asciiFold } from './exporters/shared';
import { authorNamesOf } from './names';
import type { PaperDraft } from './paper';
import type { Paper } from './schema';
import { squashSpace } from './text';

/** What two records are compared on. */
type Record = Pick<PaperDraft, 'title' | 'authors' | 'authorNames' | 'year' | 'volume' | 'issue' | 'titleParts'>;

/**
 * Two records with the same title are one work only when nothing tells them apart: the year is the same
 * (or one lacks it), so is the first author's family name (or one has no authors), and neither the
 * volume, the issue nor the subtitle differs (part 1 and part 2; a book and its review).
 */
export function sameWork(a: Record | Paper, b: Record | Paper): boolean {
  return whyApart(a, b).length === 0;
}

/**
 * What tells two same-titled records apart, in words for the preview ("other years: 2012 and 2013"); none
 * when they are one work.
 */
export function whyApart(a: Record | Paper, b: Record | Paper): string[] {
  const reasons: string[] = [];
  if (a.year !== undefined && b.year !== undefined && a.year !== b.year) {
    reasons.push(`another year (${a.year} and ${b.year})`);
  }
  const [first, second] = [firstAuthor(a), firstAuthor(b)];
  if (first && second && first.folded !== second.folded) {
    reasons.push(`another first author (${first.family} and ${second.family})`);
  }
  if (differ(a.volume, b.volume)) reasons.push(`another volume (${a.volume} and ${b.volume})`);
  if (differ(a.issue, b.issue)) reasons.push(`another issue or part (${a.issue} and ${b.issue})`);
  const [subA, subB] = [a.titleParts?.subtitle, b.titleParts?.subtitle];
  if (differ(subA, subB)) reasons.push(`another subtitle (“${subA}” and “${subB}”)`);
  const [addA, addB] = [a.titleParts?.addon, b.titleParts?.addon];
  if (differ(addA, addB)) reasons.push(`another title addition (“${addA}” and “${addB}”)`);
  const marked = markedWords(a.title, b.title);
  if (marked) reasons.push(`another mark in a formula (“${marked[0]}” and “${marked[1]}”)`);
  return reasons;
}

/**
 * The words of two same-titled records whose formula marks differ (GaN(0001) and GaN(0001̄)), or the
 * whole titles when their words do not pair up; undefined when the marks agree. Title keys drop every
 * combining mark, so that an accent never keeps one work from itself; but a bar, an overline, a vector
 * arrow or a dot on a digit or on a lone letter changes what a formula means.
 */
function markedWords(a: string, b: string): [string, string] | undefined {
  if (formulaMarks(a) === formulaMarks(b)) return undefined;
  const [wordsA, wordsB] = [a.trim().split(/\s+/), b.trim().split(/\s+/)];
  const at = wordsA.findIndex((word, i) => wordsB[i] !== undefined && formulaMarks(word) !== formulaMarks(wordsB[i]));
  return wordsA.length === wordsB.length && at >= 0 ? [wordsA[at]!, wordsB[at]!] : [a, b];
}

/** Combining diacritical marks (which title keys drop), not an emoji's variation selector or a vowel sign. */
const DIACRITICS = [
  [0x300, 0x36f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
];
const isDiacritic = (code: number): boolean => DIACRITICS.some(([from, to]) => code >= from! && code <= to!);
/** Marks no language uses as an accent: the overline, and the arrows and rings above of math (\vec). */
const formulaOnly = (code: number): boolean => code === 0x305 || (code >= 0x20d0 && code <= 0x20ff);
/** Math accents on a letter standing alone (\bar{x}, \dot{x}, \hat{H}); in a word they are accents (Żukowski, Tōkyō). */
const ON_A_SYMBOL = new Set([0x302, 0x303, 0x304, 0x306, 0x307, 0x308, 0x30c]);

/**
 * A title's formula marks, each after the character it sits on, in order: a combining mark on anything
 * but a letter (a digit, a bracket), an overline or arrow anywhere, and a math accent on a lone letter.
 * Empty for most titles, which have no combining mark once composed.
 */
function formulaMarks(title: string): string {
  // Below U+00C0 no character carries or takes a combining mark once composed.
  if (!/[^\p{ASCII}\u0080-\u00bf]/u.test(title)) return '';
  const chars = [...title.normalize('NFD')];
  let marks = '';
  for (let i = 0; i < chars.length; i++) {
    if (/\p{M}/u.test(chars[i]!) || i + 1 >= chars.length || !/\p{M}/u.test(chars[i + 1]!)) continue;
    const base = chars[i]!;
    let end = i + 1;
    while (end < chars.length && /\p{M}/u.test(chars[end]!)) end++;
    const letter = /\p{L}/u.test(base);
    const alone = letter && !/\p{L}/u.test(chars[i - 1] ?? '') && !/\p{L}/u.test(chars[end] ?? '');
    for (const mark of chars.slice(i + 1, end)) {
      const code = mark.codePointAt(0)!;
      if (isDiacritic(code) && (!letter || formulaOnly(code) || (alone && ON_A_SYMBOL.has(code))))
        marks += base.toLowerCase() + mark;
    }
    i = end - 1;
  }
  return marks;
}

const differ = (x: string | undefined, y: string | undefined): boolean =>
  x !== undefined && y !== undefined && asciiFold(x) !== asciiFold(y);

/**
 * The first author's family name (or an organisation's name), as written and folded (without accents or
 * case: "Müller, H." and "Hans Muller" agree). The structured name is taken when the record has one for
 * that author (so "van der Berg" and a family name of two words are read as their source gave them);
 * otherwise the display string is split.
 */
function firstAuthor(record: Record | Paper): { family: string; folded: string } | undefined {
  const display = record.authors?.[0];
  const name = display?.trim()
    ? authorNamesOf({ authors: [display], authorNames: record.authorNames?.slice(0, 1) })[0]
    : record.authorNames?.[0];
  if (!name) return undefined;
  const family = squashSpace('literal' in name ? name.literal : name.family);
  const folded = asciiFold(family);
  return folded ? { family, folded } : undefined;
}
