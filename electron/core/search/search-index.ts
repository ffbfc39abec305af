import { performance } from 'node:perf_hooks';
import { IndexBuilder, paperScan, type BaseIndex, type Documents, type IndexSteps, type Scan } from './build';
import { CacheLoader, CacheSaver } from './cache-steps';
import { decodeCache, readCache } from './index-cache';
import { postingCount } from './postings';
import { TermScanner } from './tokenize';
import { HeavyWords } from './heavy-words';
import { Matcher, type LiveIndex, type TextMatch } from './text-match';
import { TitleScan } from './title-scan';
import { WordPlanner } from './word-plans';
import { WorkerBuild, type ThreadReport } from './worker-build';

// query.ts and the catalog import it from here.
export type { TextMatch } from './text-match';

/**
 * What an index reads, if not the papers' searched fields: text that comes document by document and in
 * sections (a PDF's pages), and is indexed as it comes instead of being built at open.
 */
export type SectionedText = {
  scan: Scan;
  /** How many documents have text now: rebuilds are due by the share of them changed. */
  documents(): number;
  /** About how many characters the document at `ordinal` has (what indexing it costs). */
  size(ordinal: number): number;
};

/** How long one background build step may hold the event loop. */
const STEP_MS = 12;
/**
 * Libraries from this size are first built in a thread: below it an ordinary build takes less time than
 * starting the thread (about a second of CPU to load its code).
 */
const THREAD_MIN_PAPERS = 10_000;
/** How long changes must pause before a rebuild starts. */
const REBUILD_QUIET_MS = 2000;
/** The same for PDF text, which comes paper after paper as a library opens, each text a big change. */
const SECTIONED_REBUILD_QUIET_MS = 500;
/**
 * Characters of sectioned text (PDF pages) changed since the last search that a search indexes before it
 * answers (two or three PDFs, a few milliseconds); the rest are found once the background has read them.
 */
const SEARCH_CATCH_UP_CHARS = 200_000;

/**
 * A word index over the papers' searched fields: a sorted term dictionary (a prefix is one range of it),
 * postings as one array of coded paper ordinals (postings.ts), one edit of typo tolerance, AND across words.
 * Changes since the build are indexed apart (the overlay) until enough pile up to rebuild in the background.
 * The same index, given `SectionedText`, holds the text of the papers' PDFs by the same ordinals.
 */
export class SearchIndex {
  private base: BaseIndex | undefined;
  /** Distinct term ids of each paper changed since the base was built; the base's postings for it are stale. */
  private readonly overlay = new Map<number, Uint32Array>();
  /** Papers changed since the base was built and not yet scanned into the overlay (done at the next search). */
  private readonly dirty = new Set<number>();
  private changes = 0;
  private builder: IndexSteps | undefined;
  /** Where the built index is kept between runs, if anywhere. */
  private cachePath: string | undefined;
  /** Writing the last build to the cache file, in steps after it is installed. */
  private saver: CacheSaver | undefined;
  /** Counts resets, so a cache file read before one is not used after it. */
  private generation = 0;
  private scanner: TermScanner | undefined;
  private scheduled = false;
  private rebuildTimer: NodeJS.Timeout | undefined;
  /** A rebuild starts when changes pause: until then, the background leaves changed PDF texts to it. */
  private rebuildWaiting = false;
  /** A search in this turn of the event loop has read its share of changed PDF texts (see prepare). */
  private readThisTurn = false;
  private planner: WordPlanner | undefined;
  private heavy: HeavyWords | undefined;
  /** Heavy prefixes whose bitsets the background prepares after a build. */
  private warming: string[] = [];

  private readonly scan: Scan;
  private readonly matcher: Matcher;
  /** What searches read while the first build is under way in the background. */
  private readonly titles: TitleScan;
  /** A background build was asked for and is not in use yet: searches meanwhile scan titles. */
  private background = false;
  /** The cache file as the build's thread wrote it (it writes before it answers). */
  private threadWritten: Promise<void> | undefined;

