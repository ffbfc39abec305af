import type { BaseIndex } from './build';
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
      bits = new Uint32Array((this.base.covered.length + 31) >>> 5);
      for (let r = 0; r < plan.ranges.length; r += 2) setBits(this.base, plan.ranges[r]!, plan.ranges[r + 1]!, bits);
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

/**
 * Sets the bit of every posting of terms [lo, hi). Decoded here, not through a PostingReader: a heavy word
 * has millions of postings, and this loop, the one that makes a bitset, is most of what warming them costs.
 */
function setBits(base: BaseIndex, lo: number, hi: number, bits: Uint32Array): void {
  const { offsets, postings, sectioned } = base;
  let at = offsets[lo]!;
  for (let t = lo; t < hi; t++) {
    const end = offsets[t + 1]!;
    let ordinal = -1;
    while (at < end) {
      let byte = postings[at++]!;
      let gap = byte & 0x7f;
      for (let shift = 7; byte >= 0x80; shift += 7) {
        byte = postings[at++]!;
        gap |= (byte & 0x7f) << shift;
      }
      ordinal += gap + 1;
      bits[ordinal >>> 5]! |= 1 << (ordinal & 31);
      // A section and its groups follow each posting in an index of sectioned text.
      if (sectioned) {
        while (postings[at++]! >= 0x80);
        while (postings[at++]! >= 0x80);
      }
    }
  }
}
