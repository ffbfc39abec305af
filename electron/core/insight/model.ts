import type { Paper } from '../schema';
import type { LibraryStore } from '../store/store';
import { changedTextsLater, keptPapers } from './kept-papers';
import { newBuildId, type ModelState } from './model-cache';
import { LibraryChanges } from './model-changes';
import { Slots } from './model-slots';
import { breathe, Slices } from './slices';
import { TermIndex } from './term-index';
import { TERMS_PER_PAPER, TermWeights, type Vector } from './weigh';

export { TERMS_PER_PAPER, type Vector } from './weigh';

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
  private readonly table = new Slots();
  private readonly weighing: TermWeights;
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

  private readonly changes: LibraryChanges;
  /**
   * Counts catch-ups that may have moved slots without naming the papers (a full re-read or a rebuild):
   * what a caller keeps by slot must then be recounted, not updated per changed paper.
   */
  layout = 0;
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
  /**
   * Settles once the papers of a model taken from a file (or a thread) have been checked against their texts,
   * each changed one noted to be placed again (see `restore`).
   */
  checked: Promise<void> = Promise.resolve();
  /** The id of the last build (or of the build read from a file). */
  private built: string | undefined;

  /** Terms kept per paper: TERMS_PER_PAPER unless a first model keeps fewer. */
  private readonly keep: number;

  /**
   * `titlesOnly` and `termsPerPaper`: a first model of the titles alone, each by its few heaviest terms, which
   * builds and ranks in a fraction of the time (see library-model.ts's firstModel).
   */
  constructor(
    private readonly store: LibraryStore,
    options: { titlesOnly?: boolean; termsPerPaper?: number } = {},
  ) {
    this.weighing = new TermWeights(options.titlesOnly);
    this.keep = Math.min(options.termsPerPaper ?? TERMS_PER_PAPER, TERMS_PER_PAPER);
    this.changes = new LibraryChanges(store, () => {
      this.stale = true;
      this.version++;
    });
  }

  /** Stop following the library's changes: a model no longer used (a first model once the full one is in). */
  dispose(): void {
    this.changes.dispose();
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
    return this.table.length;
  }

  /** Bytes held by the model's tables. */
  get bytes(): number {
    return this.weighing.bytes + this.table.bytes + this.index.bytes;
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
    const sources = this.table.length === 0 ? this.kept : [];
    this.kept = [];
    for (const source of sources) {
      const unnamed = this.changes.unnamed;
      const state = await source();
      if (state && (await this.restore(state))) {
        // Each paper was just found in the library (its text is checked later): only changes named since need reading.
        if (this.changes.unnamed === unnamed && this.table.live === this.store.size) this.changes.readAll = false;
        break;
      }
    }
    this.stale = false;
    const { added, whole } = this.changes.read(this.table, (slot, counted) => this.forget(slot, counted));
    if (whole) this.newLayout();
    // Count every new paper's terms first, so papers imported together recognise what they share.
    const slices = new Slices();
    for (let i = 0; i < added.length; i++) {
      this.weighing.count(added[i]!, 1);
      const turn = slices.due(i);
      if (turn) await turn;
    }
    this.docs += added.length;
    const grew = this.docs > this.builtWith * REBUILD_FACTOR || this.docs * REBUILD_FACTOR < this.builtWith;
    if (grew || this.dead + this.recentPapers + added.length > this.table.length / 5) {
      await this.rebuild(added);
      this.onBuilt?.();
      return;
    }
    this.recentPapers += added.length;
    for (const paper of added) {
      const slot = this.table.place(paper);
      this.weigh(slot);
      this.index.addRecent(slot, this.table.terms, this.table.weights);
    }
  }

  private newLayout(): void {
    this.layout++;
    this.changes.reread.clear();
  }

  /**
   * The papers the model has re-read one by one since the last call (or since its layout changed):
   * those whose slot or text may have changed. Unlike the store's events, it never names a change the
   * model has not caught up with yet.
   */
  takeReread(): string[] {
    return this.changes.takeReread();
  }

  slot(id: string): number | undefined {
    return this.table.slot(id);
  }

  /** Counts the times a paper was given or lost a slot (see Slots's `moves`). */
  get slotMoves(): number {
    return this.table.moves;
  }

  paperAt(slot: number): Paper | undefined {
    return this.table.paperAt(slot);
  }

  vectorAt(slot: number): Vector {
    return this.table.vectorAt(slot);
  }

  /**
   * Add `vector`'s cosine similarity with every live paper it shares a term with into `scores`
   * (indexed by slot), listing each slot the first time it is touched. `only` (by slot) narrows the
   * papers considered to those with a non-zero entry.
   */
  accumulate(vector: Vector, scores: Float32Array, touched: number[], only?: Float32Array): void {
    // A term a tenth of the library shares says little about which papers are alike, and costs most.
    const common = Math.max(1000, this.docs / 10);
    this.index.accumulate(vector, common, this.table.terms, this.table.weights, scores, touched, only);
  }

  /** Re-weigh every paper with today's document frequencies, in fresh slots, and rebuild the index. */
  private async rebuild(added: Paper[]): Promise<void> {
    const live = [...this.table.all.filter((p): p is Paper => p !== undefined), ...added];
    this.table.clear(live.length);
    this.index.clearRecent();
    this.recentPapers = 0;
    this.dead = 0;
    this.builtWith = this.docs;
    this.built = undefined;
    this.newLayout();
    const slices = new Slices();
    for (let i = 0; i < live.length; i++) {
      this.weigh(this.table.place(live[i]!));
      const turn = slices.due(i);
      if (turn) await turn;
    }
    this.index.build(this.table.length, this.table.terms, this.table.weights);
    this.built = newBuildId();
  }

  /**
   * The slot stays, empty, until the next rebuild; the index skips it. Its paper's terms leave the document
   * frequencies unless they were never `counted` (see Forget): then the text counted stays until a rebuild.
   */
  private forget(slot: number, counted: boolean): void {
    const paper = this.table.empty(slot);
    if (!paper) return;
    if (counted) this.weighing.count(paper, -1);
    this.docs--;
    this.dead++;
  }

  /** Set the slot's vector from today's document frequencies. */
  private weigh(slot: number): void {
    const { terms, weights } = this.table;
    this.weighing.weigh(this.table.paperAt(slot)!, this.docs, terms, weights, slot * TERMS_PER_PAPER, this.keep);
  }

  /**
   * The model as a file keeps it: only right after a build, with nothing placed or removed since (else
   * undefined). The arrays are the model's own: write them before the next change.
   */
  state(): (Omit<ModelState, 'ids' | 'fingerprints'> & { papers: readonly (Paper | undefined)[] }) | undefined {
    if (this.stale || this.updating || this.dead > 0 || this.recentPapers > 0 || !this.built) return undefined;
    const used = this.table.length * TERMS_PER_PAPER;
    return {
      buildId: this.built,
      papers: this.table.all,
      docs: this.docs,
      df: this.weighing.frequencies,
      dfOver: this.weighing.overflow(),
      terms: this.table.terms.subarray(0, used),
      weights: this.table.weights.subarray(0, used),
      index: this.index.arrays(),
    };
  }

  /**
   * Take the model from `state` if each of its papers is still in the library (looked up in chunks); one whose
   * title or abstract is not the one its slot was weighed from is caught up as any change is, once found.
   * Papers added since are placed as new ones by the catch-up that follows.
   */
  private async restore(state: ModelState): Promise<boolean> {
    const papers = await keptPapers(state, this.store, breathe);
    if (!papers) return false;
    // Then, once nothing waits for it, whether each paper still has the text its slot was weighed from: one
    // that does not (edited while the app was closed) is placed again, as after any change.
    this.checked = changedTextsLater(
      state.fingerprints,
      (slot) => this.table.paperAt(slot),
      (paper) => this.changes.retext(paper.id),
      () => this.built === state.buildId,
    );
    this.table.adopt(papers, state.terms, state.weights);
    this.weighing.adoptFrequencies(state.df, state.dfOver);
    this.docs = state.docs;
    this.builtWith = state.docs;
    this.dead = 0;
    this.recentPapers = 0;
    this.index.clearRecent();
    this.index.restore(state.index);
    this.built = state.buildId;
    this.fromFile = state.builtInThread !== true;
    this.fromThread = state.builtInThread === true;
    this.newLayout();
    return true;
  }
}
