import { parse as parseHtml, NodeType, type HTMLElement, type Node } from 'node-html-parser';
import { typeFromCsl } from '../entry-types';
import { parseArxivId, parseDoi } from '../identifiers';
import { displayName, namePart, type PersonName } from '../names';
import type { PaperDraft } from '../paper';
import { squashSpace } from '../text';
import { EMPTY_ENTRY, hasContent } from './draft-content';
import { linksFromField } from './links';
import type { Importer, ParsedImport } from './types';
import { jsonProblem } from '../json-problem';

type CslItem = Record<string, unknown>;
export type Located = { item: unknown; where: string; doiKey?: string };

const CSL_KEYS = ['type', 'title', 'author', 'editor', 'issued', 'id', 'DOI', 'container-title'];
const DOI_KEY = /^10\.\d{4,9}\/\S+$/;
/** CSL variables kept as they are; Crossref sends ISSN and ISBN as arrays (the first is kept). */
const BIBLIOGRAPHIC_VARIABLES = [
  ['volume', 'volume'],
  ['issue', 'issue'],
  ['pages', 'page'],
  ['publisher', 'publisher'],
  ['issn', 'ISSN'],
  ['isbn', 'ISBN'],
] as const;
const DATE_FIELDS = ['issued', 'published', 'published-print', 'published-online'];

/**
 * CSL-JSON as Zotero, citation.js, pandoc and Crossref write it: an array of items, one item,
 * Crossref's object keyed by DOI, or a Crossref API response ({"message": …}).
 */
export const cslJsonImporter: Importer = { format: 'csl-json', sniff: sniffCslJson, parse: parseCslJson };

function sniffCslJson(text: string): boolean {
  const body = stripBom(text).trimStart();
  if (!body.startsWith('[') && !body.startsWith('{')) return false;
  try {
    return locateItems(JSON.parse(body)) !== undefined;
  } catch {
    return false;
  }
}

function parseCslJson(text: string, fileLabel: string): ParsedImport {
  const result: ParsedImport = { format: 'csl-json', sourceName: fileLabel, drafts: [], problems: [], found: 0 };
  let value: unknown;
  try {
    value = JSON.parse(stripBom(text));
  } catch (error) {
    result.problems.push({ where: fileLabel, message: jsonProblem(stripBom(text), error) });
    return result;
  }
  const items = locateItems(value);
  if (!items) {
    result.problems.push({
      where: fileLabel,
      message: 'this JSON is not CSL-JSON (no items with a type, title or author)',
    });
    return result;
  }
  result.found = items.length;
  for (const located of items) {
    const where = `${fileLabel}, ${located.where}`;
    const outcome = draftFrom(located);
    if (typeof outcome === 'string') result.problems.push({ where, message: outcome });
    else result.drafts.push(outcome);
  }
  return result;
}

/** A byte-order mark can survive decoding, even behind leading whitespace. */
function stripBom(text: string): string {
  return text.replace(/^(\s*?)\uFEFF/, '$1');
}

export const isObject = (value: unknown): value is CslItem =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const looksLikeItem = (value: CslItem): boolean => CSL_KEYS.some((key) => key in value);

/** The items of every accepted shape, or undefined when the JSON is something else. */
function locateItems(value: unknown): Located[] | undefined {
  if (Array.isArray(value)) return itemsOfArray(value);
  if (!isObject(value)) return undefined;
  // A Paperqueue backup is never CSL-JSON, even though its papers have titles and ids.
  if ('version' in value && 'papers' in value) return undefined;
  const message = value.message;
  if (isObject(message)) {
    if (Array.isArray(message.items)) return itemsOfArray(message.items, true);
    return looksLikeItem(message) ? [{ item: message, where: 'item 1' }] : undefined;
  }
  const keys = Object.keys(value);
  if (keys.length > 0 && keys.every((key) => DOI_KEY.test(key))) {
    if (!Object.values(value).every(isObject)) return undefined;
    return keys.map((key) => ({ item: value[key], where: `item ${key}`, doiKey: key }));
  }
  return looksLikeItem(value) && ('type' in value || 'id' in value) ? [{ item: value, where: 'item 1' }] : undefined;
}

