import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FIXTURES, expect, test } from './helpers';

test.use({ seed: [join(FIXTURES, 'five-papers.txt')] });

test('re-importing a file that changes nothing says "Nothing new to import" and offers Close', async ({
  app,
  page,
}) => {
  await page.goto(app.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(join(FIXTURES, 'five-papers.txt'));

  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog.getByRole('status')).toContainText(
    'Nothing new to import. All 5 of its papers are already in your library, with nothing this file would add.',
  );
  await expect(dialog.getByRole('listitem')).toHaveCount(5);
  // One way out, and it is the main button, already focused.
  await expect(dialog.getByRole('button')).toHaveText(['Close']);
  await expect(dialog.getByRole('button', { name: 'Close' })).toHaveClass(/primary/);
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.screenshot({ path: 'test-results/screens/import-nothing-new.png' });

  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveCount(0);
  expect(JSON.parse(await app.cli('stats', '--json'))).toMatchObject({ total: 5 });
});

test('duplicates that would gain details: the button says it fills them in', async ({ app, page }) => {
  const bib = join(app.dataDir, 'richer.bib');
  await writeFile(
    bib,
    '@article{alpha2024, title = {Alpha: Learning to Read Faster}, year = 2024, doi = {10.1000/alpha}}\n' +
      '@article{beta2024, title = {Beta: Queues of Papers and Their Discontents}, year = 2023}\n',
  );
  await page.goto(app.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(bib);

  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog.getByRole('status')).toContainText(
    'no new papers · 2 merged into papers in your library (filling in what they lack)',
  );
  await expect(dialog.getByRole('status')).not.toContainText('Nothing new');
  await expect(dialog.getByRole('listitem').first()).toContainText('adds the year, the DOI, a citation key');
  await expect(dialog.getByRole('button')).toHaveText(['Cancel', 'Fill in details of 2 papers']);
  await page.screenshot({ path: 'test-results/screens/import-fill-in.png' });

  await dialog.getByRole('button', { name: 'Fill in details of 2 papers' }).click();
  await expect(dialog).toHaveCount(0);
  const papers = JSON.parse(await app.cli('list', '--json')) as { title: string; year?: number; doi?: string }[];
  expect(papers.find((p) => p.title.startsWith('Alpha'))).toMatchObject({ year: 2024, doi: '10.1000/alpha' });
  expect(papers.find((p) => p.title.startsWith('Beta'))).toMatchObject({ year: 2023 });
});
