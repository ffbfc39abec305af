import type { Paper } from '../schema';
import { foldText } from '../text';
import { storedRanges, texView } from './tex-scripts';
import { searchedFields } from './tokenize';
import { isTypoOf, typoEligible } from './typo';

/* The words of a text that a search's words match, marked for a row: as search reads them, and fast. */

const WORD = /[\p{L}\p{N}]+/gu;
/** Not a regular expression over Unicode properties: this test runs on every field of a page of rows. */
const BEYOND_ASCII_CHAR = /[\u0080-\uffff]/;
export const isAscii = (text: string): boolean => !BEYOND_ASCII_CHAR.test(text);

/**
 * The words of `text` that a query word starts (search matches word prefixes, folded), as offsets into
 * `text`, and those one edit away from a word of `typos` (the query's words the search read as typos).
 * Stops after `limit` marks: a row shows a few.
 */
export function markWords(
  text: string,
  words: readonly string[],
  limit = 12,
  typos: readonly string[] = [],
): [number, number][] {
  if (typos.length === 0) return markTyped(text, words, limit);
  // A typo's marks are the fewer: the words as typed are marked as usual, and the two merged in order.
  const marks = [...markTyped(text, words, limit), ...markTypos(text, typos, limit)].sort((a, b) => a[0] - b[0]);
  return marks.filter((mark, i) => i === 0 || mark[0] !== marks[i - 1]![0]).slice(0, limit);
}

/**
 * The words of `text` that a query word starts. Text with TeX math is read as search reads it (tex-scripts.ts:
 * `$H_0$` is the word "h0"), and a word found in math marks the whole span.
 */
export function markTyped(text: string, words: readonly string[], limit: number): [number, number][] {
  if (!words.length || !text) return [];
  const view = texView(text);
  return view ? storedRanges(view, markRead(view.text, words, limit)) : markRead(text, words, limit);
}

/** markTyped of text as search reads it. */
function markRead(text: string, words: readonly string[], limit: number): [number, number][] {
  const marks: [number, number][] = [];
  if (isAscii(text)) return markAscii(text, words, limit);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m && marks.length < limit; m = WORD.exec(text)) {
    const token = m[0];
    // ASCII folds by lower-casing; anything else (accents, Greek letters) the way the index folds it.
    const folded = isAscii(token) ? [token.toLowerCase()] : foldText(token).split(' ');
    if (folded.some((part) => words.some((word) => part.startsWith(word))))
      marks.push([m.index, m.index + token.length]);
  }
  return marks;
}

/**
 * The same marks for ASCII text (most of it), found by the engine's own substring search on the lower-cased
 * text rather than word by word: a page of rows is marked in well under a millisecond.
 */
function markAscii(text: string, words: readonly string[], limit: number): [number, number][] {
  const lower = text.toLowerCase();
  const found: [number, number][] = [];
  for (const word of words) {
    let seen = 0;
    for (let at = lower.indexOf(word); at !== -1 && seen < limit; at = lower.indexOf(word, at + 1)) {
      if (at > 0 && isWordCode(lower.charCodeAt(at - 1))) continue;
      let end = at + word.length;
      while (end < lower.length && isWordCode(lower.charCodeAt(end))) end++;
      found.push([at, end]);
      seen++;
    }
  }
  found.sort((a, b) => a[0] - b[0]);
  const marks: [number, number][] = [];
  for (const mark of found) {
    if (marks.length === limit) break;
    if (mark[0] !== marks.at(-1)?.[0]) marks.push(mark);
  }
  return marks;
}

/**
 * The words of `text` one edit away from a word of `typos`, by the rule the index reads a typo by (isTypoOf),
 * word by word: only the rare query word that starts no word of the text is looked for this way. TeX math is
 * read as markTyped reads it.
 */
export function markTypos(text: string, typos: readonly string[], limit: number): [number, number][] {
  const view = texView(text);
  return view ? storedRanges(view, typosRead(view.text, typos, limit)) : typosRead(text, typos, limit);
}

function typosRead(text: string, typos: readonly string[], limit: number): [number, number][] {
  const marks: [number, number][] = [];
  // A word one edit away is at most one letter shorter: most words are not read at all.
  const shortest = Math.min(...typos.map((word) => word.length)) - 1;
  const lower = text.toLowerCase();
  // Lower-casing keeps every offset but for a few letters (such as İ): such a text is read a token at a time.
  if (lower.length !== text.length) return tokensRead(text, typos, limit);
  // The tokens WORD finds, read in place: an ASCII one (most, even on a page with a dash or a curly quote) is
  // compared lower-cased; one with a letter past ASCII is folded (it may fold to several words).
  for (let at = 0; at < lower.length && marks.length < limit;) {
    const first = wordCharLength(lower, at);
    if (first === 0) {
      at++;
      continue;
    }
    let end = at + first;
    let ascii = first === 1 && lower.charCodeAt(at) < 128;
    for (let step = wordCharLength(lower, end); step > 0; step = wordCharLength(lower, end)) {
      if (lower.charCodeAt(end) >= 128) ascii = false;
      end += step;
    }
    if (ascii) {
      const term = end - at >= shortest ? lower.slice(at, end) : '';
      if (term && typos.some((word) => isTypoOf(term, word))) marks.push([at, end]);
    } else if (
      foldText(text.slice(at, end))
        .split(' ')
        .some((part) => typos.some((word) => isTypoOf(part, word)))
    ) {
      marks.push([at, end]);
    }
    at = end;
  }
  return marks;
}

/** typosRead of any text: each token found by WORD, folded. */
function tokensRead(text: string, typos: readonly string[], limit: number): [number, number][] {
  const marks: [number, number][] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m && marks.length < limit; m = WORD.exec(text)) {
    const token = m[0];
    const folded = isAscii(token) ? [token.toLowerCase()] : foldText(token).split(' ');
    if (folded.some((part) => typos.some((word) => isTypoOf(part, word))))
      marks.push([m.index, m.index + token.length]);
  }
  return marks;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** How many UTF-16 units the character at `at` takes if WORD takes it in a token (a letter or digit), else 0. */
function wordCharLength(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code < 128) return isWordCode(code) || (code >= 65 && code <= 90) ? 1 : 0;
  if (Number.isNaN(code)) return 0;
  const point = text.codePointAt(at)!;
  const char = String.fromCodePoint(point);
  return LETTER_OR_DIGIT.test(char) ? char.length : 0;
}

/**
 * The query words the search can only have matched in `paper`'s fields as typos: those it would read as
 * typos (typoEligible) that start no word of the searched fields. A word found as typed in one paper is read
 * as typed everywhere (query.ts), so a paper that matched without it matched one of its neighbours.
 */
export function typosIn(paper: Paper, words: readonly string[]): string[] {
  const unseen = words.filter(typoEligible);
  if (unseen.length === 0) return unseen;
  searchedFields(paper, (text) => {
    for (let i = unseen.length - 1; i >= 0; i--) if (markTyped(text, [unseen[i]!], 1).length) unseen.splice(i, 1);
  });
  return unseen;
}

/** a-z and 0-9, once lower-cased: the characters of a word as search splits ASCII text. */
export const isWordCode = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
