import type { Paper } from './schema';

/** What a list row shows: a few hundred bytes, where a whole paper (abstract, note, history) is kilobytes. */
export type PaperRow = Pick<Paper, 'id' | 'title' | 'status' | 'rank' | 'tags' | 'createdAt' | 'year' | 'arxivId'> & {
  /** The first three authors; authorCount tells how many there are. */
  authors: string[];
  authorCount: number;
  source: { name: string };
  hasCode: boolean;
  hasNote: boolean;
  highlights: number;
};

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
      hasNote: paper.note.trim() !== '',
      highlights: paper.annotations.length,
    };
    rows.set(paper, row);
  }
  return row;
}
