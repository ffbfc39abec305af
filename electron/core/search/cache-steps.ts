import { performance } from 'node:perf_hooks';
import { IndexBuilder, type BaseIndex, type Documents, type IndexSteps } from './build';
import { Checksum, cacheParts, fingerprint, writeCache, type CachedIndex } from './index-cache';
import { TermTable } from './term-table';

/** Papers whose text changed since the file was written are indexed apart; more than this, and it is rebuilt. */
const tooMany = (stale: number, papers: number): boolean => stale > Math.max(1000, papers / 50);

/**
 * Takes a BaseIndex from a cache file in short steps: checks the checksum, reads the terms, then keeps
 * each ordinal whose paper has the fingerprint it had when written. Papers that differ (or changed while
 * loading) are listed in `stale`, as a build lists papers changed under it. A damaged file, or one for
 * a library that has changed too much, turns into an ordinary build.
 */
export class CacheLoader implements IndexSteps {
  private readonly changes = new Set<number>();
  private phase: 'checksum' | 'terms' | 'verify' = 'checksum';
  private readonly checksum: Checksum;
  private terms: string[] = [];
  private readonly table = new TermTable();
  private cursor = 0;
  private readonly scratch = new Uint32Array(2);
  private fallback: IndexBuilder | undefined;

  constructor(
    private readonly cache: CachedIndex,
    private readonly docs: Documents,
  ) {
    this.checksum = new Checksum(cache);
  }

  /** True if the index came from the file (not rebuilt because the file was unusable). */
  get fromFile(): boolean {
    return this.fallback === undefined;
  }

  get stale(): Set<number> {
    return this.fallback?.stale ?? this.changes;
  }

  changed(ordinal: number): void {
    if (this.fallback) this.fallback.changed(ordinal);
    else this.changes.add(ordinal);
  }

  step(deadline: number): BaseIndex | undefined {
    if (this.fallback) return this.fallback.step(deadline);
    const cache = this.cache;
    if (this.phase === 'checksum') {
      while (!this.checksum.step(1 << 18)) if (performance.now() >= deadline) return undefined;
      const [a, b] = this.checksum.value;
      if (a !== cache.checksum[0] || b !== cache.checksum[1]) return this.rebuild(deadline);
      const text = new TextDecoder().decode(cache.text);
      this.terms = cache.termCount === 0 ? [] : text.split('\n');
      if (this.terms.length !== cache.termCount) return this.rebuild(deadline);
      this.phase = 'terms';
    }
    if (this.phase === 'terms') {
      const terms = this.terms;
      while (this.table.size < terms.length) {
        const end = Math.min(terms.length, this.table.size + 4096);
        // Distinct and sorted as written, so each term's id is its rank.
        for (let id = this.table.size; id < end; id++) this.table.intern(terms[id]!);
        if (this.table.size < terms.length && performance.now() >= deadline) return undefined;
      }
      if (this.table.size !== cache.termCount) return this.rebuild(deadline);
      this.table.trim();
      this.terms = [];
      this.phase = 'verify';
    }
    const end = Math.max(cache.docCount, this.docs.count);
    const { covered, fingerprints } = cache;
    const scratch = this.scratch;
    while (this.cursor < end) {
      const ordinal = this.cursor++;
      const paper = this.docs.at(ordinal);
      let same = false;
      if (paper && ordinal < cache.docCount && covered[ordinal] === 1) {
        fingerprint(paper, scratch, 0);
        same = scratch[0] === fingerprints[2 * ordinal] && scratch[1] === fingerprints[2 * ordinal + 1];
      }
      if (!same) {
        if (ordinal < cache.docCount) covered[ordinal] = 0;
        if (paper) this.changes.add(ordinal);
      }
      if ((ordinal & 63) === 63 && performance.now() >= deadline) return undefined;
    }
    if (tooMany(this.changes.size, this.docs.count)) return this.rebuild(deadline);
    return { table: this.table, termCount: cache.termCount, offsets: cache.offsets, postings: cache.postings, covered };
  }

  private rebuild(deadline: number): BaseIndex | undefined {
    this.fallback = new IndexBuilder(this.docs);
    return this.fallback.step(deadline);
  }
}

/**
 * Writes a built index to its cache file: fingerprints the papers it covers and checksums the parts in
 * short steps, then writes the file without holding the event loop. Papers that change meanwhile are
 * left out (their ordinals are no longer covered), so the file only claims what is still true.
 */
export class CacheSaver {
  private cursor = 0;
  private readonly fingerprints: Uint32Array;
  private checksum: Checksum | undefined;
  private parts: ReturnType<typeof cacheParts> | undefined;
  /** The write under way, once the steps are done. */
  written: Promise<void> | undefined;

  constructor(
    private readonly base: BaseIndex,
    private readonly docs: Documents,
    private readonly path: string,
  ) {
    this.fingerprints = new Uint32Array(2 * base.covered.length);
  }

  /** Work until `deadline`; true once the file is being written. */
  step(deadline: number): boolean {
    const covered = this.base.covered;
    while (this.cursor < covered.length) {
      const ordinal = this.cursor++;
      const paper = this.docs.at(ordinal);
      if (covered[ordinal] === 1 && paper) fingerprint(paper, this.fingerprints, 2 * ordinal);
      if ((ordinal & 63) === 63 && performance.now() >= deadline) return false;
    }
    if (!this.parts) {
      // Ordinals that changed while fingerprinting are no longer covered: this copy leaves them out.
      this.parts = cacheParts(this.base, covered.slice(), this.fingerprints);
      this.checksum = new Checksum(this.parts);
    }
    while (!this.checksum!.step(1 << 18)) if (performance.now() >= deadline) return false;
    // A cache is only a shortcut: a failed write leaves the next open to build, as it would without one.
    this.written ??= writeCache(this.path, this.parts, this.checksum!.value).catch(() => undefined);
    return true;
  }
}