/**
 * Most entries must look like CSL items; Hugging Face daily papers (objects with a `paper` key) and
 * arrays of strings are refused. An empty list is only accepted inside a Crossref response.
 */
function itemsOfArray(values: unknown[], emptyOk = false): Located[] | undefined {
  if (values.length === 0) return emptyOk ? [] : undefined;
  const objects = values.filter(isObject);
  if (objects.some((item) => 'paper' in item)) return undefined;
  if (objects.filter(looksLikeItem).length * 2 < values.length) return undefined;
  return values.map((item, index) => ({ item, where: `item ${index + 1}` }));
}

/** A draft (its title empty when the item has none), or the reason the item was skipped. */
export function draftFrom(located: Located): PaperDraft | string {
  if (!isObject(located.item)) return 'not a CSL item (expected an object)';
  const draft = readItem(located.item, located.doiKey);
  return hasContent(draft) ? draft : EMPTY_ENTRY;
}

function readItem(item: CslItem, doiKey: string | undefined): PaperDraft {
  // Authors, or the editors of an edited volume that has no authors.
  const [authors, editors] = [cslNames(item.author), cslNames(item.editor)];
  const shown = authors.length ? authors : editors;
  const draft: PaperDraft = { title: htmlToText(firstString(item.title) ?? ''), authors: shown.map(displayName) };
  if (shown.length) draft.authorNames = shown;
  if (editors.length) draft.editors = editors;
  const abstract = htmlToText(firstString(item.abstract) ?? '', true);
  if (abstract) draft.abstract = abstract;
  const year = DATE_FIELDS.map((field) => yearOf(item[field])).find((y) => y !== undefined);
  if (year !== undefined) draft.year = year;
  const venue = htmlToText(firstString(item['container-title']) ?? '');
  if (venue) draft.venue = venue;
  for (const [field, key] of BIBLIOGRAPHIC_VARIABLES) {
    const value = htmlToText(firstString(item[key]) ?? scalarString(item[key]) ?? '');
    if (value) draft[field] = value;
  }
  const language = scalarString(item.language);
  if (language) draft.language = squashSpace(language);
  const genre = scalarString(item.genre);
  if (genre) draft.genre = htmlToText(genre);
  const extra = extraVariables(item);
  if (extra) draft.extra = extra;
  const citationKey = firstString(item['citation-key']) ?? scalarString(item.id);
  if (citationKey) draft.citationKey = squashSpace(citationKey);
  const keywords = keywordsFrom(item.keyword ?? item.subject);
  if (keywords.length) draft.keywords = keywords;

  const url = firstString(item.URL);
  const links = url ? linksFromField(url) : [];
  if (links[0]) {
    draft.url = links[0].url;
    draft.links = links;
  }
  const doi = parseDoi(firstString(item.DOI) ?? '') ?? (doiKey ? parseDoi(doiKey) : undefined);
  if (doi) draft.doi = doi;
  const arxivId = arxivIdFrom(item, url, doi);
  if (arxivId) draft.arxivId = arxivId;
  // A CSL name, or Crossref's (journal-article…), which crossref.ts passes on as it came.
  const type = typeFromCsl(item.type);
  if (type) draft.type = type;
  return draft;
}

/**
 * CSL's text and number variables that no field of a paper keeps (publisher-place, edition, PMID, note…),
 * as "csl:edition" -> the value as written, for the CSL-JSON export to write back. Crossref's own keys
 * (score, member, reference-count…) are not CSL variables and stay out.
 */
