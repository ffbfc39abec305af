import type { Paper } from '../schema';
import { foldText, readableQuote } from '../text';
import { pageAt, pageCount, type PdfText } from './pdf-text';
import { foldedWords, searchedFields } from './tokenize';
import { isTypoOf, typoEligible } from './typo';

/** Where a search matched a paper, for its row: the title's matched words, and a snippet of another field. */
export type RowMatch = {
  /** [start, end) of each matched word in the title. */
  titleMarks: [number, number][];
  /** The first field after the title with a match: a short passage around it, with its matched words. */
  passage?: { field: MatchField; text: string; marks: [number, number][] };
};

export type MatchField = 'authors' | 'abstract' | 'note' | 'highlight' | 'tags';

/** A short passage of text with the matched words in it: [start, end) offsets into `text`. */
export type Snippet = { text: string; marks: [number, number][] };

/** Where a search matched in a paper's PDF (and not in its fields): the page, from 1, and a passage of it. */
export type PdfMatch = { page: number; snippet: Snippet };

/** About two lines of a list row. */
const PASSAGE_CHARS = 180;
/** Context kept before the first matched word. */
const LEAD_CHARS = 50;

const WORD = /[\p{L}\p{N}]+/gu;
/** Not a regular expression over Unicode properties: this test runs on every field of a page of rows. */
const BEYOND_ASCII_CHAR = /[\u0080-\uffff]/;
const isAscii = (text: string): boolean => !BEYOND_ASCII_CHAR.test(text);

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

/** The words of `text` that a query word starts. */
function markTyped(text: string, words: readonly string[], limit: number): [number, number][] {
  const marks: [number, number][] = [];
  if (!words.length || !text) return marks;
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
 * word by word: only the rare query word that starts no word of the text is looked for this way.
 */
function markTypos(text: string, typos: readonly string[], limit: number): [number, number][] {
  const marks: [number, number][] = [];
  if (isAscii(text)) {
    // A word one edit away is at most one letter shorter: most words are not read at all.
    const shortest = Math.min(...typos.map((word) => word.length)) - 1;
    const lower = text.toLowerCase();
    for (let at = 0; at < lower.length && marks.length < limit;) {
      if (!isWordCode(lower.charCodeAt(at))) {
        at++;
        continue;
      }
      let end = at + 1;
      while (end < lower.length && isWordCode(lower.charCodeAt(end))) end++;
      const term = end - at >= shortest ? lower.slice(at, end) : '';
      if (term && typos.some((word) => isTypoOf(term, word))) marks.push([at, end]);
      at = end;
    }
    return marks;
  }
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m && marks.length < limit; m = WORD.exec(text)) {
    const token = m[0];
    const folded = isAscii(token) ? [token.toLowerCase()] : foldText(token).split(' ');
    if (folded.some((part) => typos.some((word) => isTypoOf(part, word))))
      marks.push([m.index, m.index + token.length]);
  }
  return marks;
}

/**
 * The query words the search can only have matched in `paper`'s fields as typos: those it would read as
 * typos (typoEligible) that start no word of the searched fields. A word found as typed in one paper is read
 * as typed everywhere (query.ts), so a paper that matched without it matched one of its neighbours.
 */
function typosIn(paper: Paper, words: readonly string[]): string[] {
  const unseen = words.filter(typoEligible);
  if (unseen.length === 0) return unseen;
  searchedFields(paper, (text) => {
    for (let i = unseen.length - 1; i >= 0; i--) if (markTyped(text, [unseen[i]!], 1).length) unseen.splice(i, 1);
  });
  return unseen;
}

/** a-z and 0-9, once lower-cased: the characters of a word as search splits ASCII text. */
const isWordCode = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 48 && code <= 57);

/** The query's folded words, once per query rather than once per row. */
export function matchWords(query: string): string[] {
  return [...new Set(foldedWords(query))];
}

/**
 * Where `query` (the list's search text) matched `paper`, or undefined when it has no words. `typed`: the
 * query's words the search is known to have read as typed (a word some paper has), which no paper of its
 * answer matched as a typo, so no field is read through for them (a page of rows asks once, not per row).
 */
export function matchOf(
  paper: Paper,
  query: string | readonly string[],
  typed: ReadonlySet<string> = new Set(),
): RowMatch | undefined {
  const words = typeof query === 'string' ? matchWords(query) : query;
  if (!words.length) return undefined;
  const maybeTypos = typed.size ? words.filter((word) => !typed.has(word)) : words;
  const typos = typosIn(paper, maybeTypos);
  const match: RowMatch = { titleMarks: markWords(paper.title, words, 12, typos) };
  const passage = (field: MatchField, text: string): boolean => {
    const marks = markWords(text, words, 1, typos);
    if (marks.length) match.passage = { field, ...passageAround(text, marks[0]![0], words, typos) };
    return marks.length > 0;
  };
  // Field by field, each text made only when the ones before had no match (a page has 100 rows).
  if (passage('abstract', paper.abstract) || passage('note', paper.note)) return match;
  for (const a of paper.annotations)
    if (passage('highlight', a.comment ? `${readableQuote(a)} — ${a.comment}` : readableQuote(a))) return match;
  if (passage('authors', paper.authors.join(', '))) return match;
  if (paper.tags.length) passage('tags', paper.tags.map((tag) => `#${tag}`).join(' '));
  return match;
}

