import { join } from 'node:path';
import { FIXTURES, PDFS, expect, test } from './helpers';

test('with abstracts, a paper without one says "No abstract" on one line, in a row of the same height, light and dark', async ({
  app,
  page,
}) => {
  await app.cli('import', join(FIXTURES, 'five-papers.txt'));
  // A PDF's paper has its title and authors from the file, and no abstract.
  await app.cli('import', join(PDFS, 'tracemonkey.pdf'));
  await page.goto(app.url);
  await expect(page.getByRole('combobox', { name: 'Rows' })).toHaveValue('comfortable');
  const rows = page.getByRole('grid', { name: 'Papers' }).getByRole('row');
  await expect(rows).toHaveCount(6);
  const bare = rows.filter({ hasText: 'Trace-based Just-in-Time' });
  const full = rows.filter({ hasText: 'Alpha: Learning to Read Faster' });
  await expect(bare.locator('.row-preview')).toHaveText('No abstract');
  await expect(full.locator('.row-preview')).not.toHaveText('No abstract');
  expect((await bare.boundingBox())!.height).toBe((await full.boundingBox())!.height);
  // One line, its details right under it (no blank line between), the whole centred in the row.
  const box = async (row: typeof bare, part: string) => (await row.locator(part).boundingBox())!;
  const [word, meta, title, row] = await Promise.all([
    box(bare, '.row-preview'),
    box(bare, '.row-meta'),
    box(bare, '.row-title'),
    bare.boundingBox(),
  ]);
  expect(word.height).toBeLessThan(20);
  expect(meta.y - (word.y + word.height)).toBeLessThanOrEqual(4);
  expect(Math.abs(title.y - row!.y - (row!.y + row!.height - (meta.y + meta.height)))).toBeLessThanOrEqual(2);
  // Quieter than the title, in both themes.
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const [word, title] = await Promise.all([
      bare.locator('.row-preview').evaluate((element) => getComputedStyle(element).color),
      bare.locator('.row-title').evaluate((element) => getComputedStyle(element).color),
    ]);
    expect(word).not.toBe(title);
    await page.screenshot({ path: `test-results/screens/row-no-abstract-${scheme}.png` });
  }
});
