import { STATUSES, type Paper, type Status } from '../schema';
import { foreground } from '../foreground';
import { joinPdfTexts, packPdfText, scanPdfText, splitPdfText, type PdfText } from './pdf-text';
import { SearchIndex } from './search-index';
import { sameSearchedText, sameTags } from './tokenize';
import { SortOrder, type OrderedDocuments, type SortKey } from './sort-orders';

const SORT_KEYS: readonly SortKey[] = ['queue', 'added', 'title', 'year', 'updated'];
const STATUS_CODE = new Map<Status, number>(STATUSES.map((status, i) => [status, i]));
/** The status code of a free ordinal. */
export const NO_STATUS = 255;

/**
 * The indexes list queries read: every paper numbered by a small ordinal (a replaced paper keeps its
 * number, a removed one frees it), a search index and one sort order per sort key, all kept current
 * through insert/replace/remove. Papers are immutable, so a paper object never changes under them.
 * Beside them, the text of papers' PDFs (setPdfParts) and a second search index over it, by the same
 * ordinals, which indexes each PDF as its text comes and costs nothing while no paper has one. A paper with
 * several PDFs has their texts joined, one document of the index (pdf-text.ts: the common case, one PDF, costs
 * what it did); a replaced paper that lost a PDF loses its text.
 */
export class Catalog implements OrderedDocuments {
  private docs: (Paper | undefined)[] = [];
  private seqs: number[] = [];
  private nextSeq = 0;
  private readonly ordinalOf = new Map<string, number>();
  private free: number[] = [];
  /** Each ordinal's status as its index in STATUSES (NO_STATUS when free), so a list filters without loading papers. */
  statuses = new Uint8Array(0);
  readonly search = new SearchIndex(this);
  /** Each ordinal's PDF text, if its paper has some. */
  private pdfs: (PdfText | undefined)[] = [];
  private pdfCount = 0;
  /** The words of the papers' PDFs, as `search` has those of their fields. */
  readonly pdfSearch = new SearchIndex(this, {
    scan: (ordinal, scanner) => {
      const text = this.pdfs[ordinal];
      if (text) scanPdfText(text, scanner);
      return text !== undefined;
    },
    documents: () => this.pdfCount,
    size: (ordinal) => this.pdfs[ordinal]?.bytes.length ?? 0,
    sections: (ordinal) => this.pdfs[ordinal]?.ends.length ?? 0,
  });
  /** Counts changes to the papers' searched text (and resets): answers kept for phrases hold until it moves. */
  textVersion = 0;
  private readonly orders = new Map<SortKey, SortOrder>(SORT_KEYS.map((key) => [key, new SortOrder(this, key)]));

  get count(): number {
    return this.docs.length;
  }

  at(ordinal: number): Paper | undefined {
    return this.docs[ordinal];
  }

  seq(ordinal: number): number {
    return this.seqs[ordinal]!;
  }

  order(key: SortKey): SortOrder {
    return this.orders.get(key)!;
  }

  /**
   * Start over with `papers`, in library order; indexes are rebuilt when next needed. A paper still
   * there with its attachments keeps its PDF text (the store says when a PDF's text changes).
   */
  reset(papers: Iterable<Paper>): void {
    const kept = new Map<string, { text: PdfText; old: Paper }>();
    this.pdfs.forEach((text, ordinal) => {
      const paper = this.docs[ordinal];
      if (text && paper) kept.set(paper.id, { text, old: paper });
    });
    this.pdfs = [];
    this.pdfCount = 0;
    this.docs = [];
    this.seqs = [];
    this.free = [];
    this.ordinalOf.clear();
    for (const paper of papers) {
      this.ordinalOf.set(paper.id, this.docs.length);
      this.seqs.push(this.docs.length);
      this.docs.push(paper);
    }
    this.nextSeq = this.docs.length;
    this.textVersion++;
    this.statuses = new Uint8Array(this.docs.length + 1024);
    this.docs.forEach((paper, ordinal) => this.setStatus(ordinal, paper));
    this.search.reset();
    for (const order of this.orders.values()) order.reset();
    this.pdfSearch.reset();
    // Kept texts come back as new ones do, read in the background (a search never builds them all at once).
    this.docs.forEach((paper, ordinal) => {
      const was = paper?.attachments?.length ? kept.get(paper.id) : undefined;
      const text = was && attachedText(was.text, was.old, paper!);
      if (!text) return;
      this.pdfSearch.ensureReady();
      this.setPdf(ordinal, text);
    });
  }

