import { beforeAll, describe, expect, it } from 'vitest';
import { searchableText } from '../../electron/core/pdf/page-text';
import type { Paper } from '../../electron/core/schema';
import { Catalog } from '../../electron/core/search/catalog';
import { pageGroup } from '../../electron/core/search/page-groups';
import { pdfMatchOf } from '../../electron/core/search/pdf-snippet';
import { joinPdfTexts, packPdfText, PAGE_ASCII, PAGE_FOLDS, splitPdfText } from '../../electron/core/search/pdf-text';
import { matchWords } from '../../electron/core/search/snippet';
import { foldedWords } from '../../electron/core/search/tokenize';
import { seeded } from './helpers';
import { pdfPages as extractedPages } from './pdf/files';
import { bare } from './search-reference';

/*
 * The PDF index keeps, beside each word's posting, the groups of pages it is on (page-groups.ts), and a row's
 * passage for a search of several words reads only the pages those groups say could hold its best place.
 */

let tracemonkey: string[] = [];
beforeAll(async () => {
  tracemonkey = await extractedPages('tracemonkey.pdf');
}, 60_000);

/** A catalog of one paper a PDF text, its PDF index built. */
function builtCatalog(texts: Record<string, string[]>): Catalog {
  const random = seeded(7);
  const papers: Paper[] = Object.keys(texts).map((id, rank) => bare(random, { id, rank, title: `Paper ${id}` }));
  const catalog = new Catalog();
  catalog.reset(papers);
  for (const [id, pages] of Object.entries(texts)) catalog.setPdfText(id, pages);
  catalog.pdfSearch.startBuild();
  catalog.pdfSearch.step(Infinity);
  return catalog;
}

/** The groups of the pages whose searchable text has a word starting with `word`, read from the pages. */
function groupsRead(pages: readonly string[], word: string): number {
  let mask = 0;
  pages.forEach((page, i) => {
    if (foldedWords(searchableText(page)).some((found) => found.startsWith(word)))
      mask |= 1 << pageGroup(i, pages.length);
  });
  return mask >>> 0;
}

describe('the groups of pages the PDF index keeps for each word', () => {
  it('are the pages with it in a short PDF, runs of pages in a long one, none for a PDF changed since', () => {
    const random = seeded(11);
    const vocabulary = ['walrus', 'seal', 'tusk', 'ivory', 'arctic', 'kelp', 'orca', 'krill', 'floe', 'narwhal'];
    const long = Array.from({ length: 70 }, () =>
      Array.from({ length: 12 }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' '),
    );
    const catalog = builtCatalog({ tm: tracemonkey, long });
    const words = ['nanojit', 'trace', 'equilibrium', 'narwhal', 'walrus', 'k', 'zzzz'];
    const [tm, longGroups] = catalog.pdfPageGroups(['tm', 'long'], words);
    // NANOJIT is on pages 7, 8 and 11; "equilibrium" only on page 5.
    expect(tm![0]).toBe((1 << 6) | (1 << 7) | (1 << 10));
    expect(tm![2]).toBe(1 << 4);
    words.forEach((word, w) => {
      expect(tm![w], word).toBe(groupsRead(tracemonkey, word));
      expect(longGroups![w], word).toBe(groupsRead(long, word));
    });
    // 70 pages in 32 groups: page 69 is in the last.
    expect(pageGroup(69, 70)).toBe(31);
    expect(longGroups![6]).toBe(0);
    // A PDF whose text changed after the build: its pages tell, not the index.
    catalog.setPdfText('long', long.slice(0, 3));
    expect(catalog.pdfPageGroups(['long', 'tm', 'nobody'], ['walrus'])).toEqual([
      undefined,
      expect.any(Uint32Array),
      undefined,
    ]);
  });
});

