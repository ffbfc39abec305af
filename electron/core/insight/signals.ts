import type { Paper } from '../schema';
import type { LibraryStore } from '../store/store';
import type { TextModel } from './model';

export type SignalKind = 'read' | 'reading' | 'queued' | 'noted' | 'highlighted' | 'tagged' | 'dismissed';
/** A paper re-read by the model: the slot its signal had, if any, and the slot it holds now. */
export type SignalChange = { was?: number; now?: number };
/** How much a paper says about what the reader wants, and in which words. */
type Signal = { weight: number; kind: SignalKind };

export function signalOf(paper: Paper): Signal | undefined {
  if (paper.status === 'dismissed') return { weight: 1, kind: 'dismissed' };
  // The strongest sign wins (the first listed on a tie). No closure: this runs for every paper of a recount.
  let weight = 0;
  let kind: SignalKind | undefined;
  if (paper.status === 'read') {
    weight = 1;
    kind = 'read';
  } else if (paper.status === 'reading') {
    weight = 0.9;
    kind = 'reading';
  } else if (paper.status === 'queued') {
    weight = 0.7;
    kind = 'queued';
  }
  if (weight < 1 && paper.note.trim()) {
    weight = 1;
    kind = 'noted';
  }
  if (weight < 1 && paper.annotations.length) {
    weight = 1;
    kind = 'highlighted';
  }
  if (weight < 0.7 && paper.tags.length) {
    weight = 0.7;
    kind = 'tagged';
  }
  if (paper.status === 'inbox' && kind !== 'noted' && kind !== 'highlighted') return undefined;
  return kind ? { weight, kind } : undefined;
}

/**
 * What each paper says about the reader's interests, by model slot. Counted once over the library,
 * then kept current per paper the model re-read after a change, so a ranking after a triage decision
 * costs no pass over the library. Recounted whole when the model moved slots without naming papers.
 * Following the model rather than the store's events keeps the two in step when a change lands
 * between the model's catch-up and the ranking: that paper waits for the next catch-up in both.
 */
export class Signals {
  /** By slot: positive for what the reader kept, negative for what they dismissed, 0 for neither. */
  weightOf = new Float32Array(0);
  kindOf: (SignalKind | undefined)[] = [];
  /** Papers kept, read or marked: those with a positive weight. */
  positives = 0;
  /** The slot each paper with a signal holds it in, to clear it when the paper changes or moves. */
  private readonly slotOfId = new Map<string, number>();
  private layout = -1;
  /** Counted afresh this many times: a change log kept against an older count does not apply. */
  recounts = 0;
  /**
   * Each paper re-read since the last recount (a new signal, a moved slot or new text) and not yet taken
   * (`changesFrom`): the slot its signal had, if any, and the slot it holds now. Rankings kept between calls
   * catch up from it.
   */
  private log: SignalChange[] = [];
  /** Changes logged since the last recount and let go once taken: the log's first entry is the next one's. */
  private taken = 0;

  constructor(
    private readonly store: LibraryStore,
    private readonly model: TextModel,
  ) {}

  /** Changes logged since the last recount: the place a reader of the log has read up to once it has them all. */
  get logged(): number {
    return this.taken + this.log.length;
  }

  /**
   * The changes logged from `from` (what `logged` said) on, read once: the log lets go of them. Undefined when
   * some were let go before (taken from an earlier place): the reader starts afresh.
   */
  changesFrom(from: number): readonly SignalChange[] | undefined {
    if (from < this.taken || from > this.logged) return undefined;
    const changes = from === this.taken ? this.log : this.log.slice(from - this.taken);
    this.taken = this.logged;
    this.log = [];
    return changes;
  }

  /** Bring the signals up to date; call after the model's update, whose slots they follow. */
  refresh(): void {
    if (this.layout !== this.model.layout) {
      this.recount();
      return;
    }
    if (this.weightOf.length < this.model.slots) {
      const grown = new Float32Array(Math.max(this.model.slots, this.weightOf.length * 2));
      grown.set(this.weightOf);
      this.weightOf = grown;
    }
    const reread = this.model.takeReread();
    // A long log nobody reads is dropped: whoever reads it next starts afresh. Only what is unread counts (a log
    // kept whole since the last recount made every 20,000th paper changed, ten bulk dismissals of 2,000, start
    // every ranking over: seconds at 100,000 papers).
    if (this.log.length + reread.length > MAX_CHANGES) {
      this.recount();
      return;
    }
    for (const id of reread) {
      const was = this.slotOfId.get(id);
      this.clear(id);
      const paper = this.store.get(id);
      if (paper) this.set(paper);
      this.log.push({ was, now: this.model.slot(id) });
    }
  }

  private recount(): void {
    this.recounts++;
    this.log = [];
    this.taken = 0;
    this.layout = this.model.layout;
    this.weightOf = new Float32Array(this.model.slots);
    // Filled up front: an array written at scattered indexes from empty turns into a slow dictionary.
    this.kindOf = new Array<SignalKind | undefined>(this.model.slots).fill(undefined);
    this.positives = 0;
    this.slotOfId.clear();
    for (const paper of this.store.all()) this.set(paper);
  }

  private set(paper: Paper): void {
    const signal = signalOf(paper);
    const slot = signal && this.model.slot(paper.id);
    if (!signal || slot === undefined) return;
    this.weightOf[slot] = signal.kind === 'dismissed' ? -signal.weight : signal.weight;
    this.kindOf[slot] = signal.kind;
    if (signal.kind !== 'dismissed') this.positives++;
    this.slotOfId.set(paper.id, slot);
  }

  private clear(id: string): void {
    const slot = this.slotOfId.get(id);
    if (slot === undefined) return;
    if (this.weightOf[slot]! > 0) this.positives--;
    this.weightOf[slot] = 0;
    this.kindOf[slot] = undefined;
    this.slotOfId.delete(id);
  }
}

/** Past this many changes unread, the log is dropped and its reader recounts. */
const MAX_CHANGES = 20_000;

const signalsByModel = new WeakMap<TextModel, Signals>();

/** The signals over `model`'s slots, current with the library (the model must be updated first). */
export function signalsFor(store: LibraryStore, model: TextModel): Signals {
  let signals = signalsByModel.get(model);
  if (!signals) {
    signals = new Signals(store, model);
    signalsByModel.set(model, signals);
  }
  signals.refresh();
  return signals;
}
