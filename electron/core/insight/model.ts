import type { Paper } from '../schema';
import type { LibraryStore } from '../store/store';
import { HASH_BITS, forEachTerm } from './terms';

/** Terms kept per paper: its most distinctive ones by tf-idf. */
export const TERMS_PER_PAPER = 48;
/** Words per paper read at most (title counted twice). */
const MAX_TOKENS = 4096;
/** The per-paper counting table: twice the most distinct terms a paper can have. */
const TABLE_BITS = 13;
/** Papers read between turns of the event loop while building. */
const CHUNK = 1000;
/** Everything is re-weighed and re-indexed when the library has grown or shrunk by this factor. */
const REBUILD_FACTOR = 1.3;

/** A paper's vector: term hashes and their weights, heaviest first, L2-normalised (cosine = dot product). */
export type Vector = { terms: Int32Array; weights: Float32Array };

/**
 * A tf-idf model over titles and abstracts (words and two-word phrases), kept current with the library.
 * Each paper has a slot holding its TERMS_PER_PAPER heaviest terms; an inverted index (term → slots)
 * answers "which papers share these terms" without reading every paper. A change in the library marks
 * the model stale; the next question re-reads only papers whose title or abstract changed. Papers added
 * since the last rebuild sit in a small side index; slots of removed papers stay empty until then.
 */
export class TextModel {
  private readonly slotOf = new Map<string, number>();
  private papers: (Paper | undefined)[] = [];
  private terms = new Int32Array(0);
  private weights = new Float32Array(0);
  private readonly df = new Int32Array(1 << HASH_BITS);
  private docs = 0;
  private builtWith = 0;
  private dead = 0;
  private recentPapers = 0;
  private stale = true;
  /** Counts the library's changes, so callers can cache what they derive from it. */
  version = 0;
  private updating: Promise<void> | undefined;
  /** The inverted index of the last rebuild: sorted terms, and for each its run of slots and weights. */
  private indexTerms = new Int32Array(0);
  private indexStart = new Int32Array(1);
  private indexSlots = new Int32Array(0);
  private indexWeights = new Float32Array(0);
  /** Postings of papers placed since the last rebuild. */
  private readonly recent = new Map<number, number[]>();
  private generation = 0;
  private readonly tableKeys = new Int32Array(1 << TABLE_BITS);
  private readonly tableStamp = new Int32Array(1 << TABLE_BITS);
  private readonly tableAt = new Int32Array(1 << TABLE_BITS);
  private readonly distinct = new Int32Array(MAX_TOKENS);
  private readonly counts = new Int32Array(MAX_TOKENS);
  private readonly scratch = new Float64Array(MAX_TOKENS);
  private readonly select = new Float64Array(MAX_TOKENS);
  private seen = new Uint8Array(0);
  private idfOf = new Float64Array(0);
  private idfDocs = -1;

  /** Papers named by change events since the last catch-up; the next one re-reads only these. */
  private pending = new Set<string>();
  /** Set when a change named no papers: the next catch-up compares every paper. */
  private readAll = true;
  /**
   * Counts catch-ups that may have moved slots without naming the papers (a full re-read or a rebuild):
   * what a caller keeps by slot must then be recounted, not updated per changed paper.
   */
  layout = 0;
  /** Papers re-read per paper since the layout last changed, for what callers keep by slot. */
  private readonly reread = new Set<string>();

  constructor(private readonly store: LibraryStore) {
    store.onChange((event) => {
      if (event.ids.length === 0) this.readAll = true;
      for (const id of event.ids) this.pending.add(id);
      this.stale = true;
      this.version++;
    });
  }

  /** Papers the model knows. */
  get size(): number {
    return this.docs;
  }

  /** Slots in use or dead: the length of per-slot arrays a caller allocates. */
  get slots(): number {
    return this.papers.length;
  }

  /** Bytes held by the model's tables. */
  get bytes(): number {
    return (
      this.df.byteLength +
      this.terms.byteLength +
      this.weights.byteLength +
      this.indexTerms.byteLength +
      this.indexStart.byteLength +
      this.indexSlots.byteLength +
      this.indexWeights.byteLength +
      this.idfOf.byteLength +
      this.papers.length * 24
    );
  }

