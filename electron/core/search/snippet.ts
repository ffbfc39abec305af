import type { Paper } from '../schema';
import { readableQuote } from '../text';
import { authorMatches, type AuthorMatch } from './author-match';
import { markWords, typosIn } from './marks';
import { plainMarkdown } from './note-text';
import { endOutsideMath, passagePlace, startOutsideMath, windowMath } from './passage-place';
import { bodyBreaks, joinParts, placesWithin, type Breaks } from './part-places';
import { looseWords, searchTerms, type SearchTerms } from './phrases';

export { markWords };

/** Where a search matched a paper, for its row: the title's matched words, and a snippet of another field. */
export type RowMatch = {
  /** [start, end) of each matched word in the title. */
  titleMarks: [number, number][];
  /** The first field after the title with a match: a short passage around it, with its matched words. */
  passage?: { field: MatchField; text: string; marks: [number, number][] };
  /**
   * The authors that an `author:` clause or a free word matched, in order, at most four (author-match.ts):
   * the row names one it would not show otherwise.
   */
  authors?: AuthorMatch[];
};

export type MatchField = 'authors' | 'abstract' | 'note' | 'highlight' | 'tags';

/** A short passage of text with the matched words in it: [start, end) offsets into `text`. */
export type Snippet = { text: string; marks: [number, number][] };

/**
 * Where a search matched in a paper's PDF (and not in its fields): the page, from 1, and a passage of it. For a
 * paper with several PDFs, which one (the page is its page): absent for a paper with one.
 */
export type PdfMatch = { page: number; snippet: Snippet; pdf?: { hash: string; name: string } };

/** About two lines of a list row. */
const PASSAGE_CHARS = 180;
/** Context kept before the first matched word. */
const LEAD_CHARS = 50;
/** How much of a text passageAround reads before and after the match's place (a window of it will do). */
export const PASSAGE_READS = { before: LEAD_CHARS * 2, after: PASSAGE_CHARS * 2 };
/**
 * What a passage makes one space: a run of white space, or a tab or a line end. Not /\s+/, which rebuilds a
 * text of single spaces (most) for nothing, two strings a row of every searched page.
 */
const SPACE_RUNS = /\s{2,}|[^\S ]/g;

/** The query's folded words and quoted phrases, once per query rather than once per row. */
export function matchWords(query: string): SearchTerms {
  return searchTerms(query);
}

/** Plain words (no phrases) as a query's terms. */
export const termsOf = (query: string | readonly string[] | SearchTerms): SearchTerms =>
  typeof query === 'string'
    ? searchTerms(query)
    : 'phrases' in query
      ? query
      : { words: [...query], quoted: new Set(), phrases: [] };

/**
 * The marks of a text for a query: each of its loose words (as markWords marks them) and each place of a
 * quoted phrase, from its first word to its last, in order; at most `limit`. With `breaks`, a phrase is
 * marked only within one part of the text.
 */
export function markTerms(
  text: string,
  terms: SearchTerms,
  limit = 12,
  typos: readonly string[] = [],
  breaks?: Breaks,
): [number, number][] {
  if (terms.phrases.length === 0) return markWords(text, terms.words, limit, typos);
  const spans = terms.phrases.flatMap((phrase) => placesWithin(text, phrase, limit, breaks));
  const words = markWords(text, looseWords(terms), limit, typos);
  // A loose word inside a phrase's place is marked with it.
  const marks = [...spans, ...words.filter(([s, e]) => !spans.some(([a, b]) => s >= a && e <= b))];
  marks.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  return marks.filter((mark, i) => i === 0 || mark[0] >= marks[i - 1]![1]).slice(0, limit);
}

/**
 * Where a row's passage of `text` starts: the first place of a phrase, if the query has one there; else where
 * most of its words are close together, the rare ones first (passage-place.ts); -1 if none is there.
 */
function hitIn(text: string, terms: SearchTerms, typos: readonly string[], breaks?: Breaks): number {
  if (!text) return -1;
  if (terms.phrases.length > 0) {
    const first = terms.phrases
      .flatMap((phrase) => placesWithin(text, phrase, 1, breaks))
      .sort((a, b) => a[0] - b[0])[0];
    if (first) return first[0];
  }
  const marks = markTerms(text, terms, 1, typos, breaks);
  if (marks.length === 0) return -1;
  if (terms.words.length === 1 || typos.length > 0) return marks[0]![0];
  const best = passagePlace(text, looseWords(terms));
  return best >= 0 ? best : marks[0]![0];
}

/**
 * Where `query` (the list's search text) matched `paper`, or undefined when it has no words. `typed`: the
 * query's words the search is known to have read as typed (a word some paper has), which no paper of its
 * answer matched as a typo, so no field is read through for them (a page of rows asks once, not per row).
 */
