import type { BaseIndex } from './build';
import type { HeavyWords } from './heavy-words';
import type { TagPostings } from './tag-postings';
import { readerOf, type PostingReader } from './postings';
import { typoEligible } from './typo';
import type { WordPlan, WordPlanner } from './word-plans';

export type TextMatch = {
  readonly count: number;
  has(ordinal: number): boolean;
  /** has(ordinal) is marks[ordinal] === stamp, for loops over many ordinals. */
  readonly marks: Uint32Array;
  readonly stamp: number;
  /** The matching ordinals, in no particular order (a view of a buffer the next search reuses). */
  readonly ordinals: Int32Array;
  /**
   * In an index of sectioned text (PDF pages): the section, from 1, where the query's rarest word first
   * occurs in the matching document at `ordinal`; 0 when the index does not know (it was changed lately,
   * or the word is in most documents).
   */
  section(ordinal: number): number;
};

/** What a search reads: the built index, the terms of the documents changed since, and its word planners. */
export type LiveIndex = {
  base: BaseIndex;
  /** Distinct term ids of each document changed since the base was built. */
  overlay: ReadonlyMap<number, Uint32Array>;
  planner: WordPlanner;
  heavy: HeavyWords;
  /** The papers' tags, indexed apart (tag-postings.ts): a paper has a word if its text or one of its tags does. */
  tags?: TagPostings;
};

/**
 * Answers a query over a live index: a WordPlan per word, the rarest first, each narrowing the papers of the
 * one before, then the changed documents checked on their own. Its buffers are reused from search to search.
 */
export class Matcher {
  private marks = new Uint32Array(0);
  /** Per ordinal, the section + 1 where the rarest word of the last search first occurs (sectioned text only). */
  private firstSections = new Uint32Array(0);
  private listA = new Int32Array(0);
  private listB = new Int32Array(0);
  private stamp = 0;

  /** With `sectioned`, matches also say in which section (a PDF's page) the rarest word first occurs. */
  constructor(private readonly sectioned: boolean) {}

  /** Bytes the reused buffers take. */
  get bytes(): number {
    return this.marks.byteLength;
  }

  /** SearchIndex.match over `index`, whose documents have ordinals below `capacity`. */
  match(index: LiveIndex, capacity: number, words: readonly string[], typos?: readonly boolean[]): TextMatch {
    if (this.marks.length < capacity) {
      const size = Math.ceil(capacity * 1.25) + 1024;
      this.marks = new Uint32Array(size);
      this.listA = new Int32Array(size);
      this.listB = new Int32Array(size);
      if (this.sectioned) this.firstSections = new Uint32Array(size);
    }
    if (this.stamp > 0xfff00000) {
      this.marks.fill(0);
      this.stamp = 0;
    }
    const { planner, heavy } = index;
    const plans = words.map((word, i) => {
      const plan = planner.exact(word);
      const typo = typos ? typos[i] === true : typoEligible(word) && !this.anyLive(index, plan);
      return typo ? planner.typo(word) : plan;
    });
    // The rarest word first: the others only narrow its papers down.
    plans.sort((a, b) => a.estimate - b.estimate);
    // Candidates live in two reused buffers (no garbage per search, which a big heap pays for in GC time).
    let list = this.listA;
    let spare = this.listB;
    let count = 0;
    // Each word's papers with a tag word of it, read beside the built postings.
    const tagged = plans.map((plan) => index.tags?.papers(plan));
    for (let k = 0; k < plans.length; k++) {
      const plan = plans[k]!;
      const bits = plan.exact && plan.estimate >= heavy.limit ? heavy.bits(plan) : undefined;
      count =
        k === 0
          ? this.firstWord(index, plan, bits, list, tagged[k])
          : this.nextWord(index, plan, bits, list, count, spare, tagged[k]);
      if (k > 0) [list, spare] = [spare, list];
      if (count === 0) break;
    }
    if (index.overlay.size > 0) count = this.overlayMatches(index, plans, list, count, tagged);
    const marks = this.marks;
    const stamp = ++this.stamp;
    for (let i = 0; i < count; i++) marks[list[i]!] = stamp;
    const sections = this.firstSections;
    return {
      count,
      ordinals: list.subarray(0, count),
      marks,
      stamp,
      has: (ordinal) => marks[ordinal] === stamp,
      section: (ordinal) => (this.sectioned && marks[ordinal] === stamp ? sections[ordinal]! : 0),
    };
  }

  /** Built papers with a term of the first (rarest) word, or a tag word of it (`tagged`), into `out`; how many. */
  private firstWord(
    index: LiveIndex,
    plan: WordPlan,
    bits: Uint32Array | undefined,
    out: Int32Array,
    tagged?: Set<number>,
  ): number {
    const { covered, sectioned } = index.base;
    let count = 0;
    if (bits) {
      for (let w = 0; w < bits.length; w++) {
        for (let word = bits[w]!; word !== 0; word &= word - 1) {
          const ordinal = (w << 5) + 31 - Math.clz32(word & -word);
          if (covered[ordinal] === 1) out[count++] = ordinal;
        }
      }
      if (sectioned) for (let i = 0; i < count; i++) this.firstSections[out[i]!] = 0;
      // Papers changed since the build (not covered) are the overlay's to check.
      for (const ordinal of tagged ?? []) {
        if (covered[ordinal] === 1 && !((bits[ordinal >>> 5]! >>> (ordinal & 31)) & 1)) out[count++] = ordinal;
      }
      return count;
    }
    const marks = this.marks;
    const stamp = ++this.stamp;
    const ranges = plan.ranges;
    const reader = readerOf(index.base);
    if (sectioned) return this.firstWordSections(index.base, reader, ranges, stamp, out);
    for (let r = 0; r < ranges.length; r += 2) {
      for (let t = ranges[r]!; t < ranges[r + 1]!; t++) {
        const n = reader.read(t);
        const ordinals = reader.ordinals;
        for (let k = 0; k < n; k++) {
          const ordinal = ordinals[k]!;
          if (covered[ordinal] === 1 && marks[ordinal] !== stamp) {
            marks[ordinal] = stamp;
            out[count++] = ordinal;
          }
        }
      }
    }
    for (const ordinal of tagged ?? []) {
      if (covered[ordinal] === 1 && marks[ordinal] !== stamp) {
        marks[ordinal] = stamp;
        out[count++] = ordinal;
      }
    }
    return count;
  }

