import { typeFromRis } from '../entry-types';
import { parseArxivId, parseDoi } from '../identifiers';
import { displayName, namePart, splitName, withParts, type PersonName } from '../names';
import type { PaperDraft } from '../paper';
import type { Link } from '../schema';
import { squashSpace } from '../text';
import { EMPTY_ENTRY, hasContent } from './draft-content';
import { linksFromField } from './links';
import type { ImportProblem, Importer, ParsedImport } from './types';

/** One tag line and the untagged continuation lines that follow it. */
type Field = { tag: string; lines: string[] };
type RisRecord = { line: number; fields: Field[] };

// Exactly two spaces before the dash, as every exporter writes it: a looser pattern would take
// prose like "UK - based" on a continuation line for a tag. The value may be missing ("ER  -").
const TAG_LINE = /^([A-Z][A-Z0-9]) {2}-(?: (.*)|\s*)$/;

const TITLE_TAGS = ['TI', 'T1'];
const AUTHOR_TAGS = ['AU', 'A1'];
const ABSTRACT_TAGS = ['AB', 'N2'];
const YEAR_TAGS = ['PY', 'Y1', 'DA'];
// The full journal name first; abbreviations only when nothing better is there.
const VENUE_TAGS = ['JF', 'JO', 'T2', 'BT', 'JA', 'J2'];
const BIBLIOGRAPHIC_TAGS = [
  ['volume', ['VL']],
  ['issue', ['IS', 'CP']],
  ['publisher', ['PB']],
] as const;
const URL_TAGS = ['UR', 'L1', 'L2', 'L4'];
const SNIFF_LINES = 40;

/** RIS as Zotero, EndNote, Scopus, Web of Science, Embase, ProQuest and Rayyan write it. */
export const risImporter: Importer = { format: 'ris', sniff: sniffRis, parse: parseRis };

function sniffRis(text: string): boolean {
  const lines = stripBom(text.slice(0, 65536))
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '')
    .slice(0, SNIFF_LINES);
  const tags = lines.map((line) => TAG_LINE.exec(line)?.[1]).filter((tag) => tag !== undefined);
  if (lines[0] !== undefined && /^TY {2}-/.test(lines[0])) return true;
  return tags.length >= 3 && (tags.includes('TY') || tags.includes('ER'));
}

function parseRis(text: string, fileLabel: string): ParsedImport {
  const records = splitRecords(stripBom(text));
  const drafts: PaperDraft[] = [];
  const problems: ImportProblem[] = [];
  records.forEach((record, index) => {
    const draft = draftFrom(record);
    if (hasContent(draft)) drafts.push(draft);
    else problems.push({ where: `${fileLabel}, record ${index + 1} (line ${record.line})`, message: EMPTY_ENTRY });
  });
  if (records.length === 0 && text.trim() !== '') {
    problems.push({ where: fileLabel, message: 'no RIS records found (no lines like "TY  - JOUR")' });
  }
  return { format: 'ris', sourceName: fileLabel, drafts, problems, found: records.length };
}

/** A byte-order mark can survive decoding, and one file even has a space in front of it. */
function stripBom(text: string): string {
  return text.replace(/^(\s*?)\uFEFF/, '$1');
}

/**
 * Records end at ER. A tag after ER starts a record even without TY, and a TY inside a record that
 * already has other tags starts the next one (files with a missing ER). A run of TY lines with
 * nothing between them is one record, not many empty ones.
 */
function splitRecords(text: string): RisRecord[] {
  const records: RisRecord[] = [];
  let current: RisRecord | undefined;
  let last: Field | undefined;
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const match = TAG_LINE.exec(line);
    if (!match) {
      // Untagged lines continue the previous tag's value; outside a record they are ignored.
      const value = line.trim();
      if (value !== '' && last) last.lines.push(value);
      return;
    }
    const tag = match[1] ?? '';
    const value = (match[2] ?? '').trim();
    if (tag === 'ER') {
      if (current) records.push(current);
      current = undefined;
      last = undefined;
      return;
    }
    if (tag === 'TY' && current?.fields.some((field) => field.tag !== 'TY')) {
      records.push(current);
      current = undefined;
    }
    current ??= { line: index + 1, fields: [] };
    last = { tag, lines: value === '' ? [] : [value] };
    current.fields.push(last);
  });
  if (current) records.push(current);
  return records;
}

