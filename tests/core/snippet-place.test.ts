import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bestWindow, type WordPlaces } from '../../electron/core/search/passage-place';
import { packPdfText } from '../../electron/core/search/pdf-text';
import { pdfMatchOf } from '../../electron/core/search/pdf-snippet';
import { matchOf, matchWords } from '../../electron/core/search/snippet';
import { seeded } from './helpers';
import { pdfPages } from './pdf/files';
import { bare } from './search-reference';

let tracemonkey: string[] = [];
beforeAll(async () => {
  tracemonkey = await pdfPages('tracemonkey.pdf');
}, 60_000);

const marked = (text: string, marks: [number, number][]) => marks.map(([s, e]) => text.slice(s, e));

describe('a row’s passage for a search of several words', () => {
  it('is where the words are close together, not where a frequent one first is', () => {
    const text = packPdfText(tracemonkey);
    for (const query of ['sieve of Eratosthenes', 'primes[k]']) {
      const { page, snippet } = pdfMatchOf(text, matchWords(query));
      expect(page, query).toBe(2);
      const words = marked(snippet.text, snippet.marks).map((m) => m.toLowerCase());
      expect(words, query).toContain(query === 'primes[k]' ? 'primes' : 'eratosthenes');
    }
    expect(pdfMatchOf(text, matchWords('Eratosthenes')).page).toBe(2);
  });

  it('in an abstract, prefers the rare word’s place over the first stop word', () => {
    const paper = bare(seeded(75), {
      id: 'a',
      title: 'Primes',
      abstract: `The study of the ways of the old masters of ${'arithmetic and more, '.repeat(15)}and the sieve of Eratosthenes.`,
    });
    const { passage } = matchOf(paper, 'sieve of eratosthenes')!;
    expect(passage!.text).toContain('sieve of Eratosthenes');
  });
});

/** bestWindow as it was first written: every place paired with its word, sorted, then the sliding window. */
function windowReference(places: WordPlaces, weights: readonly number[]): { at: number; score: number } | undefined {
  const all = places.flatMap((list, word) => list.map((start) => [start, word] as const));
  if (all.length === 0) return undefined;
  all.sort((a, b) => a[0] - b[0]);
  const inWindow = places.map(() => 0);
  let score = 0;
  let best = { at: all[0]![0], score: -1 };
  let from = 0;
  for (const [start, word] of all) {
    if (inWindow[word]!++ === 0) score += weights[word]!;
    while (all[from]![0] < start - 130) {
      const left = all[from++]![1];
      if (--inWindow[left]! === 0) score -= weights[left]!;
    }
    if (score > best.score + 1e-9) best = { at: all[from]![0], score };
  }
  return best;
}

describe('the best window of several words’ places', () => {
  it('is the one a sort of all the places gives, ties to the earlier word', () => {
    const list = fc
      .uniqueArray(fc.integer({ min: 0, max: 2000 }), { maxLength: 40 })
      .map((starts) => starts.sort((a, b) => a - b));
    fc.assert(
      fc.property(fc.array(list, { minLength: 1, maxLength: 5 }), (places) => {
        const weights = places.map((_, w) => 1 / (w + 1));
        expect(bestWindow(places, weights)).toEqual(windowReference(places, weights));
      }),
      { numRuns: Number(process.env.PAPERQUEUE_FUZZ_RUNS) || 300 },
    );
  });
});
