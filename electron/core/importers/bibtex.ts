import { typeFromBibtex } from '../entry-types';
import { parseArxivId, parseDoi } from '../identifiers';
import type { PaperDraft } from '../paper';
import type { Link } from '../schema';
import { squashSpace } from '../text';
import { BRACED_KEY, bracedSpans, type BracedParts } from './bibtex-braces';
import { extraFields, keepEntryType, publisherNames, unused, type Fields } from './bibtex-extra';
import { namesFrom } from './bibtex-names';
import { shorten, splitBibtex, type RawBlock } from './bibtex-split';
import { withoutTexMarkup } from './tex-markup';
import { latexToDisplay, latexToText } from './latex';
import { expandMacros, macrosFrom, type Macros } from './latex-macros';
import { isHttpUrl, labelFor } from './links';
import { EMPTY_ENTRY, hasContent } from './draft-content';
import { joinTitle } from './title-parts';
import type { Importer, ImportProblem, ParsedImport } from './types';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Fields a child entry takes from its `crossref` parent when it has none of its own. */
const INHERITED = ['booktitle', 'journal', 'journaltitle', 'year', 'date'];

/** Where the work sits and who published it; BibLaTeX's `number` is the issue of a journal article. */
const BIBLIOGRAPHIC_FIELDS = [
  ['volume', ['volume']],
  ['issue', ['number', 'issue']],
  ['pages', ['pages']],
  // A thesis names its school, a report its institution: BibTeX's names for who published it (publisherNames).
  ['publisher', ['publisher', 'school', 'institution']],
  ['issn', ['issn']],
  ['isbn', ['isbn']],
] as const;

/** Fields kept as written (identifiers and addresses), apart from their outer braces. */
const VERBATIM = new Set(['url', 'doi', 'eprint', 'archiveprefix', 'eprinttype', 'crossref']);
const DISPLAYED = new Set(['title', 'subtitle', 'titleaddon', 'abstract']);

export const bibtexImporter: Importer = { format: 'bibtex', sniff, parse };

