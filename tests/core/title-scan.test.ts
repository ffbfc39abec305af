import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../electron/core/schema';
import type { Documents } from '../../electron/core/search/build';
import { TitleScan } from '../../electron/core/search/title-scan';
import { foldedWords } from '../../electron/core/search/tokenize';

const RUNS = Number(process.env.PAPERQUEUE_FUZZ_RUNS) || 100;

/** Titles and authors that fold in every way foldText knows, and free ordinals between them. */
const TITLES: (readonly [string, readonly string[]] | undefined)[] = [
  ['Deep Nets, Revisited', ['Ada Lovelace']],
  ['Straße über Café', ['Émile Zola']],
  ['A line\nbreak\tand tab', ["O'Brien"]],
  ['Quotes \u2019round', ['O\u2019Hara']],
  undefined,
  ['The $\\varepsilon$-net of \\vartheta', ['Var Iance']],
  ['θ-estimation for pθ', []],
  ['', ['Only Author']],
  ['UPPER lower 42x', ['x-y_z']],
  undefined,
  ['Plain ascii title', ['Grace Hopper', 'Alan Turing']],
];

/** The titles as the library's documents, live: a change to `titles` is what the scan reads next. */
function library(titles: typeof TITLES): Documents {
  const paper = (entry: (typeof TITLES)[number]) =>
    entry && ({ title: entry[0], authors: entry[1] } as unknown as Paper);
  return {
    get count() {
      return titles.length;
    },
    at: (ordinal) => paper(titles[ordinal]),
  };
}

/** What the scan should find: for each word, a title or author word starting with it. */
function expected(titles: typeof TITLES, words: string[]): number[] {
  return titles.flatMap((entry, ordinal) => {
    if (!entry) return [];
    const own = foldedWords([entry[0], ...entry[1]].join(' '));
    return words.every((word) => own.some((term) => term.startsWith(word))) ? [ordinal] : [];
  });
}

describe('TitleScan', () => {
  // Every word of every title, its prefixes, and pairs: the scan agrees with foldText's words on each.
  const words = [...new Set(TITLES.flatMap((entry) => (entry ? foldedWords([entry[0], ...entry[1]].join(' ')) : [])))];
  const queries = [
    ...words.map((word) => [word]),
    ...words.map((word) => [word.slice(0, 2)]),
    ...words.flatMap((a, i) => words.slice(i + 1, i + 4).map((b) => [a, b])),
    ['line', 'break'],
    ['epsilon', 'theta'],
    ['strasse'],
  ];

  it('finds what foldText finds', () => {
    const scan = new TitleScan(library(TITLES));
    for (const query of queries) {
      expect(
        [...scan.match(query).ordinals].sort((a, b) => a - b),
        query.join(' '),
      ).toEqual(expected(TITLES, query));
    }
  });

  it('knows a word as the search would find it, and forgets what it knew when a paper changes', () => {
    const titles = [...TITLES];
    const scan = new TitleScan(library(titles));
    for (const word of [...words, 'zz', 'netw', 'xylophone', 'lovel']) {
      expect(scan.knows(word), word).toBe(expected(titles, [word]).length > 0);
    }
    // A paper renamed: the words it had are gone (asked once already), its new word is known.
    const renamed = titles.findIndex((entry) => entry?.[0] === 'Plain ascii title');
    titles[renamed] = ['Xylophone studies', []];
    scan.changed(renamed);
    expect(scan.knows('xylophone')).toBe(true);
    expect(scan.knows('hopper')).toBe(false);
    // A paper added past the folded ones is known too.
    titles.push(['Zzyzx road', []]);
    scan.changed(titles.length - 1);
    expect(scan.knows('zz')).toBe(true);
  });

  it('does not join two papers, or a title and the next paper, into one word', () => {
    const scan = new TitleScan(
      library([
        ['ends with net', []],
        ['work begins', []],
      ]),
    );
    expect(scan.match(['network']).count).toBe(0);
    expect([...scan.match(['net']).ordinals]).toEqual([0]);
    expect([...scan.match(['work']).ordinals]).toEqual([1]);
  });

  it('keeps a library folded in many slices in order, each paper at its own ordinal', () => {
    const many = Array.from({ length: 1000 }, (_, i) => [`Paper number w${i} é${i % 3 ? '' : 'x'}`, []] as const);
    const scan = new TitleScan(library(many));
    // A deadline already past: each step folds one part, as the background's slices do.
    let steps = 1;
    while (!scan.step(0)) steps++;
    expect(steps).toBeGreaterThan(1);
    for (const i of [0, 255, 256, 511, 999]) expect([...scan.match([`w${i}`]).ordinals]).toEqual([i]);
    expect(scan.match(['ex']).count).toBe(334);
  });

  it('finds what foldText finds in any titles, by the first letters of words that many papers share', () => {
    // Few letters, so that many words share their first three; signs, digits, letters past ASCII and line
    // breaks between them.
    const letter = fc.constantFrom('a', 'b', 'c', 'A', '1', 'é', 'ß', 'θ', '-', ' ', '\n', "'");
    const text = fc.array(letter, { maxLength: 14 }).map((letters) => letters.join(''));
    const entry = fc.option(fc.tuple(text, fc.array(text, { maxLength: 3 })), { nil: undefined, freq: 8 });
    const word = fc.array(fc.constantFrom('a', 'b', 'c', '1', 'é', 'ss', 'θ'), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 40 }),
        fc.array(
          fc.array(
            word.map((letters) => letters.join('')),
            { minLength: 1, maxLength: 3 },
          ),
          { maxLength: 12 },
        ),
        fc.array(fc.tuple(fc.nat(), entry), { maxLength: 3 }),
        (titles, queries, renames) => {
          const live = [...titles];
          const scan = new TitleScan(library(live));
          const check = () => {
            for (const query of queries) {
              expect(
                [...scan.match(query).ordinals].sort((a, b) => a - b),
                query.join(' '),
              ).toEqual(expected(live, query));
              for (const one of query) expect(scan.knows(one), one).toBe(expected(live, [one]).length > 0);
            }
          };
          check();
          // Papers changed after the fold, and one added: each is checked on its own.
          for (const [at, renamed] of renames) {
            const ordinal = live.length === 0 ? 0 : at % (live.length + 1);
            live[ordinal] = renamed;
            scan.changed(ordinal);
          }
          check();
        },
      ),
      { numRuns: RUNS },
    );
  });
});
