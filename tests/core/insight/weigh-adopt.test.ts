import { describe, expect, it } from 'vitest';
import { HASH_BITS } from '../../../electron/core/insight/terms';
import { TermWeights } from '../../../electron/core/insight/weigh';
import type { Paper } from '../../../electron/core/schema';

const paper = (title: string, abstract: string): Paper => ({ title, abstract }) as Paper;

describe("a kept model's document frequencies", () => {
  it('are taken as the table itself, and weigh papers as the counts they were made from', () => {
    const papers = [
      paper('Sparse attention for long documents', 'Attention over long documents, made sparse.'),
      paper('Long documents, sparse attention', 'Sparse attention again, for long documents.'),
      paper('Graph colouring bounds', 'Bounds on colouring graphs.'),
    ];
    const counted = new TermWeights();
    for (const p of papers) counted.count(p, 1);

    const kept = counted.frequencies.slice();
    const taken = new TermWeights();
    taken.adoptFrequencies(kept, counted.overflow());
    // Taken, not copied: the model's frequencies are the kept array (its own zeros are never written).
    expect(taken.frequencies).toBe(kept);

    const weighed = (weights: TermWeights): [number[], number[]] => {
      const terms = new Int32Array(48);
      const values = new Uint16Array(48);
      weights.weigh(papers[0]!, papers.length, terms, values, 0);
      return [[...terms], [...values]];
    };
    const [terms, values] = weighed(taken);
    expect(values[0]).toBeGreaterThan(0);
    expect([terms, values]).toEqual(weighed(counted));
    // A fresh table knows no term twice: nothing to weigh a paper by.
    expect(weighed(new TermWeights())[1][0]).toBe(0);
  });

  it('are refused when the table is of another size', () => {
    expect(() => new TermWeights().adoptFrequencies(new Uint16Array(1 << (HASH_BITS - 1)), new Int32Array(0))).toThrow(
      /terms/,
    );
  });

  it('count past 16 bits exactly, and are kept and taken back with the counts past it', () => {
    // 70,000 papers share "common" (past the 65,535 a table entry holds); 3 of them also share "rare".
    const weights = new TermWeights();
    const common = paper('common', '');
    const both = paper('common rare', '');
    for (let i = 0; i < 70_000 - 3; i++) weights.count(common, 1);
    for (let i = 0; i < 3; i++) weights.count(both, 1);
    const vector = (of: TermWeights): number[] => {
      const terms = new Int32Array(48);
      const values = new Uint16Array(48);
      of.weigh(both, 70_000, terms, values, 0);
      return [...values.subarray(0, 4)];
    };
    // Its terms "rare" and "common rare" (df 3) and "common" (df 70,000, not 65,535): each counted twice (the
    // title), so weighed by idf alone, log(1 + N / df), then normalised.
    const [rare, often] = [Math.log(1 + 70_000 / 3), Math.log(1 + 70_000 / 70_000)];
    const norm = Math.hypot(rare, rare, often);
    const [r, c] = [Math.round((rare / norm) * 0xffff), Math.round((often / norm) * 0xffff)];
    expect(vector(weights)).toEqual([r, r, c, 0]);
    expect(weights.overflow()).toHaveLength(2);
    expect(weights.overflow()[1]).toBe(70_000);

    const taken = new TermWeights();
    taken.adoptFrequencies(weights.frequencies.slice(), weights.overflow());
    expect(vector(taken)).toEqual(vector(weights));

    // Back under 16 bits, the count is the table's again.
    for (let i = 0; i < 10_000; i++) taken.count(common, -1);
    expect(taken.overflow()).toHaveLength(0);
    const fresh = new TermWeights();
    for (let i = 0; i < 60_000 - 3; i++) fresh.count(common, 1);
    for (let i = 0; i < 3; i++) fresh.count(both, 1);
    expect([...taken.frequencies]).toEqual([...fresh.frequencies]);
  });

  it('keep a count taken below 0 (a mistake) as it is, not wrapped round to 65,535, and follow it back', () => {
    const weights = new TermWeights();
    const kept = paper('Sparse attention', '');
    const other = paper('Sparse attention for graphs', '');
    weights.count(kept, 1);
    weights.count(kept, 1);
    weights.count(other, -1);
    expect(weights.overflow().filter((_, i) => i % 2 === 1)).toContain(-1);
    weights.count(other, 1);
    expect(weights.overflow()).toHaveLength(0);
    const fresh = new TermWeights();
    fresh.count(kept, 1);
    fresh.count(kept, 1);
    expect([...weights.frequencies]).toEqual([...fresh.frequencies]);
  });
});
