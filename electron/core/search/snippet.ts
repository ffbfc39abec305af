import type { Paper } from '../schema';
import { foldText } from '../text';
import { foldedWords } from './tokenize';

/** Where a search matched a paper, for its row: the title's matched words, and a snippet of another field. */
export type RowMatch = {
  /** [start, end) of each matched word in the title. */
  titleMarks: [number, number][];
  /** The first field after the title with a match: a short passage around it, with its matched words. */
  passage?: { field: MatchField; text: string; marks: [number, number][] };
};

export type MatchField = 'authors' | 'abstract' | 'note' | 'highlight' | 'tags';

/** About two lines of a list row. */
const PASSAGE_CHARS = 180;
/** Context kept before the first matched word. */
const LEAD_CHARS = 50;

const WORD = /[\p{L}\p{N}]+/gu;
const ASCII = /^[\p{ASCII}]*$/u;

/**
 * The words of `text` that a query word starts (search matches word prefixes, folded), as offsets into
 * `text`. Stops after `limit` marks: a row shows a few.
 */
export function markWords(text: string, words: readonly string[], limit = 12): [number, number][] {
  const marks: [number, number][] = [];
  if (!words.length || !text) return marks;
  if (ASCII.test(text)) return markAscii(text, words, limit);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m && marks.length < limit; m = WORD.exec(text)) {
    const token = m[0];
    // ASCII folds by lower-casing; anything else (accents, Greek letters) the way the index folds it.
    const folded = ASCII.test(token) ? [token.toLowerCase()] : foldText(token).split(' ');
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

/** a-z and 0-9, once lower-cased: the characters of a word as search splits ASCII text. */
const isWordCode = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 48 && code <= 57);

/** The query's folded words, once per query rather than once per row. */
export function matchWords(query: string): string[] {
  return [...new Set(foldedWords(query))];
}

/** Where `query` (the list's search text) matched `paper`, or undefined when it has no words. */
export function matchOf(paper: Paper, query: string | readonly string[]): RowMatch | undefined {
  const words = typeof query === 'string' ? matchWords(query) : query;
  if (!words.length) return undefined;
  const match: RowMatch = { titleMarks: markWords(paper.title, words) };
  const fields: [MatchField, string][] = [
    ['abstract', paper.abstract],
    ['note', paper.note],
    ...paper.annotations.map((a): [MatchField, string] => [
      'highlight',
      a.comment ? `${a.quote} — ${a.comment}` : a.quote,
    ]),
    ['authors', paper.authors.join(', ')],
    ['tags', paper.tags.map((tag) => `#${tag}`).join(' ')],
  ];
  for (const [field, text] of fields) {
    const marks = markWords(text, words, 1);
    if (!marks.length) continue;
    match.passage = passageAround(field, text, marks[0]![0], words);
    break;
  }
  return match;
}

/** About two lines of `text` from a little before `at`, cut at spaces, with the matched words marked. */
function passageAround(field: MatchField, text: string, at: number, words: readonly string[]) {
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
  const marks = markWords(body, words).map(([s, e]): [number, number] => [s + lead.length, e + lead.length]);
  return { field, text: `${lead}${body}${tail}`, marks };
}
