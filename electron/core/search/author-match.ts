import { joinParts, placesWithin } from './part-places';
import { markTerms } from './snippet';
import { looseWords, type SearchTerms } from './phrases';

/*
 * Which of a paper's authors a search matched, for its row: a row names its first two authors and "et al.",
 * so the Chen that `author:chen` (or the plain word "chen") found may be one the row does not name. The row
 * is told which authors matched and where in their names, and names them (renderer/src/labels.ts).
 */

/** An author a search matched: where in the paper's list (from 0), the name, and its matched words' [start, end). */
export type AuthorMatch = { at: number; name: string; marks: [number, number][] };

/** Matched authors a row is told about, at most. */
const MAX_AUTHORS = 4;
/** Places of a term read in the authors' text: enough to find one in a single name, however many authors. */
const MAX_PLACES = 24;
const SEPARATOR = ', ';

/**
 * For each of the search's `author:` clauses, quoted phrases and other words (with `typos`, those it read as
 * typos for this paper), the first of `authors` it matches, in the paper's order, at most MAX_AUTHORS: each
 * named author says why the row matched, and an author a term matched already is not named again (`author:chen`
 * names one Chen, the first). The names are joined and read in one pass a term (a paper of a large
 * collaboration has a thousand authors); the walk stops once every term has its author.
 */
export function authorMatches(
  authors: readonly string[],
  terms: SearchTerms,
  typos: readonly string[] = [],
): AuthorMatch[] {
  const clauses = terms.authors ?? [];
  if (authors.length === 0 || (clauses.length === 0 && terms.words.length === 0)) return [];
  // Words alone, none of them in the names as written: nothing to mark, and nothing made (most rows).
  if (clauses.length === 0 && terms.phrases.length === 0 && typos.length === 0 && !mayName(authors, terms.words))
    return [];
  const { text, breaks } = joinParts(authors, SEPARATOR);
  // Each place, with the term it is a place of.
  const places: [number, number, number][] = [];
  let term = 0;
  const add = (found: [number, number][]): void => {
    for (const [s, e] of found) places.push([s, e, term]);
    term++;
  };
  // A clause or a phrase holds in one name (field-filter.ts, phrase-filter.ts): a place across two is none, and
  // takes no place of one further on.
  for (const name of clauses) add(placesWithin(text, name, MAX_PLACES, breaks));
  for (const phrase of terms.phrases) add(placesWithin(text, phrase, MAX_PLACES, breaks));
  for (const word of looseWords(terms)) {
    const one = { words: [word], quoted: terms.quoted, phrases: [] };
    add(markTerms(text, one, MAX_PLACES, typos.includes(word) ? [word] : []));
  }
  if (places.length === 0) return [];
  places.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const named = new Set<number>();
  const found: AuthorMatch[] = [];
  // Walk the names and the places together: each place in one name (a phrase across two names is none).
  let start = 0;
  let p = 0;
  for (let at = 0; at < authors.length && p < places.length && named.size < term; at++) {
    const name = authors[at]!;
    const end = start + name.length;
    const marks: [number, number][] = [];
    let news = false;
    for (; p < places.length && places[p]![0] < end; p++) {
      const [s, e, of] = places[p]!;
      if (s < start || e > end) continue;
      if (!named.has(of)) news = true;
      named.add(of);
      // Nested or overlapping marks (a clause and a word on one word) are kept once.
      const last = marks.at(-1);
      if (last && s - start < last[1]) continue;
      marks.push([s - start, e - start]);
    }
    if (news) {
      found.push({ at, name, marks });
      if (found.length === MAX_AUTHORS) break;
    }
    start = end + SEPARATOR.length;
  }
  return found;
}

/**
 * Whether a search's `words` may be in `authors`: false only if each name is plain ASCII (no letter to fold,
 * no TeX) and has none of them, in any case, anywhere. A word is marked where a name's word starts with it,
 * so a name without it as a substring has no mark.
 */
export function mayName(authors: readonly string[], words: readonly string[]): boolean {
  let pattern = wordPatterns.get(words);
  if (pattern === undefined) {
    const ascii = words.filter((word) => ASCII_WORD.test(word));
    pattern = ascii.length ? new RegExp(ascii.join('|'), 'i') : null;
    wordPatterns.set(words, pattern);
  }
  for (const name of authors) {
    if (!PLAIN_NAME.test(name) || (pattern && pattern.test(name))) return true;
  }
  return false;
}

/** A word of letters and digits, nothing a pattern would read otherwise. */
const ASCII_WORD = /^[a-z0-9]+$/;
/** A name of ASCII characters but the TeX's "$" and "\\": read as it is written. */
const PLAIN_NAME = /^[\x20-\x23\x25-\x5b\x5d-\x7e]*$/;
/** Each search's words as one pattern, made once a search (a page of rows reads every row's authors). */
const wordPatterns = new WeakMap<readonly string[], RegExp | null>();
