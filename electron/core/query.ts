import { z } from 'zod';
import { isUnread } from './paper';
import { STATUSES, type Paper } from './schema';
import { Catalog } from './search/catalog';
import type { TextMatch } from './search/search-index';
import type { SortKey } from './search/sort-orders';
import { exclusions, fieldFilter, indexTerms } from './search/field-filter';
import { fieldMatch, narrowMatch, pdfPhrasePage } from './search/phrase-filter';
import { searchTerms, type SearchTerms } from './search/phrases';
import { parseSearch } from './search/query-parse';
import { typoEligible } from './search/typo';
import { catalogOf } from './store/store';
import { DEFAULT_ORDER, markSorted } from './query-sort';
import { walkMatches, walkOrder, type Members, type Selection, type Walk } from './query-walk';

export { sortPapers } from './query-sort';

export const LIST_STATUSES = [...STATUSES, 'unread', 'all'] as const;
export const SORTS = ['queue', 'added', 'title', 'year', 'updated'] as const satisfies readonly SortKey[];

export const ListQuerySchema = z.strictObject({
  /** A status, "unread" (inbox and queued) or "all". */
  status: z.enum(LIST_STATUSES).default('all'),
  tag: z.string().max(200).optional(),
  /** Source name (a digest's date label or a file name). */
  source: z.string().max(500).optional(),
  /** Source format: "pdf" is every paper made from a PDF imported on its own (the sidebar's one "PDFs"). */
  sourceFormat: z.string().max(40).optional(),
  /**
   * Every word must appear in the title, authors, abstract, note or an annotation; or else every word in
   * the text of the paper's PDF (those papers come after the others). A quoted phrase ("red giant") must
   * be in one field, its words in that order (phrases.ts).
   */
  text: z.string().max(1000).optional(),
  sort: z.enum(SORTS).default('queue'),
  order: z.enum(['asc', 'desc']).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1_000_000).optional(),
});
export type ListQuery = z.output<typeof ListQuerySchema>;

/**
 * The papers a query selects. From a store's untouched `all()` iterator they come from its indexes,
 * already in the query's sort order (sortPapers then returns them as they are); from anything else,
 * in the order given.
 */
export function filterPapers(papers: Iterable<Paper>, query: ListQuery): Paper[] {
  const catalog = catalogOf(papers);
  if (catalog) {
    const out = queryPapers(catalog, query);
    markSorted(out, query.sort, query.order);
    return out;
  }
  const list = [...papers];
  const terms = queryTerms(query);
  const not = negatedTerms(query);
  const indexed = indexTerms(terms, true);
  let match: TextMatch | undefined;
  let excluded: ReturnType<typeof exclusions> = {};
  if (indexed.words.length || not.length) {
    const scratch = new Catalog();
    scratch.reset(list);
    // The negated terms first: a match's buffers are reused by the next one.
    if (not.length) excluded = exclusions(scratch, not);
    if (indexed.words.length) match = fieldMatch(scratch, indexed);
  }
  const keep = keepFor(query);
  const fields = both(fieldFilter(terms), excluded.keep);
  const { out } = excluded;
  return list.filter(
    (paper, ordinal) =>
      keep(paper) && (!match || match.has(ordinal)) && out?.[ordinal] !== 1 && (!fields || fields(paper)),
  );
}

/** Filter and sort through the catalog's search index and sort orders. */
export function queryPapers(catalog: Catalog, query: ListQuery): Paper[] {
  const out: Paper[] = [];
  walkQuery(catalog, query, { take: (paper) => out.push(paper) });
  return out;
}

/** A page of a query's papers, and how many match in all. */
export type QueryPage = {
  total: number;
  page: Paper[];
  /** With a search: page[pdfFrom...] matched only in the text of their PDFs (such papers come last). */
  pdfFrom: number;
  /**
   * For each of those, in order, the PDF page (from 1) where the query's rarest word first occurs; 0
   * when the index cannot say (the row then looks for it).
   */
  pdfPages: number[];
  /**
   * A search answered while the index was still being built or read, from the titles and authors alone: what
   * matches only in an abstract, a note, a highlight or a PDF is not counted yet. Asked again, it will be.
   */
  titlesOnly: boolean;
};

