import { describe, expect, it } from 'vitest';
import { TermIndex } from '../../../electron/core/insight/term-index';
import { HASH_BITS } from '../../../electron/core/insight/terms';
import { TERMS_PER_PAPER, WEIGHT_STEPS } from '../../../electron/core/insight/weigh';
import { seeded } from '../helpers';

/** Vectors of `papers` slots with up to `most` terms each (some none), heaviest first, then zeros. */
function vectors(papers: number, most: number, seed: number) {
  const random = seeded(seed);
  const terms = new Int32Array(papers * TERMS_PER_PAPER);
  const weights = new Uint16Array(papers * TERMS_PER_PAPER);
  for (let slot = 0; slot < papers; slot++) {
    const used = Math.floor(random() * (most + 1));
    for (let k = 0; k < used; k++) {
      // Skewed towards small hashes, as common terms are shared: long runs and short ones.
      terms[slot * TERMS_PER_PAPER + k] = Math.floor(random() * random() * (1 << HASH_BITS));
      weights[slot * TERMS_PER_PAPER + k] = Math.round((1 - k / 64 - random() / 128) * WEIGHT_STEPS);
    }
  }
  return { terms, weights };
}

/** The index as plainly as it can be made: every entry in use, sorted by term, then by where it is. */
function reference(papers: number, terms: Int32Array, weights: Uint16Array) {
  const entries: [term: number, position: number][] = [];
  for (let p = 0; p < papers * TERMS_PER_PAPER; p++) if (weights[p] !== 0) entries.push([terms[p]!, p]);
  entries.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const runTerms: number[] = [];
  const start: number[] = [];
  entries.forEach(([term], i) => {
    if (runTerms.at(-1) !== term) {
      runTerms.push(term);
      start.push(i);
    }
  });
  start.push(entries.length);
  return {
    terms: runTerms,
    start,
    slots: entries.map(([, p]) => Math.floor(p / TERMS_PER_PAPER)),
    weights: entries.map(([, p]) => weights[p]!),
  };
}

describe("the relevance model's term index", { timeout: 60_000 }, () => {
  for (const [papers, most, seed] of [
    [3000, 12, 1],
    [19_000, 30, 2],
    // A first model of a large library (a few title terms each): sorted by radix, not by the term space.
    [60_000, 5, 3],
  ] as const) {
    it(`lists each term's papers in slot order (${papers} papers, up to ${most} terms each)`, () => {
      const { terms, weights } = vectors(papers, most, seed);
      const index = new TermIndex();
      index.build(papers, terms, weights);
      const built = index.arrays();
      const expected = reference(papers, terms, weights);
      expect([...built.terms]).toEqual(expected.terms);
      expect([...built.start]).toEqual(expected.start);
      expect([...built.slots]).toEqual(expected.slots);
      expect([...built.weights]).toEqual(expected.weights.map((w) => Math.fround(w)));
    });
  }
});
