import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { LinePlaces } from '../../electron/core/store/library-lines';

describe('where papers’ lines lie', () => {
  it('answers each paper’s line, -1 for a paper without one, past its first capacity', () => {
    const papers = Array.from({ length: 5000 }, (_, i) => ({ i }));
    const places = new LinePlaces(10);
    papers.forEach((paper, i) => i % 3 !== 1 && places.add(paper, 100 * i + 2 ** 33, 100 * i + 2 ** 33 + 97));
    papers.forEach((paper, i) => {
      if (i % 3 === 1) return expect(places.start(paper)).toBe(-1);
      expect([places.start(paper), places.end(paper)]).toEqual([100 * i + 2 ** 33, 100 * i + 2 ** 33 + 97]);
    });
    expect(places.start({})).toBe(-1);
  });

  it('keeps them in about 40 bytes of heap a paper (a pair of numbers in an array each took about 100)', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const papers = Array.from({ length: 50_000 }, (_, i) => ({ i }));
    gc();
    gc();
    const before = process.memoryUsage().heapUsed;
    const places = new LinePlaces(papers.length);
    papers.forEach((paper, i) => places.add(paper, 2000 * i, 2000 * i + 1999));
    gc();
    gc();
    const bytes = process.memoryUsage().heapUsed - before;
    expect(places.end(papers[7]!)).toBe(15_999);
    expect(bytes / papers.length).toBeLessThan(60);
  });
});
