import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES, PDFS, api, attachPdf, expect, test, type App } from './helpers';

test.use({ viewport: { width: 1280, height: 900 }, seed: [join(FIXTURES, 'digest-sample.txt')] });

/**
 * tracemonkey.pdf attached to the library's first paper (its text indexed for the list's search); its stored
 * file, in the data folder, then `spoiled`: cut short or gone.
 */
async function attachThenSpoil(app: App, spoil: (file: string) => Promise<void>): Promise<void> {
  const { papers } = await api<{ papers: { id: string }[] }>(app, 'papers.list', { status: 'all' });
  await attachPdf(app, papers[0]!.id, 'tracemonkey.pdf');
  const paper = await api<{ attachments: { hash: string }[] }>(app, 'papers.get', { id: papers[0]!.id });
  await spoil(join(app.dataDir, 'attachments', `${paper.attachments[0]!.hash}.pdf`));
}

/** A list search for words in the PDF, and its row's "in the PDF, p. N" clicked: the reader opens with find. */
async function openFromSearch(app: App, page: Page) {
  await page.goto(app.url);
  await page.getByRole('searchbox', { name: 'Search' }).fill('blacklisting');
  const where = page.getByRole('button', { name: /in the PDF, p\. \d+/i }).first();
  await expect(where).toBeVisible({ timeout: 20_000 });
  await where.click();
  const reader = page.getByRole('dialog', { name: /^Reader/ });
  await expect(reader.getByRole('searchbox', { name: 'Find in the PDF' })).toHaveValue('blacklisting');
  return reader;
}

for (const [what, spoil] of [
  [
    'cut short',
    async (file: string) => {
      const whole = await readFile(join(PDFS, 'tracemonkey.pdf'));
      await writeFile(file, whole.subarray(0, 300_000));
    },
  ],
  ['gone from disk', (file: string) => rm(file)],
] as const) {
  test(`a find from a list search in a PDF whose file is ${what} says its text could not be searched, not "Searching…"`, async ({
    app,
    page,
  }) => {
    test.setTimeout(90_000);
    await attachThenSpoil(app, spoil);
    const reader = await openFromSearch(app, page);
    // In place of the pages, why the PDF cannot be shown; in the find bar, that it was not searched, and why.
    await expect(reader.getByRole('alert')).toContainText('‘tracemonkey.pdf’ could not be read from the library: ');
    await expect(reader.locator('.pdf-find-count')).toHaveText('Not searched');
    await expect(reader.getByRole('search', { name: 'Find in the PDF' }).getByRole('status').last()).toHaveText(
      'The PDF’s text could not be searched: it could not be read from the library.',
    );
    // Another word typed in is not searched either.
    await reader.getByRole('searchbox', { name: 'Find in the PDF' }).fill('tracemonkey');
    await page.waitForTimeout(500);
    await expect(reader.locator('.pdf-find-count')).toHaveText('Not searched');
  });
}
