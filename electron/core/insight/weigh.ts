import type { Paper } from '../schema';
import { isPlaceholderTitle } from '../stub-merge';
import { HASH_BITS, forEachTerm } from './terms';

/** Terms kept per paper: its most distinctive ones by tf-idf. */
export const TERMS_PER_PAPER = 48;
/** Words per paper read at most (title counted twice). */
const MAX_TOKENS = 4096;
/** The per-paper counting table: twice the most distinct terms a paper can have. */
const TABLE_BITS = 13;

/**
 * A weight as a vector keeps it: the L2-normalised weight (at most 1) in 16 bits, rounded to a 65,535th and
 * never 0 (a zero ends a vector). Half the memory of a float (19 MB less at 100,000 papers, in the vectors and
 * the index together); a dot product moves by at most about 1e-5 from the float's, below the thousandths a score
 * is shown in.
 */
export const WEIGHT_STEPS = 0xffff;
/** The product of two kept weights times this is the product of the weights they stand for. */
export const PRODUCT_UNIT = 1 / (WEIGHT_STEPS * WEIGHT_STEPS);

/** A paper's vector: term hashes and their weights (WEIGHT_STEPS), heaviest first, L2-normalised (cosine = dot product). */
export type Vector = { terms: Int32Array; weights: Uint16Array };

/**
 * Weighing papers' terms by tf-idf: the document frequency of every term in the library, and a
 * paper's TERMS_PER_PAPER heaviest terms from it. Scratch tables are kept between papers, so
 * weighing 100,000 papers allocates nothing per paper.
 */
/**
 * A document frequency at or above this (or below 0) is kept in TermWeights' overflow map, the table saying only
 * this: at 100,000 papers a handful of terms, where a table of 32-bit counts would take 8.4 MB more. (The model
 * never takes out more than it counted, so a count below 0 is only a caller's mistake, kept as it is.)
 */
export const SATURATED = 0xffff;

export class TermWeights {
  /** Each term's document frequency, by hash, in 16 bits; SATURATED ones are in `over`. */
  private df = new Uint16Array(1 << HASH_BITS);
  private over = new Map<number, number>();
  private generation = 0;
  private readonly tableKeys = new Int32Array(1 << TABLE_BITS);
  private readonly tableStamp = new Int32Array(1 << TABLE_BITS);
  private readonly tableAt = new Int32Array(1 << TABLE_BITS);
  private readonly distinct = new Int32Array(MAX_TOKENS);
  private readonly counts = new Int32Array(MAX_TOKENS);
  private readonly scratch = new Float64Array(MAX_TOKENS);
  private readonly select = new Float64Array(MAX_TOKENS);
  /** The kept terms and their weights before they are normalised and rounded. */
  private readonly keptTerms = new Int32Array(TERMS_PER_PAPER);
  private readonly keptWeights = new Float64Array(TERMS_PER_PAPER);
  private idfOf = new Float64Array(0);
  private idfDocs = -1;

  /** `titlesOnly`: read each paper's title and not its abstract (a first model, quick to build: library-model.ts). */
  constructor(private readonly titlesOnly = false) {}

  /** Each term's document frequency, by hash (SATURATED: see `overflow`): what a kept model saves and restores. */
  get frequencies(): Uint16Array<ArrayBuffer> {
    return this.df;
  }

  /** The frequencies the table does not hold (SATURATED or more, or below 0), as pairs of a term and its frequency (a new array). */
  overflow(): Int32Array<ArrayBuffer> {
    const pairs = new Int32Array(2 * this.over.size);
    let at = 0;
    for (const [term, count] of this.over) {
      pairs[at++] = term;
      pairs[at++] = count;
    }
    return pairs;
  }

  /**
   * Take `df` (a kept model's, of the same length) as the document frequencies themselves, not a copy: the
   * table's own zeros, never written, take no memory (8.4 MB at 2^22 terms that a copy would have filled);
   * `overflow` is what `overflow()` gave with them.
   */
  adoptFrequencies(df: Uint16Array<ArrayBuffer>, overflow: Int32Array): void {
    if (df.length !== this.df.length)
      throw new Error(`document frequencies of ${df.length} terms, not ${this.df.length}`);
    const over = new Map<number, number>();
    for (let at = 0; at + 1 < overflow.length; at += 2) over.set(overflow[at]!, overflow[at + 1]!);
    for (const term of over.keys()) {
      if (df[term] !== SATURATED) throw new Error(`document frequency of term ${term} kept twice`);
    }
    this.df = df;
    this.over = over;
  }

  /** Bytes held by the document frequencies and the idf cache. */
  get bytes(): number {
    return this.df.byteLength + 16 * this.over.size + this.idfOf.byteLength;
  }

  /** The number of papers with `term`. */
  private frequency(term: number): number {
    const count = this.df[term]!;
    return count === SATURATED ? (this.over.get(term) ?? SATURATED) : count;
  }

