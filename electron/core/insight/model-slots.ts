import type { Paper } from '../schema';
import { TERMS_PER_PAPER, type Vector } from './weigh';

/**
 * The model's papers by slot, each slot's vector (its TERMS_PER_PAPER heaviest terms and their weights, in
 * two flat arrays) and which slot holds which paper. A paper removed leaves its slot empty; slots are only
 * given out afresh by `clear` (a rebuild) or `adopt` (a model read from its file).
 */
export class Slots {
  private readonly slotOf = new Map<string, number>();
  private papers: (Paper | undefined)[] = [];
  terms = new Int32Array(0);
  weights = new Uint16Array(0);
  /** Counts the times a paper was given or lost a slot: what a caller keeps by slot is good while it stays. */
  moves = 0;

  /** Slots in use or empty. */
  get length(): number {
    return this.papers.length;
  }

  /** Papers holding a slot. */
  get live(): number {
    return this.slotOf.size;
  }

  get bytes(): number {
    return this.terms.byteLength + this.weights.byteLength + this.papers.length * 24;
  }

  /** Every paper by slot, undefined for an empty one: the model's own array, not to be changed. */
  get all(): readonly (Paper | undefined)[] {
    return this.papers;
  }

  slot(id: string): number | undefined {
    return this.slotOf.get(id);
  }

  paperAt(slot: number): Paper | undefined {
    return this.papers[slot];
  }

  /** Each slot holding a paper. */
  held(): IterableIterator<number> {
    return this.slotOf.values();
  }

  vectorAt(slot: number): Vector {
    const start = slot * TERMS_PER_PAPER;
    return {
      terms: this.terms.subarray(start, start + TERMS_PER_PAPER),
      weights: this.weights.subarray(start, start + TERMS_PER_PAPER),
    };
  }

  /** The same paper (its text unchanged) in `slot`, as a newer object. */
  renew(slot: number, paper: Paper): void {
    this.papers[slot] = paper;
  }

  /** A new slot for `paper`, its vector still to be written. */
  place(paper: Paper): number {
    const slot = this.papers.length;
    this.papers.push(paper);
    if (this.terms.length < this.papers.length * TERMS_PER_PAPER) {
      const capacity = Math.max(1024, this.papers.length * 2) * TERMS_PER_PAPER;
      const terms = new Int32Array(capacity);
      terms.set(this.terms);
      const weights = new Uint16Array(capacity);
      weights.set(this.weights);
      this.terms = terms;
      this.weights = weights;
    }
    this.slotOf.set(paper.id, slot);
    this.moves++;
    return slot;
  }

  /** Empty `slot`; returns the paper it held, if any. */
  empty(slot: number): Paper | undefined {
    const paper = this.papers[slot];
    if (!paper) return undefined;
    this.papers[slot] = undefined;
    this.slotOf.delete(paper.id);
    this.moves++;
    return paper;
  }

  /** No slot, with room for the vectors of `papers` papers. */
  clear(papers: number): void {
    this.papers = [];
    this.slotOf.clear();
    this.moves++;
    this.terms = new Int32Array(papers * TERMS_PER_PAPER);
    this.weights = new Uint16Array(papers * TERMS_PER_PAPER);
  }

  /** Take `papers` in their slots, with their vectors (a model read from its file). */
  adopt(papers: Paper[], terms: Int32Array<ArrayBuffer>, weights: Uint16Array<ArrayBuffer>): void {
    this.papers = papers;
    this.slotOf.clear();
    papers.forEach((paper, slot) => this.slotOf.set(paper.id, slot));
    this.moves++;
    this.terms = terms;
    this.weights = weights;
  }
}