const EXTRA_VARIABLES = (
  'annote archive archive_collection archive_location archive-place authority call-number chapter-number ' +
  'citation-label collection-number collection-title container-title-short dimensions division edition event ' +
  'event-title event-place jurisdiction license medium note number number-of-pages number-of-volumes ' +
  'original-publisher original-publisher-place original-title page-first part part-title PMCID PMID printing ' +
  'publisher-place reviewed-genre reviewed-title scale section status supplement title-short version ' +
  'volume-title year-suffix'
).split(' ');

/**
 * CSL's name and date variables that no field of a paper keeps (translator, accessed…), and `issued` when it
 * says more than the year the paper keeps (a month, a day, a season): as their JSON, which the CSL-JSON export
 * writes back as it was.
 */
export const EXTRA_JSON_VARIABLES: ReadonlySet<string> = new Set(
  (
    'chair collection-editor compiler composer container-author contributor curator director editorial-director ' +
    'executive-producer guest host illustrator interviewer narrator organizer original-author performer producer ' +
    'recipient reviewed-author script-writer series-creator translator ' +
    'accessed available-date event-date original-date submitted issued'
  ).split(' '),
);

function extraVariables(item: CslItem): Record<string, string> | undefined {
  const extra: Record<string, string> = {};
  for (const name of EXTRA_VARIABLES) {
    const value = scalarString(item[name]);
    // An arXiv preprint's number ("arXiv:2101.00001") is its arXiv id, which the export writes again.
    if (value !== undefined && !(name === 'number' && /^arxiv:/i.test(value.trim()))) extra[`csl:${name}`] = value;
  }
  for (const name of EXTRA_JSON_VARIABLES) {
    const value = item[name];
    if (!isObject(value) && !Array.isArray(value)) continue;
    if (name === 'issued' && onlyYear(value)) continue;
    const json = JSON.stringify(value);
    if (json.length <= 100_000 && json !== '{}' && json !== '[]') extra[`csl:${name}`] = json;
  }
  return Object.keys(extra).length ? extra : undefined;
}

/** A CSL date of a year alone, `{"date-parts": [[2012]]}`: the paper's year says all of it. */
function onlyYear(date: unknown): boolean {
  if (!isObject(date)) return false;
  const parts = date['date-parts'];
  return (
    Object.keys(date).length === 1 &&
    Array.isArray(parts) &&
    parts.length === 1 &&
    Array.isArray(parts[0]) &&
    parts[0].length === 1
  );
}

/** CSL allows a string; Crossref sends arrays of strings (title, container-title, URL never). */
export function firstString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.find((v): v is string => typeof v === 'string' && v.trim() !== '');
  return undefined;
}

