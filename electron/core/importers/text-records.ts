import { parseArxivId, parseDoi } from '../identifiers';
import type { PaperDraft } from '../paper';
import type { Link } from '../schema';
import { squashSpace } from '../text';
import { findUrls, labelFor } from './links';
import type { Importer, ParsedImport } from './types';

type Field =
  | 'comments'
  | 'title'
  | 'original'
  | 'abstract'
  | 'authors'
  | 'links'
  | 'arxiv'
  | 'doi'
  | 'year'
  | 'venue'
  | 'keywords';

/** Labels as digests write them (lower-cased, English and Chinese); anything else is running text. */
const LABELS: Record<string, Field> = {
  title: 'title',
  'paper title': 'title',
  标题: 'title',
  'original title': 'original',
  'english title': 'original',
  原文标题: 'original',
  英文标题: 'original',
  abstract: 'abstract',
  summary: 'abstract',
  'tl;dr': 'abstract',
  摘要: 'abstract',
  authors: 'authors',
  author: 'authors',
  作者: 'authors',
  url: 'links',
  link: 'links',
  links: 'links',
  paper: 'links',
  pdf: 'links',
  code: 'links',
  github: 'links',
  'project page': 'links',
  论文链接: 'links',
  链接: 'links',
  arxiv: 'arxiv',
  'arxiv id': 'arxiv',
  doi: 'doi',
  year: 'year',
  venue: 'venue',
  journal: 'venue',
  'journal-ref': 'venue',
  keywords: 'keywords',
  subjects: 'keywords',
  // Read so their text does not run into the field above; Paperqueue has nowhere to keep them.
  comments: 'comments',
  note: 'comments',
  notes: 'comments',
  备注: 'comments',
  关键词: 'keywords',
};
/** Fields a record has once: seeing one again means the next record has begun. */
const SINGLE: ReadonlySet<Field> = new Set([
  'title',
  'original',
  'abstract',
  'authors',
  'arxiv',
  'doi',
  'year',
  'venue',
]);

/** Fields that only a paper has. */
const PAPER_FIELDS: readonly Field[] = ['abstract', 'authors', 'arxiv', 'doi'];

