import type { Catalog } from './catalog';
import { offsetInPdf, pageAt, pageCount, type PdfText } from './pdf-text';
import { phraseTest } from './phrase-memo';
import { hasPhrases } from './phrase-places';
import type { SearchTerms } from './phrases';
import type { TextMatch } from './text-match';
import { typoEligible } from './typo';

/*
 * The papers an index matched for a search's words, narrowed to those with its quoted phrases (phrases.ts).
 * Only the index's candidates are read, each field once at most, and a PDF's text only up to a bound; a paper
 * an earlier search settled for a phrase is not read again (phrase-memo.ts).
 */

/**
 * Bytes of a PDF's text read for a phrase, at most (a book of some 300 pages): past them, a phrase is not
 * looked for. A paper's PDF is 50 to 100 KB of text; this bounds what one candidate costs (about 1 ms).
 */
export const PHRASE_PDF_BYTES = 1 << 20;

/**
 * The page (from 1) of a PDF's text where its first phrase is, when every phrase is on some page (a phrase
 * does not run from one page to the next); 0 when one is not, within the first PHRASE_PDF_BYTES of it (of each
 * of its PDFs, for a paper with several).
 */
export function pdfPhrasePage(text: PdfText, phrases: readonly string[][]): number {
  const pages = pageCount(text);
  const missing = new Set(phrases.keys());
  let first = 0;
  for (let page = 0; page < pages && missing.size > 0; page++) {
    if (page > 0 && offsetInPdf(text, page) >= PHRASE_PDF_BYTES) {
      if (!text.parts) break;
      continue;
    }
    const words = pageAt(text, page);
    for (const i of missing) {
      if (!hasPhrases(words, [phrases[i]!])) continue;
      missing.delete(i);
      if (i === 0) first = page + 1;
    }
  }
  return missing.size === 0 ? first : 0;
}

/**
 * `match` narrowed to the ordinals `keep` is true for (in place: its buffers are the index's, reused by the
 * next search anyway). For a PDF index, `keep` may give the page to show (a number from 1) instead of true.
 */
export function narrowMatch(match: TextMatch, keep: (ordinal: number) => boolean | number): TextMatch {
  const { marks, stamp } = match;
  const ordinals = match.ordinals;
  const pages = new Map<number, number>();
  let kept = 0;
  for (let i = 0; i < ordinals.length; i++) {
    const ordinal = ordinals[i]!;
    const verdict = keep(ordinal);
    if (verdict === false || verdict === 0) {
      marks[ordinal] = 0;
      continue;
    }
    if (typeof verdict === 'number') pages.set(ordinal, verdict);
    ordinals[kept++] = ordinal;
  }
  return {
    count: kept,
    ordinals: ordinals.subarray(0, kept),
    marks,
    stamp,
    has: (ordinal) => marks[ordinal] === stamp,
    section: (ordinal) => pages.get(ordinal) ?? match.section(ordinal),
  };
}

/**
 * The papers whose fields have the search's words, and its phrases: the index's candidates read for them.
 * While the index is built, the titles and authors answer (TitleScan), and only they are read for phrases.
 * Quoted words are never read as typos (`typos`, when given, says which words are).
 */
export function fieldMatch(catalog: Catalog, terms: SearchTerms, typos?: boolean[]): TextMatch {
  const { words, quoted, phrases } = terms;
  const search = catalog.search;
  const asTypos =
    typos ??
    (quoted.size > 0 ? words.map((word) => typoEligible(word) && !quoted.has(word) && !search.knows(word)) : undefined);
  const match = search.match(words, asTypos);
  if (phrases.length === 0 || match.count === 0) return match;
  // Answers kept from earlier searches spare reading papers again (phrase-memo.ts).
  return narrowMatch(match, phraseTest(catalog, phrases, search.scanningTitles));
}
