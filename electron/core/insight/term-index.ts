import type { IndexArrays } from './model-cache';
import { HASH_BITS } from './terms';
import { PRODUCT_UNIT, TERMS_PER_PAPER, type Vector } from './weigh';

/** Bits of a term sorted by each pass of buildByRadix (two passes for HASH_BITS = 22). */
const RADIX_BITS = 11;
const RADIX_MASK = (1 << RADIX_BITS) - 1;

/**
 * Which papers have which terms, answering "which papers share these terms" without reading every
 * paper: the inverted index of the last rebuild (its terms sorted, and for each its run of slots and
 * weights), and the postings of papers placed since, in a small side index.
 */
export class TermIndex {
  private terms = new Int32Array(0);
  private start = new Int32Array(1);
  private slots = new Int32Array(0);
  private weights = new Uint16Array(0);
  /** Postings of papers placed since the last rebuild. */
  private readonly recent = new Map<number, number[]>();

  get bytes(): number {
    return this.terms.byteLength + this.start.byteLength + this.slots.byteLength + this.weights.byteLength;
  }

  /**
   * Add `vector`'s dot product with every paper it shares a term with into `scores` (by slot), listing
   * each slot the first time it is touched; `vectorTerms` and `vectorWeights` hold every slot's vector.
   * Terms more than `common` papers share are skipped; `only` narrows the papers to its non-zero slots.
   */
  accumulate(
    vector: Vector,
    common: number,
    vectorTerms: Int32Array,
    vectorWeights: Uint16Array,
    scores: Float32Array,
    touched: number[],
    only?: Float32Array,
  ): void {
    const { start, slots, weights } = this;
    for (let i = 0; i < TERMS_PER_PAPER; i++) {
      // Kept weights are whole steps (weigh.ts): their product times PRODUCT_UNIT is the weights' product.
      const w = vector.weights[i]! * PRODUCT_UNIT;
      if (w === 0) break;
      const term = vector.terms[i]!;
      const at = this.find(term);
      // Skipped for every paper alike, so that a paper's likeness to another is the other's to it.
      if (at !== -1 && start[at + 1]! - start[at]! > common) continue;
      if (at !== -1) {
        const end = start[at + 1]!;
        for (let p = start[at]!; p < end; p++) {
          const slot = slots[p]!;
          if (only && only[slot] === 0) continue;
          if (scores[slot] === 0) touched.push(slot);
          scores[slot]! += w * weights[p]!;
        }
      }
      const recent = this.recent.get(term);
      if (recent) {
        for (const slot of recent) {
          if (only && only[slot] === 0) continue;
          const weight = weightIn(vectorTerms, vectorWeights, slot, term);
          if (scores[slot] === 0) touched.push(slot);
          scores[slot]! += w * weight;
        }
      }
    }
  }

  /** List the vector of a paper placed in `slot` since the last rebuild. */
  addRecent(slot: number, vectorTerms: Int32Array, vectorWeights: Uint16Array): void {
    const start = slot * TERMS_PER_PAPER;
    for (let k = 0; k < TERMS_PER_PAPER && vectorWeights[start + k]! > 0; k++) {
      const term = vectorTerms[start + k]!;
      const list = this.recent.get(term);
      if (list) list.push(slot);
      else this.recent.set(term, [slot]);
    }
  }

  /** The index of the last rebuild, as a kept model saves it. */
  arrays(): IndexArrays {
    return { terms: this.terms, start: this.start, slots: this.slots, weights: this.weights };
  }

  /** Take the index of a rebuild back from `arrays` (see `arrays`). */
  restore(arrays: IndexArrays): void {
    ({ terms: this.terms, start: this.start, slots: this.slots, weights: this.weights } = arrays);
  }

  clearRecent(): void {
    this.recent.clear();
  }