// "Title: x", "**Title:** x", "**Title**: x", "- Title: x", full-width colon; label up to 20 characters.
const LABEL_LINE =
  /^\s*(?:[-*]\s+)?(?:\*\*|__)?([\p{L}][\p{L} ;-]{0,19}?)\s*(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*(.*)$/u;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const SEPARATOR = /^\s{0,3}(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$/;

type TextRecord = { line: number; heading?: string; fields: Map<Field, string[]>; body: string[] };

/**
 * Digests written as labelled records ("Title:", "Abstract:", "Authors:", "URL:"...) separated by
 * blank lines or "---", and Markdown newsletters with one heading per paper and bold labels.
 */
export const textRecordsImporter: Importer = {
  format: 'text-records',
  sniff: (text) => {
    const lines = text.slice(0, 200_000).split(/\r\n|\r|\n/);
    let titles = 0;
    let headings = 0;
    let prose = 0;
    let others = 0;
    let paperHeadings = 0;
    for (const line of lines) {
      const label = labelOf(line);
      if (label === 'title' || label === 'original') titles++;
      else if (label === 'abstract' || label === 'authors') prose++;
      else if (label && label !== 'arxiv') others++;
      else {
        const heading = headingOf(line);
        if (heading !== undefined) headings++;
        if (heading !== undefined && parseArxivId(heading) !== undefined) paperHeadings++;
      }
    }
    // The seed digest layout has no labels except a bare "arXiv:" line, and an id list's "doi:" lines
    // under a "# comment" are not papers with headings, so neither is claimed.
    return (titles > 0 && prose + others > 0) || (headings > 0 && prose > 0) || paperHeadings > 0;
  },
  parse: parseTextRecords,
};

export function parseTextRecords(text: string, fileLabel: string): ParsedImport {
  const result: ParsedImport = { format: 'text-records', sourceName: fileLabel, drafts: [], problems: [], found: 0 };
  for (const [index, record] of splitRecords(text).entries()) {
    if (!isPaper(record)) {
      // A record with paper fields but no title is worth a word; a section ("## Links") is not.
      if (!PAPER_FIELDS.some((f) => record.fields.has(f))) continue;
      result.found = (result.found ?? 0) + 1;
      result.problems.push({
        where: `${fileLabel}, line ${record.line} (record ${index + 1})`,
        message: 'this record has no title, so it was skipped',
      });
      continue;
    }
    result.found = (result.found ?? 0) + 1;
    result.drafts.push(draftFrom(record));
  }
  const heading = /^\s{0,3}#\s+(.*)$/m.exec(text)?.[1];
  const name = heading ? squashSpace(heading.replace(/<[^>]*>/g, '')) : '';
  if (name) result.sourceName = name;
  return result;
}

function splitRecords(text: string): TextRecord[] {
  const records: TextRecord[] = [];
  let current: TextRecord | undefined;
  let field: Field | undefined;
  const start = (line: number, heading?: string): TextRecord => {
    const record: TextRecord = { line, fields: new Map(), body: [] };
    if (heading !== undefined) record.heading = heading;
    records.push(record);
    field = undefined;
    return record;
  };

  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, index) => {
      const number = index + 1;
      // arXiv's own listing copied as text numbers its entries: "[3] arXiv:2411.01234".
      const line = raw.replace(/^\s*\[\d+\]\s*/, '');
      if (SEPARATOR.test(line)) {
        current = undefined;
        field = undefined;
        return;
      }
      const heading = headingOf(line);
      if (heading !== undefined) {
        current = start(number, heading);
        return;
      }
      if (line.trim() === '') {
        // Only an abstract runs on across paragraphs; a label with nothing after it yet waits for its text.
        const open = field && current?.fields.get(field);
        if (field !== 'abstract' && open && open.join('').trim() !== '') field = undefined;
        return;
      }
      const label = labelOf(line);
      if (label) {
        if (!current || (SINGLE.has(label) && current.fields.has(label))) current = start(number);
        field = label;
        const values = current.fields.get(label) ?? [];
        values.push(LABEL_LINE.exec(line)?.[2] ?? '');
        current.fields.set(label, values);
        return;
      }
      if (!current) return;
      if (field) {
        const values = current.fields.get(field) ?? [''];
        values[values.length - 1] += `\n${line}`;
        current.fields.set(field, values);
      } else {
        current.body.push(line);
      }
    });
  return records;
}

function isPaper(record: TextRecord): boolean {
  if (!titleOf(record)) return false;
  if (record.fields.has('title') || record.fields.has('original')) return true;
  // A heading is a paper only when what follows says so: labelled fields or an identifier.
  return (
    ['abstract', 'authors', 'arxiv', 'doi'].some((f) => record.fields.has(f as Field)) ||
    idsOf(record).arxivId !== undefined
  );
}

function titleOf(record: TextRecord): string {
  const raw = first(record, 'original') || first(record, 'title') || headingTitle(record.heading ?? '');
  return squashSpace(stripMarkdown(raw));
}

function draftFrom(record: TextRecord): PaperDraft {
  const draft: PaperDraft = { title: titleOf(record) };
  const abstract = first(record, 'abstract') || (record.fields.has('abstract') ? '' : proseOf(record.body));
  if (abstract) draft.abstract = squashSpace(stripMarkdown(abstract));
  const authors = first(record, 'authors');
  if (authors) {
    // "Family, Given; Family, Given" lists use semicolons; otherwise commas separate names.
    draft.authors = authors
      .split(authors.includes(';') ? /\s*;\s*/ : /\s*(?:,|\band\b|、|，)\s*/)
      .map((name) => squashSpace(name.replace(/^([^,]+),\s*([^,]+)$/, '$2 $1')))
      .filter((a) => a !== '');
  }
  const ids = idsOf(record);
  if (ids.arxivId) draft.arxivId = ids.arxivId;
  if (ids.doi) draft.doi = ids.doi;
  const year = Number(/\b(1[89]\d\d|2[01]\d\d)\b/.exec(first(record, 'year'))?.[1]);
  if (year) draft.year = year;
  const venue = squashSpace(first(record, 'venue'));
  if (venue) draft.venue = venue;
  const keywords = (record.fields.get('keywords') ?? [])
    .flatMap((k) => k.split(/[;,，、]/))
    .map(squashSpace)
    .filter((k) => k !== '');
  if (keywords.length) draft.keywords = keywords;
  draft.links = linksOf(record, ids);
  if (!draft.abstract) draft.needsMetadata = true;
  return draft;
}

