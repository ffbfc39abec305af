import { parseArxivId, parseDoi } from '../identifiers';
import { authorsBelowTitle, titleFromPage } from './first-page';
import { plausibleMetadataAuthor, plausibleTitle } from './plausible';
import type { RawPdf } from './pdf-worker';

/** What a PDF says about the work it holds; every field but `pages` and `authors` may be missing. */
export type PdfInfo = {
  pages: number;
  title?: string;
  authors: string[];
  arxivId?: string;
  doi?: string;
  /** Where the title came from: the document's metadata, or the largest text on page 1. */
  titleFrom?: 'metadata' | 'first-page';
};

/** The title, authors, arXiv id and DOI of a PDF, from its metadata first and its first page's text after. */
export function identify(raw: RawPdf, firstPageText: string): PdfInfo {
  const info: PdfInfo = { pages: raw.pages.length, authors: [] };
  const fields = metadataFields(raw);
  const flatText = firstPageText.replace(/\n/g, ' ');

  const arxivId = arxivFromMetadata(fields) ?? arxivFromStamp(flatText);
  if (arxivId) info.arxivId = arxivId;
  const doi = doiFromMetadata(fields) ?? doiFromText(flatText);
  if (doi) info.doi = doi;

  const metadataTitle = [raw.info.Title, first(raw.xmp['dc:title'])]
    .map((title) => title?.replace(/\s+/g, ' ').trim())
    .find((title) => title !== undefined && plausibleTitle(title));
  const pageTitle = raw.firstPage ? titleFromPage(raw.firstPage) : undefined;
  if (metadataTitle) {
    info.title = metadataTitle;
    info.titleFrom = 'metadata';
  } else if (pageTitle) {
    info.title = pageTitle.title;
    info.titleFrom = 'first-page';
  }

  const metadataAuthors = splitAuthors(raw.info.Author ?? '');
  const xmpAuthors = (list(raw.xmp['dc:creator']) ?? []).filter(plausibleMetadataAuthor);
  if (metadataAuthors.length) info.authors = metadataAuthors;
  else if (xmpAuthors.length) info.authors = xmpAuthors;
  else if (raw.firstPage && pageTitle) info.authors = authorsBelowTitle(raw.firstPage, pageTitle);
  return info;
}

/** The names in a metadata Author field: "A; B", "A, B and C", or one "Surname, Given" per semicolon. */
export function splitAuthors(field: string): string[] {
  const text = field
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text || !plausibleMetadataAuthor(text.split(/;/)[0] ?? '')) return [];
  const bySemicolon = text.split(';').map((part) => part.trim());
  const parts =
    bySemicolon.length > 1
      ? bySemicolon.flatMap((part) => (/^[^,]+,[^,]+$/.test(part) ? [flipSurname(part)] : part.split(/,|\band\b|&/)))
      : text.split(/,|\band\b|&/);
  const names = parts.map((part) => part.trim()).filter(plausibleMetadataAuthor);
  return [...new Set(names)];
}

function flipSurname(part: string): string {
  const [surname = '', given = ''] = part.split(',').map((piece) => piece.trim());
  return `${given} ${surname}`.trim();
}

/** Every string field of the Info dictionary and the XMP metadata, as [name, value] pairs. */
function metadataFields(raw: RawPdf): [string, string][] {
  const fields: [string, string][] = Object.entries(raw.info);
  for (const [key, value] of Object.entries(raw.xmp)) for (const item of list(value) ?? []) fields.push([key, item]);
  return fields;
}

function arxivFromMetadata(fields: [string, string][]): string | undefined {
  for (const [key, value] of fields) {
    // A bare id counts only in a field named for arXiv; elsewhere the value must say "arXiv".
    if (!/arxiv/i.test(key) && !/arxiv/i.test(value)) continue;
    const id = parseArxivId(value);
    if (id) return id;
  }
  return undefined;
}

// The stamp arXiv prints in the left margin: "arXiv:2403.12345v2 [cs.LG] 13 Mar 2024", "arXiv:hep-th/9901001v1 4 Jan 1999".
const ARXIV_STAMP =
  /arXiv:\s*(\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?\s*(?:\[[^\]\n]{1,30}\]\s*)?\d{1,2}\s*[A-Z][a-z]{2}\s*\d{4}/;

function arxivFromStamp(text: string): string | undefined {
  const match = ARXIV_STAMP.exec(text);
  return match ? parseArxivId(`arXiv:${match[1]}`) : undefined;
}

function doiFromMetadata(fields: [string, string][]): string | undefined {
  for (const [key, value] of fields) {
    if (/doi/i.test(key)) {
      const doi = parseDoi(value);
      if (doi) return doi;
    }
  }
  for (const [, value] of fields) {
    const labelled = /(?:\bdoi\s*:?\s*|doi\.org\/)(10\.\S+)/i.exec(value);
    const doi = labelled?.[1] ? parseDoi(labelled[1]) : undefined;
    if (doi) return doi;
  }
  return undefined;
}

const LABELLED_DOI = /(?:\bdoi\s*:?\s*|doi\.org\/|digital object identifier\s*:?\s*)(10\.\d{4,9}\/\S+)/i;

/** A DOI that page 1 labels as one ("DOI:", doi.org/), else the only DOI on the page. */
function doiFromText(text: string): string | undefined {
  const labelled = LABELLED_DOI.exec(text);
  if (labelled?.[1]) return parseDoi(labelled[1]);
  const all = new Set([...text.matchAll(/\b10\.\d{4,9}\/\S+/g)].map((match) => parseDoi(match[0])));
  return all.size === 1 ? [...all][0] : undefined;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function list(value: string | string[] | undefined): string[] | undefined {
  return value === undefined ? undefined : Array.isArray(value) ? value : [value];
}
