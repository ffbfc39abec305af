import type { TextModel } from './model';
import type { SignalChange, Signals } from './signals';

/** Dismissed papers count against a paper, a little less than kept ones count for it. */
const NEGATIVE_WEIGHT = 0.6;

/** Entries per paper in Likeness: its three likest kept papers, then its three likest dismissed ones. */
const BEST = 6;
export const NONE = -1;

/** A likeness as a file keeps it (likeness-cache.ts): by slot, BEST entries each, and the signals it learnt. */
export type KeptLikeness = {
  weights: Float32Array<ArrayBuffer>;
  valid: Uint8Array<ArrayBuffer>;
  slots: Int32Array<ArrayBuffer>;
  values: Float64Array<ArrayBuffer>;
};

/**
 * Each inbox paper's three likest kept papers and three likest dismissed ones (their likeness times
 * their weight), kept between rankings. A triage decision changes one paper's signal: the papers that
 * counted it are worked out again, and the others only learn its new likeness (one pass over its
 * terms), so ranking a large inbox again after a change costs milliseconds rather than seconds. A new
 * paper count (an import), or signals counted afresh, starts over.
 */
class Likeness {
  private recounts = -1;
  private docs = -1;
  private read = 0;
  private valid = new Uint8Array(0);
  private readonly best: { slots: Int32Array; values: Float64Array } = {
    slots: new Int32Array(0),
    values: new Float64Array(0),
  };
  private scores = new Float32Array(0);
  private readonly touched: number[] = [];

  constructor(
    private readonly model: TextModel,
    private readonly signals: Signals,
  ) {}

  /** Catch up with the signals' changes since the last ranking. */
  catchUp(): void {
    const { model, signals } = this;
    const changes =
      signals.recounts === this.recounts && model.size === this.docs ? signals.changesFrom(this.read) : undefined;
    this.read = signals.logged;
    if (!changes) {
      this.recounts = signals.recounts;
      this.docs = model.size;
      this.valid = new Uint8Array(model.slots);
      this.best.slots = new Int32Array(model.slots * BEST).fill(NONE);
      this.best.values = new Float64Array(model.slots * BEST);
      this.scores = new Float32Array(model.slots);
      return;
    }
    this.grow(model.slots);
    this.apply(changes);
  }

  /**
   * Learn the signals' changes: papers that counted a changed one are worked out again when next asked,
   * the others learn each changed paper's likeness to them under its new signal.
   */
  private apply(changes: readonly SignalChange[]): void {
    if (changes.length === 0) return;
    const { model, signals } = this;
    const affected = new Uint8Array(this.valid.length);
    for (const { was, now } of changes) {
      if (was !== undefined) affected[was] = 1;
      if (now !== undefined) {
        affected[now] = 1;
        this.valid[now] = 0;
      }
    }
    const { slots } = this.best;
    for (let q = 0; q < this.valid.length; q++) {
      if (!this.valid[q]) continue;
      for (let k = q * BEST; k < q * BEST + BEST; k++) {
        const other = slots[k]!;
        if (other !== NONE && affected[other]) {
          this.valid[q] = 0;
          break;
        }
      }
    }
    const { weightOf } = signals;
    const done = new Set<number>();
    for (const { now } of changes) {
      if (now === undefined || done.has(now) || !weightOf[now] || !model.paperAt(now)) continue;
      done.add(now);
      const weight = weightOf[now];
      this.touched.length = 0;
      model.accumulate(model.vectorAt(now), this.scores, this.touched);
      for (const q of this.touched) {
        const similarity = this.scores[q]!;
        this.scores[q] = 0;
        if (q !== now && this.valid[q]) this.insert(q, now, similarity * Math.abs(weight), weight < 0);
      }
    }
  }

  /** Papers worked out whole since the likeness was made, taken from a file or last kept (see `kept`). */
  worked = 0;

  /**
   * The likeness as a file keeps it, copied: each paper's entries and whether they are current, and the
   * signals they were worked out with (call right after a catch-up).
   */
  kept(): KeptLikeness {
    this.worked = 0;
    return {
      weights: this.signals.weightOf.slice(0, this.valid.length),
      valid: this.valid.slice(),
      slots: this.best.slots.slice(),
      values: this.best.values.slice(),
    };
  }

