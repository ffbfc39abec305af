import { join } from 'node:path';
import { FIXTURES, expect, test } from './helpers';

const CORPUS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'bibtex', 'bbt-unabbreviate-1436.bib');

test('an import made from the Queue opens the Inbox on the first new paper, selected and scrolled to', async ({
  app,
  page,
}) => {
  // Hundreds of papers in the Inbox before the import: the new ones are not all on the first screen.
  await app.cli('import', CORPUS);
  const before = new Set((JSON.parse(await app.cli('list', '--json')) as { title: string }[]).map((p) => p.title));
  expect(before.size).toBeGreaterThan(300);
  await page.goto(app.url);
  await page
    .getByRole('navigation', { name: 'Library' })
    .getByRole('button', { name: /^Queue/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Queue' })).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(join(FIXTURES, 'five-papers.txt'));
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByRole('button', { name: 'Import 5 papers' }).click();
  await expect(dialog).toHaveCount(0);

  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  const list = page.getByRole('grid', { name: 'Papers' });
  const selected = list.locator('[role="row"][aria-selected="true"]');
  await expect(selected).toHaveCount(1);
  const shown = ((await selected.locator('.row-title').textContent()) ?? '').trim();
  // A paper this import added, not one that was there.
  expect(shown).not.toBe('');
  expect(before.has(shown)).toBe(false);
  await expect(selected).toBeInViewport();
  await expect(page.getByRole('complementary', { name: 'Paper' }).getByRole('heading', { level: 2 })).toHaveText(shown);
});
