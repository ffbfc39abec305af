import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES, expect, test } from './helpers';

test.use({ seed: [join(FIXTURES, 'five-papers.txt')] });

const REASON = 'Nothing to export: this view has no papers.';

/** Every download the page starts, from now on. */
function downloads(page: Page): string[] {
  const seen: string[] = [];
  page.on('download', (download) => seen.push(download.suggestedFilename()));
  return seen;
}

test('an empty view downloads no empty file: it says there is nothing to export', async ({ app, page }) => {
  const started = downloads(page);
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Reading', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Reading' })).toBeVisible();

  await page.getByRole('button', { name: 'Export…' }).click();
  const menu = page.getByRole('menu', { name: 'Export' });
  await expect(menu).toContainText(REASON);
  const items = menu.getByRole('menuitem');
  await expect(items).toHaveCount(7);
  for (const item of await items.all()) {
    await expect(item).toHaveAttribute('aria-disabled', 'true');
    await expect(item).toHaveAccessibleDescription(REASON);
  }
  await page.screenshot({ path: 'test-results/screens/export-empty.png' });

  // Reached with the keyboard too, and choosing one does nothing.
  await items.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(items.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await items.first().click({ force: true });
  await page.waitForTimeout(1000);
  expect(started).toEqual([]);

  // A search that finds nothing is an empty view as well; a list with papers exports as before.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /^Inbox\s*5/ }).click();
  await page.getByRole('searchbox').fill('no paper mentions this');
  await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row')).toHaveCount(0);
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(menu).toContainText(REASON);
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await page.getByRole('searchbox').fill('');
  await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row')).toHaveCount(5);
  // A menu button's keys: Down opens it on its first item, the arrows go round, Escape goes back to the button.
  const exportButton = page.getByRole('button', { name: 'Export…' });
  await exportButton.focus();
  await page.keyboard.press('ArrowDown');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(items.last()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(exportButton).toBeFocused();
  // Enter opens it on its first item too; Shift+Tab back to the button and on closes it.
  await page.keyboard.press('Enter');
  await expect(items.first()).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(exportButton).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(menu).toHaveCount(0);

  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(menu).toContainText('The 5 papers in this list');
  const downloading = page.waitForEvent('download');
  await menu.getByRole('menuitem', { name: /BibTeX/ }).click();
  expect((await downloading).suggestedFilename()).toMatch(/\.bib$/);
  // The chosen item went with the menu; the focus is back on its button.
  await expect(menu).toHaveCount(0);
  await expect(exportButton).toBeFocused();
});
