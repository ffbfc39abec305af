import { performance } from 'node:perf_hooks';
import { foreground } from '../foreground';
import { turns } from '../turns';
import { IndexBuilder, type BaseIndex, type IndexSteps } from './build';
import { CacheLoader, CacheSaver } from './cache-steps';
import { HeavyWords } from './heavy-words';
import { decodeCache, readCache } from './index-cache';
import { IndexedText } from './indexed-text';
import { TermScanner } from './tokenize';
import { WordPlanner } from './word-plans';
import { WorkerBuild, type ThreadReport } from './worker-build';

// query.ts and the catalog import them from here.
export type { TextMatch } from './text-match';
export type { SectionedText } from './indexed-text';

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
 * A word index over the papers' searched fields: a sorted term dictionary (a prefix is one range of it),
 * postings as one array of coded paper ordinals (postings.ts), one edit of typo tolerance, AND across words.
 * Changes since the build are indexed apart (the overlay) until enough pile up to rebuild in the background.
 * The same index, given `SectionedText`, holds the text of the papers' PDFs by the same ordinals.
 *
 * This file builds it: at once, in steps between other work, in a thread, or from the file an earlier run
 * kept; and rebuilds it when changes pile up. What searches read is indexed-text.ts.
 */
export class SearchIndex extends IndexedText {
  private builder: IndexSteps | undefined;
  /** Where the built index is kept between runs, if anywhere. */
  private cachePath: string | undefined;
  /** Writing the last build to the cache file, in steps after it is installed. */
  private saver: CacheSaver | undefined;
  /** Counts resets, so a cache file read before one is not used after it. */
  private generation = 0;
  private scheduled = false;
  private rebuildTimer: NodeJS.Timeout | undefined;
  /** A rebuild starts when changes pause: until then, the background leaves changed PDF texts to it. */
  private rebuildWaiting = false;
  /** Heavy prefixes whose bitsets the background prepares after a build. */
  private warming: string[] = [];

  /** Callers of `whenReady`, woken once the index is in use (or no longer built in the background). */
  private readyWaiters: (() => void)[] = [];

  /** The cache file as the build's thread wrote it (it writes before it answers). */
  private threadWritten: Promise<void> | undefined;

  /** The build thread's report (its nice value and CPU time), when a thread built the index in use. */
  builtInThread: ThreadReport | undefined;

  /** True if the index in use was read from the cache file rather than built. */
  fromCache = false;

  /**
   * Settles once a search reads the whole index, not just the titles: at once if it is in use (or built on
   * demand, now); else once the background build or read of its file is in. Meanwhile the process stays
   * alive: a one-shot command (the CLI) waits here, as it cannot ask again, and so does an export of a search.
   */
  whenReady(): Promise<void> {
    if (this.base) return Promise.resolve();
    if (!this.background) {
      this.ensureReady();
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const alive = setInterval(() => undefined, 60_000);
      this.readyWaiters.push(() => {
        clearInterval(alive);
        resolve();
      });
    });
  }

  /** Wake the callers of `whenReady` (a later search builds at once if the index is still not in). */
  private wakeReady(): void {
    for (const wake of this.readyWaiters.splice(0)) wake();
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
    this.wakeReady();
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
    this.wakeReady();
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

  ensureReady(): void {
    if (this.base) return;
    this.builder ??= this.newBuilder();
    this.install(this.builder.step(Infinity)!);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // A turn of the loop of its own (turns.ts). It does not keep a one-shot command (the CLI) alive, unless
    // that waits for it (`whenReady`): a step that does not would then run only when some other timer wakes it.
    turns.take(
      () => {
        this.scheduled = false;
        const deadline = performance.now() + STEP_MS;
        // A first build in a thread: the titles are folded first (about 0.4 s of slices at 100,000 papers), so
        // that a search before the index is in never folds them itself. Handed over first, the papers took the
        // time before the page came, and the first search of a first start found the titles a third folded
        // and folded the rest (70 ms and more of its time). Nor is the fold held back for requests, for that reason.
        if (this.builder instanceof WorkerBuild && this.scanningTitles && !this.titles.step(deadline)) {
          return this.schedule();
        }
        // The build's thread wakes this up when it answers; meanwhile the titles are made ready for searches.
        if (this.builder?.waiting) {
          if (this.scanningTitles && !this.titles.step(deadline)) this.schedule();
          return;
        }
        // The rest gives way to a request that does not wait for the index (For you's ranking, a search answered
        // by the titles): a second start's check of the index's file took turns with For you's first ranking.
        if (foreground.servesPages && foreground.holds(this.wake, 0, 'bulk')) return;
        if (this.builder) {
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
      },
      // The titles' fold (a build in a thread folds them first) before other background work: the first
      // searches of a first start read it (taking turns with For you's first model, the first search found it
      // unfinished and folded the rest, 300 ms). Not the steps of a build here or of the file's read: each step
      // asks again, and going first they took every turn until the index was in.
      {
        keepsAlive: this.readyWaiters.length > 0,
        first: this.builder instanceof WorkerBuild && this.scanningTitles && !this.titles.made,
      },
    );
  }

  private readonly wake = (): void => this.schedule();

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
    this.heavy = new HeavyWords(built, this.sectioned);
    this.warming = [];
    this.overlay.clear();
    this.dirty.clear();
    this.changes = stale.size;
    for (const ordinal of stale) {
      if (ordinal < built.covered.length) built.covered[ordinal] = 0;
      this.dirty.add(ordinal);
    }
    this.wakeReady();
  }
}
