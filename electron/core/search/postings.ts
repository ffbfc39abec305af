import { performance } from 'node:perf_hooks';
import type { BaseIndex } from './build';
import { codeGroups } from './page-groups';

/*
 * An index's postings, coded small: each term's ascending ordinals as gaps (ordinal - previous - 1, the first
 * from -1), each gap a little-endian base-128 varint. A term found in most papers then costs a byte a posting
 * instead of four (21.5 million postings took 86 MB at 100,000 papers as 32-bit words, 27 MB coded). In an
 * index of sectioned text each gap is followed by the posting's section and the groups of sections the term is
 * in (page-groups.ts codeGroups), also varints.
 */

/** Terms coded per check of the deadline. */
const TERMS_PER_CHECK = 256;

/**
 * Codes postings laid out as 32-bit words (term t's in values[counts[t], counts[t + 1])) in steps: a pass
 * that sizes each term's bytes, then one that writes them. The result is its own buffer, whole (it can be
 * moved to another thread).
 */
export class PostingsCoder {
  private phase: 'size' | 'write' | 'done' = 'size';
  private term = 0;
  private readonly terms: number;
  /** Byte offset of each term's postings (the sizing pass fills it with each term's size first). */
  readonly offsets: Uint32Array;
  bytes = new Uint8Array(0);

  constructor(
    private readonly counts: Uint32Array,
    private readonly values: Uint32Array,
    private readonly sectioned?: { sections: Uint16Array; groups: Uint32Array },
  ) {
    this.terms = counts.length - 1;
    this.offsets = new Uint32Array(counts.length);
  }

  /** Work until `deadline` (a performance.now() time); true once the bytes are written. */
  step(deadline: number): boolean {
    const { counts, values, offsets } = this;
    const { sections, groups } = this.sectioned ?? {};
    while (this.phase !== 'done') {
      const end = Math.min(this.terms, this.term + TERMS_PER_CHECK);
      if (this.phase === 'size') {
        for (let t = this.term; t < end; t++) {
          let size = 0;
          let previous = -1;
          for (let i = counts[t]!; i < counts[t + 1]!; i++) {
            const ordinal = values[i]!;
            size += varintSize(ordinal - previous - 1);
            if (sections) size += varintSize(sections[i]!) + varintSize(codeGroups(groups![i]!));
            previous = ordinal;
          }
          offsets[t + 1] = size;
        }
      } else {
        const bytes = this.bytes;
        for (let t = this.term; t < end; t++) {
          let at = offsets[t]!;
          let previous = -1;
          for (let i = counts[t]!; i < counts[t + 1]!; i++) {
            const ordinal = values[i]!;
            at = writeVarint(bytes, at, ordinal - previous - 1);
            if (sections) {
              at = writeVarint(bytes, at, sections[i]!);
              at = writeVarint(bytes, at, codeGroups(groups![i]!));
            }
            previous = ordinal;
          }
        }
      }
      this.term = end;
      if (this.term === this.terms) {
        if (this.phase === 'size') {
          for (let t = 0; t < this.terms; t++) offsets[t + 1] = offsets[t + 1]! + offsets[t]!;
          this.bytes = new Uint8Array(offsets[this.terms]!);
          this.phase = 'write';
          this.term = 0;
        } else this.phase = 'done';
      }
      if (this.phase !== 'done' && performance.now() >= deadline) return false;
    }
    return true;
  }
}

function varintSize(value: number): number {
  let size = 1;
  while (value >= 0x80) {
    value >>>= 7;
    size++;
  }
  return size;
}

function writeVarint(bytes: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    bytes[at++] = (value & 0x7f) | 0x80;
    value >>>= 7;
  }
  bytes[at++] = value;
  return at;
}

/**
 * Reads postings: a term's at once into `ordinals` (and `sections`, `groups`: coded, see codeGroups), which the
 * hot loops of a search walk, or terms [lo, hi) one posting at a time (`range`, then `next()` gives the next
 * ordinal or -1 at the end, `section` its section), for a reader that may stop early.
 */
export class PostingReader {
  private at = 0;
  private end = 0;
  private term = 0;
  private last = 0;
  private ordinal = -1;
  section = 0;
  /** The last term read by `read`: its ordinals (and sections) in [0, the count it returned). */
  ordinals = new Int32Array(1024);
  sections = new Int32Array(0);
  groups = new Int32Array(0);

  constructor(
    private readonly offsets: Uint32Array,
    private readonly bytes: Uint8Array,
    private readonly sectioned: boolean,
  ) {}

