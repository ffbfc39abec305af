import type { ListQuery } from '../query';
import { asciiFold } from './shared';

/** Longest a file name's description of the list gets: a source's name, a tag, a search. */
const MAX_PART = 40;

/**
 * The name an export's file is saved under, before its extension: paperqueue-<what>-<date>, where <what> says
 * which papers it holds (paperqueue-inbox-2026-12-06, paperqueue-hf-daily-2026-08-18-2026-12-06,
 * paperqueue-tag-llm-2026-12-06, paperqueue-3-papers-2026-12-06); the whole library is paperqueue-<date>. The
 * backup says it is one (paperqueue-backup-…): it is the file to keep.
 */
export function exportFileBase(
  selection: { query?: Partial<ListQuery>; count?: number },
  backup: boolean,
  now: Date,
): string {
  const what = describe(selection);
  return ['paperqueue', ...(backup ? ['backup'] : []), ...(what ? [what] : []), now.toISOString().slice(0, 10)].join(
    '-',
  );
}

/** Which papers, in a few words of a file name; empty for the whole library. */
function describe({ query, count }: { query?: Partial<ListQuery>; count?: number }): string {
  // Picked papers (or a list ranked For you, sent as its papers): how many, the one thing known of them all.
  if (!query) return count === undefined ? '' : `${count}-${count === 1 ? 'paper' : 'papers'}`;
  const parts: string[] = [];
  if (query.status && query.status !== 'all') parts.push(query.status);
  if (query.sourceFormat) parts.push(query.sourceFormat === 'pdf' ? 'pdfs' : slug(query.sourceFormat));
  // A file's name without its extension: "hf-daily-2026-08-18.json" -> hf-daily-2026-08-18.
  if (query.source) parts.push(slug(query.source.replace(/\.(?:json|bib|ris|txt|md|csv|html?|pdf|xml)$/i, '')));
  if (query.tag) parts.push(`tag-${slug(query.tag)}`);
  if (query.text?.trim()) parts.push(`search-${slug(query.text)}`);
  return parts.filter((part) => part !== '' && !part.endsWith('-')).join('-');
}

/** Lower-case ASCII words joined by hyphens, cut after a whole word at MAX_PART: "Daily papers · Mar 13" -> daily-papers-mar-13. */
function slug(text: string): string {
  let out = '';
  for (const word of text.split(/[^\p{L}\p{N}]+/u).map(asciiFold)) {
    if (!word) continue;
    if (out && out.length + 1 + word.length > MAX_PART) break;
    out = out ? `${out}-${word}` : word.slice(0, MAX_PART);
  }
  return out;
}