describe('a row’s passage for a search of several words in a PDF', () => {
  it('is the one reading every page gives, found by reading only the pages the index names', () => {
    const random = seeded(23);
    // Pages all ASCII, with a dash or curly quotes only, or with letters past ASCII (folded as the index folds them).
    const vocabulary = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu'.split(' ');
    const past = ['bétä', 'θeta', 'Ålpha'];
    const pdfs: Record<string, string[]> = {};
    for (let p = 0; p < 40; p++) {
      const pages = 1 + Math.floor(random() * (p % 4 === 0 ? 50 : 12));
      pdfs[`p${p}`] = Array.from({ length: pages }, () =>
        Array.from({ length: 10 + Math.floor(random() * 80) }, () => {
          const word = vocabulary[Math.floor(random() * vocabulary.length)]!;
          const r = random();
          return r < 0.1 ? word.toUpperCase() : r < 0.13 ? `“${word}” —` : word;
        })
          .concat(p % 3 === 0 ? [past[p % past.length]!] : [])
          .join(random() < 0.3 ? '\n' : ' '),
      );
    }
    const catalog = builtCatalog(pdfs);
    let compared = 0;
    for (let q = 0; q < 300; q++) {
      const query = Array.from({ length: 2 + Math.floor(random() * 3) }, () =>
        vocabulary[Math.floor(random() * vocabulary.length)]!.slice(0, 1 + Math.floor(random() * 5)),
      ).join(' ');
      const terms = matchWords(query);
      const id = `p${q % 40}`;
      const text = catalog.pdfTextOf(id)!;
      const groups = catalog.pdfPageGroups([id], terms.words)[0]!;
      expect(groups, query).toBeDefined();
      for (const hint of [0, 1 + Math.floor(random() * pdfs[id]!.length)]) {
        // Read page by page, and without what packing said of each page (all ASCII, letters past ASCII).
        const unknown = { bytes: text.bytes, ends: text.ends };
        expect(pdfMatchOf(text, terms, hint, undefined, { groups }), `${query} in ${id}, hint ${hint}`).toEqual(
          pdfMatchOf(unknown, terms, hint),
        );
        compared++;
      }
    }
    expect(compared).toBe(600);
  });

  it('reads a page only if its groups could hold a better place than the best found', () => {
    const filler = 'x '.repeat(200);
    const text = packPdfText([`alpha beta together. ${filler}`, `alpha alone. ${filler} beta alone.`]);
    const terms = matchWords('alpha beta');
    // Read page by page: both words are on both pages, together only on page 1.
    expect(pdfMatchOf(text, terms).page).toBe(1);
    // Told that both words are only on page 2, the passage is read there alone: page 1 is never read.
    const groups = Uint32Array.of(1 << 1, 1 << 1);
    expect(pdfMatchOf(text, terms, 0, undefined, { groups }).page).toBe(2);
  });
});

describe('a row’s passage for words on most pages of a PDF', () => {
  it('comes from the three likeliest pages, not from reading them all', () => {
    const filler = 'x '.repeat(200);
    const apart = `alpha ${filler} beta ${filler} gamma`;
    // The three words on all five pages (each as likely), together only on page 5.
    const text = packPdfText([apart, apart, apart, apart, `alpha beta gamma ${filler}`]);
    const terms = matchWords('alpha beta gamma');
    const all = ~0 >>> (32 - 5);
    const groups = Uint32Array.of(all, all, all);
    // The three likeliest, pages 1 to 3, are looked at, and none of them beats the first.
    expect(pdfMatchOf(text, terms, 0, undefined, { groups }).page).toBe(1);
    // With page 5 hinted (where the search saw the words first), it is looked at first, and wins.
    expect(pdfMatchOf(text, terms, 5, undefined, { groups }).page).toBe(5);
    // Without the index's groups (every page read for them), the same three pages are looked at.
    expect(pdfMatchOf(text, terms).page).toBe(1);
  });
});

describe('what a PDF’s pages are made of, as packing finds it', () => {
  it('says which pages are all ASCII and which have a letter past ASCII, in one PDF or several joined', () => {
    const one = packPdfText(['plain words', 'a dash — and “quotes”', 'Schrödinger', 'x ± 2 → y']);
    expect([...one.kinds!]).toEqual([PAGE_ASCII, 0, PAGE_FOLDS, 0]);
    const two = packPdfText(['θ', 'x']);
    const joined = joinPdfTexts(
      [
        { hash: 'a', text: one },
        { hash: 'b', text: two },
      ],
      true,
    )!;
    expect([...joined.kinds!]).toEqual([PAGE_ASCII, 0, PAGE_FOLDS, 0, PAGE_FOLDS, PAGE_ASCII]);
    expect(splitPdfText(joined).map((part) => [...part.text.kinds!])).toEqual([
      [PAGE_ASCII, 0, PAGE_FOLDS, 0],
      [PAGE_FOLDS, PAGE_ASCII],
    ]);
  });
});
