import { plainText } from '../importers/latex';
import type { Paper } from '../schema';
import { extraLinks, linkUrl } from './shared';

const HEADER = [
  'id',
  'title',
  'authors',
  'year',
  'venue',
  'doi',
  'arxiv_id',
  'url',
  'links',
  'status',
  'tags',
  'added',
  'status_changed',
  'read_at',
  'note_length',
  'highlights',
  'source',
] as const;

/**
 * RFC 4180 CSV: CRLF line ends, a field quoted when it holds a comma, quote or line break, quotes
 * doubled. It starts with a UTF-8 byte-order mark, without which Excel reads UTF-8 as a legacy code
 * page and garbles every accented name.
 */
export function toCsv(papers: readonly Paper[]): string {
  const rows = [HEADER, ...papers.map(csvRow)];
  return '\uFEFF' + rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

function csvRow(paper: Paper): string[] {
  const lastChange = paper.history.at(-1);
  const read = paper.history.findLast((entry) => entry.status === 'read');
  return [
    paper.id,
    // A spreadsheet cannot draw math: ε-DP, not $\varepsilon$-DP.
    plainText(paper.title),
    paper.authors.join('; '),
    paper.year?.toString() ?? '',
    paper.venue ?? '',
    paper.doi ?? '',
    paper.arxivId ?? '',
    linkUrl(paper) ?? '',
    extraLinks(paper)
      .map((link) => `${link.label}: ${link.url}`)
      .join('; '),
    paper.status,
    paper.tags.join('; '),
    paper.createdAt,
    lastChange?.at ?? '',
    read?.at ?? '',
    paper.note.length.toString(),
    paper.annotations.length.toString(),
    paper.source.name,
  ];
}

// A spreadsheet runs a cell that starts with = + - @ (or tab/CR, which some strip first) as a formula,
// so a hostile title could call out to the network or run commands (CSV injection). A leading
// apostrophe makes the spreadsheet show the text as text; our numeric cells never start with these.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