  /** Where `term` is in `terms`, or -1. */
  private find(term: number): number {
    const terms = this.terms;
    let low = 0;
    let high = terms.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const value = terms[mid]!;
      if (value < term) low = mid + 1;
      else if (value > term) high = mid - 1;
      else return mid;
    }
    return -1;
  }

  /**
   * Index the vectors of `papers` slots, TERMS_PER_PAPER entries each in `vectorTerms` and `vectorWeights` (a
   * vector's terms first, then zero weights).
   */
  build(papers: number, vectorTerms: Int32Array, vectorWeights: Uint16Array): void {
    const total = papers * TERMS_PER_PAPER;
    const used = countUsed(papers, vectorWeights);
    if (papers < 20_000 || used < 1_000_000) this.buildByRadix(papers, used, vectorTerms, vectorWeights);
    else this.buildLarge(total, vectorTerms, vectorWeights);
  }

  /**
   * By a radix sort of the entries in use by term (RADIX_BITS at a time, stable, so each term's slots stay in
   * order): for a small library, or a large one of few terms per paper (a first model: library-model.ts),
   * where buildLarge's passes over the whole term space cost more. Only each vector's terms are read, not its
   * zeros: a first model of 100,000 papers (5 terms each) is indexed in 20-70 ms, where sorting its entries
   * as numbers took 90-160 ms at once, in the middle of the page's first searches.
   */
  private buildByRadix(papers: number, used: number, vectorTerms: Int32Array, vectorWeights: Uint16Array): void {
    // Each entry's term, slot and weight, carried through the sort: read in order afterwards, not gathered.
    let terms = new Int32Array(used);
    let slots = new Int32Array(used);
    let weights = new Uint16Array(used);
    let n = 0;
    for (let slot = 0; slot < papers; slot++) {
      const start = slot * TERMS_PER_PAPER;
      for (let p = start; p < start + TERMS_PER_PAPER && vectorWeights[p] !== 0; p++) {
        terms[n] = vectorTerms[p]!;
        slots[n] = slot;
        weights[n++] = vectorWeights[p]!;
      }
    }
    let sortedTerms = new Int32Array(n);
    let sortedSlots = new Int32Array(n);
    let sortedWeights = new Uint16Array(n);
    const counts = new Int32Array(1 << RADIX_BITS);
    for (let shift = 0; shift < HASH_BITS; shift += RADIX_BITS) {
      counts.fill(0);
      for (let i = 0; i < n; i++) counts[(terms[i]! >>> shift) & RADIX_MASK]!++;
      let sum = 0;
      for (let digit = 0; digit < counts.length; digit++) {
        const count = counts[digit]!;
        counts[digit] = sum;
        sum += count;
      }
      for (let i = 0; i < n; i++) {
        const at = counts[(terms[i]! >>> shift) & RADIX_MASK]!++;
        sortedTerms[at] = terms[i]!;
        sortedSlots[at] = slots[i]!;
        sortedWeights[at] = weights[i]!;
      }
      [terms, sortedTerms] = [sortedTerms, terms];
      [slots, sortedSlots] = [sortedSlots, slots];
      [weights, sortedWeights] = [sortedWeights, weights];
    }
    let distinct = 0;
    for (let i = 0; i < n; i++) if (i === 0 || terms[i] !== terms[i - 1]) distinct++;
    const runTerms = new Int32Array(distinct);
    const starts = new Int32Array(distinct + 1);
    let run = -1;
    let previous = -1;
    for (let i = 0; i < n; i++) {
      const term = terms[i]!;
      if (term === previous) continue;
      runTerms[++run] = term;
      starts[run] = i;
      previous = term;
    }
    starts[distinct] = n;
    Object.assign(this, { terms: runTerms, start: starts, slots, weights });
  }

  /** By a counting sort over the term space: linear, no comparison sort. */
  private buildLarge(total: number, vectorTerms: Int32Array, vectorWeights: Uint16Array): void {
    const runs = new Int32Array((1 << HASH_BITS) + 1);
    let count = 0;
    for (let p = 0; p < total; p++) {
      if (vectorWeights[p] === 0) continue;
      runs[vectorTerms[p]! + 1]!++;
      count++;
    }
    const terms: number[] = [];
    for (let term = 0; term < 1 << HASH_BITS; term++) {
      if (runs[term + 1] !== 0) terms.push(term);
      runs[term + 1]! += runs[term]!;
    }
    const slots = new Int32Array(count);
    const weights = new Uint16Array(count);
    const next = runs; // runs[term] is now where the term's run starts; it advances as the run fills
    for (let p = 0; p < total; p++) {
      if (vectorWeights[p] === 0) continue;
      const at = next[vectorTerms[p]!]!++;
      slots[at] = Math.floor(p / TERMS_PER_PAPER);
      weights[at] = vectorWeights[p]!;
    }
    // After filling, next[term] is where the term's run ends: the starts are the previous term's ends.
    this.terms = Int32Array.from(terms);
    this.start = new Int32Array(terms.length + 1);
    for (let i = 0; i < terms.length; i++) this.start[i + 1] = next[terms[i]!]!;
    this.slots = slots;
    this.weights = weights;
  }
}

/** Entries of the vectors in use: each vector's terms, up to its first zero weight. */
function countUsed(papers: number, vectorWeights: Uint16Array): number {
  let count = 0;
  for (let slot = 0; slot < papers; slot++) {
    const start = slot * TERMS_PER_PAPER;
    let p = start;
    while (p < start + TERMS_PER_PAPER && vectorWeights[p] !== 0) p++;
    count += p - start;
  }
  return count;
}

/** The weight of `term` in the vector of `slot`, or 0. */
function weightIn(vectorTerms: Int32Array, vectorWeights: Uint16Array, slot: number, term: number): number {
  const start = slot * TERMS_PER_PAPER;
  for (let k = 0; k < TERMS_PER_PAPER; k++) if (vectorTerms[start + k] === term) return vectorWeights[start + k]!;
  return 0;
}
