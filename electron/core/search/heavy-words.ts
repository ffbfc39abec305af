import type { BaseIndex } from './build';
import { readerOf } from './postings';
import type { WordPlan } from './word-plans';

/** Heavy words have at least this many postings (or a quarter of the papers); this many bitsets are kept. */
const HEAVY_MIN = 20_000;
const HEAVY_KEPT = 512;

/**
 * Words that start a term in most papers ("a", "mo", "learn") cost a search the most postings. Their
 * papers are kept as bitsets, most recently used first, so such a word costs a pass over a bitset (or
 * over the other words' few candidates) instead of millions of postings.
 */
export class HeavyWords {
  private readonly kept = new Map<string, Uint32Array>();

  constructor(private readonly base: BaseIndex) {}

  /** A plan with this many postings gets a bitset. */
  get limit(): number {
    return Math.max(HEAVY_MIN, this.base.covered.length / 4);
  }

  has(word: string): boolean {
    return this.kept.has(word);
  }

  /** The built papers with a term starting with the plan's word, one bit each (kept for the next time). */
  bits(plan: WordPlan): Uint32Array {
    let bits = this.kept.get(plan.word);
    if (bits) {
      this.kept.delete(plan.word);
    } else {
      const reader = readerOf(this.base);
      bits = new Uint32Array((this.base.covered.length + 31) >>> 5);
      for (let r = 0; r < plan.ranges.length; r += 2) {
        for (let t = plan.ranges[r]!; t < plan.ranges[r + 1]!; t++) {
          const n = reader.read(t);
          const ordinals = reader.ordinals;
          for (let k = 0; k < n; k++) bits[ordinals[k]! >>> 5]! |= 1 << (ordinals[k]! & 31);
        }
      }
      if (this.kept.size >= HEAVY_KEPT) this.kept.delete(this.kept.keys().next().value!);
    }
    this.kept.set(plan.word, bits);
    return bits;
  }

  /** The heavy prefixes of up to 4 letters, whose bitsets are worth preparing before anyone searches. */
  prefixes(): string[] {
    const { table, termCount, offsets } = this.base;
    const found: string[] = [];
    for (let length = 1; length <= 4; length++) {
      let start = 0;
      while (start < termCount) {
        const term = table.term(start);
        if (term.length < length) {
          start++;
          continue;
        }
        const prefix = term.slice(0, length);
        let end = start + 1;
        while (end < termCount && table.term(end).startsWith(prefix)) end++;
        if (offsets[end]! - offsets[start]! >= this.limit) found.push(prefix);
        start = end;
      }
    }
    return found.slice(0, HEAVY_KEPT);
  }
}
