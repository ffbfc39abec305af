import { join } from 'node:path';
import { Low } from 'lowdb';
import { AttachmentFiles } from '../attachments/files';
import { loadPdfTexts } from '../attachments/load-texts';
import type { AttachmentRefs } from '../attachments/refs';
import { PdfTextCache } from '../attachments/text-cache';
import { LIBRARY_VERSION, emptyLibrary, type LibraryFile, type Paper, type Rule } from '../schema';
import { Catalog } from '../search/catalog';
import { INDEX_CACHE_FILE_NAME } from '../search/index-cache';
import { recoverLibrary, type Recovery } from './library-recovery';
import { removeStaleTempFiles } from './durable-file';
import type { Identity } from './identities';
import type { CountsView } from './library-counts';
import { LibraryFileAdapter, StoreLoadError, type SaveCounts } from './library-file';
import { LibraryWriter } from './library-writer';
import { PaperIndexes, sameIdentity } from './paper-indexes';
import { PaperIterator } from './paper-iterator';
import { Listeners, type ChangeEvent, type Listener, type ProgressEvent } from './store-events';

export { catalogOf } from './paper-iterator';

export const LIBRARY_FILE_NAME = 'library.json';
/** Below this many papers the search index builds in well under a second: no cache file is kept. */
export const INDEX_CACHE_MIN_PAPERS = 5000;
/**
 * A long-lived process (the app, browser mode) keeps the abstracts of a library file this large on disk
 * (abstract-shelf.ts): about 7,500 papers, where they start to weigh tens of megabytes.
 */
export const SHELF_MIN_FILE_BYTES = 16 << 20;

export type { ChangeEvent, ProgressEvent } from './store-events';
/** How to open a library. */
export type OpenOptions = {
  /** A damaged library.json is moved aside and the newest valid backup put in its place. */
  recover?: boolean;
  /**
   * The folder cannot be written (acquireLock said why, in this sentence): open without writing anything,
   * and refuse every save with this sentence.
   */
  readOnly?: string;
  /**
   * Keep the abstracts of a library file of at least this many bytes in a file of the process's own, read
   * back when asked for (SHELF_MIN_FILE_BYTES for a process that holds the library for long). Undefined: in
   * memory. Never for a read-only library, which writes nothing.
   */
  shelveAbstractsFrom?: number;
};

/**
 * The library in memory, kept in insertion order, with identity indexes for duplicate checks.
 * Mutations apply at once; persist() writes through one serialised, coalescing writer.
 */
export class LibraryStore {
  readonly dataDir: string;
  readonly file: string;
  private readonly writer: LibraryWriter;
  private readonly byId = new Map<string, Paper>();
  /** Identities, PDFs referenced, counts and the highest rank (removed before byId changes, added after). */
  private readonly indexes = new PaperIndexes(
    (id) => this.byId.get(id),
    () => this.byId.values(),
  );
  /** The attached PDFs (attachments/), their extracted text, and which of them papers reference. */
  readonly attachments: AttachmentFiles;
  readonly pdfText: PdfTextCache;
  readonly attachmentRefs: AttachmentRefs = this.indexes.attachmentRefs;
  /** The library's counts by status, notes, highlights, tags and sources (stats.get). */
  readonly counts: CountsView = this.indexes.counts;
  /** Ordinals, search index and sort orders for list queries, kept current by insert/replace/remove. */
  readonly catalog = new Catalog();
  private rulesList: readonly Rule[] = [];
  private readonly changeListeners = new Listeners<ChangeEvent>();
  private readonly progressListeners = new Listeners<ProgressEvent>();

  /** Why this library cannot be written (a sentence for a person), when it was opened read-only. */
  readonly readOnly: string | undefined;

  private constructor(dataDir: string, adapter: LibraryFileAdapter, db: Low<LibraryFile>, readOnly?: string) {
    this.dataDir = dataDir;
    this.readOnly = readOnly;
    this.file = join(dataDir, LIBRARY_FILE_NAME);
    this.attachments = new AttachmentFiles(dataDir);
    this.pdfText = new PdfTextCache(dataDir);
    this.writer = new LibraryWriter(
      dataDir,
      db,
      adapter,
      () => ({
        version: LIBRARY_VERSION,
        papers: Array.from(this.byId.values()),
        ...(this.rulesList.length > 0 && { rules: [...this.rulesList] }),
      }),
      readOnly,
    );
    this.rulesList = db.data.rules ?? [];
    for (const paper of db.data.papers) this.hold(paper);
    this.catalog.reset(this.byId.values());
  }

