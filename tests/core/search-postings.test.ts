import { describe, expect, it } from 'vitest';
import { IndexBuilder, type Documents } from '../../electron/core/search/build';
import { HeavyWords } from '../../electron/core/search/heavy-words';
import { decodeGroups, pageGroup } from '../../electron/core/search/page-groups';
import { PostingReader, PostingsCoder, postingCount } from '../../electron/core/search/postings';
import { TermTable } from '../../electron/core/search/term-table';
import type { WordPlan } from '../../electron/core/search/word-plans';
import type { Paper } from '../../electron/core/schema';
import { seeded } from './helpers';

/** Terms' postings as 32-bit words, as a build lays them out before coding them. */
function laidOut(lists: number[][]): { counts: Uint32Array; values: Uint32Array } {
  const counts = new Uint32Array(lists.length + 1);
  lists.forEach((list, t) => (counts[t + 1] = counts[t]! + list.length));
  return { counts, values: Uint32Array.from(lists.flat()) };
}

function readAll(reader: PostingReader, lo: number, hi: number, sections?: number[]): number[] {
  const out: number[] = [];
  reader.range(lo, hi);
  for (let ordinal = reader.next(); ordinal >= 0; ordinal = reader.next()) {
    out.push(ordinal);
    sections?.push(reader.section);
  }
  return out;
}

describe('coded postings', () => {
  it('read back every term’s ordinals and sections, term by term or over any range of terms, however the coding was stepped', () => {
    const random = seeded(31);
    const lists: number[][] = [];
    for (let t = 0; t < 300; t++) {
      const list: number[] = [];
      // Dense, sparse and huge gaps (past one, two and three bytes), and empty terms.
      const spread = [1, 3, 200, 20_000, 3_000_000][t % 5]!;
      let ordinal = -1;
      for (let n = Math.floor(random() * 40); n > 0; n--) list.push((ordinal += 1 + Math.floor(random() * spread)));
      lists.push(list);
    }
    const { counts, values } = laidOut(lists);
    const sections = Uint16Array.from(values, () => Math.floor(random() * 0x10000));
    const whole = new PostingsCoder(counts, values);
    expect(whole.step(Infinity)).toBe(true);
    const stepped = new PostingsCoder(counts, values);
    let steps = 0;
    while (!stepped.step(0)) steps++;
    expect(steps).toBeGreaterThan(1);
    expect(stepped.bytes).toEqual(whole.bytes);
    expect(stepped.offsets).toEqual(whole.offsets);
    expect(postingCount(whole.bytes, false)).toBe(values.length);

    const reader = new PostingReader(whole.offsets, whole.bytes, false);
    for (let i = 0; i < 200; i++) {
      const lo = Math.floor(random() * lists.length);
      const hi = lo + Math.floor(random() * (lists.length - lo + 1));
      expect(readAll(reader, lo, hi)).toEqual(lists.slice(lo, hi).flat());
    }
    lists.forEach((list, t) => expect([...reader.ordinals.subarray(0, reader.read(t))]).toEqual(list));
    // Each posting's groups of pages (page-groups.ts): its first page's group, and any above it.
    const groups = Uint32Array.from(sections, (section) => {
      const first = pageGroup(section, 0x10000);
      return ((1 << first) | (random() < 0.5 ? 0 : Math.floor(random() * 2 ** 32) & ~((2 << first) - 1))) >>> 0;
    });
    const withSections = new PostingsCoder(counts, values, { sections, groups });
    withSections.step(Infinity);
    expect(postingCount(withSections.bytes, true)).toBe(values.length);
    const read: number[] = [];
    const sectioned = new PostingReader(withSections.offsets, withSections.bytes, true);
    expect(readAll(sectioned, 0, lists.length, read)).toEqual(lists.flat());
    expect(read).toEqual([...sections]);
    lists.forEach((list, t) => {
      const n = sectioned.read(t);
      expect([...sectioned.ordinals.subarray(0, n)]).toEqual(list);
      expect([...sectioned.sections.subarray(0, n)]).toEqual([...sections.subarray(counts[t], counts[t + 1])]);
      const masks = [...sectioned.groups.subarray(0, n)].map((code, k) =>
        decodeGroups(code, pageGroup(sectioned.sections[k]!, 0x10000)),
      );
      expect(masks).toEqual([...groups.subarray(counts[t], counts[t + 1])]);
    });
  });

  it('take about a byte a posting for words most papers have (four before)', () => {
    const papers = Array.from(
      { length: 3000 },
      (_, i) =>
        ({
          title: `Common words in paper ${i % 7 === 0 ? 'seven' : 'other'}`,
          authors: [],
          abstract: 'learning queues',
          note: '',
          tags: [],
          annotations: [],
        }) as unknown as Paper,
    );
    const docs: Documents = { count: papers.length, at: (ordinal) => papers[ordinal] };
    const built = new IndexBuilder(docs).step(Infinity)!;
    const postings = postingCount(built.postings, false);
    // common, words, paper, learning and queues in every paper, and seven or other.
    expect(postings).toBeGreaterThan(6 * papers.length);
    expect(built.postings.byteLength).toBeLessThan(1.2 * postings);
  });
});