function scalarString(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * CSL names as they are; the dropping and non-dropping particles become one particle (shown between the
 * given and the family name, as before).
 */
function cslNames(value: unknown): PersonName[] {
  if (!Array.isArray(value)) return [];
  const names: PersonName[] = [];
  for (const person of value) {
    if (!isObject(person)) continue;
    const literal = firstString(person.literal);
    const [given, dropping, nonDropping, family, suffix] = [
      'given',
      'dropping-particle',
      'non-dropping-particle',
      'family',
      'suffix',
    ].map((key) => firstString(person[key]));
    const display = squashSpace(literal ?? [given, dropping, nonDropping, family, suffix].filter(Boolean).join(' '));
    if (!display) continue;
    const particle = squashSpace([dropping, nonDropping].filter(Boolean).join(' '));
    const name: PersonName =
      literal !== undefined || !family
        ? { literal: display }
        : {
            family: squashSpace(family),
            ...(given?.trim() && { given: squashSpace(given) }),
            ...(particle && { particle }),
            ...(suffix?.trim() && { suffix: squashSpace(suffix) }),
          };
    names.push(namePart(name, display));
  }
  return names;
}

/**
 * The first year of a CSL date: date-parts (a range gives its start), or the free-text `literal`
 * and `raw` forms ("Spring 2001", "2001-02-03"). `circa` changes nothing for a reading queue.
 */
export function yearOf(date: unknown): number | undefined {
  if (typeof date === 'string' || typeof date === 'number') return yearInText(String(date));
  if (!isObject(date)) return undefined;
  const parts = date['date-parts'];
  if (Array.isArray(parts) && Array.isArray(parts[0])) {
    const first: unknown = parts[0][0];
    const year = typeof first === 'string' ? Number.parseInt(first, 10) : first;
    if (typeof year === 'number' && Number.isInteger(year) && year >= 1000 && year <= 9999) return year;
  }
  for (const key of ['literal', 'raw']) {
    const text = firstString(date[key]);
    const year = text ? yearInText(text) : undefined;
    if (year !== undefined) return year;
  }
  return undefined;
}

function yearInText(text: string): number | undefined {
  const match = /(?<!\d)(\d{4})(?!\d)/.exec(text);
  return match?.[1] ? Number(match[1]) : undefined;
}

/** CSL keeps keywords in one string (Zotero joins tags with ", "); Crossref sends `subject` arrays. */
function keywordsFrom(value: unknown): string[] {
  const raw = Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : typeof value === 'string'
      ? value.split(value.includes(';') ? ';' : ',')
      : [];
  const seen = new Set<string>();
  return raw
    .map((keyword) => htmlToText(keyword))
    .filter((keyword) => {
      const key = keyword.toLowerCase();
      if (keyword === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** arXiv's DOI, an arxiv.org URL, or `number`/`archive_location` when the item says it is arXiv. */
function arxivIdFrom(item: CslItem, url: string | undefined, doi: string | undefined): string | undefined {
  const fromDoi = doi ? /^10\.48550\/arxiv\.(.+)$/i.exec(doi)?.[1] : undefined;
  const saysArxiv = ['archive', 'publisher', 'container-title', 'source'].some((key) =>
    /\barxiv\b/i.test(firstString(item[key]) ?? ''),
  );
  const identifiers = [item.number, item.archive_location, item['archive-location']]
    .map(scalarString)
    .filter((value): value is string => value !== undefined && (saysArxiv || /arxiv/i.test(value)));
  return [fromDoi, url, ...identifiers]
    .map((value) => (value ? parseArxivId(value) : undefined))
    .find((id) => id !== undefined);
}

// Elements that separate words; everything else (i, b, sub, sup, sc, span, mml:*) runs inline.
const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'title', 'sec', 'list', 'list-item', 'table', 'tr', 'td']);

/**
 * Markup in CSL titles (`<i>`, `<sub>`) and Crossref's JATS abstracts, reduced to plain text: tags
 * are dropped, entities decoded once, script and style content discarded. Nothing is executed, and
 * the text is never rendered as HTML anyway. A leading "Abstract" heading is dropped from abstracts.
 */
export function htmlToText(html: string, isAbstract = false): string {
  if (!/[<&]/.test(html)) return squashSpace(html);
  const root = parseHtml(html, { comment: false, blockTextElements: { script: false, style: false } });
  const out: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      out.push(node.text);
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const name = localName(node as HTMLElement);
    if (name === 'script' || name === 'style') return;
    if (isAbstract && name === 'title' && out.join('').trim() === '' && /^\s*(abstract|summary)\s*$/i.test(node.text)) {
      return;
    }
    // JATS draws a bar over a digit for a crystal face, GaN(000<overline>1</overline>).
    if (name === 'overline') {
      out.push([...node.text].map((ch) => `${ch}\u0305`).join(''));
      return;
    }
    const block = BLOCK.has(name);
    if (block) out.push(' ');
    node.childNodes.forEach(walk);
    if (block) out.push(' ');
  };
  root.childNodes.forEach(walk);
  return squashSpace(out.join(''));
}

function localName(element: HTMLElement): string {
  return (element.rawTagName ?? '').toLowerCase().replace(/^.*:/, '');
}
