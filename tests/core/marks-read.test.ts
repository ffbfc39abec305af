import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markTyped, markTypos } from '../../electron/core/search/marks';
import { foldText } from '../../electron/core/text';
import { isTypoOf } from '../../electron/core/search/typo';

const RUNS = Number(process.env.PAPERQUEUE_FUZZ_RUNS) || 300;

/** A typo's neighbours as the words of a text read one by one: each run of letters and digits, folded. */
function reference(text: string, typos: readonly string[], limit: number): [number, number][] {
  const marks: [number, number][] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (marks.length >= limit) break;
    if (
      foldText(m[0])
        .split(' ')
        .some((part) => typos.some((word) => isTypoOf(part, word)))
    )
      marks.push([m.index, m.index + m[0].length]);
  }
  return marks;
}

describe('the neighbours of a word read as a typo, in a long text', () => {
  it('are those a reading of each word finds, in text with dashes, quotes, accents, ligatures, scripts', () => {
    // What a PDF's page has: ASCII words, and now and then a curly quote, a dash, an accent, a Greek or
    // mathematical letter, a combining accent, a letter whose lower case is longer (İ) and a ligature.
    const pieces = [
      'walrus',
      'Walrsu',
      'WALRUS',
      'walrs',
      'wlarus',
      'walruses',
      ' ',
      ' ',
      '\n',
      '-',
      '“',
      '”',
      '—',
      'é',
      'walrús',
      'İ',
      'Σ',
      'ς',
      '𝑥',
      'ﬁ',
      'ß',
      '\u0301',
      '1',
      'x',
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(
        text,
        fc.constantFrom('walrus', 'walruss', 'ﬁwalrus'),
        fc.integer({ min: 1, max: 5 }),
        (page, typo, limit) => {
          expect(markTypos(page, [typo], limit)).toEqual(reference(page, [typo], limit));
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('the neighbours of words read as typos, in ASCII text', () => {
  it('are those a reading of each word finds, for one or several typos, in any case', () => {
    // Words that start with a typo's first or second letter, or have it second, and words that do not.
    const pieces = ['walrus', 'Walrsu', 'WALRUS', 'walrs', 'wlarus', 'awlrus', 'alrus', 'tusks', 'Tuskss', 'utsks'];
    const text = fc
      .array(fc.oneof(fc.constantFrom(...pieces), fc.constantFrom(' ', '\n', '-', '.', '1', 'x', 'Q', 'ka', 'ivroy')), {
        maxLength: 40,
      })
      .map((parts) => parts.join(''));
    const typos = fc.subarray(['walrus', 'tusks', 'ivory', 'walruss'], { minLength: 1 });
    fc.assert(
      fc.property(text, typos, fc.integer({ min: 1, max: 5 }), (page, words, limit) => {
        expect(markTypos(page, words, limit)).toEqual(reference(page, words, limit));
      }),
      { numRuns: RUNS },
    );
  });
});

/** The words a query word starts in ASCII text, each word's places found in the lower-cased text, in order. */
function typedReference(text: string, words: readonly string[], limit: number): [number, number][] {
  const lower = text.toLowerCase();
  const starts = new Map<number, number>();
  for (const word of words) {
    for (let at = lower.indexOf(word); at !== -1; at = lower.indexOf(word, at + 1)) {
      if (at > 0 && /[a-z0-9]/.test(lower[at - 1]!)) continue;
      let end = at + word.length;
      while (end < lower.length && /[a-z0-9]/.test(lower[end]!)) end++;
      starts.set(at, end);
    }
  }
  return [...starts].sort((a, b) => a[0] - b[0]).slice(0, limit);
}

describe('the words a search’s words start, in ASCII text', () => {
  it('are those each word’s places in the lower-cased text give, in any case, at word starts only', () => {
    const pieces = ['ne', 'Ne', 'NE', 'nelu', 'rane', 'ka', 'Kaka', 'x1', ' ', ' ', '-', '.', '(', '_', '9'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));
    const words = fc.uniqueArray(fc.constantFrom('ne', 'nel', 'ka', 'x', '9', 'e'), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(text, words, fc.integer({ min: 1, max: 12 }), (page, query, limit) => {
        expect(markTyped(page, query, limit)).toEqual(typedReference(page, query, limit));
      }),
      { numRuns: RUNS },
    );
  });
});
