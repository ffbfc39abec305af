import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { PageTexts } from '../../renderer/src/pdf/page-texts';
import { readerPages } from './reader-pages';

const PDFS = join(import.meta.dirname, '..', '..', '..', 'shared', 'pdfs');
let doc: PDFDocumentProxy;
/** tracemonkey.pdf's pages as the reader reads them, for the texts PageTexts gives. */
let expected: string[];

beforeAll(async () => {
  // tracemonkey.pdf (14 pages) five times over: a 70-page book, opened with pdf.js as the reader does.
  const source = await PDFDocument.load(await readFile(join(PDFS, 'tracemonkey.pdf')));
  const book = await PDFDocument.create();
  for (let round = 0; round < 5; round++)
    for (const page of await book.copyPages(source, source.getPageIndices())) book.addPage(page);
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  doc = await getDocument({ data: await book.save(), isEvalSupported: false, verbosity: 0 }).promise;
  const one = await readerPages('tracemonkey.pdf');
  expected = [...one, ...one, ...one, ...one, ...one];
}, 60_000);
afterAll(() => doc?.destroy());

/** Read every page's plain text as find does, from `first` on and then from the start; how many pages pdf.js read. */
async function search(texts: PageTexts, first: number): Promise<number> {
  const getPage = vi.spyOn(doc, 'getPage');
  for (let i = 0; i < doc.numPages; i++) {
    const page = (first + i) % doc.numPages;
    expect(await texts.plain(page)).toBe(expected[page]);
  }
  const reads = getPage.mock.calls.length;
  getPage.mockRestore();
  return reads;
}

describe("the pages' texts find reads", () => {
  it('are all kept for a document within the budget: a second find reads no page again', async () => {
    const texts = new PageTexts(doc);
    expect(await search(texts, 30)).toBe(70);
    expect(texts.kept()).toEqual({ pages: 70, chars: expected.join('').length });
    expect(await search(texts, 50)).toBe(0);
    // Let go when the reader closes or opens another document.
    texts.dispose();
    expect(texts.kept()).toEqual({ pages: 0, chars: 0 });
  });

  it('are kept up to a budget of characters in a longer one, the first read; a second find reads only the rest again', async () => {
    // A budget of about 30 of its pages, as 4 million characters are of a 1,300-page book's.
    const budget = expected.slice(30, 60).join('').length;
    const texts = new PageTexts(doc, budget);
    expect(await search(texts, 30)).toBe(70);
    const kept = texts.kept();
    expect(kept.chars).toBeLessThanOrEqual(budget);
    expect(kept.pages).toBeGreaterThanOrEqual(29);
    expect(kept.pages).toBeLessThan(70);
    // The pages kept are those the search read first (30 on): the second search from there finds them all kept.
    expect(await search(texts, 30)).toBe(70 - kept.pages);
    expect(texts.kept()).toEqual(kept);
  });

  it('are not the text layer’s: a find through the book leaves the drawn pages’ content kept', async () => {
    const texts = new PageTexts(doc, 0);
    const drawn = await texts.content(3);
    await search(texts, 0);
    expect(await texts.content(3)).toBe(drawn);
  });
});
