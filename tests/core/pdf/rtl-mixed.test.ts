import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PdfTextCache } from '../../../electron/core/attachments/text-cache';
import { extractPdf } from '../../../electron/core/pdf';
import { pageText, searchableText } from '../../../electron/core/pdf/page-text';
import { queryPapers } from '../../../electron/core/query';
import { Catalog } from '../../../electron/core/search/catalog';
import { seeded } from '../helpers';
import { bare, ids, query } from '../search-reference';
import { mixedArabicPdf } from './mixed-pdf';

// The lines of mixedArabicPdf() in logical order: Latin words and a number among Arabic ones, all drawn left to right.
const LINES = [
  'انواع الخطوط PDF العربية',
  'انواع الخطوط 2024',
  'انواع Portable Document العربية',
  'انواع الخطوط العربية',
];

let page = '';
beforeAll(async () => {
  page = (await extractPdf(await mixedArabicPdf())).pages[0]!;
}, 60_000);

describe('a right-to-left line with Latin words or a number in it', () => {
  it('reads as the bidi algorithm reads it: Arabic right to left, the Latin run left to right, in its place', () => {
    expect(searchableText(page).split(' ')).toEqual(LINES.join(' ').split(' '));
    expect(page.split('\n').map((line) => searchableText(line))).toEqual(LINES);
  });

  it('is found by a phrase across the Latin word or number, typed in logical order, and not in drawing order', () => {
    const random = seeded(11);
    const catalog = new Catalog();
    catalog.reset([
      bare(random, { id: 'ar', rank: 1, status: 'queued', title: 'A specimen of Arabic type' }),
      bare(random, { id: 'other', rank: 0, status: 'queued', title: 'Unrelated' }),
    ]);
    catalog.setPdfText('ar', [page]);
    const find = (text: string) => ids(queryPapers(catalog, query({ text })));
    for (const phrase of ['الخطوط PDF العربية', 'انواع الخطوط 2024', 'انواع Portable Document العربية'])
      expect(find(`"${phrase}"`), phrase).toEqual(['ar']);
    expect(find('"العربية PDF الخطوط"')).toEqual([]);
    expect(find('"Document Portable"')).toEqual([]);
    catalog.pdfSearch.startBuild();
    catalog.pdfSearch.step(Infinity);
    expect(find('"الخطوط PDF العربية"')).toEqual(['ar']);
    expect(find('"العربية PDF الخطوط"')).toEqual([]);
  });

  it('keeps the bidi rules for numbers and spaces beside Latin words', () => {
    const at = (x: number) => [10, 0, 0, 10, x, 700];
    const item = (str: string, x: number, dir = /\p{L}/u.test(str) && !/[a-z]/i.test(str) ? 'rtl' : 'ltr') => ({
      str,
      dir,
      transform: at(x),
    });
    // Drawn left to right: ب, "PDF 2", ا (a number after a Latin word, then Arabic: its own run, W7 and N1).
    expect(
      pageText([
        item('ب', 0),
        item(' ', 10),
        item('2', 20),
        item(' ', 30),
        item('PDF', 40),
        item(' ', 70),
        item('ا', 80),
      ]),
    ).toBe('ا PDF 2 ب');
    // A number between two Latin words is one of them: "B 2 A" reads left to right.
    expect(
      pageText([
        item('ب', 0),
        item(' ', 10),
        item('B', 20),
        item(' ', 30),
        item('2', 40),
        item(' ', 50),
        item('A', 60),
        item(' ', 70),
        item('ا', 80),
      ]),
    ).toBe('ا B 2 A ب');
    // Items without a place: pdf.js's order is taken as the drawing order.
    expect(
      pageText([{ str: 'ب', dir: 'rtl' }, { str: ' ' }, { str: 'PDF' }, { str: ' ' }, { str: 'ا', dir: 'rtl' }]),
    ).toBe('ا PDF ب');
    // A line mostly Latin whose ends differ reads left to right, its Arabic run right to left, as before.
    expect(pageText([item('See ', 0), item('ب', 40), item(' ', 50), item('ا', 60)])).toBe('See ا ب');
  });
});

describe('the text cache', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pq-rtl-mixed-cache-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('extracts again a right-to-left text cached before mixed lines were read in order; keeps a left-to-right one', async () => {
    const cache = new PdfTextCache(dir);
    const info = { pages: 1, authors: [] };
    await cache.put('a'.repeat(64), { pages: ['اﻟﻌﺮﺑﻴﺔ PDF اﻧﻮاع'], info });
    const old = (pages: string[]) => JSON.stringify({ version: 2, pages, info });
    await writeFile(join(cache.folder, `${'d'.repeat(64)}.json`), old(['اﻟﻌﺮﺑﻴﺔ PDF اﻧﻮاع']));
    await writeFile(join(cache.folder, `${'e'.repeat(64)}.json`), old(['Trace-based compilation']));
    expect(await cache.get('d'.repeat(64))).toBeUndefined();
    expect(await cache.get('e'.repeat(64))).toEqual({ pages: ['Trace-based compilation'], info });
    expect(await cache.get('a'.repeat(64))).toEqual({ pages: ['اﻟﻌﺮﺑﻴﺔ PDF اﻧﻮاع'], info });
  });
});
