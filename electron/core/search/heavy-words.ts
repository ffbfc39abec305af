import type { BaseIndex } from './build';
import type { SectionedText } from './indexed-text';
import { decodeGroups, pageGroup } from './page-groups';
import type { WordPlan } from './word-plans';

/** Heavy words have at least this many postings (or a quarter of the papers); this many bitsets are kept. */
const HEAVY_MIN = 20_000;
const HEAVY_KEPT = 512;

/**
 * Where a heavy word is in each document of sectioned text that has it (a PDF's pages): the documents'
 * ordinals, ascending, and beside each the mask of its groups of pages with a term starting with the word.
 */
export type WordGroups = { ordinals: Int32Array; masks: Uint32Array };

/**
 * Words that start a term in most papers ("a", "mo", "learn") cost a search the most postings. Their
 * papers are kept as bitsets, most recently used first, so such a word costs a pass over a bitset (or
 * over the other words' few candidates) instead of millions of postings. In an index of sectioned text (PDFs),
 * given each document's number of sections, each is kept with its groups of pages too (`groups`): the rows
 * that show a search's passages would otherwise read all of a short word's postings (453,000 for "ka" among
 * 1,000 PDFs) to find its pages in their few PDFs.
 */
export class HeavyWords {
  private readonly kept = new Map<string, { bits: Uint32Array; groups?: WordGroups }>();
  /** Each document's mask while a word's groups are gathered, 0 between. */
  private dense: Uint32Array | undefined;

  constructor(
    private readonly base: BaseIndex,
    /** In an index of sectioned text: how many sections (pages) the document at an ordinal has. */
    private readonly sectioned?: Pick<SectionedText, 'sections'>,
  ) {}

  /** A plan with this many postings gets a bitset. */
  get limit(): number {
    return Math.max(HEAVY_MIN, this.base.covered.length / 4);
  }

  has(word: string): boolean {
    return this.kept.has(word);
  }

  /** The built papers with a term starting with the plan's word, one bit each (kept for the next time). */
  bits(plan: WordPlan): Uint32Array {
    let entry = this.kept.get(plan.word);
    if (entry) {
      this.kept.delete(plan.word);
    } else {
      const bits = new Uint32Array((this.base.covered.length + 31) >>> 5);
      const { sectioned } = this;
      const into = this.base.sectioned && sectioned ? { dense: this.denseMasks(), sectioned } : undefined;
      for (let r = 0; r < plan.ranges.length; r += 2)
        setBits(this.base, plan.ranges[r]!, plan.ranges[r + 1]!, bits, into);
      entry = { bits, groups: into ? gathered(bits, into.dense) : undefined };
      if (this.kept.size >= HEAVY_KEPT) this.kept.delete(this.kept.keys().next().value!);
    }
    this.kept.set(plan.word, entry);
    return entry.bits;
  }

  private denseMasks(): Uint32Array {
    if (this.dense?.length !== this.base.covered.length) this.dense = new Uint32Array(this.base.covered.length);
    return this.dense;
  }

  /**
   * Where the heavy word `word` (as typed, as `bits` was given it) is in each document of sectioned text, if it
   * is kept; in the documents the built index holds as they are now (the others' masks are stale).
   */
  groups(word: string): WordGroups | undefined {
    return this.kept.get(word)?.groups;
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
 * With `into`, each document's groups of pages are added to its mask in `dense`.
 */
function setBits(
  base: BaseIndex,
  lo: number,
  hi: number,
  bits: Uint32Array,
  into?: { dense: Uint32Array; sectioned: Pick<SectionedText, 'sections'> },
): void {
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
      if (into) {
        byte = postings[at++]!;
        let section = byte & 0x7f;
        for (let shift = 7; byte >= 0x80; shift += 7) {
          byte = postings[at++]!;
          section |= (byte & 0x7f) << shift;
        }
        byte = postings[at++]!;
        let code = byte & 0x7f;
        for (let shift = 7; byte >= 0x80; shift += 7) {
          byte = postings[at++]!;
          code |= (byte & 0x7f) << shift;
        }
        into.dense[ordinal]! |= decodeGroups(code, pageGroup(section, into.sectioned.sections(ordinal)));
      } else if (sectioned) {
        while (postings[at++]! >= 0x80);
        while (postings[at++]! >= 0x80);
      }
    }
  }
}

/** The masks in `dense` of the documents set in `bits`, in order, taken out of it (left all 0). */
function gathered(bits: Uint32Array, dense: Uint32Array): WordGroups {
  let count = 0;
  for (const word of bits) for (let w = word; w !== 0; w &= w - 1) count++;
  const ordinals = new Int32Array(count);
  const masks = new Uint32Array(count);
  let at = 0;
  for (let i = 0; i < bits.length; i++) {
    for (let w = bits[i]!; w !== 0; w &= w - 1) {
      const ordinal = (i << 5) | (31 - Math.clz32(w & -w));
      ordinals[at] = ordinal;
      masks[at++] = dense[ordinal]!;
      dense[ordinal] = 0;
    }
  }
  return { ordinals, masks };
}
