import type { Paper } from '../schema';
import { foldText, readableQuote } from '../text';
import { isAscii, isWordCode, markTypos, markWords, typosIn } from './marks';
import { plainMarkdown } from './note-text';
import { pageAt, pageCount, type PdfText } from './pdf-text';
import { PHRASE_PDF_BYTES } from './phrase-filter';
import { looseWords, phrasePlaces, searchTerms, type SearchTerms } from './phrases';
import { typoEligible } from './typo';

export { markWords };

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

/** The query's folded words and quoted phrases, once per query rather than once per row. */
export function matchWords(query: string): SearchTerms {
  return searchTerms(query);
}

/** Plain words (no phrases) as a query's terms. */
const termsOf = (query: string | readonly string[] | SearchTerms): SearchTerms =>
  typeof query === 'string'
    ? searchTerms(query)
    : 'phrases' in query
      ? query
      : { words: [...query], quoted: new Set(), phrases: [] };

/**
 * The marks of a text for a query: each of its loose words (as markWords marks them) and each place of a
 * quoted phrase, from its first word to its last, in order; at most `limit`.
 */
export function markTerms(
  text: string,
  terms: SearchTerms,
  limit = 12,
  typos: readonly string[] = [],
): [number, number][] {
  if (terms.phrases.length === 0) return markWords(text, terms.words, limit, typos);
  const spans = terms.phrases.flatMap((phrase) => phrasePlaces(text, phrase, limit));
  const words = markWords(text, looseWords(terms), limit, typos);
  // A loose word inside a phrase's place is marked with it.
  const marks = [...spans, ...words.filter(([s, e]) => !spans.some(([a, b]) => s >= a && e <= b))];
  marks.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  return marks.filter((mark, i) => i === 0 || mark[0] >= marks[i - 1]![1]).slice(0, limit);
}

/**
 * Where a row's passage of `text` starts: the first place of a phrase, if the query has one there; else its first
 * marked word; -1 if none is there.
 */
function hitIn(text: string, terms: SearchTerms, typos: readonly string[]): number {
  if (!text) return -1;
  if (terms.phrases.length > 0) {
    const first = terms.phrases.flatMap((phrase) => phrasePlaces(text, phrase, 1)).sort((a, b) => a[0] - b[0])[0];
    if (first) return first[0];
  }
  return markTerms(text, terms, 1, typos)[0]?.[0] ?? -1;
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
  if (!words.length) return undefined;
  const maybeTypos = (typed.size ? words.filter((word) => !typed.has(word)) : words).filter(
    (w) => !terms.quoted.has(w),
  );
  const typos = typosIn(paper, maybeTypos);
  const match: RowMatch = { titleMarks: markTerms(paper.title, terms, 12, typos) };
  // A field with a phrase is shown before one with loose words only.
  const rounds = terms.phrases.length > 0 ? [{ ...terms, words: [] }, terms] : [terms];
  for (const round of rounds) {
    const passage = (field: MatchField, text: string): boolean => {
      const at = round.words.length === 0 ? phraseAt(text, round) : hitIn(text, round, typos);
      if (at >= 0) match.passage = { field, ...passageAround(text, at, terms, typos) };
      return at >= 0;
    };
    const inNote = (): boolean => {
      const at = round.words.length === 0 ? phraseAt(paper.note, round) : hitIn(paper.note, round, typos);
      if (at >= 0) match.passage = { field: 'note', ...notePassage(paper.note, at, terms, typos) };
      return at >= 0;
    };
    // Field by field, each text made only when the ones before had no match (a page has 100 rows).
    if (passage('abstract', paper.abstract) || inNote()) return match;
    for (const a of paper.annotations)
      if (passage('highlight', a.comment ? `${readableQuote(a)} — ${a.comment}` : readableQuote(a))) return match;
    if (passage('authors', paper.authors.join(', '))) return match;
    if (paper.tags.length && passage('tags', paper.tags.map((tag) => `#${tag}`).join(' '))) return match;
  }
  return match;
}

/** The first place of one of the query's phrases in `text`, or -1. */
function phraseAt(text: string, terms: SearchTerms): number {
  if (!text) return -1;
  let first = -1;
  for (const phrase of terms.phrases) {
    const at = phrasePlaces(text, phrase, 1)[0]?.[0] ?? -1;
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  return first;
}

/**
 * Where the query is in a PDF's text. A phrase: on page `hint` (from 1, where the search found it) or the first
 * page with it. Words: on page `hint` (where the index saw the rarest first) if one is there, else on the first
 * page with one as typed, else (the index matched through typos) on the first with one of their neighbours. The start of the page if none is found. Pages past PHRASE_PDF_BYTES are not read.
 */
export function pdfMatchOf(text: PdfText, query: readonly string[] | SearchTerms, hint = 0): PdfMatch {
  const terms = termsOf(query);
  const words = terms.words;
  const pages = readablePages(text);
  const hinted = hint >= 1 && hint <= pages ? hint : 0;
  if (terms.phrases.length > 0) {
    for (const page of hinted ? [hinted, ...range(pages)] : range(pages)) {
      const page_ = pageAt(text, page - 1);
      const at = phraseAt(page_, terms);
      if (at >= 0) return { page, snippet: passageAround(page_, at, terms) };
    }
  }
  for (const typos of [false, true]) {
    for (let page = hinted || 1; page <= pages; page++) {
      const found = pdfPassage(pageAt(text, page - 1), words, typos);
      if (found) return { page, snippet: found };
      // The index saw the word there: reading on would find nothing better.
      if (hinted) break;
    }
  }
  const page = hinted || 1;
  return { page, snippet: passageAround(pageCount(text) ? pageAt(text, page - 1) : '', 0, []) };
}

/** Pages 1 to `count`. */
const range = (count: number): number[] => Array.from({ length: count }, (_, i) => i + 1);

/** How many pages of a PDF's text are read for a row: those that start within PHRASE_PDF_BYTES. */
function readablePages(text: PdfText): number {
  let pages = 0;
  while (pages < text.ends.length && (pages === 0 || text.ends[pages - 1]! < PHRASE_PDF_BYTES)) pages++;
  return pages;
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
 * says that `text` is itself a part of a longer one, before or after (an ellipsis says so).
 */
function passageAround(
  text: string,
  at: number,
  query: readonly string[] | SearchTerms,
  typos: readonly string[] = [],
  cut = { before: false, after: false },
): Snippet {
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
  const lead = start > 0 || from > 0 || cut.before ? '…' : '';
  const tail = end < flat.length || to < text.length || cut.after ? '…' : '';
  const marks = markTerms(body, termsOf(query), 12, typos).map(([s, e]): [number, number] => [
    s + lead.length,
    e + lead.length,
  ]);
  return { text: `${lead}${body}${tail}`, marks };
}
