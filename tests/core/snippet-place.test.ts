import { beforeAll, describe, expect, it } from 'vitest';
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