  /** Set when this open found library.json damaged and recovered what it could (library-recovery.ts). */
  recovery: Recovery | undefined;

  /**
   * Open (or start) the library in `dataDir`, backing it up first if it changed since the last backup.
   * An unusable file throws StoreLoadError, or with `recover` is moved aside for what can be read of it and the
   * newest valid backup.
   * With `readOnly`, nothing is written at all: no backup, no sweep, no recovery, no search cache file.
   */
  static async open(dataDir: string, options: OpenOptions = {}): Promise<LibraryStore> {
    const { readOnly } = options;
    const shelveFrom = readOnly === undefined ? options.shelveAbstractsFrom : undefined;
    const adapter = new LibraryFileAdapter(join(dataDir, LIBRARY_FILE_NAME), shelveFrom);
    const db = new Low<LibraryFile>(adapter, emptyLibrary());
    let recovery: Recovery | undefined;
    try {
      await db.read();
    } catch (error) {
      const recoverable = error instanceof StoreLoadError && !error.fromNewerVersion;
      if (!options.recover || readOnly !== undefined || !recoverable) throw error;
      recovery = await recoverLibrary(dataDir, error.reason);
      db.data = emptyLibrary();
      await db.read();
    }
    const store = new LibraryStore(dataDir, adapter, db, readOnly);
    if (readOnly !== undefined) {
      // The index is built in memory; its cache file is neither written nor, for now, read.
      store.catalog.warmUp();
      store.loadPdfTexts();
      return store;
    }
    // Temp files of writers that were killed mid-write are removed (never a live writer's).
    await removeStaleTempFiles(dataDir).catch(() => undefined);
    store.recovery = recovery;
    // The backup is copied in the background from the file just validated; the first save waits for it.
    store.writer.backUpOpened();
    // A library of an older version is written in this one's once, after the backup of the file as it was,
    // so the migration is not paid again at every start.
    if (adapter.migratedFrom !== undefined) void store.writer.persist().catch(() => undefined);
    store.catalog.warmUp({ indexCache: store.indexCachePath() });
    // PDFs removed more than 30 days ago go for good; the text of attached ones joins the search.
    store.loadPdfTexts();
    void store.attachments.sweepTrash().catch(() => undefined);
    return store;
  }

  /** Settles once the cached text of attached PDFs is in the search: a search waits for it. */
  pdfTextsCached: Promise<void> = Promise.resolve();
  /** Settles once every attached PDF's text is in the search, extracted again where its cache was lost. */
  pdfTextsLoaded: Promise<void> = Promise.resolve();

  private loadPdfTexts(): void {
    const { cached, done } = loadPdfTexts(this);
    this.pdfTextsCached = cached;
    this.pdfTextsLoaded = done;
  }

  /** Replace every paper (a restore), keeping a backup of what was there first. */
  async replaceAll(papers: readonly Paper[]): Promise<void> {
    this.refuseIfReadOnly();
    await this.flush();
    await this.writer.backUpNow(true).catch(() => undefined);
    this.byId.clear();
    this.indexes.clear();
    for (const paper of papers) this.hold(paper);
    this.catalog.reset(this.byId.values());
    this.catalog.warmUp({ indexCache: this.indexCachePath() });
    this.loadPdfTexts();
    await this.persist();
  }

  /** Where the search index is kept between runs; only for libraries big enough for a build to be felt. */
  private indexCachePath(): string | undefined {
    return this.size >= INDEX_CACHE_MIN_PAPERS ? join(this.dataDir, INDEX_CACHE_FILE_NAME) : undefined;
  }

  /** A backup of what is on disk now, if it changed since the last one (before imports and restores). */
  async backUpNow(): Promise<void> {
    this.refuseIfReadOnly();
    await this.writer.backUpNow();
  }

  /** Whole-file writes since open (coalescing keeps this far below the number of mutations). */
  get writes(): number {
    return this.writer.writes;
  }

