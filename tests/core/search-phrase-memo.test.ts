import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryPapers } from '../../electron/core/query';
import type { Paper } from '../../electron/core/schema';
import { holds, phraseReads } from '../../electron/core/search/phrase-memo';
import { foldedWords, searchedFields } from '../../electron/core/search/tokenize';
import { seeded } from './helpers';
import { bare, ids, pick, query, randomPaper, referenceFilter, Twin } from './search-reference';

const RUNS = Number(process.env.PAPERQUEUE_FUZZ_RUNS) || 100;

/** The plain reading of a phrase: some field whose folded words have the phrase's words, in order, each a prefix. */
function hasPhrase(paper: Paper, phrase: readonly string[]): boolean {
  let found = false;
  searchedFields(paper, (text) => {
    const words = foldedWords(text);
    for (let i = 0; i + phrase.length <= words.length && !found; i++)
      found = phrase.every((word, k) => words[i + k]!.startsWith(word));
  });
  return found;
}

/** The ids a phrase search finds, read plainly from every paper. */
function plainly(twin: Twin, phrase: readonly string[]): string[] {
  const papers = [...twin.papers.values()];
  return ids(referenceFilter(papers, query({ text: phrase.join(' ') })).filter((paper) => hasPhrase(paper, phrase)))
    .slice()
    .sort();
}

const found = (twin: Twin, text: string): string[] => ids(queryPapers(twin.catalog, query({ text }))).sort();

describe('phrases of common words: papers read for a phrase are not read again', () => {
  it('a phrase searched again, typed on or cut back reads only the papers earlier answers do not settle', () => {
    const random = seeded(81);
    const papers: Paper[] = [];
    // 30 papers with "red giant", 20 with both words apart, 10 with neither.
    for (let i = 0; i < 30; i++)
      papers.push(
        bare(random, { id: `rg${i}`, title: 'On stars', abstract: `A red giant ${i % 3 ? 'star' : 'branch'}.` }),
      );
    for (let i = 0; i < 20; i++)
      papers.push(bare(random, { id: `apart${i}`, title: 'Red dwarfs', abstract: 'Not giant.' }));
    for (let i = 0; i < 10; i++) papers.push(bare(random, { id: `none${i}`, title: 'Galaxies' }));
    const twin = new Twin(papers);
    const reads = (text: string): [number, number] => {
      const before = phraseReads(twin.catalog);
      const count = queryPapers(twin.catalog, query({ text })).length;
      return [count, phraseReads(twin.catalog) - before];
    };
    // The index leaves the 50 papers with both words; each is read once.
    expect(reads('"red giant"')).toEqual([30, 50]);
    // Asked again (the list's next page): nothing is read.
    expect(reads('"red giant"')).toEqual([30, 0]);
    // Typed on: only the 30 papers with "red giant" can have "red giant s".
    expect(reads('"red giant s"')).toEqual([20, 30]);
    expect(reads('"red giant st"')).toEqual([20, 20]);
    // Cut back: the papers with the longer phrase have the shorter, only the rest are read.
    expect(reads('"red giant s"')).toEqual([20, 0]);
    expect(reads('"red gian"')).toEqual([30, 20]);
    // A paper's text changes: every kept answer is dropped, and the next search reads again.
    twin.replace({ ...twin.papers.get('apart0')!, abstract: 'A red giant, at last.' });
    expect(reads('"red giant"')).toEqual([31, 50]);
    // A status change leaves the text as it was: the answers stay.
    twin.replace({ ...twin.papers.get('rg0')!, status: 'read' });
    expect(reads('"red giant"')).toEqual([31, 0]);
  });

  it('a phrase holds another when a run of its words start with the other’s, in order', () => {
    expect(holds(['the', 'state', 'of'], ['the', 'state'])).toBe(true);
    expect(holds(['the', 'state', 'of'], ['he', 'sta'])).toBe(false);
    expect(holds(['the', 'state', 'of'], ['st', 'o'])).toBe(true);
    expect(holds(['the', 'state'], ['the', 'state', 'of'])).toBe(false);
    expect(holds(['state', 'the'], ['the', 'state'])).toBe(false);
  });

  it('agree with the plain reading through searches typed, repeated and cut back, and changes between them', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 30 }),
        fc.array(fc.constantFrom('type', 'type', 'again', 'back', 'change', 'gain', 'lose', 'new'), {
          minLength: 4,
          maxLength: 24,
        }),
        (seed, steps) => {
          const random = seeded(seed);
          const twin = new Twin(Array.from({ length: 40 }, () => randomPaper(random)));
          // A run of consecutive words of some paper's field, as typed so far: [words, letters of the last shown].
          let words: string[] = [];
          let shown: string[] = [];
          const start = (): void => {
            const source = pick(random, [...twin.papers.values()]);
            const fieldWords = foldedWords(pick(random, [source.title, source.abstract, ...source.authors]));
            const from = Math.floor(random() * Math.max(1, fieldWords.length - 2));
            words = fieldWords.slice(from, from + 4);
            shown = words.slice(0, 2).map((word) => word.slice(0, 1 + Math.floor(random() * word.length)));
          };
          start();
          for (const step of steps) {
            if (step === 'change') twin.mutate(random);
            // A paper read for the phrase before gets it in its note, or one that has it loses its text.
            else if (step === 'gain') {
              const paper = pick(random, [...twin.papers.values()]);
              twin.replace({ ...paper, note: `so ${words.join(' ')}` });
            } else if (step === 'lose') {
              const having = [...twin.papers.values()].filter((paper) => hasPhrase(paper, shown));
              if (having.length > 0) twin.replace(randomPaper(random, pick(random, having).id));
            } else if (step === 'new') start();
            // A field of fewer than two words gives no phrase until the next one.
            else if (shown.length < 2) continue;
            else if (step === 'back') {
              const last = shown.length - 1;
              if (shown[last]!.length > 1) shown[last] = shown[last]!.slice(0, -1);
              else if (shown.length > 2) shown.pop();
            } else if (step === 'type') {
              const last = shown.length - 1;
              const word = words[last] ?? '';
              if (shown[last]!.length < word.length) shown[last] = word.slice(0, shown[last]!.length + 1);
              else if (shown.length < words.length) shown.push(words[shown.length]!.slice(0, 1));
            }
            if (shown.length < 2) continue;
            const text = `"${shown.join(' ')}"`;
            expect(found(twin, text), text).toEqual(plainly(twin, shown));
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});
