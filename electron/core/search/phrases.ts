import { parseSearch } from './query-parse';
import { foldedWords } from './tokenize';

/*
 * Quoted phrases in a search: `"red giant"` finds the papers where a word starting with "red" is followed
 * by one starting with "giant" in one field (the title, an author, the abstract, the note, a highlight, a
 * PDF's page), after the same folding of case and accents as every search word. The index has no word
 * positions: it narrows the papers to those with every word anywhere, as for unquoted words, and
 * phrase-places.ts then reads those candidates' fields for the phrase, anchored on the places where its first
 * word starts. This file reads a search's text into its words, phrases and field clauses.
 */

/** A search's text, read: every distinct folded word (for the index), the quoted phrases of two or more, and the field clauses. */
export type SearchTerms = {
  /** Every word, quoted or not, once: the index narrows to the papers with each of them. */
  words: string[];
  /** Words from a quote: matched as typed only, never as a typo. */
  quoted: ReadonlySet<string>;
  /** Each quoted phrase of two words or more, as its folded words (a quoted word alone is just a word). */
  phrases: string[][];
  /** Each `author:` clause's folded words: some author has them side by side (field-filter.ts). */
  authors?: string[][];
  /** Each `tag:` or `#` clause's tag, lower-cased: the paper has that tag. */
  tags?: string[];
};

/** Read a search (query-parse.ts): text between quotes is a phrase; a quote left open is closed at the end. */
export function searchTerms(text: string): SearchTerms {
  const words = new Set<string>();
  const quoted = new Set<string>();
  const phrases: string[][] = [];
  const parsed = parseSearch(text);
  for (const part of parsed.parts) {
    const folded = foldedWords(part.text);
    for (const word of folded) words.add(word);
    if (!part.quoted) continue;
    for (const word of folded) quoted.add(word);
    if (folded.length > 1 && !phrases.some((phrase) => phrase.join(' ') === folded.join(' '))) phrases.push(folded);
  }
  const terms: SearchTerms = { words: [...words], quoted, phrases };
  const authors = parsed.authors.map(foldedWords).filter((name) => name.length > 0);
  if (authors.length > 0) terms.authors = authors;
  if (parsed.tags.length > 0) terms.tags = parsed.tags.map((tag) => tag.toLowerCase());
  return terms;
}

/** The words of a search outside its phrases, whose every place a row marks (a phrase's words are marked together). */
export function looseWords(terms: SearchTerms): string[] {
  if (terms.phrases.length === 0) return terms.words;
  const loose = new Set<string>();
  // A word both quoted and not is loose too: `"red giant" red` marks every "red".
  const inPhrases = new Set(terms.phrases.flat());
  for (const word of terms.words) if (!inPhrases.has(word)) loose.add(word);
  return [...loose];
}
