import { join } from 'node:path';
import { expect, FIXTURES, test } from './helpers';

/*
 * QA s34 items 3, 12 and 13: `u` undoes a tag change (not an older move); the focus stays in the paper's
 * place after the tag field or a tag's ×, not at the page's top; Ctrl+A picks the list's papers, not the text.
 */
test.use({ viewport: { width: 1280, height: 800 }, seed: [join(FIXTURES, 'five-papers.txt')] });

type Listed = { id: string; title: string; tags: string[] };

test('tags: u undoes them, the focus stays near, and Ctrl+A picks every paper', async ({ app, page }) => {
  const listed = async () => JSON.parse(await app.cli('list', '--json')) as Listed[];
  const tagsOf = async (title: string) => (await listed()).find((p) => p.title.startsWith(title))?.tags;
  await page.goto(app.url);
  const grid = page.getByRole('grid', { name: 'Papers' });
  const rows = grid.getByRole('row');
  await rows.filter({ hasText: 'Alpha: Learning' }).click();
  const tags = page.getByRole('group', { name: 'Tags' });

  // Two tags typed in the field; Esc leaves it for the paper's row, whose keys work at once.
  const field = tags.getByRole('combobox', { name: 'Add a tag' });
  await field.fill('gpu');
  await field.press('Enter');
  await field.fill('signal processing');
  await field.press('Enter');
  await expect(tags).toContainText('#signal processing');
  await field.press('Escape');
  await expect(rows.filter({ hasText: 'Alpha: Learning' })).toBeFocused();

  // The first tag's ×: the focus goes to the next tag's ×, not to the page's top.
  await tags.getByRole('button', { name: 'Remove tag gpu' }).click();
  await expect(tags).not.toContainText('#gpu');
  await expect(tags.getByRole('button', { name: 'Remove tag signal processing' })).toBeFocused();
  await expect.poll(() => tagsOf('Alpha: Learning')).toEqual(['signal processing']);

  // u, from the row: the removal is undone first, then the second tag added.
  await rows.filter({ hasText: 'Alpha: Learning' }).focus();
  await page.keyboard.press('u');
  await expect(page.getByRole('status').filter({ hasText: 'Undone: removed #gpu from' })).toBeVisible();
  await expect.poll(() => tagsOf('Alpha: Learning')).toEqual(['gpu', 'signal processing']);
  await page.keyboard.press('u');
  await expect.poll(() => tagsOf('Alpha: Learning')).toEqual(['gpu']);

  // Ctrl+A on the list picks every paper (the bulk bar counts them); the page's text is not selected.
  await page.keyboard.press('Control+a');
  const count = (await listed()).filter((p) => p.title).length;
  await expect(page.getByRole('toolbar', { name: 'Selected papers' })).toContainText(`${count} selected`);
  expect(await page.evaluate(() => String(window.getSelection() ?? ''))).toBe('');
  await expect(grid.locator('[aria-selected="true"]')).toHaveCount(await rows.count());
});
