import type { Paper } from '../schema';
import { phrasePlaces, type SearchTerms } from './phrases';
import { foldedWords } from './tokenize';

/*
 * A search's field clauses (query-parse.ts): `author:` and `tag:`/`#`. The index narrows to the papers with a
 * clause's words anywhere (authors and tags are indexed with the rest), and only those papers' authors and tags
 * are then read. Free words and clauses must all hold.
 */

/** The test a search's field clauses make of a paper, or undefined when it has none. */
export function fieldFilter(terms: SearchTerms): ((paper: Paper) => boolean) | undefined {
  const authors = terms.authors ?? [];
  const tags = terms.tags ?? [];
  if (authors.length === 0 && tags.length === 0) return undefined;
  return (paper) =>
    tags.every((tag) => paper.tags.some((own) => own.toLowerCase() === tag)) &&
    authors.every((name) => paper.authors.some((author) => phrasePlaces(author, name).length > 0));
}

/**
 * The words the index narrows a search to: its own, its author clauses', and with `tags` its tags' (tags are
 * indexed, but not in the title scan that answers while the index is built: the caller says whether it is in).
 * A clause's words are taken as typed (never as typos) and not looked for in PDFs: its own words come first.
 * A search without clauses is given back as it is.
 */
export function indexTerms(terms: SearchTerms, tags: boolean): SearchTerms {
  const names = [...(terms.authors?.flat() ?? []), ...(tags ? (terms.tags?.flatMap(foldedWords) ?? []) : [])];
  if (names.length === 0) return terms;
  return {
    ...terms,
    words: [...new Set([...terms.words, ...names])],
    quoted: new Set([...terms.quoted, ...names]),
  };
}
