import { generatedKey } from './exporters/shared';
import type { PaperDraft } from './paper';
import { sameWork } from './same-work';
import type { Paper } from './schema';
import type { LibraryStore } from './store/store';
import { foldText, squashSpace, titleKey } from './text';

/** What a record without a title that identifies it is compared on. */
type Loose = PaperDraft | Paper;

/**
 * A title too short to be a duplicate key ("Lorem Ipsum", "Paper title", a PDF named after its file) or no
 * title at all identifies nothing: many works share it. Such a record is the same as another only when
 * something else says so:
 * - its citation key: the same key (case aside, as BibTeX compares them) and the same title, with nothing
 *   telling the two apart (`agree`). The key a paper has is its own, or, for a paper without one, the key
 *   Paperqueue's exports give it (family, year and first title word, with a, b… after it on a clash), so a
 *   BibTeX, RIS or CSL-JSON export imported back finds its papers. Two entries of one file with different
 *   keys are two records, as their file kept them;
 * - without a key (nor a backup's paper id), its whole content: every field the record carries, written the
 *   same. Nothing tells two such records apart, and nothing else could.
 */
export function sameByKey(paper: Loose, draft: PaperDraft): boolean {
  const key = draft.citationKey?.trim().toLowerCase();
  if (!key) return false;
  const own = paper.citationKey?.trim().toLowerCase();
  // The generated key stands for a paper's key only when it has none: one with a key of its own is another
  // record than an entry with another key, whatever an export would have called either.
  const keyed = own === key || (!own && isGeneratedFor(key, draft) && generatedKey(paper) === generatedKey(draft));
  return keyed && agree(paper, draft);
}

/**
 * Two records whose titles identify nothing are one work when an import of either would find the other (by
 * its key, or by its content when one has no key): how sync's merge joins papers imported on two machines.
 */
export function sameLooseRecords(a: PaperDraft, b: PaperDraft): boolean {
  return sameByKey(a, b) || sameByKey(b, a) || sameByContent(a, b) || sameByContent(b, a);
}

/** True when `draft`, which has neither a citation key nor a paper id, carries exactly what `paper` carries. */
export function sameByContent(paper: Loose, draft: PaperDraft): boolean {
  return !keyOf(draft) && contentKey(draft) !== undefined && contentKey(paper) === contentKey(draft);
}

/**
 * What tells a record apart from others with the same content: its citation key, or the paper id a backup
 * gives it (two papers of one backup are two papers, as their library had them).
 */
export function keyOf(draft: PaperDraft): string | undefined {
  return draft.citationKey?.trim().toLowerCase() || draft.id;
}

/** True when `key` is what an export writes for a record like `draft`: its generated key, maybe with a clash suffix. */
function isGeneratedFor(key: string, draft: PaperDraft): boolean {
  const base = generatedKey(draft);
  return key.startsWith(base) && /^[a-z]*$/.test(key.slice(base.length));
}

/**
 * The same title as folded for duplicate checks (or both none), nothing telling the two works apart
 * (sameWork), and no other abstract when both have one.
 */
function agree(a: Loose, b: Loose): boolean {
  return foldText(a.title) === foldText(b.title) && sameWork(a, b) && !differ(a.abstract, b.abstract);
}

const differ = (x: string | undefined, y: string | undefined): boolean =>
  !!x?.trim() && !!y?.trim() && foldText(x) !== foldText(y);

/**
 * Every field a record carries that says which work it is, as one string; undefined for a record with
 * nothing but a type. Not its key (compared on its own), nor what the person added (tags, note, status).
 */
export function contentKey(record: Loose): string | undefined {
  const text = (value: string | undefined) => (value ? squashSpace(value) : undefined);
  const fields = [
    foldText(record.title),
    text(record.titleParts?.subtitle),
    text(record.titleParts?.addon),
    (record.authors ?? []).map(squashSpace).join('; '),
    JSON.stringify(record.editors ?? []),
    text(record.abstract),
    record.year,
    text(record.venue),
    text(record.volume),
    text(record.issue),
    text(record.pages),
    text(record.publisher),
    text(record.issn),
    text(record.isbn),
    text(record.language),
    text(record.genre),
    text(record.url),
    record.doi,
    record.arxivId,
    (record.keywords ?? []).join('; '),
    JSON.stringify(Object.entries(record.extra ?? {}).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))),
  ];
  const empty = (value: unknown) => value === undefined || value === '' || value === '[]' || value === '{}';
  if (fields.every(empty)) return undefined;
  return JSON.stringify([record.type, ...fields]);
}

/**
 * The library's papers whose title identifies nothing (few in most libraries), by their own citation key,
 * the key an export gives them and their content: built the first time an import has such an entry, then
 * kept up to date by the import as it adds or fills in papers. Each candidate is checked as it is now.
 */
export class KeyedRecords {
  private index: Map<string, string[]> | undefined;

  /** The paper `draft` (whose title identifies nothing) is, by its key or its content; undefined if none. */
  find(store: LibraryStore, draft: PaperDraft): Paper | undefined {
    const key = draft.citationKey?.trim().toLowerCase();
    const content = keyOf(draft) ? undefined : contentKey(draft);
    const looks: string[] = [];
    if (key) looks.push(`k:${key}`);
    if (key && isGeneratedFor(key, draft)) looks.push(`g:${generatedKey(draft)}`);
    if (content !== undefined) looks.push(`c:${content}`);
    if (looks.length === 0) return undefined;
    const index = this.built(store);
    for (const look of looks) {
      for (const id of index.get(look) ?? []) {
        const paper = store.get(id);
        if (paper && !titleKey(paper.title) && (sameByKey(paper, draft) || sameByContent(paper, draft))) return paper;
      }
    }
    return undefined;
  }

  /** A paper the import added or filled in; before the index is built, the first lookup will find it in the store. */
  add(paper: Paper): void {
    if (!this.index || titleKey(paper.title)) return;
    for (const look of looksOf(paper)) {
      const ids = this.index.get(look);
      if (!ids) this.index.set(look, [paper.id]);
      else if (!ids.includes(paper.id)) ids.push(paper.id);
    }
  }

  private built(store: LibraryStore): Map<string, string[]> {
    if (!this.index) {
      this.index = new Map();
      for (const paper of store.all()) this.add(paper);
    }
    return this.index;
  }
}

/**
 * What a record whose title identifies nothing is looked up by: the key an export gives it, its own key, its
 * content. Two records `sameByKey` or `sameByContent` always share one of them.
 */
export function looksOf(paper: Loose): string[] {
  const looks = [`g:${generatedKey(paper)}`];
  const own = paper.citationKey?.trim().toLowerCase();
  if (own) looks.push(`k:${own}`);
  const content = contentKey(paper);
  if (content !== undefined) looks.push(`c:${content}`);
  return looks;
}