/**
 * Where the query's words are in a PDF's text: on page `hint` (from 1, where the index saw the rarest word
 * first) if they are there, else on the first page with one of them as typed, else (the index matched
 * through typos) on the first with one of their neighbours; the start of the page if none is found.
 */
export function pdfMatchOf(text: PdfText, words: readonly string[], hint = 0): PdfMatch {
  const pages = pageCount(text);
  const hinted = hint >= 1 && hint <= pages ? hint : 0;
  for (const typos of [false, true]) {
    for (let page = hinted || 1; page <= pages; page++) {
      const found = pdfPassage(pageAt(text, page - 1), words, typos);
      if (found) return { page, snippet: found };
      // The index saw the word there: reading on would find nothing better.
      if (hinted) break;
    }
  }
  const page = hinted || 1;
  return { page, snippet: passageAround(pages ? pageAt(text, page - 1) : '', 0, []) };
}

/**
 * A passage around the first word of a page that the query matched: a query word as typed, or a neighbour
 * of one the page lacks as typed (the index read that word as a typo; which words it did, it does not say,
 * so the page tells). Without `typos`, a page with no query word as typed has no passage.
 */
function pdfPassage(text: string, words: readonly string[], typos: boolean): Snippet | undefined {
  const typed = firstMark(text, words);
  if (typed < 0 && !typos) return undefined;
  const missing = words.filter((word) => typoEligible(word) && firstMark(text, [word]) < 0);
  const neighbour = missing.length ? (markTypos(text, missing, 1)[0]?.[0] ?? -1) : -1;
  if (typed < 0 && neighbour < 0) return undefined;
  const at = typed < 0 ? neighbour : neighbour < 0 ? typed : Math.min(typed, neighbour);
  return passageAround(text, at, words, missing);
}

/**
 * Where a word of `text` that a query word starts begins (the first found as written, else the first at
 * all), or -1; as markWords finds them, but for a PDF's page of thousands of characters, which is rarely
 * all ASCII (a dash, a quote) and would send markWords word by word through foldText.
 */
function firstMark(text: string, words: readonly string[]): number {
  let first = -1;
  const ascii = words.filter(isAscii);
  // Running text has a word in lower case or capitalised: looked for as it is, without lower-casing the page.
  for (const word of ascii) {
    for (const form of [word, word[0]!.toUpperCase() + word.slice(1)]) {
      for (let at = text.indexOf(form); at !== -1 && (first < 0 || at < first); at = text.indexOf(form, at + 1)) {
        if (at === 0 || !isWordChar(text, at - 1)) {
          first = at;
          break;
        }
      }
    }
  }
  if (first >= 0) return first;
  const lower = text.toLowerCase();
  // Lower-casing keeps every offset but for a few letters (such as İ); a page with one is read word by word.
  if (lower.length !== text.length) return markWords(text, words, 1)[0]?.[0] ?? -1;
  for (const word of ascii) {
    for (let at = lower.indexOf(word); at !== -1 && (first < 0 || at < first); at = lower.indexOf(word, at + 1)) {
      if (at === 0 || !isWordChar(lower, at - 1)) {
        first = at;
        break;
      }
    }
  }
  if (first >= 0) return first;
  // Then the words with a character beyond ASCII (an ASCII word folds to itself, lower-cased).
  BEYOND_ASCII.lastIndex = 0;
  for (let m = BEYOND_ASCII.exec(text); m; m = BEYOND_ASCII.exec(text)) {
    let start = m.index;
    while (start > 0 && isWordChar(text, start - 1)) start--;
    let end = m.index + 1;
    while (end < text.length && isWordChar(text, end)) end++;
    const parts = foldText(text.slice(start, end)).split(' ');
    if (parts.some((part) => words.some((word) => part.startsWith(word)))) return start;
    BEYOND_ASCII.lastIndex = end;
  }
  return -1;
}

const BEYOND_ASCII = /[^\p{ASCII}]/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const isWordChar = (text: string, at: number): boolean => {
  const code = text.charCodeAt(at);
  if (code < 128) return isWordCode(code) || (code >= 65 && code <= 90);
  return LETTER_OR_DIGIT.test(text[at]!);
};

/** About two lines of `text` from a little before `at`, cut at spaces, with the matched words marked. */
function passageAround(text: string, at: number, words: readonly string[], typos: readonly string[] = []): Snippet {
  // Only a window around the match is read: an abstract or a note may be long.
  const from = Math.max(0, at - LEAD_CHARS * 2);
  const to = Math.min(text.length, at + PASSAGE_CHARS * 2);
  const flat = text.slice(from, to).replace(/\s+/g, ' ');
  // Whitespace runs became one space: the match's place in the squashed window.
  const hit = text.slice(from, at).replace(/\s+/g, ' ').length;
  let start = Math.max(0, hit - LEAD_CHARS);
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space !== -1 && space < hit ? space + 1 : start;
  }
  let end = Math.min(flat.length, start + PASSAGE_CHARS);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > hit) end = space;
  }
  const body = flat.slice(start, end).trim();
  const lead = start > 0 || from > 0 ? '…' : '';
  const tail = end < flat.length || to < text.length ? '…' : '';
  const marks = markWords(body, words, 12, typos).map(([s, e]): [number, number] => [s + lead.length, e + lead.length]);
  return { text: `${lead}${body}${tail}`, marks };
}
