import { bibtexPublisherField, bibtexTypeFor } from '../entry-types';
import type { PaperDraft } from '../paper';

/**
 * What of a BibTeX entry has no place among a paper's own fields, kept in its `extra` map as written so
 * that the BibTeX export writes it back: fields Paperqueue does not read, a second name for a field it
 * read under another, the publisher names a type's styles do not print, and the entry type itself where
 * the paper's CSL type would not give it back.
 */

/** An entry's fields by lower-case name, as written. */
export type Fields = Map<string, string>;

/** The fields this importer reads into a paper's own fields; any other is kept in `extra` as written. */
const READ = new Set(
  (
    'title subtitle titleaddon author editor abstract year journal journaltitle booktitle howpublished volume ' +
    'number issue pages publisher school institution issn isbn doi url eprint archiveprefix eprinttype keywords ' +
    // primaryclass is written again from the arXiv id and its categories.
    'primaryclass language langid type'
  ).split(' '),
);

/**
 * Fields Paperqueue has no place for, as written ("bibtex:month" -> "jul"): the BibTeX export writes them
 * back. A date that is only the year and a note that only holds the links the paper keeps are read already.
 */
export function extraFields(fields: Fields, unread: ReadonlySet<string>): Record<string, string> | undefined {
  const extra: Record<string, string> = {};
  for (const [name, value] of fields) {
    if ((READ.has(name) && !unread.has(name)) || value.trim() === '') continue;
    if (name === 'date' && /^\s*\d{4}\s*$/.test(value)) continue;
    if (name === 'note' && /\\url\{/.test(value)) continue;
    extra[`bibtex:${name}`] = value;
  }
  return Object.keys(extra).length ? extra : undefined;
}

/**
 * Read fields whose value the paper did not take, kept in extra as well: the second of two names for one
 * field (`booktitle` beside `journal`, `langid` beside `language`, `issue` beside `number`, `publisher`
 * beside a thesis's `school`), `howpublished` beside a journal, and an eprint
 * that is no arXiv id (a PubMed id, a DOI address). The BibTeX export writes them back, and writes the venue
 * as `journal` when a `booktitle` or `journaltitle` waits in extra, so the same field is the venue again.
 */
export function unused(fields: Fields, draft: PaperDraft, entryType: string, tookPublished: boolean): Set<string> {
  const given = (name: string) => (fields.get(name) ?? '').trim() !== '';
  const names = new Set<string>();
  const publishers = publisherNames(entryType).filter(given);
  for (const name of publishers.slice(1)) names.add(name);
  if (given('howpublished') && !tookPublished) names.add('howpublished');
  if (given('journal') && given('journaltitle')) names.add('journaltitle');
  if ((given('journal') || given('journaltitle')) && given('booktitle')) names.add('booktitle');
  if (given('language') && given('langid')) names.add('langid');
  if (given('number') && given('issue')) names.add('issue');
  if (given('eprint') && !draft.arxivId) for (const name of ['eprint', 'eprinttype', 'archiveprefix']) names.add(name);
  return names;
}

/**
 * The names of who published the work, the one the entry type's styles print first (a thesis's school, a
 * report's institution), as the BibTeX export writes it; the paper takes the first given, extra the others.
 */
export function publisherNames(entryType: string): string[] {
  const own = bibtexPublisherField(entryType);
  return [own, ...['publisher', 'school', 'institution'].filter((name) => name !== own)];
}

/**
 * The BibTeX entry type, where the paper's CSL type alone would not give it back (@mastersthesis, @inbook,
 * @collection, @proceedings…): a master's thesis as its genre, which RIS and CSL-JSON carry too, and any
 * other as "bibtex:@type" in extra, which the BibTeX export reads back.
 */
export function keepEntryType(draft: PaperDraft, entryType: string): void {
  if (!draft.type) return;
  if (entryType === 'mastersthesis') {
    draft.genre ??= "Master's thesis";
    return;
  }
  if (entryType !== bibtexTypeFor(draft.type)) draft.extra = { ...draft.extra, 'bibtex:@type': entryType };
}
