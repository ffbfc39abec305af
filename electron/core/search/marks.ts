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
 * The same marks for ASCII text (most of it), found by one pattern of the words at word starts, in any case:
 * nothing is made of the text (a lower-cased copy of each field, read three times a row, was a third of what a
 * search of 200 rows allocated), and a search for the first mark stops there.
 */
function markAscii(text: string, words: readonly string[], limit: number): [number, number][] {
  const marks: [number, number][] = [];
  const pattern = wordStarts(words);
  if (!pattern) return marks;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m && marks.length < limit; m = pattern.exec(text)) {
    let end = m.index + m[0].length;
    while (end < text.length && isAsciiWordCode(text.charCodeAt(end))) end++;
    marks.push([m.index, end]);
    pattern.lastIndex = end;
  }
  return marks;
}

/** The patterns of the last words asked for (a search's, and a row's single words), by their words. */
const patterns = new Map<string, RegExp | null>();
const PATTERNS_KEPT = 64;

/** A pattern of `words` (folded) where an ASCII word starts, in any case; null for no word. */
function wordStarts(words: readonly string[]): RegExp | null {
  const key = words.join(' ');
  let pattern = patterns.get(key);
  if (pattern === undefined) {
    const alternatives = words.filter(Boolean).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    pattern = alternatives.length ? new RegExp(`(?<![a-z0-9])(?:${alternatives.join('|')})`, 'gi') : null;
    if (patterns.size >= PATTERNS_KEPT) patterns.clear();
    patterns.set(key, pattern);
  }
  return pattern;
}

const isAsciiWordCode = (code: number): boolean => isWordCode(code) || (code >= 65 && code <= 90);

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
  // compared lower-cased where it stands; one with a letter past ASCII is folded (it may fold to several words).
  for (let at = 0; at < lower.length && marks.length < limit;) {
    const code = lower.charCodeAt(at);
    const first = code < 128 ? (isWordCode(code) ? 1 : 0) : wordCharLength(lower, at);
    if (first === 0) {
      at++;
      continue;
    }
    let end = at + first;
    let ascii = code < 128;
    for (;;) {
      const next = lower.charCodeAt(end);
      if (next < 128) {
        if (!isWordCode(next)) break;
        end++;
        continue;
      }
      const step = wordCharLength(lower, end);
      if (step === 0) break;
      ascii = false;
      end += step;
    }
    if (ascii) {
      if (end - at >= shortest && anyTypoAt(lower, at, end, typos)) marks.push([at, end]);
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

/** True if lower-cased ASCII lower[at, end) is a typo of one of `typos`. */
function anyTypoAt(lower: string, at: number, end: number, typos: readonly string[]): boolean {
  for (const word of typos) if (asciiTypoAt(lower, at, end, word)) return true;
  return false;
}

/**
 * isTypoOf(lower[at, end), word) for an ASCII token of lower-cased text, read in place: no string is made of
 * each word of a page (typo.ts says the rule: one changed or swapped letter at the start, or one letter more or
 * less).
 */
function asciiTypoAt(lower: string, at: number, end: number, word: string): boolean {
  const length = end - at;
  const size = word.length;
  // One edit leaves one of the first two letters in place, or swaps them, or shifts them by one.
  const c0 = lower.charCodeAt(at);
  const c1 = length > 1 ? lower.charCodeAt(at + 1) : -1;
  const w0 = word.charCodeAt(0);
  const w1 = word.charCodeAt(1);
  if (c0 !== w0 && c1 !== w1 && c0 !== w1 && c1 !== w0) return false;
  if (length >= size) {
    let i = 0;
    while (i < size && lower.charCodeAt(at + i) === word.charCodeAt(i)) i++;
    if (i < size) {
      const here = lower.charCodeAt(at + i);
      const next = lower.charCodeAt(at + i + 1);
      const swapped = i + 1 < size && here === word.charCodeAt(i + 1) && next === word.charCodeAt(i) && here !== next;
      let j = swapped ? i + 2 : i + 1;
      while (j < size && lower.charCodeAt(at + j) === word.charCodeAt(j)) j++;
      if (j === size) return true;
    }
  }
  if (length === size + 1) {
    let i = 0;
    while (i < size && lower.charCodeAt(at + i) === word.charCodeAt(i)) i++;
    for (; i < size; i++) if (lower.charCodeAt(at + i + 1) !== word.charCodeAt(i)) return false;
    return true;
  }
  if (length + 1 === size) {
    let i = 0;
    while (i < length && word.charCodeAt(i) === lower.charCodeAt(at + i)) i++;
    for (; i < length; i++) if (word.charCodeAt(i + 1) !== lower.charCodeAt(at + i)) return false;
    return true;
  }
  return false;
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