/** A line that opens an entry, near the top of the file; JSON is never BibTeX. */
function sniff(text: string): boolean {
  const head = text.slice(0, 65536).replace(/^\uFEFF/, '');
  return !/^\s*[[{]/.test(head) && /(?:^|\n)[ \t]*@[A-Za-z]+[ \t]*[{(]/.test(head);
}

/**
 * Read a BibTeX or BibLaTeX file: @string macros, macros defined in @preamble, crossref inheritance
 * and LaTeX text are resolved; @comment and free text between entries are skipped. An entry without a title is
 * kept (its title is empty); one with nothing at all, or one the scanner could not read, becomes a problem
 * naming its line and key.
 */
function parse(text: string, fileLabel: string): ParsedImport {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const blocks = splitBibtex(body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body);
  const macros = new Map<string, string>(MONTHS.map((m) => [m.slice(0, 3).toLowerCase(), m]));
  const entries: { block: RawBlock; fields: Fields }[] = [];
  const preambles: string[] = [];
  const problems: (ImportProblem & { line: number })[] = [];
  const where = (block: RawBlock): string =>
    `${fileLabel}, line ${block.line} (${block.key ? `entry ${shorten(block.key)}` : `@${block.type} with no key`})`;

  for (const block of blocks) {
    if (block.kind === 'preamble') {
      preambles.push(block.text ?? '');
      continue;
    }
    if (block.error) {
      problems.push({ line: block.line, where: where(block), message: `skipped: ${block.error}` });
      continue;
    }
    const fields: Fields = new Map();
    for (const field of block.fields) {
      const value = field.parts.map((p) => (p.macro ? (macros.get(p.text.toLowerCase()) ?? p.text) : p.text)).join('');
      if (block.kind === 'string') macros.set(field.name, value);
      else if (!fields.has(field.name)) fields.set(field.name, value);
    }
    if (block.kind === 'entry') entries.push({ block, fields });
  }

  // BibTeX matches crossref keys without regard to case; the first entry with a key is the parent.
  const byKey = new Map<string, Fields>();
  for (const { block, fields } of entries) {
    const key = block.key?.toLowerCase();
    if (key && !byKey.has(key)) byKey.set(key, fields);
  }

  const defined = macrosFrom(preambles.join('\n'));
  const drafts: PaperDraft[] = [];
  for (const { block, fields } of entries) {
    const parentKey = fields.get('crossref');
    const parent = parentKey === undefined ? undefined : byKey.get(parentKey.trim().toLowerCase());
    if (parent) inherit(fields, parent);
    const read = safely(() => draftFrom(fields, defined, block.type.toLowerCase()));
    if (read instanceof Error) {
      problems.push({ line: block.line, where: where(block), message: `skipped: ${read.message}` });
      continue;
    }
    const draft = block.key ? { ...read, citationKey: block.key } : read;
    const type = typeFromBibtex(block.type, draft);
    if (type) draft.type = type;
    keepEntryType(draft, block.type.toLowerCase());
    if (hasContent(draft)) drafts.push(draft);
    else problems.push({ line: block.line, where: where(block), message: EMPTY_ENTRY });
  }
  return {
    format: 'bibtex',
    sourceName: fileLabel,
    drafts,
    problems: problems.sort((a, b) => a.line - b.line).map(({ where, message }) => ({ where, message })),
    found: blocks.filter((b) => b.kind === 'entry').length,
  };
}

function inherit(fields: Fields, parent: Fields): void {
  for (const name of INHERITED) {
    const value = parent.get(name);
    if (value !== undefined && !fields.has(name)) fields.set(name, value);
  }
  // BibLaTeX: a proceedings or book parent's title is the child's booktitle.
  const parentTitle = parent.get('title');
  if (!fields.has('booktitle') && !fields.has('journal') && parentTitle) fields.set('booktitle', parentTitle);
}

function draftFrom(fields: Fields, defined: Macros, entryType: string): PaperDraft {
  const text = (name: string): string | undefined => {
    const given = fields.get(name);
    if (given === undefined) return undefined;
    // IEEE's <tex>$\gamma$</tex> is read as the math inside it (tex-markup.ts).
    const raw = VERBATIM.has(name) ? given : withoutTexMarkup(expandMacros(given, defined));
    // Titles and abstracts keep their $…$ math as TeX, which the app draws; other fields are plain text.
    const convert = DISPLAYED.has(name) ? latexToDisplay : latexToText;
    const value = clean(VERBATIM.has(name) ? unescapeVerbatim(raw) : convert(raw));
    return value === '' ? undefined : value;
  };
  // BibLaTeX keeps a subtitle and a title addition apart; the reader sees them joined.
  const [main, subtitle, addon] = [text('title') ?? '', text('subtitle'), text('titleaddon')];
  /** The spans of each title part its source braced to keep their case, as JSON for extra (bibtex-braces.ts). */
  const bracedParts = (parts: Record<keyof BracedParts, string | undefined>): string | undefined => {
    const found: BracedParts = {};
    for (const [name, shown] of Object.entries(parts) as [keyof BracedParts, string | undefined][]) {
      const given = fields.get(name);
      if (!shown || !given?.includes('{')) continue;
      const spans = bracedSpans(withoutTexMarkup(expandMacros(given, defined)), shown, (raw) =>
        clean(latexToDisplay(raw)),
      );
      if (spans.length) found[name] = spans;
    }
    return Object.keys(found).length ? JSON.stringify(found) : undefined;
  };
  const authors = namesFrom(expandMacros(fields.get('author') ?? '', defined));
  const draft: PaperDraft = { title: joinTitle(main, subtitle, addon), authors: authors.displays };
  if (authors.names.length) draft.authorNames = authors.names;
  const editors = namesFrom(expandMacros(fields.get('editor') ?? '', defined)).names;
  if (editors.length) draft.editors = editors;
  // Kept apart as well, so a BibTeX export writes them as they came.
  if (subtitle || addon) draft.titleParts = { main, ...(subtitle && { subtitle }), ...(addon && { addon }) };
  const braced = bracedParts({ title: main, subtitle, titleaddon: addon });
  for (const [field, names] of BIBLIOGRAPHIC_FIELDS) {
    const value = (field === 'publisher' ? publisherNames(entryType) : names).map(text).find((v) => v !== undefined);
    if (value) draft[field] = value;
  }
  const abstract = text('abstract');
  if (abstract) draft.abstract = abstract;
  const year = /\b(\d{4})\b/.exec(text('year') ?? text('date') ?? '')?.[1];
  if (year) draft.year = Number(year);
  const published = howPublished(fields.get('howpublished'), text('howpublished'));
  const venue = text('journal') ?? text('journaltitle') ?? text('booktitle') ?? published.venue;
  if (venue) draft.venue = venue;
  const doi = parseDoi(text('doi') ?? '');
  if (doi) draft.doi = doi;
  const given = text('url');
  const url = given && isHttpUrl(given) ? given : published.url;
  const links = [...(url ? [{ label: labelFor(url), url }] : []), ...noteLinks(fields.get('note') ?? '')];
  if (url) draft.url = url;
  if (links.length) draft.links = links.filter((link, i) => links.findIndex((l) => l.url === link.url) === i);
  const arxivId = arxivFrom(text('eprint'), text('archiveprefix') ?? text('eprinttype'), url, venue);
  if (arxivId) draft.arxivId = arxivId;
  const language = text('language') ?? text('langid');
  if (language) draft.language = language;
  const genre = text('type');
  if (genre) draft.genre = genre;
  // howpublished beside a journal, or an address beside another url, is kept in extra.
  const tookPublished = (!!published.venue && venue === published.venue) || (!!published.url && url === published.url);
  const extra = extraFields(fields, unused(fields, draft, entryType, tookPublished));
  if (extra || braced) draft.extra = { ...extra, ...(braced && { [BRACED_KEY]: braced }) };
  const keywords = (text('keywords') ?? '')
    .split(/[,;]/)
    .map((k) => k.trim())
    .filter((k) => k !== '');
  if (keywords.length) draft.keywords = keywords;
  return draft;
}

/** `howpublished` is an address (`\\url{…}`, as many write for a web page) or where the work appeared. */
function howPublished(raw: string | undefined, text: string | undefined): { url?: string; venue?: string } {
  const address = /\\url\{([^{}]*)\}/.exec(raw ?? '')?.[1];
  const url = address !== undefined ? unescapeVerbatim(address).trim() : text;
  if (url && isHttpUrl(url)) return { url };
  return text ? { venue: text } : {};
}

/**
 * The addresses in a note: `Label: \\url{…}` as the export writes a paper's code and project page (the
 * label kept), or a bare `\\url{…}` (labelled by its host).
 */
function noteLinks(raw: string): Link[] {
  const links: Link[] = [];
  let last = 0;
  for (const match of raw.matchAll(/\\url\{([^{}]*)\}/g)) {
    const url = unescapeVerbatim(match[1] ?? '').trim();
    const before = /(?:^|[,;.]\s)([^,;]{1,80}):\s*$/.exec(raw.slice(last, match.index));
    last = match.index + match[0].length;
    if (!isHttpUrl(url)) continue;
    const label = before?.[1] ? clean(latexToText(before[1])) : '';
    links.push({ label: label || labelFor(url), url });
  }
  return links;
}

function arxivFrom(eprint?: string, prefix?: string, url?: string, venue?: string): string | undefined {
  if (eprint && prefix?.toLowerCase() === 'arxiv') {
    const id = parseArxivId(eprint);
    if (id) return id;
  }
  // Google Scholar writes `journal = {arXiv preprint arXiv:2003.12345}`.
  return (url ? parseArxivId(url) : undefined) ?? (venue ? parseArxivId(venue) : undefined);
}

/** "Last, First" and "First Last" both become "First Last"; `and others` is dropped. */
export function authorsFrom(raw: string): string[] {
  return namesFrom(raw).displays;
}

/** Older BibTeX files escape URL characters for LaTeX (`a\_b`, `100\%`); the address wants them bare. */
function unescapeVerbatim(raw: string): string {
  return raw.replace(/[{}]/g, '').replace(/\\([_%#&~$])/g, '$1');
}

/** One entry's failure must not cost the rest of the file. */
function safely<T>(read: () => T): T | Error {
  try {
    return read();
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

function clean(text: string): string {
  return squashSpace(text.includes('\u00ad') ? text.replace(/\u00ad\s*/g, '') : text);
}