  /**
   * Bring the model up to date with the library: cheap when little changed; a first build reads every
   * title and abstract in chunks, giving the event loop back between them so the app stays responsive.
   */
  update(): Promise<void> {
    // Without this, an update with nothing to do would finish inside `??=` and leave a settled promise behind.
    if (!this.stale && !this.updating) return Promise.resolve();
    this.updating ??= (async () => {
      try {
        while (this.stale) await this.catchUp();
      } finally {
        this.updating = undefined;
      }
    })();
    return this.updating;
  }

  private async catchUp(): Promise<void> {
    this.stale = false;
    const changed = this.pending;
    this.pending = new Set();
    let added: Paper[] = [];
    // Per changed paper, unless a change named none or the count shows one went unnamed.
    if (this.readAll || !this.readChanged(changed, added)) {
      this.readAll = false;
      added = this.readEvery();
      this.newLayout();
    }
    // Count every new paper's terms first, so papers imported together recognise what they share.
    for (let i = 0; i < added.length; i++) {
      this.countTerms(added[i]!, 1);
      if (i % CHUNK === CHUNK - 1) await breathe();
    }
    this.docs += added.length;
    const grew = this.docs > this.builtWith * REBUILD_FACTOR || this.docs * REBUILD_FACTOR < this.builtWith;
    if (grew || this.dead + this.recentPapers + added.length > this.papers.length / 5) {
      await this.rebuild(added);
      return;
    }
    this.recentPapers += added.length;
    for (const paper of added) {
      const slot = this.place(paper);
      this.weigh(slot);
      const start = slot * TERMS_PER_PAPER;
      for (let k = 0; k < TERMS_PER_PAPER && this.weights[start + k]! > 0; k++) {
        const term = this.terms[start + k]!;
        const list = this.recent.get(term);
        if (list) list.push(slot);
        else this.recent.set(term, [slot]);
      }
    }
  }

  /** Compare the papers in `ids` with what the model holds; false when the library's size says others changed too. */
  private readChanged(ids: Set<string>, added: Paper[]): boolean {
    for (const id of ids) {
      this.reread.add(id);
      const paper = this.store.get(id);
      const slot = this.slotOf.get(id);
      if (slot === undefined) {
        if (paper) added.push(paper);
      } else if (!paper) {
        this.forget(slot);
      } else {
        this.compare(slot, paper, added);
      }
    }
    return this.slotOf.size + added.length === this.store.size;
  }

  /** Compare every paper of the library with what the model holds; returns the papers to (re)place. */
  private readEvery(): Paper[] {
    if (this.seen.length < this.papers.length) this.seen = new Uint8Array(this.papers.length);
    this.seen.fill(0);
    const added: Paper[] = [];
    for (const paper of this.store.all()) {
      const slot = this.slotOf.get(paper.id);
      if (slot === undefined) {
        added.push(paper);
        continue;
      }
      this.seen[slot] = 1;
      this.compare(slot, paper, added);
    }
    for (const slot of this.slotOf.values()) if (!this.seen[slot]) this.forget(slot);
    return added;
  }

  /** Keep the slot if the paper's text is unchanged, else free it and list the paper to be placed again. */
  private compare(slot: number, paper: Paper, added: Paper[]): void {
    const known = this.papers[slot]!;
    if (known === paper) return;
    if (known.title === paper.title && known.abstract === paper.abstract) {
      this.papers[slot] = paper;
    } else {
      this.forget(slot);
      added.push(paper);
    }
  }

  private newLayout(): void {
    this.layout++;
    this.reread.clear();
  }

  /**
   * The papers the model has re-read one by one since the last call (or since its layout changed):
   * those whose slot or text may have changed. Unlike the store's events, it never names a change the
   * model has not caught up with yet.
   */
  takeReread(): string[] {
    const ids = [...this.reread];
    this.reread.clear();
    return ids;
  }

  slot(id: string): number | undefined {
    return this.slotOf.get(id);
  }

  paperAt(slot: number): Paper | undefined {
    return this.papers[slot];
  }

  vectorAt(slot: number): Vector {
    const start = slot * TERMS_PER_PAPER;
    return {
      terms: this.terms.subarray(start, start + TERMS_PER_PAPER),
      weights: this.weights.subarray(start, start + TERMS_PER_PAPER),
    };
  }

