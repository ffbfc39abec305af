import type { Paper } from '../schema';
import type { LibraryStore } from '../store/store';
import { keptPapers, newBuildId, type ModelState } from './model-cache';
import { TermIndex } from './term-index';
import { TERMS_PER_PAPER, TermWeights, type Vector } from './weigh';

export { TERMS_PER_PAPER, type Vector } from './weigh';

/** Papers read between turns of the event loop while building. */
const CHUNK = 1000;
/** Everything is re-weighed and re-indexed when the library has grown or shrunk by this factor. */
const REBUILD_FACTOR = 1.3;

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
  private readonly weighing = new TermWeights();
  private docs = 0;
  private builtWith = 0;
  private dead = 0;
  private recentPapers = 0;
  private stale = true;
  /** Counts the library's changes, so callers can cache what they derive from it. */
  version = 0;
  private updating: Promise<void> | undefined;
  /** Which papers have which terms: those of the last rebuild, and those placed since. */
  private readonly index = new TermIndex();
  private seen = new Uint8Array(0);

  /** Papers named by change events since the last catch-up; the next one re-reads only these. */
  private pending = new Set<string>();
  /** Set when a change named no papers: the next catch-up compares every paper. */
  private readAll = true;
  /** Counts changes that named no papers. */
  private unnamed = 0;
  /**
   * Counts catch-ups that may have moved slots without naming the papers (a full re-read or a rebuild):
   * what a caller keeps by slot must then be recounted, not updated per changed paper.
   */
  layout = 0;
  /** Papers re-read per paper since the layout last changed, for what callers keep by slot. */
  private readonly reread = new Set<string>();
  /**
   * Where a first build may take the model from instead, tried in turn until one fits the library (a file an
   * earlier run kept, then a build in a worker thread); asked once.
   */
  kept: (() => Promise<ModelState | undefined>)[] = [];
  /** True once the model was taken from a kept file rather than built. */
  fromFile = false;
  /** True once the model was built in a worker thread rather than here. */
  fromThread = false;
  /** Called after each build, when the model is as a file would keep it (see `state`). */
  onBuilt: (() => void) | undefined;
  /** The id of the last build (or of the build read from a file). */
  private built: string | undefined;

  constructor(private readonly store: LibraryStore) {
    store.onChange((event) => {
      if (event.ids.length === 0) {
        this.readAll = true;
        this.unnamed++;
      }
      for (const id of event.ids) this.pending.add(id);
      this.stale = true;
      this.version++;
    });
  }

  /** Papers the model knows. */
  get size(): number {
    return this.docs;
  }

  /**
   * The id of the build the model is, while nothing has been placed or removed since (else undefined): what
   * is worked out from the model can be kept under it, as it holds for the model a file keeps under that id.
   */
  get buildId(): string | undefined {
    return this.dead > 0 || this.recentPapers > 0 ? undefined : this.built;
  }

  /** Slots in use or dead: the length of per-slot arrays a caller allocates. */
  get slots(): number {
    return this.papers.length;
  }

  /** Bytes held by the model's tables. */
  get bytes(): number {
    return (
      this.weighing.bytes + this.terms.byteLength + this.weights.byteLength + this.index.bytes + this.papers.length * 24
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
    const sources = this.papers.length === 0 ? this.kept : [];
    this.kept = [];
    for (const source of sources) {
      const unnamed = this.unnamed;
      const state = await source();
      if (state && (await this.restore(state))) {
        // Each paper was just checked against the library: only changes named since need reading.
        if (this.unnamed === unnamed && this.slotOf.size === this.store.size) this.readAll = false;
        break;
      }
    }
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
      this.weighing.count(added[i]!, 1);
      if (i % CHUNK === CHUNK - 1) await breathe();
    }
    this.docs += added.length;
    const grew = this.docs > this.builtWith * REBUILD_FACTOR || this.docs * REBUILD_FACTOR < this.builtWith;
    if (grew || this.dead + this.recentPapers + added.length > this.papers.length / 5) {
      await this.rebuild(added);
      this.onBuilt?.();
      return;
    }
    this.recentPapers += added.length;
    for (const paper of added) {
      const slot = this.place(paper);
      this.weigh(slot);
      this.index.addRecent(slot, this.terms, this.weights);
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
    // A term a tenth of the library shares says little about which papers are alike, and costs most.
    const common = Math.max(1000, this.docs / 10);
    this.index.accumulate(vector, common, this.terms, this.weights, scores, touched, only);
  }

  /** Re-weigh every paper with today's document frequencies, in fresh slots, and rebuild the index. */
  private async rebuild(added: Paper[]): Promise<void> {
    const live = [...this.papers.filter((p): p is Paper => p !== undefined), ...added];
    this.papers = [];
    this.slotOf.clear();
    this.index.clearRecent();
    this.recentPapers = 0;
    this.dead = 0;
    this.terms = new Int32Array(live.length * TERMS_PER_PAPER);
    this.weights = new Float32Array(live.length * TERMS_PER_PAPER);
    this.builtWith = this.docs;
    this.built = undefined;
    this.newLayout();
    for (let i = 0; i < live.length; i++) {
      this.weigh(this.place(live[i]!));
      if (i % CHUNK === CHUNK - 1) await breathe();
    }
    this.index.build(this.papers.length, this.terms, this.weights);
    this.built = newBuildId();
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
    this.weighing.count(paper, -1);
    this.docs--;
    this.dead++;
    this.papers[slot] = undefined;
    this.slotOf.delete(paper.id);
  }

  /** Set the slot's vector from today's document frequencies. */
  private weigh(slot: number): void {
    this.weighing.weigh(this.papers[slot]!, this.docs, this.terms, this.weights, slot * TERMS_PER_PAPER);
  }

  /**
   * The model as a file keeps it: only right after a build, with nothing placed or removed since (else
   * undefined). The arrays are the model's own: write them before the next change.
   */
  state(): (Omit<ModelState, 'ids' | 'fingerprints'> & { papers: readonly (Paper | undefined)[] }) | undefined {
    if (this.stale || this.updating || this.dead > 0 || this.recentPapers > 0 || !this.built) return undefined;
    const used = this.papers.length * TERMS_PER_PAPER;
    return {
      buildId: this.built,
      papers: this.papers,
      docs: this.docs,
      df: this.weighing.frequencies,
      terms: this.terms.subarray(0, used),
      weights: this.weights.subarray(0, used),
      index: this.index.arrays(),
    };
  }

  /**
   * Take the model from `state` if each of its papers is still in the library with the same title and
   * abstract (checked in chunks; a paper changed after its check is caught up as any change is).
   * Papers added since are placed as new ones by the catch-up that follows.
   */
  private async restore(state: ModelState): Promise<boolean> {
    const papers = await keptPapers(state, this.store, breathe);
    if (!papers) return false;
    this.papers = papers;
    this.slotOf.clear();
    papers.forEach((paper, slot) => this.slotOf.set(paper.id, slot));
    this.weighing.frequencies.set(state.df);
    this.docs = state.docs;
    this.builtWith = state.docs;
    this.dead = 0;
    this.recentPapers = 0;
    this.terms = state.terms;
    this.weights = state.weights;
    this.index.clearRecent();
    this.index.restore(state.index);
    this.built = state.buildId;
    this.fromFile = state.builtInThread !== true;
    this.fromThread = state.builtInThread === true;
    this.newLayout();
    return true;
  }
}

/** Give the event loop a turn. */
export function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
