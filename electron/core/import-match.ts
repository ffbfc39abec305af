import { KeyedRecords } from './import-by-key';
import type { PaperDraft } from './paper';
import { sameWork } from './same-work';
import type { Paper } from './schema';
import type { LibraryStore } from './store/store';
import { titleKey } from './text';

/**
 * What an imported entry is to a paper already there: the same paper, or only possibly the same. `byTitle`:
 * found by its title (or a short title and its key), where what tells works apart decides, not an identifier.
 */
export type Match = { kind: 'same' | 'possible'; paperId: string; title: string; byTitle?: boolean };

/**
 * The paper `draft` is in the library, if any. The same paper id (a backup's), DOI, arXiv id (versions of
 * one preprint are one paper) or PDF is the same paper. A title match alone is the same paper only when
 * `sameWork` agrees; otherwise it is a possible duplicate, kept apart and shown in the preview, since merging
 * distinct works loses one. A title too short to identify a paper, or none, leaves the citation key and the
 * content to decide (import-by-key.ts).
 */
export function matchInLibrary(store: LibraryStore, draft: PaperDraft, lookups: ImportLookups): Match | undefined {
  const same = (paper: Paper, byTitle = false): Match => ({
    kind: 'same',
    paperId: paper.id,
    title: paper.title,
    ...(byTitle && { byTitle }),
  });
  // A backup's paper is the library's paper with its id (ids are random: another library's never share one).
  const byId = draft.id ? store.get(draft.id) : undefined;
  if (byId && !otherIdentifiers(byId, draft)) return same(byId);
  if (draft.arxivId || draft.doi) {
    const id = store.findDuplicate({ arxivId: draft.arxivId, doi: draft.doi, title: '' });
    if (id) return same(store.get(id)!);
  }
  const byPdf = lookups.pdfOwner(store, draft);
  if (byPdf) return same(byPdf);
  if (!titleKey(draft.title)) {
    const keyed = lookups.keyed.find(store, draft);
    return keyed && same(keyed, true);
  }
  const id = store.findDuplicate({ title: draft.title });
  const paper = id ? store.get(id) : undefined;
  if (!id || !paper) return undefined;
  if (sameWork(paper, draft)) return same(paper, true);
  // The store names one paper per title; a work kept apart from it earlier has the same title too.
  const other = lookups.titles.withTitle(store, draft.title).find((p) => p.id !== id && sameWork(p, draft));
  return other ? same(other, true) : { kind: 'possible', paperId: id, title: paper.title };
}

/** True when the two carry different DOIs or arXiv ids: whatever else they share, they are two works. */
const otherIdentifiers = (a: Paper, b: PaperDraft): boolean =>
  (!!a.doi && !!b.doi && a.doi.toLowerCase() !== b.doi.toLowerCase()) ||
  (!!a.arxivId && !!b.arxivId && a.arxivId.toLowerCase() !== b.arxivId.toLowerCase());

/** What one import looks papers up by beside the store's identities, kept current as it adds or fills papers. */
export class ImportLookups {
  readonly titles = new SharedTitles();
  readonly keyed = new KeyedRecords();
  /** PDFs that more than one entry of the file has: they do not tell which paper an entry is. */
  private readonly sharedPdfs = new Set<string>();

  constructor(drafts: readonly PaperDraft[]) {
    const seen = new Set<string>();
    for (const draft of drafts) {
      for (const hash of new Set(draft.attachments?.map((a) => a.hash))) {
        if (seen.has(hash)) this.sharedPdfs.add(hash);
        seen.add(hash);
      }
    }
  }

  /**
   * The paper that has one of the PDFs `draft` has (only a backup's entries carry PDFs): a file's checksum
   * names the paper it was attached to. Not when several papers have that PDF (a proceedings volume attached
   * to each of its papers), nor when their DOIs or arXiv ids differ.
   */
  pdfOwner(store: LibraryStore, draft: PaperDraft): Paper | undefined {
    for (const { hash } of draft.attachments ?? []) {
      if (this.sharedPdfs.has(hash)) continue;
      const owners = store.attachmentRefs.papersWith(hash);
      const paper = owners.length === 1 ? store.get(owners[0]!) : undefined;
      if (paper && !otherIdentifiers(paper, draft)) return paper;
    }
    return undefined;
  }

  /** A paper the import added or filled in. */
  add(paper: Paper): void {
    this.titles.add(paper);
    this.keyed.add(paper);
  }
}

/**
 * Every paper of the library by title key, built the first time a title is shared by distinct works (rare),
 * then kept up to date by the import as it adds papers.
 */
export class SharedTitles {
  private byTitle: Map<string, Paper[]> | undefined;

  withTitle(store: LibraryStore, title: string): Paper[] {
    const key = titleKey(title);
    if (!key) return [];
    if (!this.byTitle) {
      this.byTitle = new Map();
      for (const paper of store.all()) this.add(paper);
    }
    return (this.byTitle.get(key) ?? []).map((paper) => store.get(paper.id) ?? paper);
  }

  /** A paper the import added or filled in; before the index is built, the first lookup will find it in the store. */
  add(paper: Paper): void {
    const key = titleKey(paper.title);
    if (!this.byTitle || !key) return;
    const papers = this.byTitle.get(key) ?? [];
    if (!papers.some((other) => other.id === paper.id)) this.byTitle.set(key, [...papers, paper]);
  }
}