/**
 * One page of a query (offset, limit) and how many papers match in all, without listing the rest:
 * what papers.list and papers.rows answer.
 */
export function queryPage(catalog: Catalog, query: ListQuery): QueryPage {
  const end = query.limit === undefined ? Infinity : query.offset + query.limit;
  const page: Paper[] = [];
  const pdfPages: number[] = [];
  let pdfFrom = -1;
  let total = 0;
  const walk: Walk = {
    take(paper, pdfPage) {
      if (total >= query.offset && total < end) {
        if (pdfPage !== undefined) {
          if (pdfFrom < 0) pdfFrom = page.length;
          pdfPages.push(pdfPage);
        }
        page.push(paper);
      }
      total++;
    },
    // Past the page, the papers found only in PDFs are counted, not sorted.
    skip(count) {
      if (total < end) return false;
      total += count;
      return true;
    },
  };
  const titlesOnly = walkQuery(catalog, query, walk);
  return { total, page, pdfFrom: pdfFrom < 0 ? page.length : pdfFrom, pdfPages, titlesOnly };
}

/**
 * Hand each paper the query selects, in its order, to `walk`. With a search, the papers whose own fields
 * have every word come first; then those whose PDF text has every word, with the PDF page to show.
 * Words are not mixed: a paper with one word in its abstract and the other only in its PDF is not found.
 * True for a search answered from the titles and authors alone, an index still being built or read.
 */
function walkQuery(catalog: Catalog, query: ListQuery, walk: Walk): boolean {
  const { take } = walk;
  const terms = queryTerms(query);
  // The negated terms' papers, asked of the index before the search's own words (whose match reuses its buffers).
  const not = negatedTerms(query);
  const excluded = not.length ? exclusions(catalog, not) : {};
  // A clause's words narrow through the index too (a tag's not while titles answer); the clauses are then
  // checked on those papers.
  const indexed = indexTerms(terms, !catalog.search.scanningTitles);
  const { words, quoted } = indexed;
  const phrases = terms.phrases;
  const selection = selectionOf(catalog, query, both(fieldFilter(terms), excluded.keep), excluded.out);
  if (!words.length) {
    // Only negated terms (`-survey`): the view as without a search, less their papers, which the index found.
    walkOrder(selection, {}, (paper) => take(paper));
    return not.length > 0 && catalog.search.scanningTitles;
  }
  // Without PDF text there is nothing more to ask (and nothing is built for it).
  if (catalog.papersWithPdfText === 0) {
    const match = fieldMatch(catalog, indexed);
    if (match.count > 0) walkMatches(selection, match.ordinals, match, (paper) => take(paper), walk.skip);
    return catalog.search.scanningTitles;
  }
  // A word is read as a typo only if it starts no word anywhere, fields or PDFs: a word found as typed in
  // a note is not widened to its neighbours in every PDF. A quoted word never is.
  const typos = words.map(
    (word) => typoEligible(word) && !quoted.has(word) && !catalog.search.knows(word) && !catalog.pdfSearch.knows(word),
  );
  const match = fieldMatch(catalog, indexed, typos);
  const titlesOnly = catalog.search.scanningTitles;
  // A PDF's text is searched for the free words (the first ones of `words`), not for a field's.
  if (terms.words.length === 0) {
    if (match.count > 0) walkMatches(selection, match.ordinals, match, (paper) => take(paper), walk.skip);
    return titlesOnly;
  }
  let inPdf = catalog.pdfSearch.match(terms.words, typos.slice(0, terms.words.length));
  // A phrase is looked for in the PDFs of the papers whose fields do not have it (those come first anyway).
  if (phrases.length > 0 && inPdf.count > 0) {
    inPdf = narrowMatch(inPdf, (ordinal) => !match.has(ordinal) && pdfPhrasePage(catalog.pdfAt(ordinal)!, phrases));
  }
  if (match.count > 0) walkMatches(selection, match.ordinals, match, (paper) => take(paper), walk.skip);
  if (inPdf.count === 0) return titlesOnly;
  const members: Members = { marks: inPdf.marks, stamp: inPdf.stamp, unless: match };
  walkMatches(selection, inPdf.ordinals, members, (paper, ordinal) => take(paper, inPdf.section(ordinal)), walk.skip);
  return titlesOnly;
}

