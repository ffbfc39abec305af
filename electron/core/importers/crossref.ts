import { parseDoi } from '../identifiers';
import type { PaperDraft } from '../paper';
import { draftFrom, firstString, htmlToText, isObject, type Located } from './csl-json';
import { MAX_JSON_DEPTH, jsonDepth } from './json-guard';
import { joinTitle } from './title-parts';
import type { Importer, ParsedImport } from './types';
import { jsonProblem } from '../json-problem';

/**
 * Crossref's REST API JSON (api.crossref.org/works): one work ({"message-type": "work"}), a search
 * or listing ({"message-type": "work-list"}, `message.items`), several responses saved in one array,
 * or an object keyed by DOI (bare or a doi.org address) whose values are works or responses. A work is
 * CSL-like, so csl-json.ts reads it once Crossref's own habits are undone: organisations in `name`,
 * the subtitle apart from the title, the publisher as the venue of a book.
 */
export const crossrefImporter: Importer = { format: 'crossref', sniff, parse };

function sniff(text: string): boolean {
  const body = text.replace(/^(\s*?)\uFEFF/, '$1').trimStart();
  if (!body.startsWith('{') && !body.startsWith('[')) return false;
  if (jsonDepth(body) > MAX_JSON_DEPTH) return false;
  try {
    return worksOf(JSON.parse(body)) !== undefined;
  } catch {
    return false;
  }
}

function parse(text: string, fileLabel: string): ParsedImport {
  const result: ParsedImport = { format: 'crossref', sourceName: fileLabel, drafts: [], problems: [], found: 0 };
  let works: Located[] | undefined;
  const body = text.replace(/^(\s*?)\uFEFF/, '$1');
  try {
    works = worksOf(JSON.parse(body));
  } catch (error) {
    result.problems.push({ where: fileLabel, message: jsonProblem(body, error) });
    return result;
  }
  if (!works) {
    result.problems.push({ where: fileLabel, message: 'this JSON is not a Crossref API response' });
    return result;
  }
  result.found = works.length;
  for (const located of works) {
    const outcome = draftFromWork(located);
    if (typeof outcome === 'string')
      result.problems.push({ where: `${fileLabel}, ${located.where}`, message: outcome });
    else result.drafts.push(outcome);
  }
  return result;
}

/** The works of every accepted shape, or undefined when the JSON is not Crossref's. */
function worksOf(value: unknown): Located[] | undefined {
  const fromEnvelope = worksInEnvelope(value, '');
  if (fromEnvelope) return fromEnvelope;
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    const lists = value.map((response, index) => worksInEnvelope(response, `response ${index + 1}, `));
    return lists.every((list) => list !== undefined) ? lists.flat() : undefined;
  }
  if (!isObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length === 0 || !keys.every((key) => /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:)?10\.\d{4,9}\//i.test(key)))
    return undefined;
  const works: Located[] = [];
  for (const key of keys) {
    const entry = value[key];
    const inner = worksInEnvelope(entry, `${key}, `);
    if (inner) works.push(...inner.map((work) => ({ ...work, doiKey: key })));
    else if (isObject(entry)) works.push({ item: entry, where: `item ${key}`, doiKey: key });
    else return undefined;
  }
  return works;
}

/** The work or works of one API response ({"status": "ok", "message-type": …, "message": …}). */
function worksInEnvelope(value: unknown, prefix: string): Located[] | undefined {
  if (!isObject(value) || !isObject(value.message)) return undefined;
  const type = value['message-type'];
  if (type === 'work') return [{ item: value.message, where: `${prefix}item 1` }];
  const items: unknown = value.message.items;
  if (type === 'work-list' && Array.isArray(items))
    return items.map((item: unknown, index) => ({ item, where: `${prefix}item ${index + 1}` }));
  return undefined;
}

const BOOKS = /^(book|monograph|edited-book|reference-book|book-set|book-series)$/;

function draftFromWork(located: Located): PaperDraft | string {
  const { item } = located;
  if (!isObject(item)) return 'not a Crossref work (expected an object)';
  const main = firstString(item.title)?.trim() ?? '';
  const subtitle = firstString(item.subtitle)?.trim();
  const title = joinTitle(main, subtitle);
  const work: Record<string, unknown> = {
    ...item,
    title,
    author: withLiterals(item.author),
    editor: withLiterals(item.editor),
  };
  const type = typeof item.type === 'string' ? item.type : '';
  if (!firstString(item['container-title']) && BOOKS.test(type) && firstString(item.publisher))
    work['container-title'] = item.publisher;
  const draft = draftFrom({ ...located, item: work });
  // Kept apart as well (their markup read as the title's is), so a BibTeX export writes a subtitle field.
  const subtitleText = subtitle ? htmlToText(subtitle) : '';
  if (typeof draft !== 'string' && subtitleText) draft.titleParts = { main: htmlToText(main), subtitle: subtitleText };
  if (typeof draft !== 'string' && !draft.doi && located.doiKey) {
    const doi = parseDoi(located.doiKey);
    if (doi) draft.doi = doi;
  }
  return draft;
}

/** Crossref names an organisation in `name`; CSL calls it `literal`. */
function withLiterals(people: unknown): unknown {
  if (!Array.isArray(people)) return people;
  return people.map((person: unknown) =>
    isObject(person) && typeof person.name === 'string' && !person.family && !person.literal
      ? { ...person, literal: person.name }
      : person,
  );
}