  /** How the last save made each paper's line: copied unchanged from the old file, or serialised afresh. */
  get lastSave(): SaveCounts {
    return this.writer.lastSave;
  }

  get size(): number {
    return this.byId.size;
  }

  /** The reader's keyword rules, in the order written. */
  get rules(): readonly Rule[] {
    return this.rulesList;
  }

  /** Replace the rules; like a paper mutation, the change is written by the next persist(). */
  setRules(rules: readonly Rule[]): void {
    this.rulesList = rules;
  }

  /** Every paper, in library order. Given untouched to filterPapers, it lets the query use the catalog. */
  all(): IterableIterator<Paper> {
    return new PaperIterator(this.catalog, this.byId.values());
  }

  get(id: string): Paper | undefined {
    const paper = this.byId.get(id);
    if (paper) return paper;
    const kept = this.aliasOf(id);
    return kept === undefined ? undefined : this.byId.get(kept);
  }

  /** The id a merged-away id now names (sync sets it: a paper imported on two devices is kept under one id). */
  aliasOf: (id: string) => string | undefined = () => undefined;

  /** The id of a paper with the same arXiv id, DOI or normalised title, if any. */
  findDuplicate(paper: Identity): string | undefined {
    return this.indexes.identities.first(paper);
  }

  /** Every paper sharing an identity (arXiv id, DOI, title) with `paper`. */
  duplicatesOf(paper: Identity): Set<string> {
    return this.indexes.identities.all(paper);
  }

  nextRank(): number {
    return this.indexes.maxRank + 1;
  }

  insert(paper: Paper): void {
    if (this.byId.has(paper.id)) throw new Error(`Duplicate paper id ${paper.id}`);
    this.byId.set(paper.id, paper);
    this.indexes.add(paper);
    this.catalog.insert(paper);
  }

  /** Replace a paper by a new object with the same id (papers are never mutated in place). */
  replace(paper: Paper): void {
    const old = this.byId.get(paper.id);
    if (!old) throw new Error(`No paper ${paper.id}`);
    this.indexes.remove(old, !sameIdentity(old, paper));
    this.byId.set(paper.id, paper);
    this.indexes.add(paper, !sameIdentity(old, paper));
    this.catalog.replace(paper);
  }

  remove(id: string): boolean {
    const old = this.byId.get(id);
    if (!old) return false;
    this.indexes.remove(old);
    this.byId.delete(id);
    this.catalog.remove(id);
    return true;
  }

  /**
   * The text of some of a paper's PDFs, by hash, for search (undefined pages: none); the text of its other PDFs
   * is kept. A PDF detached leaves search as the paper is replaced (Catalog).
   */
  setPdfParts(paperId: string, given: readonly { hash: string; pages: readonly string[] | undefined }[]): void {
    this.catalog.setPdfParts(paperId, given);
  }

  /** Tell listeners what changed and schedule a write. */
  changed(event: ChangeEvent): void {
    this.persist().catch(() => undefined);
    this.changeListeners.tell(event);
  }

  progress(event: ProgressEvent): void {
    this.progressListeners.tell(event);
  }

  onProgress(listener: Listener<ProgressEvent>): () => void {
    return this.progressListeners.add(listener);
  }

  onChange(listener: Listener<ChangeEvent>): () => void {
    return this.changeListeners.add(listener);
  }

  onWriteError(listener: Listener<unknown>): () => void {
    return this.writer.onWriteError(listener);
  }

  /** Write the current state (one write at a time; a burst of changes costs two writes). */
  persist(): Promise<void> {
    return this.writer.persist();
  }

  /** Wait until everything changed so far is on disk; rethrows the last write failure. */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  /**
   * Hold a paper read from a file or a backup: a second paper with an id already held takes its place, as in
   * byId, so the indexes (the counts among them) count each id once.
   */
  private hold(paper: Paper): void {
    const held = this.byId.get(paper.id);
    if (held) this.indexes.remove(held);
    this.byId.set(paper.id, paper);
    this.indexes.add(paper);
  }

  private refuseIfReadOnly(): void {
    if (this.readOnly !== undefined) throw new Error(this.readOnly);
  }
}