  /**
   * Take the entries of `kept`, worked out over this very model (the caller checks its build), and learn
   * the signals' changes since as changes made here are learnt: false if it holds another number of slots.
   */
  take(kept: KeptLikeness): boolean {
    const { model, signals } = this;
    const count = model.slots;
    if (kept.valid.length !== count || kept.weights.length !== count) return false;
    if (kept.slots.length !== count * BEST || kept.values.length !== count * BEST) return false;
    this.recounts = signals.recounts;
    this.docs = model.size;
    this.read = signals.logged;
    this.valid = kept.valid;
    this.best.slots = kept.slots;
    this.best.values = kept.values;
    this.scores = new Float32Array(count);
    this.worked = 0;
    const changes: { was: number; now: number }[] = [];
    for (let slot = 0; slot < count; slot++) {
      if (kept.weights[slot] !== (signals.weightOf[slot] ?? 0)) changes.push({ was: slot, now: slot });
    }
    this.apply(changes);
    return true;
  }

  /** True if the paper in `slot` has its likeness worked out and current. */
  known(slot: number): boolean {
    return this.valid[slot] === 1;
  }

  /** The paper in `slot`'s likeness score: its likeness to what was kept, less some of that to what was dismissed. */
  score(slot: number): number {
    if (!this.valid[slot]) this.compute(slot);
    const v = this.best.values;
    const at = slot * BEST;
    // The best three of each kind, the first counting most.
    const near = (v[at]! + 0.5 * v[at + 1]! + 0.25 * v[at + 2]!) / 1.75;
    const against = (v[at + 3]! + 0.5 * v[at + 4]! + 0.25 * v[at + 5]!) / 1.75;
    return near - NEGATIVE_WEIGHT * against;
  }

  private compute(slot: number): void {
    const { model } = this;
    const { weightOf } = this.signals;
    this.best.slots.fill(NONE, slot * BEST, slot * BEST + BEST);
    this.best.values.fill(0, slot * BEST, slot * BEST + BEST);
    this.touched.length = 0;
    model.accumulate(model.vectorAt(slot), this.scores, this.touched, weightOf);
    for (const other of this.touched) {
      const similarity = this.scores[other]!;
      this.scores[other] = 0;
      if (other === slot || !model.paperAt(other)) continue;
      const weight = weightOf[other]!;
      this.insert(slot, other, similarity * Math.abs(weight), weight < 0);
    }
    this.valid[slot] = 1;
    this.worked++;
  }

  /** Put `other` among `slot`'s three likest of its kind if it is one of them. */
  private insert(slot: number, other: number, value: number, dismissed: boolean): void {
    const { slots, values } = this.best;
    const base = slot * BEST + (dismissed ? 3 : 0);
    let at = 3;
    while (at > 0 && (slots[base + at - 1] === NONE || values[base + at - 1]! < value)) at--;
    if (at === 3) return;
    for (let k = 2; k > at; k--) {
      slots[base + k] = slots[base + k - 1]!;
      values[base + k] = values[base + k - 1]!;
    }
    slots[base + at] = other;
    values[base + at] = value;
  }

  private grow(count: number): void {
    if (count <= this.valid.length) return;
    const valid = new Uint8Array(count);
    valid.set(this.valid);
    const slots = new Int32Array(count * BEST).fill(NONE);
    slots.set(this.best.slots);
    const values = new Float64Array(count * BEST);
    values.set(this.best.values);
    this.valid = valid;
    this.best.slots = slots;
    this.best.values = values;
    this.scores = new Float32Array(count);
  }
}

const likenessByModel = new WeakMap<TextModel, Likeness>();

/**
 * Start `model`'s likeness from `kept`, worked out over this same build of the model (its id checked by the
 * caller), unless one was started already: true if taken.
 */
export function takeLikeness(model: TextModel, signals: Signals, kept: KeptLikeness): boolean {
  if (likenessByModel.has(model)) return false;
  const likeness = new Likeness(model, signals);
  if (!likeness.take(kept)) return false;
  likenessByModel.set(model, likeness);
  return true;
}

/** The likeness kept for `model`, caught up with its signals (which must be refreshed first). */
export function likenessFor(model: TextModel, signals: Signals): Likeness {
  let likeness = likenessByModel.get(model);
  if (!likeness) {
    likeness = new Likeness(model, signals);
    likenessByModel.set(model, likeness);
  }
  likeness.catchUp();
  return likeness;
}
