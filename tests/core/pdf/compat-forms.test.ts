import { beforeAll, describe, expect, it } from 'vitest';
import { searchableText } from '../../../electron/core/pdf/page-text';
import { queryPapers } from '../../../electron/core/query';
import type { Paper } from '../../../electron/core/schema';
import { Catalog } from '../../../electron/core/search/catalog';
import { seeded } from '../helpers';
import { bare, ids, query } from '../search-reference';
import { pdfPages } from './files';

/** The PDFs' text as extracted (and cached): the index reads it through searchableText. */
const pages: Record<string, string[]> = {};
beforeAll(async () => {
  for (const name of ['copy_paste_ligatures.pdf', 'ArabicCIDTrueType.pdf', 'bug1937438_af_from_latex.pdf'])
    pages[name] = await pdfPages(name);
}, 60_000);

/** A catalog of one paper per PDF, titled without any of the PDF's words, each with its PDF's text. */
function catalog(): Catalog {
  const random = seeded(33);
  const names = Object.keys(pages);
  const papers: Paper[] = names.map((name, rank) =>
    bare(random, { id: `p${rank}`, rank, status: 'queued', title: `Paper ${rank}` }),
  );
  const result = new Catalog();
  result.reset(papers);
  names.forEach((name, i) => result.setPdfText(`p${i}`, pages[name]));
  return result;
}

const find = (c: Catalog, text: string) => ids(queryPapers(c, query({ text })));

describe('the PDF text the search index reads is NFKC-folded where a PDF stores compatibility forms', () => {
  it('keeps no ligature, presentation form or mathematical letter that NFKC would change', () => {
    const folded = /[\uFB00-\uFDFF\uFE70-\uFEFF\uFF00-\uFFEF\u{1D400}-\u{1D7FF}]/u;
    for (const [name, text] of Object.entries(pages)) {
      const left = [...text.map(searchableText).join('\n')].filter(
        (ch) => folded.test(ch) && ch.normalize('NFKC') !== ch,
      );
      expect({ name, left }).toEqual({ name, left: [] });
    }
    // pdfLaTeX's math italic (U+1D465, U+1D466) reads as the letters typed.
    expect(searchableText(pages['bug1937438_af_from_latex.pdf']!.join('\n'))).toContain('let x and y satisfy x > y');
  });

  it('finds the words a person types: a prefix of the long ligature word, the whole word, Arabic, a math phrase', () => {
    const c = catalog();
    // The page's one word: abcdef, then ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ spelled out, then ghijklmno (30 letters).
    expect(searchableText(pages['copy_paste_ligatures.pdf']![0]!)).toContain('abcdeffffiflffifflststghijklmno');
    expect(find(c, 'abcd')).toEqual(['p0']);
    expect(find(c, 'abcdeffffiflffifflststghijklmno')).toEqual(['p0']);
    // The search matches the starts of words: the end of one word alone is not a word.
    expect(find(c, 'ghijklmno')).toEqual([]);
    // Typed letters, not the PDF's shaped presentation forms.
    expect(find(c, 'العربية')).toEqual(['p1']);
    expect(find(c, '"x and y satisfy"')).toEqual(['p2']);
  });
});