/** How many spellings a word read as a typo offers. */
const CORRECTIONS = 3;

export type Correction = { word: string; spellings: string[] };

/**
 * The words of the query's search that it read as typos (no paper has them as typed, so it took the words one
 * edit away, as walkQuery does), each with the likeliest spellings the library has, so the list can say why
 * it shows what it shows and offer the first as the search meant. None while the titles are scanned.
 */
export function searchCorrections(catalog: Catalog, query: ListQuery): Correction[] {
  if (!query.text || catalog.search.scanningTitles) return [];
  const { words, quoted } = indexTerms(queryTerms(query), true);
  const pdfs = catalog.papersWithPdfText > 0;
  const out: Correction[] = [];
  for (const word of new Set(words)) {
    if (!typoEligible(word) || quoted.has(word) || catalog.search.knows(word)) continue;
    if (pdfs && catalog.pdfSearch.knows(word)) continue;
    const spellings = catalog.search.corrections(word, CORRECTIONS);
    if (pdfs && spellings.length < CORRECTIONS) {
      for (const spelling of catalog.pdfSearch.corrections(word, CORRECTIONS)) {
        if (spellings.length < CORRECTIONS && !spellings.includes(spelling)) spellings.push(spelling);
      }
    }
    if (spellings.length > 0) out.push({ word, spellings });
  }
  return out;
}

function selectionOf(
  catalog: Catalog,
  query: ListQuery,
  fields?: (paper: Paper) => boolean,
  out?: Uint8Array,
): Selection {
  const order = catalog.order(query.sort);
  const own = query.tag || query.source || query.sourceFormat ? keepFor(query) : undefined;
  return {
    catalog,
    order,
    sorted: order.ordinals(),
    descending: (query.order ?? DEFAULT_ORDER[query.sort]) === 'desc',
    wanted: statusCodes(query.status),
    keep: both(own, fields),
    out,
  };
}

type Test = (paper: Paper) => boolean;
/** A test that both hold (either when the other is not given). */
function both(a: Test | undefined, b: Test | undefined): Test | undefined {
  return a && b ? (paper) => a(paper) && b(paper) : (a ?? b);
}

/** A flag per status code (and 0 for NO_STATUS): 1 if the list shows that status. */
function statusCodes(status: ListQuery['status']): Uint8Array {
  const wanted = new Uint8Array(256);
  STATUSES.forEach((s, code) => {
    if (status === 'all' || s === status || (status === 'unread' && isUnread(s))) wanted[code] = 1;
  });
  return wanted;
}

function queryTerms(query: ListQuery): SearchTerms {
  return searchTerms(query.text ?? '');
}

/** Each negated term of the query's search (`-word`, `-"a phrase"`, `-author:x`, `-#x`), read as a search of its own. */
function negatedTerms(query: ListQuery): SearchTerms[] {
  if (!query.text?.includes('-')) return [];
  return (parseSearch(query.text).not ?? []).map(searchTerms);
}

/** The status, tag and source part of a query (the catalog checks statuses apart). */
function keepFor(query: ListQuery): (paper: Paper) => boolean {
  const tag = query.tag?.toLowerCase();
  const { status, source, sourceFormat } = query;
  return (paper) => {
    if (status === 'unread' ? !isUnread(paper.status) : status !== 'all' && paper.status !== status) return false;
    if (tag && !paper.tags.some((t) => t.toLowerCase() === tag)) return false;
    if (sourceFormat && paper.source.format !== sourceFormat) return false;
    return !source || paper.source.name === source;
  };
}
