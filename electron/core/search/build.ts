import { performance } from 'node:perf_hooks';
import type { Paper } from '../schema';
import { pageGroup } from './page-groups';
import { PostingsCoder } from './postings';
import { TermTable } from './term-table';
import { TermScanner } from './tokenize';

/** Papers by ordinal: the catalog's numbering, which the index and the sort orders share. */
export type Documents = {
  /** One past the highest ordinal in use. */
  readonly count: number;
  at(ordinal: number): Paper | undefined;
};

/** Reads the words of the document at `ordinal` into `scanner`; false when there is none. */
export type Scan = (ordinal: number, scanner: TermScanner) => boolean;

/** The papers' searched fields: what the main index reads. */
export function paperScan(docs: Documents): Scan {
  return (ordinal, scanner) => {
    const paper = docs.at(ordinal);
    if (paper) scanner.scan(paper);
    return paper !== undefined;
  };
}

/**
 * A frozen inverted index over the papers at ordinals [0, docCount): terms sorted, so a prefix is one
 * contiguous range of term ids and of postings; `covered` says which ordinals' postings it holds.
 */
export type BaseIndex = {
  table: TermTable;
  /** Term ids below this are sorted and have postings; later ids were added since. */
  termCount: number;
  /**
   * Postings of term t are postings[offsets[t], offsets[t + 1]): its ascending paper ordinals, coded as
   * postings.ts says (read them with a PostingReader). About a byte a posting for common words.
   */
  offsets: Uint32Array;
  postings: Uint8Array;
  covered: Uint8Array;
  /**
   * Each posting also holds the section (a PDF's page, from 0) where the term first occurs in that document,
   * and the groups of sections it occurs in (page-groups.ts); only in an index of sectioned text.
   */
  sectioned?: boolean;
};

/** Work that ends in a BaseIndex, done in steps; papers changed under it are listed in `stale`. */
export type IndexSteps = {
  readonly stale: Set<number>;
  /** A paper at `ordinal` was added, replaced or removed meanwhile. */
  changed(ordinal: number): void;
  /** Work until `deadline` (a performance.now() time); the finished index, or undefined if not done yet. */
  step(deadline: number): BaseIndex | undefined;
  /** True while the work is elsewhere (a thread) and stepping would do nothing until it says so. */
  readonly waiting?: boolean;
};

const CHUNK = 1 << 20;
/** Sections past this share its number (a posting keeps 16 bits for it). */
const LAST_SECTION = 0xffff;

/**
 * Builds a BaseIndex in steps of a few milliseconds, so it can run between other work. Papers are read
 * when their turn comes; a paper that changes after it was read is reported by `changed` and listed in
 * `stale` for the caller to index apart.
 */
export class IndexBuilder implements IndexSteps {
  readonly stale = new Set<number>();
  private readonly table = new TermTable();
  private readonly scanner = new TermScanner(this.table);
  private readonly end: number;
  private cursor = 0;
  private phase: 'read' | 'sort' | 'fill' | 'code' | 'done' = 'read';
  private readonly chunks: Uint32Array[] = [new Uint32Array(CHUNK)];
  /** Each term's first section in its document, beside `chunks`, when sections are kept. */
  private readonly sectionChunks: Uint16Array[];
  /** And the groups of sections it is in (page-groups.ts). */
  private readonly groupChunks: Uint32Array[];
  private length = 0;
  private readonly starts: Float64Array;
  private readonly covered: Uint8Array;
  private counts = new Int32Array(1024);
  private lastSeen = new Int32Array(1024).fill(-1);
  /** Where each term's posting for the document being read is (while lastSeen says that document). */
  private postingAt = new Int32Array(1024);
  private rankOf = new Int32Array(0);
  private offsets = new Uint32Array(0);
  private postings = new Uint32Array(0);
  private fillAt = new Uint32Array(0);
  private sections: Uint16Array | undefined;
  private groups: Uint32Array | undefined;
  private coder: PostingsCoder | undefined;

  /**
   * `scan` reads a document (the papers' fields unless given); with `keepSections`, each posting also
   * keeps the section where its term first occurs in the document, and the groups of sections it is in (see
   * BaseIndex.sectioned).
   */
  constructor(
    private readonly docs: Documents,
    private readonly scan: Scan = paperScan(docs),
    private readonly keepSections = false,
  ) {
    this.end = docs.count;
    this.starts = new Float64Array(this.end + 1);
    this.covered = new Uint8Array(this.end);
    this.sectionChunks = keepSections ? [new Uint16Array(CHUNK)] : [];
    this.groupChunks = keepSections ? [new Uint32Array(CHUNK)] : [];
  }

  /** A paper at `ordinal` was added, replaced or removed while building. */
  changed(ordinal: number): void {
    if (ordinal < this.cursor || ordinal >= this.end || this.phase !== 'read') this.stale.add(ordinal);
  }

  /** Work until `deadline` (a performance.now() time); the finished index, or undefined if not done yet. */
  step(deadline: number): BaseIndex | undefined {
    while (!this.done()) {
      if (this.phase === 'read') this.read(deadline);
      else if (this.phase === 'sort') this.sort();
      else if (this.phase === 'fill') this.fill(deadline);
      else this.code(deadline);
      if (!this.done() && performance.now() >= deadline) return undefined;
    }
    const coder = this.coder!;
    return {
      table: this.table,
      termCount: this.table.size,
      offsets: coder.offsets,
      postings: coder.bytes,
      covered: this.covered,
      ...(this.keepSections && { sectioned: true }),
    };
  }

