import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { api, attachPdf, expect, FIXTURES, test, type App } from './helpers';
import { openTracemonkey } from './reader-open';

/*
 * QA s33 items 4 and 15: a jump (a search hit, the page box) is not reading; find and the last-page bar cover no
 * page; a form's page without text is not called a scan.
 */
test.use({ viewport: { width: 1280, height: 800 }, seed: [join(FIXTURES, 'digest-sample.txt')] });

const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screens');

type Progress = { page: number; furthest: number; seen: string; days: { pages: number }[] };

async function firstPaper(app: App): Promise<{ id: string; title: string }> {
  const { papers } = await api<{ papers: { id: string; title: string }[] }>(app, 'papers.list', { status: 'all' });
  return papers[0]!;
}
const progressOf = async (app: App, id: string) =>
  (await api<{ progress?: Progress }>(app, 'papers.get', { id })).progress;

/** The two boxes overlap. */
async function overlap(a: Locator, b: Locator): Promise<boolean> {
  const [x, y] = [(await a.boundingBox())!, (await b.boundingBox())!];
  return x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
}

async function wheelTo(page: Page, reader: Locator, pixels: number) {
  const box = (await reader.locator('.pdf-scroller').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, pixels);
}

test('a search hit on the last page is not reading it: no prompt, no furthest page, no pages read', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  const paper = await firstPaper(app);
  await attachPdf(app, paper.id, 'tracemonkey.pdf');
  await page.goto(app.url);
  await page.getByRole('searchbox', { name: 'Search' }).fill('hotpath');
  const where = page.getByRole('button', { name: /in the PDF, p\. 14/i }).first();
  await expect(where).toBeVisible({ timeout: 20_000 });
  await where.click();
  const reader = page.getByRole('dialog', { name: /^Reader/ });
  const pageField = reader.getByRole('textbox', { name: 'Page' });
  await expect(pageField).toHaveValue('14');
  const hit = reader.locator('.pdf-page[data-page="14"] .pdf-hit.active').first();
  await expect(hit).toBeInViewport();
  // Long past the time a page takes to count as read: the jump read nothing.
  await page.waitForTimeout(2500);
  await expect(reader.getByRole('button', { name: 'Mark as read' })).toHaveCount(0);
  // The find bar is above the pages, not over them: the match is clear of it.
  const find = reader.getByRole('search', { name: 'Find in the PDF' });
  expect(await overlap(find, reader.locator('.pdf-scroller'))).toBe(false);
  expect(await overlap(find, hit)).toBe(false);
  // Back to p. 3 by the page box, and closed.
  await pageField.fill('3');
  await pageField.press('Enter');
  await expect(pageField).toHaveValue('3');
  await page.waitForTimeout(1000);
  await reader.getByRole('button', { name: 'Close the reader (Esc)' }).click();
  // The place is kept (to continue there), but no page was read.
  await expect.poll(async () => (await progressOf(app, paper.id))?.page).toBe(3);
  const after = (await progressOf(app, paper.id))!;
  expect(after).toMatchObject({ furthest: 1, seen: '', days: [] });
  await expect(page.getByRole('button', { name: 'Continue reading (p. 3)' })).toBeVisible();
  await expect(page.getByText(/Read to the end/)).toHaveCount(0);
  await page.screenshot({ path: join(SHOTS, 'reader-jump-details.png') });

  // Reading is scrolling: from p. 3 down to the end with the wheel, the last page shown a while is read and
  // the end offered; the bar sits under the pages, the last lines still showing.
  await page.getByRole('button', { name: 'Continue reading (p. 3)' }).click();
  await expect(pageField).toHaveValue('3');
  await wheelTo(page, reader, 100_000);
  const bar = reader.getByRole('status').filter({ hasText: 'You have reached the last page.' });
  await expect(bar).toBeVisible({ timeout: 10_000 });
  expect(await overlap(bar, reader.locator('.pdf-scroller'))).toBe(false);
  const scroller = reader.locator('.pdf-scroller');
  expect(await scroller.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 4)).toBe(true);
  await page.screenshot({ path: join(SHOTS, 'reader-end-bar.png') });
  await expect.poll(async () => (await progressOf(app, paper.id))?.furthest).toBe(14);
});

test('at 900x700 the find bar and the last-page bar leave the pages uncovered', async ({ app, page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 900, height: 700 });
  const reader = await openTracemonkey(app, page);
  await page.keyboard.press('Control+f');
  await page.getByRole('searchbox', { name: 'Find in the PDF' }).fill('trace');
  await expect(reader.locator('.pdf-find-count')).toHaveText(/^\d+ of \d+/);
  await page.keyboard.press('Enter');
  const hit = reader.locator('.pdf-hit.active').first();
  await expect(hit).toBeInViewport();
  const find = reader.getByRole('search', { name: 'Find in the PDF' });
  expect(await overlap(find, reader.locator('.pdf-scroller'))).toBe(false);
  expect(await overlap(find, hit)).toBe(false);
  await page.screenshot({ path: join(SHOTS, 'reader-find-900.png') });
  await wheelTo(page, reader, 100_000);
  const bar = reader.getByRole('status').filter({ hasText: 'You have reached the last page.' });
  await expect(bar).toBeVisible({ timeout: 10_000 });
  expect(await overlap(bar, reader.locator('.pdf-scroller'))).toBe(false);
  await page.screenshot({ path: join(SHOTS, 'reader-end-bar-900.png') });
});

test("a form's page without text says it has form fields, not that it is a scan", async ({ app, page }) => {
  const paper = await firstPaper(app);
  await attachPdf(app, paper.id, 'evaljs.pdf');
  await page.goto(app.url);
  await page.getByRole('grid', { name: 'Papers' }).getByRole('row', { name: paper.title }).click();
  await page.getByRole('button', { name: 'Read PDF' }).click();
  const reader = page.getByRole('dialog', { name: /^Reader/ });
  const first = reader.locator('.pdf-page[data-page="1"]');
  await expect(first.getByRole('note')).toHaveText('This page has no text, only form fields');
  await expect(reader.getByText(/a scan or an image/)).toHaveCount(0);
  await page.screenshot({ path: join(SHOTS, 'reader-evaljs.png') });
});

test('opening the PDF where the reader left off reads the page shown, as turning to it would', async ({
  app,
  page,
}) => {
  test.setTimeout(60_000);
  const paper = await firstPaper(app);
  await openTracemonkey(app, page);
  // Page 1, read where it opened (no scrolling): it counts once shown a while, not only after a page turn.
  await expect
    .poll(async () => (await progressOf(app, paper.id))?.days, { timeout: 10_000 })
    .toEqual([expect.objectContaining({ pages: 1 })]);
  expect((await progressOf(app, paper.id))!.seen).not.toBe('');
});
