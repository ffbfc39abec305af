import type { QueryPage } from './query';
import type { Paper } from './schema';
import type { Catalog } from './search/catalog';
import type { SearchTerms } from './search/phrases';
import { pdfMatchOf } from './search/pdf-snippet';
import { markTerms, matchOf, withAuthors, type PdfMatch, type RowMatch } from './search/snippet';
import { typoEligible } from './search/typo';

/** What a list row shows: a few hundred bytes, where a whole paper (abstract, note, history) is kilobytes. */
export type PaperRow = Pick<Paper, 'id' | 'title' | 'status' | 'rank' | 'tags' | 'createdAt' | 'year' | 'arxivId'> & {
  /** The first three authors; authorCount tells how many there are. */
  authors: string[];
  authorCount: number;
  source: { name: string };
  hasCode: boolean;
  /** A project page (github.io and the like) among its links. */
  hasProject: boolean;
  hasNote: boolean;
  highlights: number;
  /** The start of the abstract, whitespace squashed: two lines of a list row. */
  preview: string;
  /** With a search: where it matched (the list marks the words and shows the passage). */
  match?: RowMatch;
  /**
   * With a search that found the paper only in its PDFs' text: the page and a passage of it, and which PDF when
   * the paper has several (`match` then has the title's marks only).
   */
  pdfMatch?: PdfMatch;
  /** The paper has a PDF (the one the reader opens): its pages, and the furthest page read in it. */
  pdf?: { pages: number; furthest?: number };
  /**
   * A paper without a title: what tells it apart where its title would be (its venue, else an identifier), as
   * "Untitled (…)" shows it. Its authors and year are on the row's details line already.
   */
  untitledBy?: string;
};

/** Enough of the abstract for two lines of the widest list. */
const PREVIEW_CHARS = 320;

const rows = new WeakMap<Paper, PaperRow>();

/** Papers are replaced, never mutated, so a row cached per paper object never goes stale. */
export function toRow(paper: Paper): PaperRow {
  return rowOf(paper);
}

/** toRow, with the paper's abstract if it was read already. */
function rowOf(paper: Paper, abstract?: string): PaperRow {
  let row = rows.get(paper);
  if (!row) {
    row = {
      id: paper.id,
      title: paper.title,
      status: paper.status,
      rank: paper.rank,
      tags: paper.tags,
      createdAt: paper.createdAt,
      year: paper.year,
      arxivId: paper.arxivId,
      authors: paper.authors.slice(0, 3),
      authorCount: paper.authors.length,
      source: { name: paper.source.name },
      hasCode: paper.links.some((link) => link.label === 'Code'),
      hasProject: paper.links.some((link) => link.label === 'Project page'),
      hasNote: paper.note.trim() !== '',
      highlights: paper.annotations.length,
      preview: previewOf(abstract ?? paper.abstract),
    };
    const pdf = pdfOf(paper);
    if (pdf) row.pdf = pdf;
    const by = paper.title ? undefined : untitledBy(paper);
    if (by) row.untitledBy = by;
    rows.set(paper, row);
  }
  return row;
}

/** The venue, else the first identifier the paper has, as a reader would name it; a web page by its site. */
function untitledBy(paper: Paper): string | undefined {
  if (paper.venue?.trim()) return paper.venue.trim();
  if (paper.arxivId) return `arXiv:${paper.arxivId}`;
  if (paper.doi) return `doi:${paper.doi}`;
  if (paper.citationKey) return `key ${paper.citationKey}`;
  return paper.url ? siteOf(paper.url) : undefined;
}

function siteOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

function pdfOf(paper: Paper): PaperRow['pdf'] {
  const attachment = paper.attachments?.[0];
  if (!attachment) return undefined;
  const progress = paper.progress?.attachment === attachment.hash ? paper.progress : undefined;
  // An encrypted PDF attached without its password says 0 pages until it is opened.
  const pages = attachment.pages || progress?.pages || 0;
  // Only jumped about in (a search hit, the page box): the place is kept, but no page was read to show (the
  // stored furthest page is at least 1).
  const read = progress && (progress.seen !== '' || progress.furthest > 1);
  return read ? { pages, furthest: Math.min(progress.furthest, pages || progress.furthest) } : { pages };
}

/**
 * The rows of a searched page of a list query (queryPage's answer for `terms`, the query's words and phrases):
 * the title's marks and a passage of the first other field that matched, or, for the papers found only in
 * the text of their PDF, the page and a passage of it. What papers.rows answers for the list's pages.
 */
export function searchedRows(catalog: Catalog, result: QueryPage, terms: SearchTerms): PaperRow[] {
  const words = terms.words;
  const typed = typedWords(catalog, words);
  // Where the index saw each word in the PDF rows' texts: a row's passage then reads only the pages that count.
  const pdfRows = result.page.slice(result.pdfFrom);
  const typos = words.filter((word) => typoEligible(word) && !typed.has(word));
  const groups =
    words.length > 1 && typos.length === 0
      ? catalog.pdfPageGroups(
          pdfRows.map((paper) => paper.id),
          words,
        )
      : [];
  return result.page.map((paper, i) => {
    const text = i >= result.pdfFrom ? catalog.pdfTextOf(paper.id) : undefined;
    if (!text) {
      // The abstract read once (a large library's are read back from their file), for the preview and the match.
      const seen = withAbstract(paper);
      return { ...rowOf(paper, seen.abstract), match: matchOf(seen, terms, typed) };
    }
    return {
      ...toRow(paper),
      match: withAuthors({ titleMarks: markTerms(paper.title, terms) }, paper, terms),
      pdfMatch: pdfMatchOf(text, terms, result.pdfPages[i - result.pdfFrom], (hash) => pdfName(paper, hash), {
        groups: groups[i - result.pdfFrom],
        typos,
      }),
    };
  });
}

/** The name of the paper's PDF `hash`, as the reader's picker shows it. */
function pdfName(paper: Paper, hash: string): string {
  return paper.attachments?.find((attachment) => attachment.hash === hash)?.name ?? 'a PDF';
}

/**
 * The query's words that a search (query.ts) read as typed, not as typos: the words it could read as typos
 * (typoEligible) that some paper has as typed, in its fields or its PDF. Asked once a page: each row then
 * reads its fields for the others only, most often none.
 */
function typedWords(catalog: Catalog, words: readonly string[]): Set<string> {
  const typed = new Set<string>();
  const pdfs = catalog.papersWithPdfText > 0;
  for (const word of words) {
    if (!typoEligible(word)) continue;
    if (catalog.search.knows(word) || (pdfs && catalog.pdfSearch.knows(word))) typed.add(word);
  }
  return typed;
}

/**
 * `paper` with its abstract as a value, read once: a copy of its fields, where a shelved paper's abstract is
 * read back each time. Not an object over the paper (Object.create): that makes each paper a prototype, whose
 * new map slowed every later reader of papers (a first start's searches, 300 ms at times in the bench).
 */
function withAbstract(paper: Paper): Paper {
  return { ...paper };
}

function previewOf(abstract: string): string {
  const head = abstract.length > PREVIEW_CHARS * 2 ? abstract.slice(0, PREVIEW_CHARS * 2) : abstract;
  const flat = head.replace(/\s+/g, ' ').trim();
  return flat.length > PREVIEW_CHARS ? `${flat.slice(0, PREVIEW_CHARS).trimEnd()}…` : flat;
}