  /** How many papers have PDF text. */
  get papersWithPdfText(): number {
    return this.pdfCount;
  }

  /** The PDF text of paper `paperId`, if it has some. */
  pdfTextOf(paperId: string): PdfText | undefined {
    const ordinal = this.ordinalOf.get(paperId);
    return ordinal === undefined ? undefined : this.pdfs[ordinal];
  }

  /** Where `words` are in the PDF text of each of `paperIds` (pdfSearch.pageGroups; undefined: its pages tell). */
  pdfPageGroups(paperIds: readonly string[], words: readonly string[]): (Uint32Array | undefined)[] {
    return this.pdfSearch.pageGroups(
      paperIds.map((id) => this.ordinalOf.get(id) ?? -1),
      words,
    );
  }

  /** The PDF text of the paper at `ordinal`, if it has some. */
  pdfAt(ordinal: number): PdfText | undefined {
    return this.pdfs[ordinal];
  }

  /**
   * The text of paper `paperId`'s PDF, page by page (pages[i] is page i + 1, as extracted), or undefined
   * when it has none any more. Kept while the paper is replaced; dropped when it is removed. Unknown
   * papers are ignored (one removed while its text was being read).
   */
  setPdfText(paperId: string, pages: readonly string[] | undefined): void {
    const ordinal = this.ordinalOf.get(paperId);
    if (ordinal === undefined) return;
    if (!pages && !this.pdfs[ordinal]) return;
    // The first text starts the index, with nothing in it yet; from then on texts are indexed as they come.
    if (pages) this.pdfSearch.ensureReady();
    this.setPdf(ordinal, pages && packPdfText(pages));
  }

  /**
   * The text of PDFs of paper `paperId` (each by its hash, pages as setPdfText takes them; undefined: that PDF
   * has no text), joined with the text its other PDFs gave, in the order attached. A PDF the paper does not
   * have (any more) is ignored. One PDF's text packed, and, for a paper with several, all of them copied once.
   */
  setPdfParts(paperId: string, given: readonly { hash: string; pages: readonly string[] | undefined }[]): void {
    const ordinal = this.ordinalOf.get(paperId);
    if (ordinal === undefined) return;
    const paper = this.docs[ordinal]!;
    const attached = paper.attachments ?? [];
    const text = this.pdfs[ordinal];
    const parts = new Map((text ? (partsOf(text, paper) ?? []) : []).map((part) => [part.hash, part.text]));
    let changed = false;
    for (const { hash, pages } of given) {
      if (!attached.some((attachment) => attachment.hash === hash)) continue;
      if (pages) parts.set(hash, packPdfText(pages));
      else if (!parts.delete(hash)) continue;
      changed = true;
    }
    if (!changed) return;
    const texts = attached.flatMap(({ hash }) => (parts.has(hash) ? [{ hash, text: parts.get(hash)! }] : []));
    if (texts.length) this.pdfSearch.ensureReady();
    this.setPdf(ordinal, joinPdfTexts(texts, attached.length > 1));
  }

  private setPdf(ordinal: number, text: PdfText | undefined): void {
    if (!text && !this.pdfs[ordinal]) return;
    this.pdfCount += (text ? 1 : 0) - (this.pdfs[ordinal] ? 1 : 0);
    this.pdfs[ordinal] = text;
    this.pdfSearch.changed(ordinal);
  }

  insert(paper: Paper): void {
    const ordinal = this.free.pop() ?? this.docs.length;
    this.docs[ordinal] = paper;
    this.seqs[ordinal] = this.nextSeq++;
    this.ordinalOf.set(paper.id, ordinal);
    this.setStatus(ordinal, paper);
    this.textChanged(ordinal);
    for (const order of this.orders.values()) order.added(ordinal);
  }