  /** An index of the papers' searched fields, or with `sectioned`, of another text of theirs (their PDFs). */
  constructor(
    private readonly docs: Documents,
    private readonly sectioned?: SectionedText,
  ) {
    this.scan = sectioned?.scan ?? paperScan(docs);
    this.matcher = new Matcher(sectioned !== undefined);
    this.titles = new TitleScan(docs);
  }

  /** The build thread's report (its nice value and CPU time), when a thread built the index in use. */
  builtInThread: ThreadReport | undefined;

  /** True if the index in use was read from the cache file rather than built. */
  fromCache = false;

  /** True once a search needs no build first. */
  get ready(): boolean {
    return this.base !== undefined;
  }

  /** Size of the built index: distinct terms, postings (counted, a pass over them), and about how many bytes they take. */
  stats(): { terms: number; postings: number; bytes: number } {
    const base = this.base;
    if (!base) return { terms: 0, postings: 0, bytes: 0 };
    let bytes = base.postings.byteLength + base.offsets.byteLength + base.covered.byteLength + this.matcher.bytes;
    bytes += base.table.bytes();
    for (const ids of this.overlay.values()) bytes += ids.byteLength + 64;
    return { terms: base.table.size, postings: postingCount(base.postings, base.sectioned === true), bytes };
  }

  /** Stop building in the background (the library is closing); a later search still works, building at once. */
  dispose(): void {
    clearTimeout(this.rebuildTimer);
    this.rebuildWaiting = false;
    if (this.builder instanceof WorkerBuild) this.builder.stop();
    this.builder = undefined;
    this.background = false;
    this.titles.clear();
    this.saver = undefined;
    this.warming = [];
    this.generation++;
  }

  /** The cache file's write under way, if any (for tests and for a caller that wants it on disk). */
  get cacheWritten(): Promise<void> | undefined {
    return this.saver?.written ?? this.threadWritten;
  }

  /** Forget everything (every paper was replaced); the next search or background step builds anew. */
  reset(): void {
    clearTimeout(this.rebuildTimer);
    this.rebuildWaiting = false;
    this.base = undefined;
    this.scanner = undefined;
    this.planner = undefined;
    this.heavy = undefined;
    this.warming = [];
    if (this.builder instanceof WorkerBuild) this.builder.stop();
    this.builder = undefined;
    this.background = false;
    this.titles.clear();
    this.saver = undefined;
    this.threadWritten = undefined;
    this.generation++;
    this.overlay.clear();
    this.dirty.clear();
    this.changes = 0;
  }

  /**
   * The paper at `ordinal` was added, replaced or removed. Once enough changes pile up (each one makes
   * searches a little slower), a rebuild starts in the background when changes pause: a big import
   * causes one rebuild at its end, not one every thousand papers.
   */
  changed(ordinal: number): void {
    this.builder?.changed(ordinal);
    this.titles.changed(ordinal);
    if (!this.base) return;
    if (ordinal < this.base.covered.length) this.base.covered[ordinal] = 0;
    this.overlay.delete(ordinal);
    this.dirty.add(ordinal);
    this.changes++;
    this.readThisTurn = false;
    // Sectioned text is read as it comes, in the background, rather than at the next search.
    if (this.sectioned) this.schedule();
    if (!this.builder && this.rebuildDue()) {
      clearTimeout(this.rebuildTimer);
      this.rebuildWaiting = true;
      this.rebuildTimer = setTimeout(
        () => {
          this.rebuildWaiting = false;
          if (this.builder || !this.base) return;
          this.startBuild();
          this.schedule();
        },
        this.sectioned ? SECTIONED_REBUILD_QUIET_MS : REBUILD_QUIET_MS,
      ).unref();
    }
  }

  /**
   * Enough changes since the build slow searches down: each changed document is checked on its own, and
   * each new term is compared with every query word. Papers change a few at a time; a PDF's text brings
   * thousands of terms, and a few hundred PDFs are the whole of it.
   */
  private rebuildDue(): boolean {
    const base = this.base!;
    const newTerms = base.table.size - base.termCount;
    if (this.sectioned) {
      const documents = this.sectioned.documents();
      return this.changes > Math.max(32, documents / 8) || newTerms > Math.max(20_000, base.termCount / 4);
    }
    const papers = this.docs.count;
    return this.changes > Math.max(1000, papers / 50) || newTerms > Math.max(5000, papers / 20);
  }