  /** firstWord over sectioned text, keeping the first section where the word occurs in each document. */
  private firstWordSections(
    base: BaseIndex,
    reader: PostingReader,
    ranges: number[],
    stamp: number,
    out: Int32Array,
  ): number {
    const { covered } = base;
    const marks = this.marks;
    const firsts = this.firstSections;
    let count = 0;
    for (let r = 0; r < ranges.length; r += 2) {
      for (let t = ranges[r]!; t < ranges[r + 1]!; t++) {
        const n = reader.read(t);
        const { ordinals, sections } = reader;
        for (let k = 0; k < n; k++) {
          const ordinal = ordinals[k]!;
          if (covered[ordinal] !== 1) continue;
          const section = sections[k]! + 1;
          if (marks[ordinal] !== stamp) {
            marks[ordinal] = stamp;
            firsts[ordinal] = section;
            out[count++] = ordinal;
          } else if (section < firsts[ordinal]!) firsts[ordinal] = section;
        }
      }
    }
    return count;
  }

  /** Those of the `count` candidates that also have a term of this word, or a tag word of it, into `out`; how many. */
  private nextWord(
    index: LiveIndex,
    plan: WordPlan,
    bits: Uint32Array | undefined,
    candidates: Int32Array,
    count: number,
    out: Int32Array,
    tagged?: Set<number>,
  ): number {
    let kept = 0;
    if (bits) {
      for (let i = 0; i < count; i++) {
        const ordinal = candidates[i]!;
        if ((bits[ordinal >>> 5]! >>> (ordinal & 31)) & 1 || tagged?.has(ordinal)) out[kept++] = ordinal;
      }
      return kept;
    }
    const reader = readerOf(index.base);
    const marks = this.marks;
    const before = ++this.stamp;
    for (let i = 0; i < count; i++) marks[candidates[i]!] = before;
    const after = ++this.stamp;
    const ranges = plan.ranges;
    for (let r = 0; r < ranges.length; r += 2) {
      for (let t = ranges[r]!; t < ranges[r + 1]!; t++) {
        const n = reader.read(t);
        const ordinals = reader.ordinals;
        for (let k = 0; k < n; k++) {
          const ordinal = ordinals[k]!;
          if (marks[ordinal] === before) {
            marks[ordinal] = after;
            out[kept++] = ordinal;
          }
        }
      }
    }
    if (tagged)
      for (let i = 0; i < count; i++)
        if (marks[candidates[i]!] === before && tagged.has(candidates[i]!)) out[kept++] = candidates[i]!;
    return kept;
  }

  /** True if some paper as it is now has a term of `plan`. */
  anyLive(index: LiveIndex, plan: WordPlan): boolean {
    const { covered } = index.base;
    const reader = readerOf(index.base);
    for (let r = 0; r < plan.ranges.length; r += 2) {
      reader.range(plan.ranges[r]!, plan.ranges[r + 1]!);
      for (let ordinal = reader.next(); ordinal >= 0; ordinal = reader.next()) if (covered[ordinal] === 1) return true;
    }
    if (index.tags?.papers(plan)) return true;
    if (index.overlay.size === 0) return false;
    const terms = termsOf(index.base, plan);
    for (const ids of index.overlay.values()) if (hasAny(ids, terms)) return true;
    return false;
  }

  /** Add to list[count...] the changed papers with a term (or a tag word: `tagged`) of every plan; the new count. */
  private overlayMatches(
    index: LiveIndex,
    plans: readonly WordPlan[],
    list: Int32Array,
    count: number,
    tagged: readonly (Set<number> | undefined)[],
  ): number {
    const terms = plans.map((plan) => termsOf(index.base, plan));
    for (const [ordinal, ids] of index.overlay) {
      if (terms.every((flags, k) => hasAny(ids, flags) || tagged[k]?.has(ordinal))) {
        if (this.sectioned) this.firstSections[ordinal] = 0;
        list[count++] = ordinal;
      }
    }
    return count;
  }
}

/**
 * A flag per term id, set for the plan's terms: checking a changed paper's terms then costs one read
 * each, however many ranges a typo plan has.
 */
function termsOf(base: BaseIndex, plan: WordPlan): Uint8Array {
  if (plan.terms) return plan.terms;
  const flags = new Uint8Array(base.table.size);
  for (let r = 0; r < plan.ranges.length; r += 2) flags.fill(1, plan.ranges[r], plan.ranges[r + 1]);
  for (const id of plan.extra) flags[id] = 1;
  return (plan.terms = flags);
}

function hasAny(ids: Uint32Array, flags: Uint8Array): boolean {
  for (let i = 0; i < ids.length; i++) if (flags[ids[i]!] === 1) return true;
  return false;
}
