import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { FIXTURES, expect, squash, test } from './helpers';
import { openTracemonkey } from './reader-open';

test.use({ viewport: { width: 1280, height: 900 }, seed: [join(FIXTURES, 'digest-sample.txt')] });

/** Ctrl+F, `query` typed, its match shown on the page; Escape closes the bar and leaves the focus on the pages. */
async function find(page: Page, reader: Locator, query: string, pageNumber: number) {
  await page.keyboard.press('Control+f');
  const field = reader.getByRole('searchbox', { name: 'Find in the PDF' });
  await expect(field).toBeFocused();
  await field.fill(query);
  await expect(reader.locator('.pdf-find-count')).toHaveText(/^\d+ of \d+$/, { timeout: 30_000 });
  await expect(reader.locator(`.pdf-page[data-page="${pageNumber}"] .pdf-hit.active`).first()).toBeInViewport();
  await field.press('Escape');
  await expect(reader.locator('.pdf-scroller')).toBeFocused();
}

/** The words selected, white space as one space. */
const selected = async (page: Page) => squash(await page.evaluate(() => window.getSelection()?.toString() ?? ''));

test('after a find, ] selects the sentence the match is in, not the first one at the top of the screen', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  const reader = await openTracemonkey(app, page, 5);
  // The match is centred on page 5; the foot of page 4 is at the top of the screen.
  await find(page, reader, 'Starting a tree', 5);
  await page.keyboard.press(']');
  await expect.poll(() => selected(page)).toBe('Starting a tree.');
  // From there the keys go on as before: the next sentence, and back.
  await page.keyboard.press(']');
  await expect.poll(() => selected(page)).toMatch(/^Tree trees always start at loop headers/);
  await page.keyboard.press('[');
  await expect.poll(() => selected(page)).toBe('Starting a tree.');

  // [ after a find selects the sentence the match is in too.
  await page.evaluate(() => window.getSelection()?.removeAllRanges());
  await find(page, reader, 'natural place to look', 5);
  await page.keyboard.press('[');
  await expect
    .poll(() => selected(page))
    .toMatch(/^Tree trees always start at loop headers.*natural place to look for hot paths\.$/);
});

test('Shift+] grows the selection by whole sentences: "No. 07-127" and "The U.S. Government" are not cut at their dots', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  const reader = await openTracemonkey(app, page, 13);
  await find(page, reader, 'industrial sponsor', 13);
  await page.keyboard.press(']');
  await expect
    .poll(() => selected(page))
    .toMatch(/^Acknowledgments Parts of this effort .* under Project No\. 07-127\.$/);
  const first = await selected(page);
  await page.keyboard.press('Shift+BracketRight');
  const grown = `${first} The U.S. Government is authorized to reproduce and distribute reprints for Governmental purposes notwithstanding any copyright annotation thereon.`;
  await expect.poll(() => selected(page)).toBe(grown);
  await page.keyboard.press('Shift+BracketRight');
  await expect.poll(() => selected(page)).toMatch(/annotation thereon\. Any opinions, /);
  await page.keyboard.press('Shift+BracketLeft');
  await expect.poll(() => selected(page)).toBe(grown);
  await page.keyboard.press('Shift+BracketLeft');
  await expect.poll(() => selected(page)).toBe(first);
});