/** A record without a title keeps an empty one. */
function draftFrom(record: RisRecord): PaperDraft {
  const fields = record.fields;
  const authors = namesFrom(fields, AUTHOR_TAGS);
  const draft: PaperDraft = { title: firstText(fields, TITLE_TAGS) ?? '', authors: authors.map(displayName) };
  if (authors.length) draft.authorNames = authors;
  const editors = namesFrom(fields, ['ED']);
  if (editors.length) draft.editors = editors;
  const abstract = firstText(fields, ABSTRACT_TAGS);
  if (abstract) draft.abstract = abstract;
  const year = yearFrom(fields);
  if (year !== undefined) draft.year = year;
  const venue = VENUE_TAGS.map((tag) => firstText(fields, [tag])).find((v) => v !== undefined);
  if (venue) draft.venue = venue;
  for (const [field, tags] of BIBLIOGRAPHIC_TAGS) {
    const value = firstText(fields, tags);
    if (value) draft[field] = value;
  }
  const pages = pagesFrom(fields);
  if (pages) draft.pages = pages;
  const serial = firstText(fields, ['SN']);
  // SN holds an ISSN (8 characters) or an ISBN (10 or 13), perhaps with hyphens and a note.
  if (serial) draft[/^[\d-]{12,}|^(?:\d-?){9}[\dX]\b/i.test(serial) ? 'isbn' : 'issn'] = serial;
  const citationKey = fields.find((field) => field.tag === 'ID')?.lines[0];
  if (citationKey) draft.citationKey = citationKey;
  const keywords = keywordsFrom(fields);
  if (keywords.length) draft.keywords = keywords;

  const links = linksFromFields(fields);
  if (links.length) draft.links = links;
  const url = linksFromFields(fields.filter((field) => field.tag === 'UR'))[0]?.url ?? links[0]?.url;
  if (url) draft.url = url;
  const doi =
    valuesOf(fields, ['DO'])
      .map(parseDoi)
      .find((d) => d !== undefined) ?? doiFromLinks(links);
  if (doi) draft.doi = doi;
  const arxivId = arxivIdFrom(fields, links, doi);
  if (arxivId) draft.arxivId = arxivId;
  const language = firstText(fields, ['LA']);
  if (language) draft.language = language;
  // M3 is the type of work ("Master's thesis"); some databases put a DOI there, which is no genre.
  const genre = firstText(fields, ['M3']);
  if (genre && !/\b10\.\d{4,}\/|\bdoi\b/i.test(genre)) draft.genre = genre;
  const extra = extraTags(fields, draft.genre ? ['M3'] : [], unused(fields, draft));
  if (extra) draft.extra = extra;
  const ty = firstText(fields, ['TY']);
  const type = ty ? typeFromRis(ty, draft) : undefined;
  if (type) draft.type = type;
  return draft;
}

/** The tags this importer reads into a paper's own fields; any other is kept in `extra` as written. */
const READ = new Set([
  ...TITLE_TAGS,
  ...AUTHOR_TAGS,
  ...ABSTRACT_TAGS,
  ...YEAR_TAGS,
  ...VENUE_TAGS,
  ...URL_TAGS,
  ...['TY', 'ED', 'VL', 'IS', 'CP', 'PB', 'SP', 'EP', 'SN', 'DO', 'ID', 'KW', 'LA', 'ER'],
]);

/** Tags Paperqueue has no place for ("ris:CY" -> the city), each occurrence a line, for the RIS export to write back. */
function extraTags(fields: Field[], read: string[], unread: ReadonlySet<Field>): Record<string, string> | undefined {
  const extra: Record<string, string> = {};
  for (const field of fields) {
    const value = squashSpace(field.lines.join(' '));
    if (((READ.has(field.tag) || read.includes(field.tag)) && !unread.has(field)) || value === '') continue;
    const key = `ris:${field.tag}`;
    extra[key] = extra[key] === undefined ? value : `${extra[key]}\n${value}`;
  }
  return Object.keys(extra).length ? extra : undefined;
}

/**
 * The lines of read tags whose value the paper did not take, kept in extra as well: a second title, abstract,
 * venue (J2's abbreviation beside T2), volume, issue or publisher, an SN after the first (an e-ISSN beside
 * the ISSN), and a date that says more than the year (DA 2012/07/03, DA Jan).
 */
function unused(fields: Field[], draft: PaperDraft): Set<Field> {
  const groups: [readonly string[], string | undefined][] = [
    [TITLE_TAGS, firstText(fields, TITLE_TAGS)],
    [ABSTRACT_TAGS, firstText(fields, ABSTRACT_TAGS)],
    [VENUE_TAGS, draft.venue],
    [['SN'], firstText(fields, ['SN'])],
    ...BIBLIOGRAPHIC_TAGS.map(([, tags]): [readonly string[], string | undefined] => [tags, firstText(fields, tags)]),
  ];
  const kept = new Set<Field>();
  for (const [tags, taken] of groups) {
    for (const field of fields) {
      const value = squashSpace(field.lines.join(' '));
      if (tags.includes(field.tag) && value !== '' && value !== taken) kept.add(field);
    }
  }
  for (const field of fields) {
    const value = field.lines.join('').replace(/[\s/]/g, '');
    if (YEAR_TAGS.includes(field.tag) && value !== '' && value !== String(draft.year ?? '')) kept.add(field);
  }
  return kept;
}

