import { join } from 'node:path';
import { FIXTURES, PDFS, expect, test } from './helpers';

test('several files picked at once: one preview of them all, the PDF already there named, one confirmation', async ({
  app,
  page,
}) => {
  await app.cli('import', join(PDFS, 'tracemonkey.pdf'));
  await page.goto(app.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (
    await chooser
  ).setFiles([
    join(FIXTURES, 'five-papers.txt'),
    join(PDFS, 'tracemonkey.pdf'),
    join(PDFS, 'TAMReview.pdf'),
    join(PDFS, 'alphatrans.pdf'),
  ]);

  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog.getByRole('heading')).toHaveText('Import 4 files');
  await expect(dialog.getByRole('status')).toHaveText('4 files · 7 new papers · 1 already in your library');
  const entries = dialog.getByRole('list', { name: 'Entries' }).getByRole('listitem');
  await expect(entries).toHaveCount(4);
  await expect(entries.nth(0)).toHaveText(/^Newfive-papers\.txt — .*5 new papers/);
  await expect(entries.nth(1)).toHaveText(
    /^Already in libraryTrace-based Just-in-Time Type Specialization.* — tracemonkey\.pdf, this PDF is there already$/,
  );
  await expect(entries.nth(2)).toHaveText(/^New.* — TAMReview\.pdf$/);
  await page.screenshot({ path: 'test-results/screens/import-batch.png' });
  await dialog.getByRole('button', { name: 'Import 3 files' }).click();

  // One confirmation: no dialog after it for the next file.
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 7 papers from 3 files' })).toBeVisible();
  await expect(dialog).toHaveCount(0);
  const papers = JSON.parse(await app.cli('list', '--json')) as { title: string }[];
  expect(papers).toHaveLength(8);
});

test('a PDF imported twice: the second preview, the core’s own, says which paper has it already', async ({
  app,
  page,
}) => {
  await page.goto(app.url);
  const dialog = page.getByRole('dialog', { name: 'Import' });
  for (const time of ['first', 'again']) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import…' }).click();
    await (await chooser).setFiles(join(PDFS, 'tracemonkey.pdf'));
    if (time === 'first') {
      await dialog.getByRole('button', { name: 'Import as a new paper' }).click();
      await expect(dialog).toHaveCount(0);
    }
  }
  await expect(dialog.getByRole('status')).toHaveText(
    'Nothing new to import. “Trace-based Just-in-Time Type Specialization for Dynamic Languages” has this PDF already.' +
      'PDF · already in your library (the same file, by its checksum).',
  );
  await expect(dialog.getByRole('button', { name: 'Attach the PDF' })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  expect(JSON.parse(await app.cli('list', '--json'))).toHaveLength(1);
});
