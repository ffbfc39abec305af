import type { Paper } from '../schema';
import type { Catalog } from './catalog';
import { fieldMatch } from './phrase-filter';
import { phrasePlaces } from './phrase-places';
import type { SearchTerms } from './phrases';
import { foldedWords } from './tokenize';

/*
 * A search's field clauses (query-parse.ts): `author:` and `tag:`/`#`. The index narrows to the papers with a
 * clause's words anywhere (authors and tags are indexed with the rest), and only those papers' authors and tags
 * are then read. Free words and clauses must all hold. And its negated terms (`-word`, `-#ml`): see exclusions.
 */

/** The test a search's field clauses make of a paper, or undefined when it has none. */
export function fieldFilter(terms: SearchTerms): ((paper: Paper) => boolean) | undefined {
  const authors = terms.authors ?? [];
  const tags = terms.tags ?? [];
  if (authors.length === 0 && tags.length === 0) return undefined;
  return (paper) =>
    tags.every((tag) => paper.tags.some((own) => tagHolds(own, tag))) &&
    authors.every((name) => paper.authors.some((author) => phrasePlaces(author, name).length > 0));
}

/**
 * Whether a paper's tag `own` answers a `#tag`/`tag:` clause (`tag`, lower-cased as typed): the tag itself, or
 * its whole words (split at spaces) side by side, so that `#scaling` and `#laws` find a paper tagged "scaling
 * laws", which the row and the sidebar show as `#scaling laws`. Never a word's start: `#ml` is not "mlops".
 */
export function tagHolds(own: string, tag: string): boolean {
  const lower = own.toLowerCase();
  if (lower === tag || !/\s/.test(lower)) return lower === tag;
  const words = lower.split(/\s+/).filter(Boolean);
  const wanted = tag.split(/\s+/).filter(Boolean);
  if (wanted.length === 0 || wanted.length > words.length) return false;
  for (let from = 0; from + wanted.length <= words.length; from++) {
    if (wanted.every((word, i) => words[from + i] === word)) return true;
  }
  return false;
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

/**
 * The papers a search's negated terms keep out (query-parse.ts: `-word`, `-"a phrase"`, `-author:x`, `-#x`): a
 * paper is out if one of them, read as a search of its own, finds it in its own fields (not in its PDF's text,
 * which names far too much: its references). Each is asked of the index, as typed (never as a typo), and only
 * the papers it finds are read for a phrase or a field; `out` flags them by ordinal. A tag is not in the title scan
 * that answers while the index is built: until it is in, `-#x` is checked on each paper the walk reaches (`keep`).
 * Called before the search's own words are matched: a match's buffers are the index's, reused by the next one.
 */
export function exclusions(
  catalog: Catalog,
  not: readonly SearchTerms[],
): { out?: Uint8Array; keep?: (paper: Paper) => boolean } {
  const tags = !catalog.search.scanningTitles;
  let out: Uint8Array | undefined;
  const unindexed: ((paper: Paper) => boolean)[] = [];
  for (const terms of not) {
    const fields = fieldFilter(terms);
    const indexed = indexTerms(terms, tags);
    if (indexed.words.length === 0) {
      if (fields) unindexed.push(fields);
      continue;
    }
    const typos = indexed.words.map(() => false);
    const match = fieldMatch(catalog, indexed, typos);
    if (match.count === 0) continue;
    out ??= new Uint8Array(catalog.count);
    for (const ordinal of match.ordinals) if (!fields || fields(catalog.at(ordinal)!)) out[ordinal] = 1;
  }
  return { out, keep: unindexed.length > 0 ? (paper) => !unindexed.some((fields) => fields(paper)) : undefined };
}