/** SP and EP joined as a range is printed, "487–495"; SP alone may already hold the range. */
function pagesFrom(fields: Field[]): string | undefined {
  const start = firstText(fields, ['SP']);
  const end = firstText(fields, ['EP']);
  if (start && end && end !== start) return `${start}–${end}`;
  return start ?? end;
}

/** Each field's value with its continuation lines joined, as hard-wrapped prose. */
function valuesOf(fields: Field[], tags: readonly string[]): string[] {
  return fields.filter((field) => tags.includes(field.tag)).map((field) => squashSpace(field.lines.join(' ')));
}

/** The first non-empty value among `tags`, in the order the file has them. */
function firstText(fields: Field[], tags: readonly string[]): string | undefined {
  return valuesOf(fields, tags).find((value) => value !== '');
}

/** In a name field each continuation line is one more name, not the rest of the previous one; repeats are dropped. */
function namesFrom(fields: Field[], tags: readonly string[]): PersonName[] {
  const names: PersonName[] = [];
  for (const field of fields.filter((f) => tags.includes(f.tag))) {
    for (const line of field.lines) {
      const name = risName(line);
      if (name && !names.some((other) => displayName(other) === displayName(name))) names.push(name);
    }
  }
  return names;
}

/**
 * "Last, First, Suffix" (the RIS form), its leading lower-case words a particle ("von Neumann, John");
 * a name without a comma is split as a display name is (an organisation's name stays whole).
 */
function risName(raw: string): PersonName | undefined {
  // Some exporters print a missing given name as the word "null" ("van den Hoven, null").
  const parts = raw.split(',').map((part) => squashSpace(part).replace(/^(null|undefined)$/, ''));
  const [last = '', first = '', ...rest] = parts;
  if (last === '') return undefined;
  // "Cocke" alone is a family name (given names are what RIS lists may leave out).
  if (!last.includes(' ') && (parts.length === 1 || first === '')) return { family: last };
  if (parts.length === 1 || first === '') return namePart(splitName(last), last);
  const name = withParts(last, first, rest.filter(Boolean).join(' ') || undefined);
  return namePart(name, [first, last, ...rest].join(' '));
}

/** One keyword per KW line; Rayyan runs them on over continuation lines, some tools join them with ";". */
function keywordsFrom(fields: Field[]): string[] {
  const seen = new Set<string>();
  const keywords: string[] = [];
  for (const field of fields.filter((f) => f.tag === 'KW')) {
    for (const keyword of field.lines.flatMap((line) => line.split(';')).map(squashSpace)) {
      const key = keyword.toLowerCase();
      if (keyword === '' || seen.has(key)) continue;
      seen.add(key);
      keywords.push(keyword);
    }
  }
  return keywords;
}

/** Dates come as "2012", "2012/07/03", "2001/00/00/" or "///": the first four-digit run is the year. */
function yearFrom(fields: Field[]): number | undefined {
  for (const tag of YEAR_TAGS) {
    for (const value of valuesOf(fields, [tag])) {
      const match = /(?<!\d)(\d{4})(?!\d)/.exec(value);
      if (match?.[1]) return Number(match[1]);
    }
  }
  return undefined;
}

function linksFromFields(fields: Field[]): Link[] {
  const links: Link[] = [];
  for (const field of fields.filter((f) => URL_TAGS.includes(f.tag))) {
    for (const line of field.lines) {
      for (const link of linksFromField(line)) if (!links.some((l) => l.url === link.url)) links.push(link);
    }
  }
  return links;
}

function doiFromLinks(links: Link[]): string | undefined {
  return links
    .filter((link) => /^https?:\/\/(dx\.)?doi\.org\//i.test(link.url))
    .map((link) => parseDoi(link.url))
    .find((doi) => doi !== undefined);
}

/** arXiv's own DOIs (10.48550/arXiv.2101.00001), an arxiv.org link, or "arXiv:…" in AN or a note. */
function arxivIdFrom(fields: Field[], links: Link[], doi: string | undefined): string | undefined {
  const fromDoi = doi ? /^10\.48550\/arxiv\.(.+)$/i.exec(doi)?.[1] : undefined;
  const candidates = [
    ...(fromDoi ? [fromDoi] : []),
    ...links.map((link) => link.url),
    ...valuesOf(fields, ['AN', 'N1']),
  ];
  return candidates.map(parseArxivId).find((id) => id !== undefined);
}
