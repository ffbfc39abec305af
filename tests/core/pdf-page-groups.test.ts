import { beforeAll, describe, expect, it, vi } from 'vitest';
import { searchableText } from '../../electron/core/pdf/page-text';
import type { Paper } from '../../electron/core/schema';
import { Catalog } from '../../electron/core/search/catalog';
import { pageGroup } from '../../electron/core/search/page-groups';
import { pdfMatchOf } from '../../electron/core/search/pdf-snippet';
import { PostingReader } from '../../electron/core/search/postings';
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

describe('a heavy word’s groups of pages', () => {
  it('are kept once a search reads it, and then looked up: the same groups, its postings not read again', () => {
    const random = seeded(41);
    // 600 words starting with "k", 500 or more of them in each of 45 PDFs: "k" has over 20,000 postings, a heavy
    // word (heavy-words.ts), as "ka" is among 1,000 real PDFs.
    const kWords = Array.from({ length: 600 }, (_, i) => `k${i.toString(36)}x`);
    const texts: Record<string, string[]> = {};
    for (let p = 0; p < 45; p++) {
      const pages = 1 + ((p * 5) % 60);
      const shuffled = [...kWords].sort(() => random() - 0.5).slice(0, 500 + p);
      texts[`p${p}`] = Array.from(
        { length: pages },
        (_, page) => shuffled.filter((_, i) => i % pages === page).join(' ') + (page % 3 === 0 ? ' walrus' : ''),
      );
    }
    const catalog = builtCatalog(texts);
    const ids = Object.keys(texts).filter((_, i) => i % 2 === 0);
    const before = catalog.pdfPageGroups(ids, ['k', 'walrus']);
    const visits = vi.spyOn(PostingReader.prototype, 'visitRows');
    catalog.pdfSearch.match(['k']);
    visits.mockClear();
    const after = catalog.pdfPageGroups(ids, ['k', 'walrus']);
    expect(after).toEqual(before);
    ids.forEach((id, i) => {
      expect(after[i]![0], id).toBe(groupsRead(texts[id]!, 'k'));
      expect(after[i]![1], id).toBe(groupsRead(texts[id]!, 'walrus'));
    });
    // "walrus" is read from its one term's postings; "k"'s 600 terms are not.
    expect(visits).toHaveBeenCalledTimes(1);
    visits.mockRestore();
  });
});

describe('a row’s passage for a search of several words in a PDF', () => {
  it('is the one reading every page gives, found by reading only the pages the index names', () => {
    const random = seeded(23);
    // Pages all ASCII, with a dash, curly quotes, a sign or an emoji only (read in their bytes: characters of
    // 2, 3 and 4 bytes), or with letters past ASCII (folded as the index folds them). Some pages are longer than
    // a passage reads, which then decodes a window of the page.
    const vocabulary = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu'.split(' ');
    const past = ['bétä', 'θeta', 'Ålpha'];
    const pdfs: Record<string, string[]> = {};
    for (let p = 0; p < 40; p++) {
      const pages = 1 + Math.floor(random() * (p % 4 === 0 ? 50 : 12));
      pdfs[`p${p}`] = Array.from({ length: pages }, () =>
        Array.from({ length: 10 + Math.floor(random() * (p % 5 === 1 ? 400 : 80)) }, () => {
          const word = vocabulary[Math.floor(random() * vocabulary.length)]!;
          const r = random();
          if (r < 0.1) return word.toUpperCase();
          if (r < 0.13) return `“${word}” —`;
          return r < 0.15 ? `${word} §🙂` : word;
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

describe('a row’s passage when two pages tie', () => {
  it('is on the earlier page, read though its words weigh no more than the best place found', () => {
    const filler = 'x '.repeat(200);
    // "alpha" on pages 1 and 3 (weighs 1/2), "beta" on pages 2 to 4 (1/3): page 3 could hold both, but has them
    // apart, so its best place is "alpha" alone (1/2); page 1's "alpha" ties it, and page 1 comes first.
    const text = packPdfText([`alpha ${filler}`, `beta ${filler}`, `alpha ${filler} beta`, `beta ${filler}`]);
    const terms = matchWords('alpha beta');
    const groups = Uint32Array.of(0b0101, 0b1110);
    const found = pdfMatchOf(text, terms, 0, undefined, { groups });
    expect(found.page).toBe(1);
    expect(found).toEqual(pdfMatchOf({ bytes: text.bytes, ends: text.ends }, terms));
    // Hinted, page 3 wins the tie.
    expect(pdfMatchOf(text, terms, 3, undefined, { groups }).page).toBe(3);
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

describe('a row’s passage for a rare word and frequent ones', () => {
  it('looks for the frequent words near the rare one’s places, and reads a page without it in full', () => {
    const filler = 'x '.repeat(100);
    // 128 pages, four a group: "alpha" is on page 4 only, beyond the three pages looked at in its group.
    const pages = Array.from({ length: 128 }, (_, i) => `beta ${filler} gamma ${i === 3 ? 'alpha' : ''} beta gamma`);
    const text = packPdfText(pages);
    const terms = matchWords('alpha beta gamma');
    const groups = Uint32Array.of(1, ~0 >>> 0, ~0 >>> 0);
    const found = pdfMatchOf(text, terms, 0, undefined, { groups });
    // Pages 1 to 3 have no "alpha": read in full, page 1's "beta gamma" is the best place found.
    expect(found.page).toBe(1);
    expect(found.snippet.text).toMatch(/beta gamma$/);
    expect(found).toEqual(pdfMatchOf({ bytes: text.bytes, ends: text.ends }, terms));
    // Near "alpha" on page 4: its "gamma" and "beta" after it, not the "beta" a window's reach before it.
    const hinted = pdfMatchOf(text, terms, 4, undefined, { groups });
    expect(hinted.page).toBe(4);
    expect(hinted.snippet.text).toMatch(/^… ?(x )*gamma alpha beta gamma$/);
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