  private read(deadline: number): void {
    const scanner = this.scanner;
    while (this.cursor < this.end) {
      const ordinal = this.cursor;
      this.starts[ordinal] = this.length;
      if (this.scan(ordinal, scanner)) {
        this.add(ordinal, scanner.ids, scanner.length);
        this.covered[ordinal] = 1;
      }
      this.cursor++;
      if ((ordinal & 63) === 63 && performance.now() >= deadline) return;
    }
    this.starts[this.end] = this.length;
    this.phase = 'sort';
  }

  private done(): boolean {
    return this.phase === 'done';
  }

  /** Count each of a paper's term ids once and remember them in the papers' term lists. */
  private add(ordinal: number, ids: Uint32Array, count: number): void {
    if (this.table.size > this.counts.length) this.grow(this.table.size);
    const { counts, lastSeen, postingAt, keepSections, groupChunks } = this;
    const starts = this.scanner.sections;
    let chunk = this.chunks[this.chunks.length - 1]!;
    let sectionChunk = this.sectionChunks[this.sectionChunks.length - 1];
    let groupChunk = groupChunks[groupChunks.length - 1];
    let section = 0;
    let length = this.length;
    for (let i = 0; i < count; i++) {
      const id = ids[i]!;
      if (keepSections) while (section + 1 < starts.length && starts[section + 1]! <= i) section++;
      if (lastSeen[id] === ordinal) {
        if (keepSections) {
          const at = postingAt[id]!;
          groupChunks[at >>> 20]![at & (CHUNK - 1)]! |= 1 << pageGroup(section, starts.length);
        }
        continue;
      }
      lastSeen[id] = ordinal;
      postingAt[id] = length;
      counts[id]!++;
      const at = length & (CHUNK - 1);
      if (at === 0 && length > 0) {
        chunk = new Uint32Array(CHUNK);
        this.chunks.push(chunk);
        if (keepSections) {
          sectionChunk = new Uint16Array(CHUNK);
          this.sectionChunks.push(sectionChunk);
          groupChunk = new Uint32Array(CHUNK);
          groupChunks.push(groupChunk);
        }
      }
      chunk[at] = id;
      if (sectionChunk && groupChunk) {
        sectionChunk[at] = Math.min(section, LAST_SECTION);
        groupChunk[at] = 1 << pageGroup(section, starts.length);
      }
      length++;
    }
    this.length = length;
  }

  private grow(size: number): void {
    let capacity = this.counts.length;
    while (capacity < size) capacity *= 2;
    const counts = new Int32Array(capacity);
    counts.set(this.counts);
    this.counts = counts;
    const lastSeen = new Int32Array(capacity).fill(-1);
    lastSeen.set(this.lastSeen);
    this.lastSeen = lastSeen;
    if (this.keepSections) {
      const postingAt = new Int32Array(capacity);
      postingAt.set(this.postingAt);
      this.postingAt = postingAt;
    }
  }

  /** Sort the terms, renumber them by that order and lay out the postings ranges. */
  private sort(): void {
    const size = this.table.size;
    const order = new Int32Array(size);
    for (let i = 0; i < size; i++) order[i] = i;
    const terms = Array.from({ length: size }, (_, id) => this.table.term(id));
    order.sort((a, b) => (terms[a]! < terms[b]! ? -1 : 1));
    this.table.renumber(order);
    this.rankOf = new Int32Array(size);
    this.offsets = new Uint32Array(size + 1);
    let total = 0;
    for (let rank = 0; rank < size; rank++) {
      const id = order[rank]!;
      this.rankOf[id] = rank;
      this.offsets[rank] = total;
      total += this.counts[id]!;
    }
    this.offsets[size] = total;
    this.postings = new Uint32Array(total);
    if (this.keepSections) {
      this.sections = new Uint16Array(total);
      this.groups = new Uint32Array(total);
    }
    this.fillAt = this.offsets.slice(0, size);
    this.counts = new Int32Array(0);
    this.lastSeen = new Int32Array(0);
    this.postingAt = new Int32Array(0);
    this.cursor = 0;
    this.phase = 'fill';
  }

  private fill(deadline: number): void {
    while (this.cursor < this.end) {
      const ordinal = this.cursor;
      const from = this.starts[ordinal]!;
      const to = this.starts[ordinal + 1]!;
      const { sections, groups } = this;
      for (let i = from; i < to; i++) {
        const rank = this.rankOf[this.chunks[i >>> 20]![i & (CHUNK - 1)]!]!;
        if (sections && groups) {
          sections[this.fillAt[rank]!] = this.sectionChunks[i >>> 20]![i & (CHUNK - 1)]!;
          groups[this.fillAt[rank]!] = this.groupChunks[i >>> 20]![i & (CHUNK - 1)]!;
        }
        this.postings[this.fillAt[rank]!++] = ordinal;
      }
      this.cursor++;
      if ((ordinal & 255) === 255 && performance.now() >= deadline) return;
    }
    this.chunks.length = 0;
    this.sectionChunks.length = 0;
    this.groupChunks.length = 0;
    this.rankOf = new Int32Array(0);
    this.fillAt = new Uint32Array(0);
    this.coder = new PostingsCoder(
      this.offsets,
      this.postings,
      this.sections && this.groups && { sections: this.sections, groups: this.groups },
    );
    this.phase = 'code';
  }

  /** Code the postings small (postings.ts), then let the 32-bit ones go. */
  private code(deadline: number): void {
    if (!this.coder!.step(deadline)) return;
    this.offsets = new Uint32Array(0);
    this.postings = new Uint32Array(0);
    this.sections = undefined;
    this.groups = undefined;
    this.phase = 'done';
  }
}
