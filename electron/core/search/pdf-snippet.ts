import { foldText } from '../text';
import { isAscii, isWordCode, markTypos, markWords } from './marks';
import { bestPage } from './pdf-best-page';
import { pageAt, pageCount, splitPdfText, type PdfText } from './pdf-text';
import { PHRASE_PDF_BYTES } from './phrase-filter';
import type { SearchTerms } from './phrases';
import { passageAround, phraseAt, termsOf, type PdfMatch, type Snippet } from './snippet';
import { texView } from './tex-scripts';
import { typoEligible } from './typo';

/* Where a search matched in a paper's PDF, for its row: the page, and a passage of it with the words marked. */

/**
 * Where the query is in a PDF's text. A phrase: on page `hint` (from 1, where the search found it) or the first
 * page with it. Several words: the page and place where the most of them are close together (of the three pages
 * likeliest to have them), a word on few of this PDF's pages counting for more than a frequent one (bestPage).
 * One word: on page `hint` (where the index saw it first) if it is there, else on the first page with it as
 * typed, else (the index matched through typos) on the first with one of its neighbours. The start of the page if none is found. Pages past
 * PHRASE_PDF_BYTES are not read. A paper's several PDFs (a joined text) are read one by one, the one with page
 * `hint` first, and the match says which PDF (`nameOf` names it) and its page in that PDF. `seen` says what the
 * search knows (see PdfSeen).
 */
export function pdfMatchOf(
  text: PdfText,
  query: readonly string[] | SearchTerms,
  hint = 0,
  nameOf: (hash: string) => string = (hash) => hash,
  seen: PdfSeen = {},
): PdfMatch {
  const terms = termsOf(query);
  if (!text.parts) return matchIn(text, terms, hint, seen) ?? startOf(text, hint);
  const parts = splitPdfText(text);
  let hinted = -1;
  parts.forEach((part, i) => {
    if (hint > part.firstPage && hint <= part.firstPage + pageCount(part.text)) hinted = i;
  });
  const order = hinted < 0 ? parts : [parts[hinted]!, ...parts.filter((_, i) => i !== hinted)];
  for (const part of order) {
    const found = matchIn(part.text, terms, part === parts[hinted] ? hint - part.firstPage : 0, { typos: seen.typos });
    if (found) return { ...found, pdf: { hash: part.hash, name: nameOf(part.hash) } };
  }
  const part = order[0];
  if (!part) return startOf(text, 0);
  const local = part === parts[hinted] ? hint - part.firstPage : 0;
  return { ...startOf(part.text, local), pdf: { hash: part.hash, name: nameOf(part.hash) } };
}

/**
 * What a search knows of a PDF row's words, which saves reading pages for them: `groups`, where the index saw
 * each word as typed in this PDF's text (page-groups.ts; one mask a word); `typos`, the words it read as typos
 * (on no page as typed: only their neighbours are looked for).
 */
export type PdfSeen = { groups?: Uint32Array; typos?: readonly string[] };

/** pdfMatchOf of one PDF's text; undefined when the query is on none of its pages read. */
function matchIn(text: PdfText, terms: SearchTerms, hint: number, seen: PdfSeen): PdfMatch | undefined {
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
  const typos = seen.typos ?? [];
  const best = words.length > 1 && typos.length === 0 ? bestPage(text, words, pages, hinted, seen.groups) : undefined;
  if (best) return { page: best.page, snippet: passageAround(best.text, best.at, terms, [], best.cut) };
  // With every word read as a typo, no page has one as typed.
  for (const withTypos of typos.length === words.length ? [true] : [false, true]) {
    for (let page = hinted || 1; page <= pages; page++) {
      const found = pdfPassage(pageAt(text, page - 1), words, withTypos, seen.typos);
      if (found) return { page, snippet: found };
      // The index saw the word there: reading on would find nothing better.
      if (hinted) break;
    }
  }
  return undefined;
}

/** The start of page `hint` (else the first) of a PDF's text, for a match found on no page read. */
function startOf(text: PdfText, hint: number): PdfMatch {
  const hinted = hint >= 1 && hint <= readablePages(text) ? hint : 0;
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
 * of one the page lacks as typed (the words the search read as typos, `known`; else the page tells). Without
 * `typos`, a page with no query word as typed has no passage.
 */
function pdfPassage(
  text: string,
  words: readonly string[],
  typos: boolean,
  known?: readonly string[],
): Snippet | undefined {
  const asTyped = known ? words.filter((word) => !known.includes(word)) : words;
  const typed = asTyped.length ? firstMark(text, asTyped) : -1;
  if (typed < 0 && !typos) return undefined;
  const missing = known ?? words.filter((word) => typoEligible(word) && firstMark(text, [word]) < 0);
  const neighbour = missing.length ? (markTypos(text, missing, 1)[0]?.[0] ?? -1) : -1;
  if (typed < 0 && neighbour < 0) return undefined;
  const at = typed < 0 ? neighbour : neighbour < 0 ? typed : Math.min(typed, neighbour);
  return passageAround(text, at, words, missing);
}

/**
 * Where a word of `text` that a query word starts begins (the first found as written, else the first at
 * all), or -1; as markWords finds them, but for a PDF's page of thousands of characters, which is rarely
 * all ASCII (a dash, a quote) and would send markWords word by word through foldText. A word the page has only
 * in TeX math (the text of a PDF that shows LaTeX source, such as a listing printed before its math was drawn)
 * is found as the index reads it (tex-scripts.ts: `$H_0$` is "h0"), starting at its span's `$`. A word on the
 * page as it is is found there first: a typeset PDF's "$" is a footnote mark or a price, and two of them, read
 * as a math span, may hold a whole line of names.
 */
function firstMark(text: string, words: readonly string[]): number {
  const found = firstRead(text, words);
  const view = found < 0 && text.includes('$') ? texView(text) : undefined;
  if (!view) return found;
  const at = firstRead(view.text, words);
  return at < 0 ? -1 : view.toStored(at, at + 1)[0];
}

/** firstMark of text as search reads it. */
function firstRead(text: string, words: readonly string[]): number {
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
