import type { CslType } from '../entry-types';
import { EXTRA_JSON_VARIABLES, yearOf } from '../importers/csl-json';
import type { Paper } from '../schema';
import { authorNamesOf } from '../names';
import { citationKeys, entryKind, keywordsOf, linkUrl, type PersonName } from './shared';

type CslName = {
  family?: string;
  given?: string;
  literal?: string;
  'non-dropping-particle'?: string;
  suffix?: string;
};

export type CslItem = {
  id: string;
  type: CslType;
  /** Left out for a paper without a title: nothing made up is exported. */
  title?: string;
  author: CslName[];
  editor?: CslName[];
  issued?: { 'date-parts': [[number]] };
  'container-title'?: string;
  volume?: string;
  issue?: string;
  page?: string;
  publisher?: string;
  ISSN?: string;
  ISBN?: string;
  DOI?: string;
  URL?: string;
  abstract?: string;
  keyword?: string;
  number?: string;
  archive?: string;
  language?: string;
  genre?: string;
};

const CSL_TYPE = { article: 'article-journal', inproceedings: 'paper-conference', misc: 'article' } as const;

/**
 * CSL-JSON items of the paper's own type (an untyped paper's is guessed from its venue). An arXiv preprint is
 * CSL's "article" with number "arXiv:<id>" and archive "arXiv", as Zotero writes it. CSL has no subtitle
 * variable, so the title goes joined, as shown.
 */
export function toCslItems(papers: readonly Paper[]): CslItem[] {
  const keys = citationKeys(papers);
  return papers.map((paper, i) => {
    const kind = entryKind(paper);
    const item: CslItem = {
      id: keys[i] ?? paper.id,
      type: paper.type ?? CSL_TYPE[kind],
      author: authorNamesOf(paper).map(cslName),
    };
    if (paper.editors?.length) item.editor = paper.editors.map(cslName);
    if (paper.title) item.title = escapeMarkup(paper.title);
    if (paper.year !== undefined) item.issued = { 'date-parts': [[paper.year]] };
    if (paper.venue && (paper.type || kind !== 'misc')) item['container-title'] = paper.venue;
    if (paper.volume) item.volume = paper.volume;
    if (paper.issue) item.issue = paper.issue;
    if (paper.pages) item.page = paper.pages;
    if (paper.publisher) item.publisher = paper.publisher;
    if (paper.issn) item.ISSN = paper.issn;
    if (paper.isbn) item.ISBN = paper.isbn;
    if (paper.doi) item.DOI = paper.doi;
    const url = linkUrl(paper);
    if (url) item.URL = url;
    if (paper.abstract) item.abstract = escapeMarkup(paper.abstract);
    const keywords = keywordsOf(paper);
    if (keywords.length) item.keyword = keywords.join(', ');
    if (paper.language) item.language = paper.language;
    if (paper.genre) item.genre = paper.genre;
    if (paper.arxivId) {
      item.number = `arXiv:${paper.arxivId}`;
      item.archive = 'arXiv';
    }
    // What the paper was imported with and has no field for, as it was written (never a variable set above).
    for (const [key, value] of Object.entries(paper.extra ?? {})) {
      const name = /^csl:(.+)$/.exec(key)?.[1];
      if (!name) continue;
      if (!EXTRA_JSON_VARIABLES.has(name)) {
        if (!(name in item)) (item as Record<string, unknown>)[name] = value;
        continue;
      }
      // A name or date variable, kept as its JSON; the date issued only while it still holds the paper's year.
      const parsed = jsonOf(value);
      if (parsed === undefined || (name !== 'issued' && name in item)) continue;
      if (name === 'issued' && (paper.year === undefined || yearOf(parsed) !== paper.year)) continue;
      (item as Record<string, unknown>)[name] = parsed;
    }
    return item;
  });
}

/** The JSON an import kept, or nothing if it is not an object or a list (an extra edited by hand). */
function jsonOf(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

function cslName(name: PersonName): CslName {
  if ('literal' in name) return { literal: name.literal };
  const out: CslName = { family: name.family };
  if (name.given) out.given = name.given;
  if (name.particle) out['non-dropping-particle'] = name.particle;
  if (name.suffix) out.suffix = name.suffix;
  return out;
}

export function toCslJson(papers: readonly Paper[]): string {
  return JSON.stringify(toCslItems(papers), null, 2) + '\n';
}

/**
 * CSL titles and abstracts are rich text (citeproc reads <i>, <b>, <sup> and entities), so a literal
 * "<" or "&" in our plain text is written as an entity to stay text.
 */
function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