  /**
   * Add `vector`'s cosine similarity with every live paper it shares a term with into `scores`
   * (indexed by slot), listing each slot the first time it is touched. `only` (by slot) narrows the
   * papers considered to those with a non-zero entry.
   */
  accumulate(vector: Vector, scores: Float32Array, touched: number[], only?: Float32Array): void {
    const common = Math.max(1000, this.docs / 10);
    for (let i = 0; i < TERMS_PER_PAPER; i++) {
      const w = vector.weights[i]!;
      if (w === 0) break;
      const term = vector.terms[i]!;
      const at = this.findTerm(term);
      // A term a tenth of the library shares says little about which papers are alike, and costs most.
      // Skipped for every paper alike, so that a paper's likeness to another is the other's to it.
      if (at !== -1 && this.indexStart[at + 1]! - this.indexStart[at]! > common) continue;
      if (at !== -1) {
        const end = this.indexStart[at + 1]!;
        for (let p = this.indexStart[at]!; p < end; p++) {
          const slot = this.indexSlots[p]!;
          if (only && only[slot] === 0) continue;
          if (scores[slot] === 0) touched.push(slot);
          scores[slot]! += w * this.indexWeights[p]!;
        }
      }
      const recent = this.recent.get(term);
      if (recent) {
        for (const slot of recent) {
          if (only && only[slot] === 0) continue;
          const weight = this.weightOf(slot, term);
          if (scores[slot] === 0) touched.push(slot);
          scores[slot]! += w * weight;
        }
      }
    }
  }