describe('a built term table', () => {
  it('gives back the room kept for more terms, and still takes more', () => {
    const table = new TermTable();
    const terms = Array.from({ length: 70_000 }, (_, i) => `term${i.toString(36)}`);
    for (const term of terms) table.intern(term);
    const before = table.bytes();
    table.trim();
    // 70,000 terms had room for 131,072: their hashes (4 bytes) and spans (8 bytes) were half empty.
    expect(before - table.bytes()).toBeGreaterThan(600_000);
    for (const term of ['later', 'added', ...terms.slice(0, 5)]) expect(table.term(table.intern(term))).toBe(term);
    expect(table.size).toBe(70_002);
    for (let i = 0; i < 5000; i++) table.intern(`more${i}`);
    expect(table.idOf('more4999')).toBe(75_001);
    expect(table.idOf('term0')).toBe(0);
  });
});

/** Postings of `terms` terms among `documents` ordinals, the t-th term's gaps up to t * `spread`. */
function randomLists(random: () => number, terms: number, documents: number, spread: number): number[][] {
  return Array.from({ length: terms }, (_, t) => {
    const list: number[] = [];
    for (
      let ordinal = Math.floor(random() * 5);
      ordinal < documents;
      ordinal += 1 + Math.floor(random() * (t * spread + 1))
    )
      list.push(ordinal);
    return list;
  });
}

/** A built index of `coder`'s postings, every one of `documents` ordinals covered. */
function builtOf(coder: PostingsCoder, terms: number, documents: number, sectioned: boolean) {
  coder.step(Infinity);
  return {
    table: new TermTable(),
    termCount: terms,
    offsets: coder.offsets,
    postings: coder.bytes,
    covered: new Uint8Array(documents).fill(1),
    sectioned,
  };
}

describe('a heavy word’s bitset', () => {
  it('has the bit of every posting of its terms, with or without sections beside them', () => {
    const random = seeded(32);
    const lists = randomLists(random, 40, 70_000, 40);
    const { counts, values } = laidOut(lists);
    const sections = Uint16Array.from(values, () => Math.floor(random() * 3000));
    // Groups of pages coded in one to five bytes.
    const groups = Uint32Array.from(values, () => (Math.floor(random() * 2 ** 32) | 1) >>> 0);
    for (const sectioned of [false, true]) {
      const coder = new PostingsCoder(counts, values, sectioned ? { sections, groups } : undefined);
      const base = builtOf(coder, lists.length, 70_000, sectioned);
      const plan: WordPlan = { word: 'w', exact: true, ranges: [3, 17, 20, 31], extra: new Set(), estimate: 0 };
      const bits = new HeavyWords(base).bits(plan);
      const expected = new Set([...lists.slice(3, 17), ...lists.slice(20, 31)].flat());
      for (let ordinal = 0; ordinal < 70_000; ordinal++) {
        if ((((bits[ordinal >>> 5]! >>> (ordinal & 31)) & 1) === 1) !== expected.has(ordinal)) {
          throw new Error(`bit ${ordinal} wrong (sectioned: ${sectioned})`);
        }
      }
    }
  });

  it('has, in an index of sectioned text, each document’s groups of pages: those of all its postings together', () => {
    const random = seeded(33);
    // Documents of 1 to 90 pages: a group a page up to 32 pages, runs of pages past that.
    const pagesOf = (ordinal: number): number => 1 + ((ordinal * 7) % 90);
    const lists = randomLists(random, 30, 5_000, 20);
    const { counts, values } = laidOut(lists);
    const sections = Uint16Array.from(values, (ordinal) => Math.floor(random() * pagesOf(ordinal)));
    // Each posting's groups: its first page's group, and any of the groups above it.
    const groups = Uint32Array.from(values, (ordinal, i) => {
      const first = pageGroup(sections[i]!, pagesOf(ordinal));
      return ((1 << first) | (random() < 0.5 ? 0 : Math.floor(random() * 2 ** 32) & ~((2 << first) - 1))) >>> 0;
    });
    const base = builtOf(new PostingsCoder(counts, values, { sections, groups }), lists.length, 5_000, true);
    const heavy = new HeavyWords(base, { sections: pagesOf });
    for (const ranges of [
      [3, 17, 20, 29],
      [0, 30],
      [5, 6],
    ]) {
      const word = ranges.join('-');
      const plan: WordPlan = { word, exact: true, ranges, extra: new Set(), estimate: 0 };
      expect(heavy.groups(word)).toBeUndefined();
      heavy.bits(plan);
      const expected = new Map<number, number>();
      for (let r = 0; r < ranges.length; r += 2) {
        for (let i = counts[ranges[r]!]!; i < counts[ranges[r + 1]!]!; i++) {
          expected.set(values[i]!, ((expected.get(values[i]!) ?? 0) | groups[i]!) >>> 0);
        }
      }
      const kept = heavy.groups(word)!;
      const order = [...expected.keys()].sort((a, b) => a - b);
      expect([...kept.ordinals], word).toEqual(order);
      expect([...kept.masks], word).toEqual(order.map((ordinal) => expected.get(ordinal)));
    }
    // Without the documents' sections (an index of papers' fields), none are kept.
    const plain = new HeavyWords(base);
    plain.bits({ word: 'w', exact: true, ranges: [0, 30], extra: new Set(), estimate: 0 });
    expect(plain.groups('w')).toBeUndefined();
  });
});
