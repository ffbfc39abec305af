import { QUEUE_GROUP } from '../paper';
import type { Paper } from '../schema';
import type { Documents } from './build';
import { compareTitles, titleKey, type TitleKey } from './title-keys';

export type SortKey = 'queue' | 'added' | 'title' | 'year' | 'updated';

/** Documents that also know each ordinal's place in the library's insertion order. */
export type OrderedDocuments = Documents & { seq(ordinal: number): number };

/** The sort value of a paper; titles get a collation class from the order itself. */
const PRIMARY: Record<Exclude<SortKey, 'title'>, (paper: Paper) => number | string> = {
  // The status group; rank breaks ties, as in every order.
  queue: (paper) => QUEUE_GROUP[paper.status],
  added: (paper) => paper.createdAt,
  updated: (paper) => paper.updatedAt,
  year: (paper) => paper.year ?? 0,
};

/**
 * Every paper's ordinal sorted by (sort value, rank, insertion order), kept current paper by paper:
 * the order sortPapers gives ascending. Each entry's sort values are remembered as they were when it
 * was placed, so a paper is found again by binary search when it changes or leaves. The order is an
 * Int32Array with room to grow: a paper moved is two memory moves of 4 bytes an entry (a merge of 10,000
 * changes moves thousands of papers; splicing a 100,000-entry array of numbers twice each took a fifth of it).
 */
export class SortOrder {
  private sorted: Int32Array | undefined;
  /** How many entries of `sorted` are in use. */
  private count = 0;
  private readonly primary: (number | string)[] = [];
  private readonly rank: number[] = [];
  private readonly seq: number[] = [];
  /** Title orders only: the title, its key, and its collation class (equal titles share one). */
  private readonly title: string[] = [];
  private readonly key: TitleKey[] = [];

  constructor(
    private readonly docs: OrderedDocuments,
    readonly sort: SortKey,
  ) {}

  get built(): boolean {
    return this.sorted !== undefined;
  }

  /** The ordinals in ascending order (built on first use). Do not modify; read it before the next change. */
  ordinals(): Readonly<Int32Array> {
    this.sorted ??= this.build();
    return this.sorted.subarray(0, this.count);
  }

  /** True when two placed ordinals have the same sort value (a descending list keeps those in ascending rank). */
  sameValue(a: number, b: number): boolean {
    return this.primary[a] === this.primary[b];
  }

  /** Compare two placed ordinals as the ascending order does. */
  compare(a: number, b: number): number {
    const pa = this.primary[a]!;
    const pb = this.primary[b]!;
    if (pa !== pb) return pa < pb ? -1 : 1;
    return this.rank[a]! - this.rank[b]! || this.seq[a]! - this.seq[b]!;
  }

  reset(): void {
    this.sorted = undefined;
    this.count = 0;
  }

  added(ordinal: number): void {
    if (this.sorted) this.place(this.sorted, ordinal);
  }

  removed(ordinal: number): void {
    if (this.sorted) this.unplace(this.sorted, ordinal);
  }

  /** The paper at `ordinal` was replaced: move it if its sort value or rank changed. */
  replaced(ordinal: number): void {
    const sorted = this.sorted;
    const paper = this.docs.at(ordinal);
    if (!sorted || !paper) return;
    const same =
      paper.rank === this.rank[ordinal] &&
      (this.sort === 'title'
        ? paper.title === this.title[ordinal]
        : PRIMARY[this.sort](paper) === this.primary[ordinal]);
    if (same) return;
    this.unplace(sorted, ordinal);
    this.place(sorted, ordinal);
  }

  private build(): Int32Array {
    const sorted: number[] = [];
    for (let ordinal = 0; ordinal < this.docs.count; ordinal++) {
      const paper = this.docs.at(ordinal);
      if (!paper) continue;
      this.remember(ordinal, paper);
      sorted.push(ordinal);
    }
    if (this.sort !== 'title') return this.keep(sorted.sort((a, b) => this.compare(a, b)));
    sorted.sort((a, b) => this.compareTitle(a, b) || this.rank[a]! - this.rank[b]! || this.seq[a]! - this.seq[b]!);
    let cls = 0;
    for (let i = 0; i < sorted.length; i++) {
      if (i > 0 && this.compareTitle(sorted[i - 1]!, sorted[i]!) !== 0) cls++;
      this.primary[sorted[i]!] = cls;
    }
    return this.keep(sorted);
  }