  /** Changes indexed apart since the last build (searches check each such paper on its own). */
  get pendingChanges(): number {
    return this.changes;
  }

  /** Documents changed and not read yet (the background reads them; a search reads some first). */
  get unread(): number {
    return this.dirty.size;
  }

  /** True while a build (the first, or a rebuild that folds in the changes) is under way. */
  get building(): boolean {
    return this.builder !== undefined;
  }

  /**
   * Build in short steps between other work (ensureReady finishes the build at once).
   * With `cachePath`, first try the index kept there by an earlier run (papers whose text differs from
   * then are indexed apart); without a usable file, a large library (or any, with `thread`) is built in a
   * thread of low priority (WorkerBuild), which keeps its build there for the next run. Until the index
   * is in use, searches scan the titles and authors (TitleScan).
   */
  buildInBackground(cachePath?: string, options: { thread?: boolean } = {}): void {
    if (this.base || this.builder) return;
    this.cachePath = cachePath;
    if (cachePath === undefined) {
      this.startBuild();
      this.schedule();
      return;
    }
    this.background = !this.sectioned;
    const generation = this.generation;
    void readCache(cachePath).then((bytes) => {
      // A search built the index meanwhile, or the library was reset or closed: the file is not needed.
      if (this.base || this.builder || generation !== this.generation) return;
      const cache = bytes && decodeCache(bytes);
      const thread = !this.sectioned && (options.thread ?? this.docs.count >= THREAD_MIN_PAPERS);
      this.builder = cache
        ? new CacheLoader(cache, this.docs)
        : thread
          ? new WorkerBuild(this.docs, cachePath, () => this.schedule())
          : new IndexBuilder(this.docs);
      this.schedule();
    });
  }

  /** Begin a build that `step` advances; searches meanwhile use the previous build plus the changes. */
  startBuild(): void {
    this.builder = this.newBuilder();
  }

  private newBuilder(): IndexBuilder {
    return new IndexBuilder(this.docs, this.scan, this.sectioned !== undefined);
  }

  /** Advance the build until `deadline` (performance.now() time); true once it is done and in use. */
  step(deadline: number): boolean {
    if (!this.builder) return true;
    const built = this.builder.step(deadline);
    if (built) this.install(built);
    return built !== undefined;
  }

  /** Build now, if not built yet. */
  ensureReady(): void {
    if (this.base) return;
    this.builder ??= this.newBuilder();
    this.install(this.builder.step(Infinity)!);
  }

  /**
   * Papers whose searched fields have, for every word, a word starting with it ("bayes" finds "Bayesian").
   * A word of five or more letters that starts no word in the library also matches one edit away (or, with
   * `typos`, the words whose flag is true; `typoEligible` words only).
   */
  match(words: readonly string[], typos?: readonly boolean[]): TextMatch {
    if (words.length === 0) throw new Error('A text match needs at least one word.');
    if (this.scanningTitles) return this.titles.match(words);
    this.prepare();
    return this.matcher.match(this.live(), this.docs.count, words, typos);
  }

  /**
   * True if some document has a word starting with `word` as typed. `match` widens a word by a typo only
   * when its index has no such word; `typos` lets a caller decide that over several indexes.
   */
  knows(word: string): boolean {
    if (this.scanningTitles) return this.titles.knows(word);
    this.prepare();
    return this.matcher.anyLive(this.live(), this.planner!.exact(word));
  }

  /**
   * Built, with the changes read. A search asks a sectioned index several things (knows, then match):
   * together they read one share of its changed texts, not one each.
   */
  private prepare(): void {
    this.ensureReady();
    if (!this.sectioned) return this.catchUp();
    if (this.readThisTurn || this.dirty.size === 0) return;
    this.catchUp(Infinity, SEARCH_CATCH_UP_CHARS);
    this.readThisTurn = true;
    queueMicrotask(() => (this.readThisTurn = false));
  }

