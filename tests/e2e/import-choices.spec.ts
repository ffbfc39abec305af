import { join } from 'node:path';
import { findings } from './a11y-audit';
import { FIXTURES, api, expect, test, type App } from './helpers';

type Listed = { title: string; year?: number; doi?: string; authors: string[] };

/** The library as the server has it: title, first author, year and DOI, sorted. */
async function library(app: App): Promise<string[]> {
  return (await api<{ papers: Listed[] }>(app, 'papers.list', {})).papers
    .map((p) => `${p.title} · ${p.authors[0]} · ${p.year}${p.doi ? ` · ${p.doi}` : ''}`)
    .sort();
}

test.use({ seed: [join(FIXTURES, 'duplicates', 'library.bib')] });

test('possible duplicates are shown with Keep both and Merge; the choices are applied, and Undo takes it all back', async ({
  app,
  page,
}) => {
  const before = await library(app);
  await page.goto(app.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(join(FIXTURES, 'duplicates', 'choices.bib'));

  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog.getByRole('status')).toContainText('2 possibly already there');
  const review = dialog.getByRole('listitem').filter({ hasText: 'Rick Roe' });
  await expect(review).toContainText('Possibly the same as ‘Quiet Power of Introverts’ — Susan Cain · 2012');
  await expect(review).toContainText(
    'Same title, but another year (2012 and 2013); another first author (Cain and Roe).',
  );
  const attention = dialog.getByRole('radiogroup', { name: /Attention is all you need/ });
  const quiet = dialog.getByRole('radiogroup', { name: /Quiet Power of Introverts/ });
  // Kept apart by default.
  await expect(quiet.getByRole('radio', { name: 'Keep both' })).toBeChecked();
  await expect(attention.getByRole('radio', { name: 'Keep both' })).toBeChecked();
  await expect(dialog.getByRole('button', { name: 'Import 3 papers' })).toBeVisible();
  expect(await findings(page)).toEqual([]);

  // By keyboard: Tab reaches the first group's checked radio, the arrow keys move the choice.
  await page.keyboard.press('Tab');
  await expect(quiet.getByRole('radio', { name: 'Keep both' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(attention.getByRole('radio', { name: 'Keep both' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(attention.getByRole('radio', { name: 'Merge' })).toBeChecked();
  await expect(quiet.getByRole('radio', { name: 'Keep both' })).toBeChecked();
  const confirm = dialog.getByRole('button', { name: 'Import 2 papers and merge 1' });
  await expect(confirm).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/import-choices.png' });
  await page.setViewportSize({ width: 680, height: 430 });
  await page.screenshot({ path: 'test-results/screens/import-choices-200.png' });
  expect(await findings(page)).toEqual([]);
  await page.setViewportSize({ width: 1360, height: 860 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/screens/import-choices-dark.png' });
  expect(await findings(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  await confirm.click();
  await expect(dialog).toHaveCount(0);
  const banner = page.getByRole('status').filter({ hasText: 'Imported 2 papers from “choices.bib”' });
  await expect(banner).toContainText(
    'filled in what 1 paper in your library lacked · 1 possibly already there, kept apart',
  );
  expect(await library(app)).toEqual([
    'A Paper Nobody Has Yet · Jane Doe · 2020',
    'Attention Is All You Need · Ashish Vaswani · 2017 · 10.5555/3295222.3295349',
    'Quiet Power of Introverts · Rick Roe · 2013',
    'Quiet Power of Introverts · Susan Cain · 2012',
  ]);
  await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row')).toHaveCount(4);
  await page.screenshot({ path: 'test-results/screens/import-undo-banner.png' });
  expect(await findings(page)).toEqual([]);

  const undo = banner.getByRole('button', { name: 'Undo the import of “choices.bib”' });
  await undo.focus();
  await page.keyboard.press('Enter');
  const undone = page
    .getByRole('status')
    .filter({ hasText: 'Took back the import of “choices.bib”: removed 2 papers and put back the details of 1 paper' });
  await expect(undone).toBeVisible();
  await expect(undone.getByRole('button', { name: 'Dismiss' })).toBeFocused();
  await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row')).toHaveCount(2);
  expect(await library(app)).toEqual(before);
});
