import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { FIXTURES, expect, test } from './helpers';
import { openTracemonkey } from './reader-open';

test.use({ viewport: { width: 1280, height: 900 }, seed: [join(FIXTURES, 'digest-sample.txt')] });

/** The current match is marked on `pageNumber`, drawn and on screen. */
async function shownOn(reader: Locator, pageNumber: number) {
  await expect(reader.locator(`.pdf-page[data-page="${pageNumber}"] .pdf-hit.active`).first()).toBeInViewport({
    timeout: 15_000,
  });
}

test('find steps to a match on a page not drawn yet: the reader goes there, draws it and marks the match', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  const reader = await openTracemonkey(app, page);
  // From page 1 of 14, page 14 is far past the pages drawn around the view.
  await expect(reader.locator('.pdf-page[data-page="14"] canvas')).toHaveCount(0);

  await page.keyboard.press('Control+f');
  const field = reader.getByRole('searchbox', { name: 'Find in the PDF' });
  await expect(field).toBeFocused();
  // "Franz": twice on page 1 (the authors), once on page 14 (the references).
  await field.fill('franz');
  const count = reader.locator('.pdf-find-count');
  await expect(count).toHaveText('1 of 3', { timeout: 30_000 });
  await shownOn(reader, 1);
  await field.press('Enter');
  await expect(count).toHaveText('2 of 3');
  await shownOn(reader, 1);
  // The third is on the last page: Enter goes there, as "go to page" would, and shows it marked.
  await field.press('Enter');
  await expect(count).toHaveText('3 of 3');
  await shownOn(reader, 14);
  await expect(field).toBeFocused();
  // Enter again wraps to the first, on page 1, let go of meanwhile: back there.
  await expect(reader.locator('.pdf-page[data-page="1"] canvas')).toHaveCount(0);
  await field.press('Enter');
  await expect(count).toHaveText('1 of 3');
  await shownOn(reader, 1);
  // And Shift+Enter back from the first wraps to the last.
  await field.press('Shift+Enter');
  await expect(count).toHaveText('3 of 3');
  await shownOn(reader, 14);
});

test('a phrase typed into find that is only on a far page is shown there at once', async ({ app, page }) => {
  test.setTimeout(90_000);
  const reader = await openTracemonkey(app, page);
  await page.keyboard.press('Control+f');
  const field = reader.getByRole('searchbox', { name: 'Find in the PDF' });
  await field.fill('industrial sponsor');
  await expect(reader.locator('.pdf-find-count')).toHaveText('1 of 1', { timeout: 30_000 });
  await shownOn(reader, 13);
  await expect(field).toBeFocused();
});

test('a match shown once does not pull the view back to it when its page is gone to again later', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  const reader = await openTracemonkey(app, page);
  await page.keyboard.press('Control+f');
  const field = reader.getByRole('searchbox', { name: 'Find in the PDF' });
  await field.fill('industrial sponsor');
  await expect(reader.locator('.pdf-find-count')).toHaveText('1 of 1', { timeout: 30_000 });
  await shownOn(reader, 13);
  // Away to page 1 (page 13 is let go of), then back to page 13's top with "go to page".
  const pageField = reader.getByRole('textbox', { name: 'Page' });
  for (const to of ['1', '13']) {
    await pageField.fill(to);
    await pageField.press('Enter');
    await expect(reader.locator(`.pdf-page[data-page="${to}"] .textLayer span`).first()).toBeAttached();
  }
  await expect(reader.locator('.pdf-page[data-page="13"] .pdf-hit.active').first()).toBeAttached();
  // The page stays where "go to page" put it: its top at the top of the view, not the match centred.
  const pageTop = () =>
    reader
      .locator('.pdf-page[data-page="13"]')
      .evaluate((el) => el.getBoundingClientRect().top - el.closest('.pdf-scroller')!.getBoundingClientRect().top);
  const atTop = await pageTop();
  expect(Math.abs(atTop)).toBeLessThan(40);
  await page.waitForTimeout(1000);
  expect(await pageTop()).toBe(atTop);
});