  /** The `limit` live papers most similar to the paper in `slot`, best first. */
  nearest(slot: number, limit: number): { slot: number; score: number }[] {
    const scores = new Float32Array(this.papers.length);
    const touched: number[] = [];
    this.accumulate(this.vectorAt(slot), scores, touched);
    const found: { slot: number; score: number }[] = [];
    for (const other of touched) {
      if (other !== slot && this.papers[other]) found.push({ slot: other, score: scores[other]! });
    }
    return found.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  private weightOf(slot: number, term: number): number {
    const start = slot * TERMS_PER_PAPER;
    for (let k = 0; k < TERMS_PER_PAPER; k++) if (this.terms[start + k] === term) return this.weights[start + k]!;
    return 0;
  }

  private findTerm(term: number): number {
    const terms = this.indexTerms;
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

  /** Re-weigh every paper with today's document frequencies, in fresh slots, and rebuild the index. */
  private async rebuild(added: Paper[]): Promise<void> {
    const live = [...this.papers.filter((p): p is Paper => p !== undefined), ...added];
    this.papers = [];
    this.slotOf.clear();
    this.recent.clear();
    this.recentPapers = 0;
    this.dead = 0;
    this.terms = new Int32Array(live.length * TERMS_PER_PAPER);
    this.weights = new Float32Array(live.length * TERMS_PER_PAPER);
    this.builtWith = this.docs;
    this.newLayout();
    for (let i = 0; i < live.length; i++) {
      this.weigh(this.place(live[i]!));
      if (i % CHUNK === CHUNK - 1) await breathe();
    }
    this.buildIndex();
  }

  /** The inverted index by a counting sort over the term space: linear, no comparison sort. */
  private buildIndex(): void {
    const total = this.papers.length * TERMS_PER_PAPER;
    if (this.papers.length < 20_000) return this.buildSmallIndex(total);
    const runs = new Int32Array((1 << HASH_BITS) + 1);
    let count = 0;
    for (let p = 0; p < total; p++) {
      if (this.weights[p] === 0) continue;
      runs[this.terms[p]! + 1]!++;
      count++;
    }
    const terms: number[] = [];
    for (let term = 0; term < 1 << HASH_BITS; term++) {
      if (runs[term + 1] !== 0) terms.push(term);
      runs[term + 1]! += runs[term]!;
    }
    const slots = new Int32Array(count);
    const weights = new Float32Array(count);
    const next = runs; // runs[term] is now where the term's run starts; it advances as the run fills
    for (let p = 0; p < total; p++) {
      if (this.weights[p] === 0) continue;
      const at = next[this.terms[p]!]!++;
      slots[at] = Math.floor(p / TERMS_PER_PAPER);
      weights[at] = this.weights[p]!;
    }
    // After filling, next[term] is where the term's run ends: the starts are the previous term's ends.
    this.indexTerms = Int32Array.from(terms);
    this.indexStart = new Int32Array(terms.length + 1);
    for (let i = 0; i < terms.length; i++) this.indexStart[i + 1] = next[terms[i]!]!;
    this.indexSlots = slots;
    this.indexWeights = weights;
  }

  /** The same index by sorting (term, position) keys: cheaper than a pass over the term space for small libraries. */
  private buildSmallIndex(total: number): void {
    const keys: number[] = [];
    for (let p = 0; p < total; p++) if (this.weights[p] !== 0) keys.push(this.terms[p]! * 2 ** 30 + p);
    keys.sort((a, b) => a - b);
    const terms: number[] = [];
    const starts: number[] = [];
    this.indexSlots = new Int32Array(keys.length);
    this.indexWeights = new Float32Array(keys.length);
    keys.forEach((key, i) => {
      const term = Math.floor(key / 2 ** 30);
      const position = key - term * 2 ** 30;
      if (terms.at(-1) !== term) {
        terms.push(term);
        starts.push(i);
      }
      this.indexSlots[i] = Math.floor(position / TERMS_PER_PAPER);
      this.indexWeights[i] = this.weights[position]!;
    });
    starts.push(keys.length);
    this.indexTerms = Int32Array.from(terms);
    this.indexStart = Int32Array.from(starts);
  }

  private place(paper: Paper): number {
    const slot = this.papers.length;
    this.papers.push(paper);
    if (this.terms.length < this.papers.length * TERMS_PER_PAPER) {
      const capacity = Math.max(1024, this.papers.length * 2) * TERMS_PER_PAPER;
      const terms = new Int32Array(capacity);
      terms.set(this.terms);
      const weights = new Float32Array(capacity);
      weights.set(this.weights);
      this.terms = terms;
      this.weights = weights;
    }
    this.slotOf.set(paper.id, slot);
    return slot;
  }

  /** The slot stays, empty, until the next rebuild; the index skips it. */
  private forget(slot: number): void {
    const paper = this.papers[slot];
    if (!paper) return;
    this.countTerms(paper, -1);
    this.docs--;
    this.dead++;
    this.papers[slot] = undefined;
    this.slotOf.delete(paper.id);
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
    // The title counts twice: it says what the paper is about.
    forEachTerm(paper.title, push);
    forEachTerm(paper.title, push);
    forEachTerm(paper.abstract, push);
    return found;
  }

  private countTerms(paper: Paper, delta: 1 | -1): void {
    const found = this.collect(paper);
    for (let i = 0; i < found; i++) this.df[this.distinct[i]!]! += delta;
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

  /** Set the slot's vector: its TERMS_PER_PAPER heaviest terms by tf-idf, heaviest first, normalised. */
  private weigh(slot: number): void {
    const found = this.collect(this.papers[slot]!);
    const { distinct, counts, scratch } = this;
    const docs = Math.max(this.docs, 1);
    let n = 0;
    for (let i = 0; i < found; i++) {
      const df = this.df[distinct[i]!]!;
      // A term no other paper has cannot make two papers alike.
      if (df < 2) continue;
      scratch[n] = TF[counts[i]!]! * this.idf(df, docs);
      distinct[n] = distinct[i]!;
      n++;
    }
    // Keep the heaviest: weights above the TERMS_PER_PAPER-th largest (found without sorting them all).
    const threshold = n > TERMS_PER_PAPER ? kthLargest(scratch, n, TERMS_PER_PAPER, this.select) : -Infinity;
    const start = slot * TERMS_PER_PAPER;
    let kept = 0;
    for (let i = 0; i < n && kept < TERMS_PER_PAPER; i++) {
      if (scratch[i]! < threshold) continue;
      // Insertion by weight, heaviest first: at most TERMS_PER_PAPER entries.
      let k = kept++;
      while (k > 0 && this.weights[start + k - 1]! < scratch[i]!) {
        this.weights[start + k] = this.weights[start + k - 1]!;
        this.terms[start + k] = this.terms[start + k - 1]!;
        k--;
      }
      this.weights[start + k] = scratch[i]!;
      this.terms[start + k] = distinct[i]!;
    }
    let norm = 0;
    for (let k = 0; k < kept; k++) norm += this.weights[start + k]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < kept; k++) this.weights[start + k]! /= norm;
    this.weights.fill(0, start + kept, start + TERMS_PER_PAPER);
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

const models = new WeakMap<LibraryStore, TextModel>();

/** The library's model, built on first use and kept current from then on. */
export async function modelFor(store: LibraryStore): Promise<TextModel> {
  let model = models.get(store);
  if (!model) {
    model = new TextModel(store);
    models.set(store, model);
  }
  await model.update();
  return model;
}

/** Give the event loop a turn. */
export function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