  /** Read term `t`'s postings into `ordinals` (and `sections`); how many. */
  read(t: number): number {
    const bytes = this.bytes;
    let at = this.offsets[t]!;
    const end = this.offsets[t + 1]!;
    // A posting takes at least a byte.
    if (end - at > this.ordinals.length) {
      this.ordinals = new Int32Array(Math.max(end - at, 2 * this.ordinals.length));
      if (this.sectioned) {
        this.sections = new Int32Array(this.ordinals.length);
        this.groups = new Int32Array(this.ordinals.length);
      }
    }
    const ordinals = this.ordinals;
    let count = 0;
    let ordinal = -1;
    if (!this.sectioned) {
      while (at < end) {
        let byte = bytes[at++]!;
        let gap = byte & 0x7f;
        for (let shift = 7; byte >= 0x80; shift += 7) {
          byte = bytes[at++]!;
          gap |= (byte & 0x7f) << shift;
        }
        ordinal += gap + 1;
        ordinals[count++] = ordinal;
      }
      return count;
    }
    if (this.sections.length < ordinals.length) {
      this.sections = new Int32Array(ordinals.length);
      this.groups = new Int32Array(ordinals.length);
    }
    const { sections, groups } = this;
    while (at < end) {
      let byte = bytes[at++]!;
      let gap = byte & 0x7f;
      for (let shift = 7; byte >= 0x80; shift += 7) {
        byte = bytes[at++]!;
        gap |= (byte & 0x7f) << shift;
      }
      ordinal += gap + 1;
      byte = bytes[at++]!;
      let section = byte & 0x7f;
      for (let shift = 7; byte >= 0x80; shift += 7) {
        byte = bytes[at++]!;
        section |= (byte & 0x7f) << shift;
      }
      byte = bytes[at++]!;
      let code = byte & 0x7f;
      for (let shift = 7; byte >= 0x80; shift += 7) {
        byte = bytes[at++]!;
        code |= (byte & 0x7f) << shift;
      }
      ordinals[count] = ordinal;
      groups[count] = code;
      sections[count++] = section;
    }
    return count;
  }

  /**
   * In an index of sectioned text, each posting of term `t` whose ordinal `rowOf` marks (rowOf[ordinal], a row
   * + 1; 0 for the others, which are skipped unread): `visit(row, section, groups)`, its groups coded (see
   * codeGroups). What a search's rows ask of their few documents among a word's many.
   */
  visitRows(t: number, rowOf: Int32Array, visit: (row: number, section: number, groups: number) => void): void {
    const bytes = this.bytes;
    let at = this.offsets[t]!;
    const end = this.offsets[t + 1]!;
    let ordinal = -1;
    while (at < end) {
      let byte = bytes[at++]!;
      let gap = byte & 0x7f;
      for (let shift = 7; byte >= 0x80; shift += 7) {
        byte = bytes[at++]!;
        gap |= (byte & 0x7f) << shift;
      }
      ordinal += gap + 1;
      const row = rowOf[ordinal]!;
      if (row === 0) {
        while (bytes[at++]! >= 0x80);
        while (bytes[at++]! >= 0x80);
        continue;
      }
      byte = bytes[at++]!;
      let section = byte & 0x7f;
      for (let shift = 7; byte >= 0x80; shift += 7) {
        byte = bytes[at++]!;
        section |= (byte & 0x7f) << shift;
      }
      byte = bytes[at++]!;
      let code = byte & 0x7f;
      for (let shift = 7; byte >= 0x80; shift += 7) {
        byte = bytes[at++]!;
        code |= (byte & 0x7f) << shift;
      }
      visit(row - 1, section, code);
    }
  }

  /** Read the postings of terms [lo, hi) from the start, with `next`. */
  range(lo: number, hi: number): this {
    this.term = lo;
    this.last = hi;
    this.at = this.offsets[lo]!;
    this.end = this.at;
    return this;
  }

  next(): number {
    const bytes = this.bytes;
    while (this.at >= this.end) {
      if (this.term >= this.last) return -1;
      this.term++;
      this.end = this.offsets[this.term]!;
      this.ordinal = -1;
    }
    let byte = bytes[this.at++]!;
    let gap = byte & 0x7f;
    for (let shift = 7; byte >= 0x80; shift += 7) {
      byte = bytes[this.at++]!;
      gap |= (byte & 0x7f) << shift;
    }
    this.ordinal += gap + 1;
    if (this.sectioned) {
      byte = bytes[this.at++]!;
      let section = byte & 0x7f;
      for (let shift = 7; byte >= 0x80; shift += 7) {
        byte = bytes[this.at++]!;
        section |= (byte & 0x7f) << shift;
      }
      this.section = section;
      // The groups (page-groups.ts), which no reader one posting at a time asks for.
      do byte = bytes[this.at++]!;
      while (byte >= 0x80);
    }
    return this.ordinal;
  }
}

/** How many postings the coded bytes hold (each posting ends one varint, or three with sections). */
export function postingCount(bytes: Uint8Array, sectioned: boolean): number {
  let ends = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! < 0x80) ends++;
  return sectioned ? ends / 3 : ends;
}

const readers = new WeakMap<BaseIndex, PostingReader>();

/** The one reader a search uses for `base`'s postings (a search then makes no garbage for reading them). */
export function readerOf(base: BaseIndex): PostingReader {
  let reader = readers.get(base);
  if (!reader) {
    reader = new PostingReader(base.offsets, base.postings, base.sectioned === true);
    readers.set(base, reader);
  }
  return reader;
}
