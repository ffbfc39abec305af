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
    taken.adoptFrequencies(kept);
    // Taken, not copied: the model's frequencies are the kept array (its own zeros are never written).
    expect(taken.frequencies).toBe(kept);

    const weighed = (weights: TermWeights): [number[], number[]] => {
      const terms = new Int32Array(48);
      const values = new Float32Array(48);
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
    expect(() => new TermWeights().adoptFrequencies(new Int32Array(1 << (HASH_BITS - 1)))).toThrow(/terms/);
  });
});