export function matchOf(
  paper: Paper,
  query: string | readonly string[] | SearchTerms,
  typed: ReadonlySet<string> = new Set(),
): RowMatch | undefined {
  const terms = termsOf(query);
  const words = terms.words;
  if (!words.length) return terms.authors?.length ? withAuthors({ titleMarks: [] }, paper, terms) : undefined;
  const maybeTypos = (typed.size ? words.filter((word) => !typed.has(word)) : words).filter(
    (w) => !terms.quoted.has(w),
  );
  const typos = typosIn(paper, maybeTypos);
  const match = withAuthors({ titleMarks: markTerms(paper.title, terms, 12, typos) }, paper, terms, typos);
  // A field with a phrase is shown before one with loose words only.
  const rounds = terms.phrases.length > 0 ? [{ ...terms, words: [] }, terms] : [terms];
  for (const round of rounds) {
    // A field of parts (authors, tags, a highlight's quote and comment) says where each part starts.
    const passage = (field: MatchField, text: string, breaks?: Breaks): boolean => {
      const at = round.words.length === 0 ? phraseAt(text, round, breaks) : hitIn(text, round, typos, breaks);
      if (at >= 0) match.passage = { field, ...passageAround(text, at, terms, typos, undefined, breaks) };
      return at >= 0;
    };
    const parts = (field: MatchField, texts: readonly string[], separator: string): boolean => {
      const { text, breaks } = joinParts(texts, separator);
      return passage(field, text, breaks);
    };
    const inNote = (): boolean => {
      const at = round.words.length === 0 ? phraseAt(paper.note, round) : hitIn(paper.note, round, typos);
      if (at >= 0) match.passage = { field: 'note', ...notePassage(paper.note, at, terms, typos) };
      return at >= 0;
    };
    // Field by field, each text made only when the ones before had no match (a page has 100 rows).
    if (passage('abstract', paper.abstract) || inNote()) return match;
    for (const a of paper.annotations)
      if (a.comment ? parts('highlight', [readableQuote(a), a.comment], ' — ') : passage('highlight', readableQuote(a)))
        return match;
    if (parts('authors', paper.authors, ', ')) return match;
    if (paper.tags.length && parts('tags', paper.tags.map(hashTag), ' ')) return match;
  }
  return match;
}

const hashTag = (tag: string): string => `#${tag}`;

/** `match` with the paper's matched authors, if any (author-match.ts). */
export function withAuthors(
  match: RowMatch,
  paper: Pick<Paper, 'authors'>,
  terms: SearchTerms,
  typos: readonly string[] = [],
): RowMatch {
  const authors = authorMatches(paper.authors, terms, typos);
  if (authors.length) match.authors = authors;
  return match;
}

/** The first place of one of the query's phrases in `text` (within one of its parts), or -1. */
export function phraseAt(text: string, terms: SearchTerms, breaks?: Breaks): number {
  if (!text) return -1;
  let first = -1;
  for (const phrase of terms.phrases) {
    const at = placesWithin(text, phrase, 1, breaks)[0]?.[0] ?? -1;
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  return first;
}

/** Characters of a note read before and after its match: a passage's worth once its Markdown is gone. */
const NOTE_BEFORE = LEAD_CHARS * 3;
const NOTE_AFTER = PASSAGE_CHARS * 3;

/**
 * A passage of a note around its match at `at`, in plain text (plainMarkdown), with the matched words marked.
 * Only a window of the note is read, from the start of the match's line or a little before (a "# " or "- "
 * is read as the line's marker there), however long the note is.
 */
function notePassage(note: string, at: number, terms: SearchTerms, typos: readonly string[]): Snippet {
  let from = Math.max(0, at - NOTE_BEFORE);
  if (from > 0) {
    const back = Math.max(0, from - LEAD_CHARS * 2);
    const newline = note.slice(back, from).lastIndexOf('\n');
    if (newline !== -1) from = back + newline + 1;
  }
  const to = Math.min(note.length, at + NOTE_AFTER);
  const plain = plainMarkdown(note.slice(from, to));
  // The match in the plain text: the first word marked there (one only in a link's address went with it).
  const hit = markTerms(plain, terms, 1, typos)[0]?.[0] ?? 0;
  return passageAround(plain, hit, terms, typos, { before: from > 0, after: to < note.length });
}

/**
 * About two lines of `text` from a little before `at`, cut at spaces, with the matched words marked; `cut`
 * says that `text` is itself a part of a longer one, before or after (an ellipsis says so); `breaks`, where
 * its parts start, if it has parts (a phrase is marked within one).
 */
export function passageAround(
  text: string,
  at: number,
  query: readonly string[] | SearchTerms,
  typos: readonly string[] = [],
  cut = { before: false, after: false },
  breaks?: Breaks,
): Snippet {
  // Only a window around the match is read: an abstract or a note may be long.
  const from = Math.max(0, at - PASSAGE_READS.before);
  const to = Math.min(text.length, at + PASSAGE_READS.after);
  const flat = text.slice(from, to).replace(SPACE_RUNS, ' ');
  // Whitespace runs became one space: the match's place in the squashed window.
  const hit = text.slice(from, at).replace(SPACE_RUNS, ' ').length;
  let start = Math.max(0, hit - LEAD_CHARS);
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space !== -1 && space < hit ? space + 1 : start;
  }
  // Never from or to the middle of TeX math ("_0$ measured ..."): what it draws is whole or left out.
  const math = windowMath(text, from, to, PASSAGE_CHARS);
  if (math.length) start = startOutsideMath(flat, math, start, hit, PASSAGE_CHARS);
  let end = Math.min(flat.length, start + PASSAGE_CHARS);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > hit) end = space;
  }
  if (math.length) end = endOutsideMath(flat, math, [start, end], hit, PASSAGE_CHARS);
  const raw = flat.slice(start, end);
  const body = raw.trim();
  const lead = start > 0 || from > 0 || cut.before ? '…' : '';
  const tail = end < flat.length || to < text.length || cut.after ? '…' : '';
  const within = breaks && bodyBreaks(text, breaks, from, to, start + raw.length - raw.trimStart().length);
  const marks = markTerms(body, termsOf(query), 12, typos, within).map(([s, e]): [number, number] => [
    s + lead.length,
    e + lead.length,
  ]);
  return { text: `${lead}${body}${tail}`, marks };
}