  /** The order as kept: an Int32Array with a quarter more room than it needs. */
  private keep(sorted: readonly number[]): Int32Array {
    const kept = new Int32Array(Math.max(1024, Math.ceil(sorted.length * 1.25)));
    kept.set(sorted);
    this.count = sorted.length;
    return kept;
  }

  private remember(ordinal: number, paper: Paper): void {
    this.rank[ordinal] = paper.rank;
    this.seq[ordinal] = this.docs.seq(ordinal);
    if (this.sort === 'title') {
      this.title[ordinal] = paper.title;
      this.key[ordinal] = titleKey(paper.title);
    } else {
      this.primary[ordinal] = PRIMARY[this.sort](paper);
    }
  }

  private compareTitle(a: number, b: number): number {
    return compareTitles(this.title[a]!, this.key[a]!, this.title[b]!, this.key[b]!);
  }

  private place(sorted: Int32Array, ordinal: number): void {
    const paper = this.docs.at(ordinal);
    if (!paper) return;
    this.remember(ordinal, paper);
    const before =
      this.sort === 'title'
        ? (other: number) =>
            (this.compareTitle(ordinal, other) ||
              this.rank[ordinal]! - this.rank[other]! ||
              this.seq[ordinal]! - this.seq[other]!) < 0
        : (other: number) => this.compare(ordinal, other) < 0;
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(sorted[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    if (this.count === sorted.length) {
      const grown = new Int32Array(Math.ceil(sorted.length * 1.5));
      grown.set(sorted);
      this.sorted = sorted = grown;
    }
    sorted.copyWithin(lo + 1, lo, this.count);
    sorted[lo] = ordinal;
    this.count++;
    if (this.sort === 'title') this.classify(sorted, lo);
  }

  /** Give the title at `at` its neighbour's class if they collate equal, else a class between theirs. */
  private classify(sorted: Int32Array, at: number): void {
    const ordinal = sorted[at]!;
    const prev = at > 0 ? sorted[at - 1]! : undefined;
    const next = at + 1 < this.count ? sorted[at + 1]! : undefined;
    if (prev !== undefined && this.compareTitle(prev, ordinal) === 0) {
      this.primary[ordinal] = this.primary[prev]!;
      return;
    }
    if (next !== undefined && this.compareTitle(next, ordinal) === 0) {
      this.primary[ordinal] = this.primary[next]!;
      return;
    }
    const low = prev === undefined ? undefined : (this.primary[prev] as number);
    const high = next === undefined ? undefined : (this.primary[next] as number);
    const cls =
      low === undefined ? (high === undefined ? 0 : high - 1) : high === undefined ? low + 1 : low + (high - low) / 2;
    if ((low !== undefined && cls <= low) || (high !== undefined && cls >= high)) {
      // Halved too often: number the other classes afresh, two apart, and take the gap after `prev`.
      let fresh = -2;
      let previous: number | string | undefined;
      for (let i = 0; i < this.count; i++) {
        if (i === at) continue;
        const old = this.primary[sorted[i]!]!;
        if (fresh < 0 || old !== previous) fresh += 2;
        previous = old;
        this.primary[sorted[i]!] = fresh;
      }
      this.primary[ordinal] = prev === undefined ? -1 : (this.primary[prev] as number) + 1;
      return;
    }
    this.primary[ordinal] = cls;
  }

  private unplace(sorted: Int32Array, ordinal: number): void {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(sorted[mid]!, ordinal) < 0) lo = mid + 1;
      else hi = mid;
    }
    const at = lo < this.count && sorted[lo] === ordinal ? lo : sorted.subarray(0, this.count).indexOf(ordinal);
    if (at < 0) return;
    sorted.copyWithin(at, at + 1, this.count);
    this.count--;
  }
}
