import { doiKey, parseArxivId, parseDoi } from '../identifiers';
import type { PaperDraft } from '../paper';
import type { Importer, ParsedImport } from './types';

/** One identifier read from a line: an arXiv id (version stripped) or a DOI, as written. */
export type PaperIdentifier = { kind: 'arxiv'; id: string } | { kind: 'doi'; id: string };

const ARXIV_ID = String.raw`(\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?`;
const ARXIV_LINE = new RegExp(String.raw`^(?:arxiv\s*:\s*)?${ARXIV_ID}$`, 'i');
// arXiv itself, its mirrors and the sites that name papers by arXiv id.
const ARXIV_URL = new RegExp(
  String.raw`^(?:https?:\/\/)?(?:www\.|export\.)?(?:arxiv\.org|alphaxiv\.org|huggingface\.co)` +
    String.raw`\/(?:abs|pdf|html|papers|overview)\/${ARXIV_ID}(?:\.pdf)?\/?(?:[?#]\S*)?$`,
  'i',
);
const DOI_LINE = /^(?:doi\s*:\s*)?(10\.\d{4,9}\/\S+)$/i;
const DOI_URL = /^(?:https?:\/\/)?(?:dx\.)?doi\.org\/(\S+)$/i;
const ARXIV_DOI = /^10\.48550\/arxiv\.(.+)$/i;
const MAX_LINE = 1000;

/** A list of arXiv ids, arXiv-like URLs and DOIs, one a line or several separated by spaces or commas, with `#` comments. */
export const idListImporter: Importer = {
  format: 'id-list',
  sniff: (text) => {
    const lines = entryLines(text).slice(0, 500);
    if (!lines.length) return false;
    const ids = lines.filter((line) => identifierFrom(line.text) !== undefined).length;
    return ids * 2 > lines.length;
  },
  parse: parseIdList,
};

export function parseIdList(text: string, fileLabel: string): ParsedImport {
  const result: ParsedImport = { format: 'id-list', sourceName: fileLabel, drafts: [], problems: [], found: 0 };
  const seen = new Set<string>();
  for (const { text: line, number } of entryLines(text)) {
    const identifier = identifierFrom(line);
    if (!identifier) {
      result.found = (result.found ?? 0) + 1;
      result.problems.push({
        where: `${fileLabel}, line ${number}`,
        message: `"${shorten(line)}" is neither an arXiv id nor a DOI, so it was skipped`,
      });
      continue;
    }
    const key = `${identifier.kind}:${identifier.kind === 'doi' ? doiKey(identifier.id) : identifier.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.found = (result.found ?? 0) + 1;
    result.drafts.push(draftFor(identifier));
  }
  return result;
}

/** The arXiv id or DOI a whole line names, or undefined when the line is anything else. */
export function identifierFrom(line: string): PaperIdentifier | undefined {
  // No identifier is this long; the cap also keeps the cleaning regexes linear on pasted junk.
  if (line.length > MAX_LINE) return undefined;
  const token = clean(line);
  if (ARXIV_LINE.test(token) || ARXIV_URL.test(token)) {
    const id = parseArxivId(ARXIV_LINE.exec(token)?.[1] ?? ARXIV_URL.exec(token)?.[1] ?? '');
    if (id) return { kind: 'arxiv', id };
  }
  const doiText = DOI_LINE.exec(token)?.[1] ?? decoded(DOI_URL.exec(token)?.[1]);
  const doi = doiText && /^10\.\d{4,9}\/\S+$/.test(doiText) ? parseDoi(doiText) : undefined;
  if (!doi) return undefined;
  // arXiv's own DOIs name an arXiv paper: treat them as one so duplicates are recognised.
  const arxiv = parseArxivId(ARXIV_DOI.exec(doi)?.[1] ?? '');
  return arxiv ? { kind: 'arxiv', id: arxiv } : { kind: 'doi', id: doi };
}

function draftFor(identifier: PaperIdentifier): PaperDraft {
  if (identifier.kind === 'arxiv') {
    return {
      title: `arXiv:${identifier.id}`,
      arxivId: identifier.id,
      links: [{ label: 'arXiv', url: `https://arxiv.org/abs/${identifier.id}` }],
      needsMetadata: true,
    };
  }
  return {
    title: `doi:${identifier.id}`,
    doi: identifier.id,
    links: [{ label: 'DOI', url: `https://doi.org/${identifier.id}` }],
    needsMetadata: true,
  };
}

type EntryLine = { text: string; number: number };

/**
 * Non-blank, non-comment lines with their 1-based numbers; a line of identifiers separated by spaces, commas or
 * semicolons ("2401.10000, 2401.10001", as a colleague writes them in a message) is one entry each.
 */
function entryLines(text: string): EntryLine[] {
  const out: EntryLine[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, index) => {
      const line = raw.replace(/\s#.*$/, '').trim();
      if (line === '' || line.startsWith('#')) return;
      const number = index + 1;
      const tokens = identifierFrom(line) ? [] : line.split(/[\s,;]+/).filter((token) => token !== '');
      if (tokens.length > 1 && tokens.every((token) => identifierFrom(token) !== undefined)) {
        for (const token of tokens) out.push({ text: token, number });
      } else out.push({ text: line, number });
    });
  return out;
}

/** Strip what copying from a spreadsheet, JSON or prose leaves around an identifier. */
function clean(line: string): string {
  let token = line
    .trim()
    .replace(/^(?:[-*•]\s+|\d+[.)]\s+)/, '')
    .replace(/[,;]+$/, '');
  for (let i = 0; i < 2; i++) {
    const wrapped = /^["'`“‘<([](.*)["'`”’>)\]]$/.exec(token);
    if (!wrapped) break;
    token = (wrapped[1] ?? '').trim().replace(/[,;]+$/, '');
  }
  return token.replace(/\.+$/, '').replace(/^(arxiv|doi)\s*:\s*/i, (_, prefix: string) => `${prefix}:`);
}

function decoded(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
