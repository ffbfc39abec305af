import { join } from 'node:path';
import { FIXTURES, api, expect, test } from './helpers';

/**
 * QA s32 items 1 and 2: the row Tab comes to is the row the keys act on, and a view opens at its top, or
 * where it was left in this session, never at the scroll offset of the view shown before it.
 */
const SEED = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds', '000_62c7f67eba4f4526.txt');

test.describe('the list by keyboard and between views', () => {
  test.use({ seed: [SEED, join(FIXTURES, 'five-papers.txt')] });

  test('Tab from the search box to the first row, then q keeps that paper', async ({ app, page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(app.url);
    const grid = page.getByRole('grid', { name: 'Papers' });
    await expect(grid.getByRole('row').first()).toBeVisible();
    await page
      .getByRole('searchbox')
      .or(page.getByPlaceholder(/Search/))
      .first()
      .focus();
    for (let i = 0; i < 10; i++) {
      if (await page.evaluate(() => document.activeElement?.getAttribute('role') === 'row')) break;
      await page.keyboard.press('Tab');
    }
    const row = page.locator(':focus');
    await expect(row).toHaveAttribute('role', 'row');
    const id = (await row.getAttribute('data-id'))!;
    // The row with the focus is the cursor's: said selected, its paper open.
    await expect(row).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('complementary', { name: 'Paper' })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('tab-to-row.png') });
    await page.keyboard.press('q');
    await expect(grid.locator(`[data-id="${id}"]`)).toHaveCount(0);
    await expect.poll(async () => (await api<{ status: string }>(app, 'papers.get', { id })).status).toBe('queued');
    await page.screenshot({ path: test.info().outputPath('tab-then-q.png') });
  });

  test('a source opens at its top after the Inbox was scrolled; the Inbox comes back where it was', async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(app.url);
    const grid = page.getByRole('grid', { name: 'Papers' });
    await expect(grid.getByRole('row').first()).toBeVisible();
    const scrollTop = () => grid.evaluate((element) => element.scrollTop);
    await grid.evaluate((element) => (element.scrollTop = 3000));
    await expect.poll(scrollTop).toBe(3000);
    // Let the scroll be reported and the rows there come.
    await expect(grid.getByRole('row', { name: /./ }).first()).toBeVisible();

    const sources = page.getByRole('navigation').or(page.locator('aside, nav')).first();
    // The seed's source, 52 papers: long enough to keep the Inbox's offset (old code opened it there).
    const seed = page.getByRole('button', { name: /^Daily papers · Mar 13/ });
    await seed.click();
    await expect(page.getByRole('heading', { name: 'Daily papers · Mar 13' })).toBeVisible();
    await expect(grid.locator('[aria-rowindex="1"]')).toBeInViewport();
    expect(await scrollTop()).toBe(0);
    await page.screenshot({ path: test.info().outputPath('source-at-top.png') });
    await grid.evaluate((element) => (element.scrollTop = 1240));
    await expect.poll(scrollTop).toBe(1240);

    // The Inbox: where it was left.
    await sources.getByRole('button', { name: /^Inbox/ }).click();
    await expect.poll(scrollTop).toBe(3000);
    await page.screenshot({ path: test.info().outputPath('inbox-back.png') });
    // And the source where it was left.
    await seed.click();
    await expect(page.getByRole('heading', { name: 'Daily papers · Mar 13' })).toBeVisible();
    await expect.poll(scrollTop).toBe(1240);
  });
});
