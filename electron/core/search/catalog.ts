import { STATUSES, type Paper, type Status } from '../schema';
import { packPdfText, scanPdfText, type PdfText } from './pdf-text';
import { SearchIndex } from './search-index';
import { sameSearchedText } from './tokenize';
import { SortOrder, type OrderedDocuments, type SortKey } from './sort-orders';

const SORT_KEYS: readonly SortKey[] = ['queue', 'added', 'title', 'year', 'updated'];
const STATUS_CODE = new Map<Status, number>(STATUSES.map((status, i) => [status, i]));
/** The status code of a free ordinal. */
export const NO_STATUS = 255;

/**
 * The indexes list queries read: every paper numbered by a small ordinal (a replaced paper keeps its
 * number, a removed one frees it), a search index and one sort order per sort key, all kept current
 * through insert/replace/remove. Papers are immutable, so a paper object never changes under them.
 * Beside them, the text of papers' PDFs (setPdfText) and a second search index over it, by the same
 * ordinals, which indexes each PDF as its text comes and costs nothing while no paper has one.
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
  });
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
    const kept = new Map<string, PdfText>();
    this.pdfs.forEach((text, ordinal) => {
      const paper = this.docs[ordinal];
      if (text && paper) kept.set(paper.id, text);
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
    this.statuses = new Uint8Array(this.docs.length + 1024);
    this.docs.forEach((paper, ordinal) => this.setStatus(ordinal, paper));
    this.search.reset();
    for (const order of this.orders.values()) order.reset();
    this.pdfSearch.reset();
    // Kept texts come back as new ones do, read in the background (a search never builds them all at once).
    this.docs.forEach((paper, ordinal) => {
      const text = paper?.attachments?.length ? kept.get(paper.id) : undefined;
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
    this.search.changed(ordinal);
    for (const order of this.orders.values()) order.added(ordinal);
  }

  replace(paper: Paper): void {
    const ordinal = this.ordinalOf.get(paper.id);
    if (ordinal === undefined) return this.insert(paper);
    const old = this.docs[ordinal]!;
    this.docs[ordinal] = paper;
    this.setStatus(ordinal, paper);
    // A status, rank or date change leaves the words as they were: the index needs nothing.
    if (!sameSearchedText(old, paper)) this.search.changed(ordinal);
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
    this.search.changed(ordinal);
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
    this.order('queue').ordinals();
  }
}
