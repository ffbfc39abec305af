import { join } from 'node:path';
import { FIXTURES, expect, test } from './helpers';

/**
 * QA s32 item 11: a search that leaves out the open paper says so in the pane, which stays, with the way back;
 * the keys then agree with the list. Item 13: at 900 pixels the sidebar's two daily-papers sources can still
 * be told apart.
 */
const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared');
const SEED = join(SHARED, 'seeds', '000_62c7f67eba4f4526.txt');
const HF = join(SHARED, 'corpus', 'hf-daily-papers', 'hf-daily-2026-08-18.json');
const ALPHA = 'Alpha: Learning to Read Faster';

test.describe('the open paper and the list', () => {
  test.use({ seed: [SEED, join(FIXTURES, 'five-papers.txt'), HF] });

  test('a search that leaves out the open paper: the pane stays and says so; Clear the search, then j', async ({
    app,
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(app.url);
    const grid = page.getByRole('grid', { name: 'Papers' });
    const pane = page.getByRole('complementary', { name: 'Paper' });
    const box = page.getByRole('searchbox', { name: 'Search' });
    const outside = pane.locator('.detail-outside');
    await box.fill('alpha learning');
    await grid.getByRole('row', { name: new RegExp(ALPHA) }).click();
    await expect(pane.getByRole('heading', { name: ALPHA })).toBeVisible();
    await expect(outside).toHaveCount(0);

    // Nothing matches: the list says so, and the pane that the paper is not among the results.
    await box.fill('xyzzy');
    await expect(page.getByText('No papers in Inbox match your search.')).toBeVisible();
    await expect(outside).toContainText('Not in this list’s results.');
    await expect(outside).toContainText('The search “xyzzy” in Inbox leaves it out.');
    await expect(pane.getByRole('heading', { name: ALPHA })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('outside-empty.png') });

    // Results that leave it out.
    await box.fill('studies -alpha');
    await expect(grid.getByRole('row', { name: /Beta: Queues of Papers/ })).toBeVisible();
    await expect(grid.getByRole('row', { name: new RegExp(ALPHA) })).toHaveCount(0);
    await expect(outside).toContainText('The search “studies -alpha” in Inbox leaves it out.');
    await expect(grid.locator('[aria-selected="true"]')).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('outside-results.png') });

    // Clear the search: the box empties, the paper's row is the cursor's, no word.
    await outside.getByRole('button', { name: 'Clear the search' }).click();
    await expect(box).toHaveValue('');
    await expect(outside).toHaveCount(0);
    await expect(grid.getByRole('row', { name: new RegExp(ALPHA) })).toHaveAttribute('aria-selected', 'true');

    // Left out again, then j: the cursor comes to the list's first row, whose paper the pane shows.
    await box.fill('studies -alpha');
    await expect(outside).toContainText('leaves it out');
    await box.press('Escape');
    await page.keyboard.press('j');
    const first = grid.getByRole('row').first();
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await expect(pane.getByRole('heading', { name: (await first.locator('.row-title').textContent())! })).toBeVisible();
    await expect(outside).toHaveCount(0);

    // At 900 pixels, dark: the pane opens over the list, the word at its top.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 900, height: 700 });
    await box.fill('xyzzy');
    await expect(outside).toContainText('Not in this list’s results.');
    await expect(outside.getByRole('button', { name: 'Clear the search' })).toBeInViewport();
    await page.screenshot({ path: test.info().outputPath('outside-900-dark.png') });
  });

  test('the two daily-papers sources read apart at 900 pixels, dark, and whole at 1280', async ({ app, page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.setViewportSize({ width: 900, height: 700 });
    await page.goto(app.url);
    const nav = page.getByRole('navigation', { name: 'Library' });
    const names = ['Daily papers · Dec 1', 'Daily papers · Mar 13', 'Hugging Face daily papers, 2026-08-18'];
    // Read out whole, the count after the name.
    for (const name of names)
      await expect(nav.getByRole('button', { name: new RegExp(`^${name} \\d+$`) })).toBeVisible();
    /** Each source's parts, as drawn: whether its end is whole and inside its button, on a line of its own. */
    const drawn = () =>
      nav.locator('.nav-name').evaluateAll((elements) =>
        elements.map((element) => {
          const head = element.querySelector<HTMLElement>('.nav-name-head')!;
          const tail = element.querySelector<HTMLElement>('.nav-name-tail');
          const button = element.closest('button')!.getBoundingClientRect();
          const box = tail?.getBoundingClientRect();
          return {
            text: element.querySelector('.nav-name-whole')!.textContent,
            tail: tail?.textContent,
            tailWhole: !tail || (tail.scrollWidth <= tail.clientWidth && box!.right <= button.right),
            headCut: head.scrollWidth > head.clientWidth,
            ownLine: box !== undefined && box.top >= head.getBoundingClientRect().bottom - 1,
          };
        }),
      );
    const narrow = await drawn();
    for (const name of narrow) expect(name.tailWhole, name.text).toBe(true);
    const daily = narrow.filter((name) => name.text.startsWith('Daily papers'));
    // 900 pixels: "Daily papers" over "Dec 1", and over "Mar 13": whole, two names.
    expect(daily.map((name) => name.tail)).toEqual(['Dec 1', 'Mar 13']);
    expect(daily.every((name) => name.ownLine && !name.headCut)).toBe(true);
    // A longer beginning is cut, its end kept.
    const hf = narrow.find((name) => name.text.startsWith('Hugging Face'))!;
    expect(hf).toMatchObject({ tail: '2026-08-18', ownLine: true, tailWhole: true });
    await nav.screenshot({ path: test.info().outputPath('sidebar-900-dark.png') });
    await page.screenshot({ path: test.info().outputPath('app-900-dark.png') });

    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1280, height: 800 });
    // 1280 pixels: one line each, as before; the daily-papers names whole.
    await expect.poll(async () => (await drawn()).some((name) => name.ownLine)).toBe(false);
    const wide = await drawn();
    for (const name of wide) expect(name.tailWhole, name.text).toBe(true);
    for (const name of wide.filter((n) => n.text.startsWith('Daily papers'))) expect(name.headCut).toBe(false);
    await nav.screenshot({ path: test.info().outputPath('sidebar-1280-light.png') });
    await page.screenshot({ path: test.info().outputPath('app-1280-light.png') });
  });
});
