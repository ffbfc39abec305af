import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PdfTextCache } from '../../../electron/core/attachments/text-cache';
import { extractPdf } from '../../../electron/core/pdf';
import { pageText, searchableText } from '../../../electron/core/pdf/page-text';
import { queryPage, queryPapers } from '../../../electron/core/query';
import { Catalog } from '../../../electron/core/search/catalog';
import { seeded } from '../helpers';
import { bare, ids, query } from '../search-reference';
import { PDFS, pdfBytes } from './files';

// ArabicCIDTrueType.pdf's one page: four lines, each the three words "انواع الخطوط العربية" ("kinds of Arabic
// fonts"), which the PDF draws left to right (العربية first). PDF.js gives each word in logical order.
const KINDS = 'اﻧﻮاع';
const FONTS = 'اﳋﻄﻮط';
const ARABIC = 'اﻟﻌﺮﺑﻴﺔ';

let arabic: string[] = [];
beforeAll(async () => {
  arabic = (await extractPdf(await pdfBytes('ArabicCIDTrueType.pdf'))).pages;
}, 60_000);

/** Each page's text as it was joined before right-to-left words were put in order: every item in PDF.js's order. */
async function drawingOrderPages(name: string): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(await readFile(new URL(name, PDFS)));
  const doc = await getDocument({ data, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const { items } = await (await doc.getPage(n)).getTextContent({ disableNormalization: true });
    pages.push(items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  await doc.destroy();
  return pages;
}

describe('right-to-left text in a PDF', () => {
  it('reads each line of Arabic in logical order, its words right to left', () => {
    expect(arabic).toHaveLength(1);
    const line = `${KINDS} ${FONTS} ${ARABIC}`;
    expect(arabic[0]).toBe([line, line, line, line].join('\n'));
    // The letters a person types, in the order they type them.
    expect(searchableText(arabic[0]!).slice(0, 20)).toBe('انواع الخطوط العربية');
  });

  it('finds the paper by two Arabic words in a row, typed in logical order, and not in the reverse order', () => {
    const random = seeded(7);
    const papers = [
      bare(random, { id: 'ar', rank: 1, status: 'queued', title: 'A specimen of Arabic type' }),
      bare(random, { id: 'other', rank: 0, status: 'queued', title: 'Unrelated' }),
    ];
    const catalog = new Catalog();
    catalog.reset(papers);
    catalog.setPdfText('ar', arabic);
    const find = (text: string) => ids(queryPapers(catalog, query({ text })));
    expect(find('"انواع الخطوط"')).toEqual(['ar']);
    expect(find('"الخطوط العربية"')).toEqual(['ar']);
    expect(find('"الخطوط انواع"')).toEqual([]);
    // Once the background has indexed the PDF too, on its only page.
    catalog.pdfSearch.startBuild();
    catalog.pdfSearch.step(Infinity);
    expect(find('"انواع الخطوط"')).toEqual(['ar']);
    expect(queryPage(catalog, query({ text: '"انواع الخطوط"' })).pdfPages).toEqual([1]);
    expect(find('"الخطوط انواع"')).toEqual([]);
  });

  it('leaves left-to-right text byte for byte as PDF.js gives it, item after item', async () => {
    for (const name of ['tracemonkey.pdf', 'copy_paste_ligatures.pdf', 'bug1937438_af_from_latex.pdf']) {
      const pages = (await extractPdf(await pdfBytes(name))).pages;
      expect(pages, name).toEqual(await drawingOrderPages(name));
    }
    expect((await drawingOrderPages('tracemonkey.pdf')).length).toBe(14);
  }, 60_000);

  it('puts a run in order by place, whichever order the PDF draws it in, and keeps a line’s end at its end', () => {
    const at = (x: number) => [10, 0, 0, 10, x, 700];
    const word = (str: string, x: number, hasEOL = false) => ({ str, dir: 'rtl', transform: at(x), hasEOL });
    const space = (x: number) => ({ str: ' ', dir: 'ltr', transform: at(x) });
    // Drawn left to right, the last word ending the line; then drawn right to left (already in reading order).
    expect(pageText([word('ج', 0), space(10), word('ب', 20), space(30), word('ا', 40, true), word('د', 0)])).toBe(
      'ا ب ج\nد',
    );
    expect(pageText([word('ا', 40), space(30), word('ب', 20), space(10), word('ج', 0)])).toBe('ا ب ج');
    // A Latin word ends a run; digits between Arabic words belong to it.
    const latin = { str: 'PDF ', dir: 'ltr', transform: at(50) };
    expect(pageText([latin, word('ب', 80), space(90), word('ا', 100)])).toBe('PDF ا ب');
    expect(pageText([word('ب', 0), { str: ' 12 ', dir: 'ltr', transform: at(10) }, word('ا', 40)])).toBe('ا 12 ب');
  });
});

describe('the text cache', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pq-rtl-cache-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('extracts again a text cached before right-to-left words were read in order; keeps every other', async () => {
    const cache = new PdfTextCache(dir);
    const info = { pages: 1, authors: [] };
    await cache.put('a'.repeat(64), { pages: ['x'], info });
    const old = (pages: string[]) => JSON.stringify({ version: 1, pages, info });
    await writeFile(join(cache.folder, `${'b'.repeat(64)}.json`), old([`${ARABIC} ${FONTS} ${KINDS}`]));
    await writeFile(join(cache.folder, `${'c'.repeat(64)}.json`), old(['Trace-based compilation']));
    expect(await cache.get('b'.repeat(64))).toBeUndefined();
    expect(await cache.get('c'.repeat(64))).toEqual({ pages: ['Trace-based compilation'], info });
    expect(await cache.get('a'.repeat(64))).toEqual({ pages: ['x'], info });
  });
});