function idsOf(record: TextRecord): { arxivId?: string; doi?: string } {
  const urls = urlsOf(record);
  const arxivField = first(record, 'arxiv');
  const arxivId =
    parseArxivId(arxivField.split(/\s/)[0] ?? '') ??
    parseArxivId(arxivField) ??
    [titleOf(record), ...urls].map(parseArxivId).find((id) => id !== undefined);
  const doi =
    parseDoi(first(record, 'doi')) ?? urls.map((u) => (/doi\.org\//i.test(u) ? parseDoi(u) : undefined)).find(Boolean);
  const out: { arxivId?: string; doi?: string } = {};
  if (arxivId) out.arxivId = arxivId;
  if (doi) out.doi = doi;
  return out;
}

function linksOf(record: TextRecord, { arxivId, doi }: { arxivId?: string; doi?: string }): Link[] {
  const links: Link[] = [];
  for (const url of urlsOf(record)) {
    // labelFor calls a Hugging Face paper page "arXiv" (it names an arXiv id); here the arXiv link is separate.
    const label = /^https?:\/\/(www\.)?huggingface\.co\/papers\//i.test(url) ? 'Hugging Face' : labelFor(url);
    if (!links.some((l) => l.url === url)) links.push({ label, url });
  }
  if (arxivId && !links.some((l) => l.label === 'arXiv')) {
    links.push({ label: 'arXiv', url: `https://arxiv.org/abs/${arxivId}` });
  }
  if (doi && !links.some((l) => l.label === 'DOI')) links.push({ label: 'DOI', url: `https://doi.org/${doi}` });
  return links;
}

/** URLs in link fields, the heading and the record's unlabelled lines ("[]()" yields nothing). */
function urlsOf(record: TextRecord): string[] {
  const text = [...(record.fields.get('links') ?? []), record.heading ?? '', ...record.body].join('\n');
  return findUrls(text.replace(/\]\(/g, '] ('));
}

function first(record: TextRecord, field: Field): string {
  return record.fields.get(field)?.find((v) => v.trim() !== '') ?? '';
}

/** "1. VideoRAG：..." or "[Title](url)" heading text, without numbering and link syntax. */
function headingTitle(heading: string): string {
  return heading.replace(/^\s*(?:\d+[.)、]|#\d+[.:]?)\s*/, '');
}

/** Markdown link and bold syntax out; HTML stays as text (it is never rendered as HTML). */
function stripMarkdown(text: string): string {
  // Bounded so that a line of unmatched brackets stays linear.
  return text.replace(/!?\[([^\]]{0,500})\]\([^)]{0,2000}\)/g, '$1').replace(/(\*\*|__)(.{0,2000}?)\1/g, '$2');
}

/** Unlabelled lines under a heading that read as prose (not link lines or list items). */
function proseOf(lines: string[]): string {
  return lines
    .filter((l) => !/^\s*(?:[-*]\s|!?\[|https?:\/\/)/.test(l))
    .join('\n')
    .trim();
}

/** The text of a Markdown heading line; long lines are prose, whatever they start with. */
function headingOf(line: string): string | undefined {
  if (line.length > 1000) return undefined;
  return HEADING.exec(line)?.[2];
}

function labelOf(line: string): Field | undefined {
  if (line.length > 4000) return undefined;
  const match = LABEL_LINE.exec(line.replace(/^\s*\[\d+\]\s*/, ''));
  return match?.[1] ? LABELS[match[1].trim().toLowerCase()] : undefined;
}
