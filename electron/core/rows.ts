import type { Paper } from './schema';
import type { RowMatch } from './search/snippet';

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
};

/** Enough of the abstract for two lines of the widest list. */
const PREVIEW_CHARS = 320;

const rows = new WeakMap<Paper, PaperRow>();

/** Papers are replaced, never mutated, so a row cached per paper object never goes stale. */
export function toRow(paper: Paper): PaperRow {
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
      preview: previewOf(paper.abstract),
    };
    rows.set(paper, row);
  }
  return row;
}

function previewOf(abstract: string): string {
  const head = abstract.length > PREVIEW_CHARS * 2 ? abstract.slice(0, PREVIEW_CHARS * 2) : abstract;
  const flat = head.replace(/\s+/g, ' ').trim();
  return flat.length > PREVIEW_CHARS ? `${flat.slice(0, PREVIEW_CHARS).trimEnd()}…` : flat;
}