  replace(paper: Paper): void {
    const ordinal = this.ordinalOf.get(paper.id);
    if (ordinal === undefined) return this.insert(paper);
    const old = this.docs[ordinal]!;
    this.docs[ordinal] = paper;
    // A PDF detached (here, or on another device) leaves search; the others' text stays.
    const text = this.pdfs[ordinal];
    if (text && old.attachments !== paper.attachments) {
      const kept = attachedText(text, old, paper);
      if (kept !== text) this.setPdf(ordinal, kept);
    }
    this.setStatus(ordinal, paper);
    // A status, rank or date change leaves the words as they were: the index needs nothing. A change of tags
    // alone (tags.set on thousands of papers) reads only their tags again: the index keeps them apart.
    if (!sameSearchedText(old, paper)) this.textChanged(ordinal);
    else if (!sameTags(old, paper)) {
      this.textVersion++;
      this.search.tagsChanged(ordinal);
    }
    for (const order of this.orders.values()) order.replaced(ordinal);
  }

  remove(id: string): void {
    const ordinal = this.ordinalOf.get(id);
    if (ordinal === undefined) return;
    this.setPdf(ordinal, undefined);
    for (const order of this.orders.values()) order.removed(ordinal);
    this.docs[ordinal] = undefined;
    this.setStatus(ordinal, undefined);
    this.ordinalOf.delete(id);
    this.free.push(ordinal);
    this.textChanged(ordinal);
  }

  private textChanged(ordinal: number): void {
    this.textVersion++;
    this.search.changed(ordinal);
    this.search.tagsChanged(ordinal);
  }

  private setStatus(ordinal: number, paper: Paper | undefined): void {
    if (ordinal >= this.statuses.length) {
      const grown = new Uint8Array(ordinal * 2 + 1024);
      grown.set(this.statuses);
      this.statuses = grown;
    }
    this.statuses[ordinal] = paper ? STATUS_CODE.get(paper.status)! : NO_STATUS;
  }

  /** Stop background work (the library is closing). */
  dispose(): void {
    this.search.dispose();
    this.pdfSearch.dispose();
  }

  /**
   * Build the search index in the background, and the default (queue) order now. With `indexCache` (a
   * file beside the library), the index is read from there when it still fits and kept there once built;
   * `thread` builds it in a thread whatever the library's size (SearchIndex.buildInBackground).
   */
  warmUp(options: { indexCache?: string; thread?: boolean } = {}): void {
    this.search.buildInBackground(options.indexCache, { thread: options.thread });
    // Searches from a page scan the titles and authors until the index is in (a one-shot command waits for it):
    // folded while the library opens, before the page's load shares the cores with them.
    if (options.indexCache !== undefined && foreground.servesPages && this.search.scanningTitles) {
      this.search.foldTitlesNow();
    }
    this.order('queue').ordinals();
  }
}

/**
 * Each PDF's text in `text`, by hash: a joined text's parts, else the text of `paper`'s one PDF. Undefined for a
 * text given without its PDF (setPdfText, as tests do).
 */
function partsOf(text: PdfText, paper: Paper): { hash: string; text: PdfText }[] | undefined {
  if (text.parts) return splitPdfText(text);
  const only = paper.attachments?.length === 1 ? paper.attachments[0]!.hash : undefined;
  return only === undefined ? undefined : [{ hash: only, text }];
}

/**
 * `text`, the text of `old`'s PDFs, for those `paper` (the same paper, replaced) still has: itself when nothing
 * changed (the same attachments: a reference compared, the common case), else the texts of the PDFs kept, joined
 * again in the order attached; undefined when none is left.
 */
function attachedText(text: PdfText, old: Paper, paper: Paper): PdfText | undefined {
  if (old.attachments === paper.attachments) return text;
  const parts = partsOf(text, old);
  if (!parts) return text;
  const attached = paper.attachments ?? [];
  const named = attached.length > 1;
  const kept = attached.flatMap(({ hash }) => parts.filter((part) => part.hash === hash));
  const same = kept.length === parts.length && kept.every((part, i) => part === parts[i]);
  if (same && named === (text.parts !== undefined)) return text;
  return joinPdfTexts(kept, named);
}