  /** True while the first build is under way in the background: a search scans titles rather than wait. */
  private get scanningTitles(): boolean {
    return this.background && !this.base;
  }

  /** What the matcher reads (once built). */
  private live(): LiveIndex {
    return { base: this.base!, overlay: this.overlay, planner: this.planner!, heavy: this.heavy! };
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // unref: a background build never keeps a one-shot command (the CLI) alive.
    setImmediate(() => {
      this.scheduled = false;
      const deadline = performance.now() + STEP_MS;
      if (this.builder) {
        // A first build in a thread: the titles are folded first (about 0.4 s of slices at 100,000 papers), so
        // that a search before the index is in never folds them itself. Handed over first, the papers took the
        // time before the page came, and the first search of a first start found the titles a third folded
        // and folded the rest (70 ms and more of its time).
        if (this.builder instanceof WorkerBuild && this.scanningTitles && !this.titles.step(deadline)) {
          return this.schedule();
        }
        // The build's thread wakes this up when it answers; meanwhile the titles are made ready for searches.
        if (this.builder.waiting) {
          if (this.scanningTitles && !this.titles.step(deadline)) this.schedule();
          return;
        }
        if (!this.step(deadline)) return this.schedule();
        this.warming = this.heavy!.prefixes();
        this.planner!.letters();
      }
      while (this.warming.length > 0 && performance.now() < deadline) {
        const word = this.warming.pop()!;
        if (!this.heavy!.has(word)) this.heavy!.bits(this.planner!.exact(word));
      }
      // Papers a cache file did not cover (or changed under the build) are scanned before a search asks;
      // PDF texts that a rebuild is about to read are read once, by it.
      if (this.dirty.size > 0 && !(this.sectioned && this.rebuildWaiting)) this.catchUp(deadline);
      if (this.warming.length === 0 && this.saver && !this.saver.written) this.saver.step(deadline);
      const reading = this.dirty.size > 0 && !(this.sectioned && this.rebuildWaiting);
      if (this.warming.length > 0 || reading || (this.saver && !this.saver.written)) this.schedule();
    }).unref();
  }

  private install(built: BaseIndex): void {
    const steps = this.builder!;
    const stale = steps.stale;
    this.builder = undefined;
    const loaded = steps instanceof CacheLoader && steps.fromFile;
    const threaded = steps instanceof WorkerBuild ? steps.report : undefined;
    this.fromCache = loaded;
    this.builtInThread = threaded;
    this.saver = undefined;
    this.background = false;
    this.titles.clear();
    this.threadWritten = threaded && Promise.resolve();
    if (this.cachePath !== undefined && !loaded && !threaded) {
      this.saver = new CacheSaver(built, this.docs, this.cachePath);
      this.schedule();
    }
    this.base = built;
    this.scanner = new TermScanner(built.table);
    this.planner = new WordPlanner(built);
    this.heavy = new HeavyWords(built);
    this.warming = [];
    this.overlay.clear();
    this.dirty.clear();
    this.changes = stale.size;
    for (const ordinal of stale) {
      if (ordinal < built.covered.length) built.covered[ordinal] = 0;
      this.dirty.add(ordinal);
    }
  }

  /**
   * Scan the documents changed since the last search into the overlay, until `deadline` (if given) or
   * once about `budget` characters of sectioned text are read.
   */
  private catchUp(deadline = Infinity, budget = Infinity): void {
    const scanner = this.scanner!;
    let read = 0;
    for (const ordinal of this.dirty) {
      if (read >= budget) return;
      this.dirty.delete(ordinal);
      if (this.scan(ordinal, scanner)) {
        this.overlay.set(ordinal, Uint32Array.from(new Set(scanner.ids.subarray(0, scanner.length))));
      }
      if (this.sectioned && budget !== Infinity) read += this.sectioned.size(ordinal);
      if (performance.now() >= deadline) return;
    }
  }
}