  /**
   * The paper's distinct terms into this.distinct and their counts into this.counts; returns how many.
   * A small hash table stamped per call counts them without clearing or sorting anything.
   */
  private collect(paper: Paper): number {
    const stamp = ++this.generation;
    const { tableKeys, tableStamp, tableAt, distinct, counts } = this;
    const mask = tableKeys.length - 1;
    let found = 0;
    let tokens = 0;
    const push = (hash: number) => {
      if (tokens++ >= MAX_TOKENS) return;
      let at = (hash * 0x9e3779b1) >>> (32 - TABLE_BITS);
      for (;;) {
        if (tableStamp[at] !== stamp) {
          tableStamp[at] = stamp;
          tableKeys[at] = hash;
          tableAt[at] = found;
          distinct[found] = hash;
          counts[found++] = 1;
          return;
        }
        if (tableKeys[at] === hash) {
          counts[tableAt[at]!]!++;
          return;
        }
        at = (at + 1) & mask;
      }
    };
    // A pasted id's placeholder ("arXiv:2401.00001") says nothing of the subject: every such paper would share "arxiv".
    const title = isPlaceholderTitle(paper.title) ? '' : paper.title;
    forEachTerm(title, push);
    // Titles alone: each read once (a first model, whose weights need not be the full model's).
    if (this.titlesOnly) return found;
    // The title counts twice: it says what the paper is about.
    forEachTerm(title, push);
    forEachTerm(paper.abstract, push);
    return found;
  }

  /** Count the paper's terms into the document frequencies (1), or take them out (-1). */
  count(paper: Paper, delta: 1 | -1): void {
    const found = this.collect(paper);
    const { df, distinct } = this;
    for (let i = 0; i < found; i++) {
      const term = distinct[i]!;
      const count = df[term]!;
      const now = (count === SATURATED ? (this.over.get(term) ?? SATURATED) : count) + delta;
      if (now >= 0 && now < SATURATED) {
        df[term] = now;
        if (count === SATURATED) this.over.delete(term);
      } else {
        df[term] = SATURATED;
        this.over.set(term, now);
      }
    }
  }

  /** log(1 + docs / df), remembered per df while the number of papers stays the same. */
  private idf(df: number, docs: number): number {
    if (this.idfDocs !== docs) {
      if (this.idfOf.length <= docs) this.idfOf = new Float64Array(docs + 1);
      else this.idfOf.fill(0);
      this.idfDocs = docs;
    }
    // df counts papers, so it is at most docs; an idf is never 0, so 0 means not yet computed.
    return (this.idfOf[df] ||= Math.log(1 + docs / df));
  }

  /**
   * Write the paper's vector at `start` in `terms` and `weights`: its `keep` (at most TERMS_PER_PAPER) heaviest
   * terms by tf-idf among `docs` papers, heaviest first, normalised; zeros after them.
   */
  weigh(
    paper: Paper,
    docs: number,
    terms: Int32Array,
    weights: Uint16Array,
    start: number,
    keep = TERMS_PER_PAPER,
  ): void {
    const found = this.collect(paper);
    const { distinct, counts, scratch, keptTerms, keptWeights } = this;
    const papers = Math.max(docs, 1);
    let n = 0;
    for (let i = 0; i < found; i++) {
      const df = this.frequency(distinct[i]!);
      // A term no other paper has cannot make two papers alike.
      if (df < 2) continue;
      scratch[n] = TF[counts[i]!]! * this.idf(df, papers);
      distinct[n] = distinct[i]!;
      n++;
    }
    // Keep the heaviest: weights above the keep-th largest (found without sorting them all).
    const threshold = n > keep ? kthLargest(scratch, n, keep, this.select) : -Infinity;
    let kept = 0;
    for (let i = 0; i < n && kept < keep; i++) {
      if (scratch[i]! < threshold) continue;
      // Insertion by weight, heaviest first: at most TERMS_PER_PAPER entries.
      let k = kept++;
      while (k > 0 && keptWeights[k - 1]! < scratch[i]!) {
        keptWeights[k] = keptWeights[k - 1]!;
        keptTerms[k] = keptTerms[k - 1]!;
        k--;
      }
      keptWeights[k] = scratch[i]!;
      keptTerms[k] = distinct[i]!;
    }
    let norm = 0;
    for (let k = 0; k < kept; k++) norm += keptWeights[k]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < kept; k++) {
      terms[start + k] = keptTerms[k]!;
      weights[start + k] = Math.max(1, Math.round((keptWeights[k]! / norm) * WEIGHT_STEPS));
    }
    terms.fill(0, start + kept, start + TERMS_PER_PAPER);
    weights.fill(0, start + kept, start + TERMS_PER_PAPER);
  }
}

/** The k-th largest of values[0..n) (quickselect on a copy in `work`). */
function kthLargest(values: Float64Array, n: number, k: number, work: Float64Array): number {
  work.set(values.subarray(0, n));
  let low = 0;
  let high = n - 1;
  const target = k - 1;
  while (low < high) {
    const pivot = work[(low + high) >>> 1]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (work[i]! > pivot) i++;
      while (work[j]! < pivot) j--;
      if (i <= j) {
        const t = work[i]!;
        work[i] = work[j]!;
        work[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else break;
  }
  return work[target]!;
}

/** 1 + log(count), the weight of a term's count in a paper, for every count a paper can have. */
const TF = Float64Array.from({ length: MAX_TOKENS + 1 }, (_, count) => 1 + Math.log(count));
