import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { api, FIXTURES, PDFS, expect, test } from './helpers';

test.use({ viewport: { width: 1280, height: 900 }, seed: [join(FIXTURES, 'digest-sample.txt')] });

/** tracemonkey.pdf (14 pages) five times over: a 70-page book, searched 20 pages at a time. */
async function book(): Promise<string> {
  const source = await PDFDocument.load(await readFile(join(PDFS, 'tracemonkey.pdf')));
  const out = await PDFDocument.create();
  for (let round = 0; round < 5; round++)
    for (const copied of await out.copyPages(source, source.getPageIndices())) out.addPage(copied);
  return Buffer.from(await out.save()).toString('base64');
}

/** The least scrollTop the reader's pages have had since this was called. */
async function watchLeastTop(page: Page) {
  await page.locator('.pdf-scroller').evaluate((scroller) => {
    const w = window as unknown as { leastTop: number };
    w.leastTop = scroller.scrollTop;
    scroller.addEventListener('scroll', () => (w.leastTop = Math.min(w.leastTop, scroller.scrollTop)));
  });
  return () => page.evaluate(() => (window as unknown as { leastTop: number }).leastTop);
}

test('find in a long document starts at the reader’s page: it never jumps back to the hits found first', async ({
  app,
  page,
}) => {
  test.setTimeout(120_000);
  const { papers } = await api<{ papers: { id: string; title: string }[] }>(app, 'papers.list', { status: 'all' });
  const paper = papers[0]!;
  await api(app, 'attachments.add', { paperId: paper.id, base64: await book(), name: 'book-70.pdf' });
  await page.goto(app.url);
  await page.getByRole('grid', { name: 'Papers' }).getByRole('row', { name: paper.title }).click();
  await page.getByRole('button', { name: 'Read PDF' }).click();
  const reader = page.getByRole('dialog', { name: /^Reader/ });
  await expect(reader.locator('.pdf-page[data-page="1"] .textLayer span').first()).toBeAttached();
  const pageField = reader.getByRole('textbox', { name: 'Page' });
  await pageField.fill('50');
  await pageField.press('Enter');
  await expect(reader.locator('.pdf-page[data-page="50"] .textLayer span').first()).toBeAttached();
  const start = await reader.locator('.pdf-scroller').evaluate((s) => s.scrollTop);
  const leastTop = await watchLeastTop(page);

  await page.keyboard.press('Control+f');
  const field = reader.getByRole('searchbox', { name: 'Find in the PDF' });
  await expect(field).toBeFocused();
  // "Franz" is on pages 1, 1, 14 of each copy: 15 hits, 11 of them before page 50 (and 5 in the first 20
  // pages, the first the search reports). The first at or after page 50 is on page 56, the 12th.
  await field.fill('franz');
  const count = reader.locator('.pdf-find-count');
  await expect(count).toHaveText('12 of 15', { timeout: 60_000 });
  await expect(reader.locator('.pdf-page[data-page="56"] .pdf-hit.active').first()).toBeInViewport({
    timeout: 15_000,
  });
  // The view went only forwards, from page 50 to the match.
  expect(await leastTop()).toBeGreaterThanOrEqual(start - 1);
  // Enter goes on through the copies, and wraps to the first.
  await field.press('Enter');
  await expect(count).toHaveText('13 of 15');
  await expect(reader.locator('.pdf-page[data-page="57"] .pdf-hit.active').first()).toBeInViewport();
  await field.press('Enter');
  await field.press('Enter');
  await field.press('Enter');
  await expect(count).toHaveText('1 of 15');
  await expect(reader.locator('.pdf-page[data-page="1"] .pdf-hit.active').first()).toBeInViewport({
    timeout: 15_000,
  });
});
