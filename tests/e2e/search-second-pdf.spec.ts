import { join } from 'node:path';
import { api, attachPdf, expect, FIXTURES, test } from './helpers';

/*
 * A paper's second PDF is searched too: a list search for a word only in it (TAMReview.pdf's last page names its
 * editors, "Kevin Crowston" among them) shows a passage naming that PDF, and clicking it opens the reader on that
 * PDF, at that page, the word found and marked.
 */
test.use({ viewport: { width: 1280, height: 900 }, seed: [join(FIXTURES, 'digest-sample.txt')] });

test("a search hit in a paper's second PDF names it and opens the reader on it at the hit's page", async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  const { papers } = await api<{ papers: { id: string }[] }>(app, 'papers.list', { status: 'all' });
  const paperId = papers[0]!.id;
  await attachPdf(app, paperId, 'tracemonkey.pdf');
  await attachPdf(app, paperId, 'TAMReview.pdf');
  const paper = await api<{ attachments: { hash: string; name: string }[] }>(app, 'papers.get', { id: paperId });
  const second = paper.attachments.find((a) => a.name === 'TAMReview.pdf')!;

  await page.goto(app.url);
  await page.getByRole('searchbox', { name: 'Search' }).fill('crowston');
  const where = page.getByRole('button', { name: 'In TAMReview.pdf, p. 23:' });
  await expect(where).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: /in the PDF/i })).toHaveCount(0);
  await where.click();

  const reader = page.getByRole('dialog', { name: /^Reader/ });
  await expect(reader.getByRole('combobox', { name: 'PDF' })).toHaveValue(second.hash);
  await expect(reader.getByRole('textbox', { name: 'Page' })).toHaveValue('23');
  await expect(reader.getByRole('searchbox', { name: 'Find in the PDF' })).toHaveValue('crowston');
  const hit = reader.locator('.pdf-page[data-page="23"] .pdf-hit.active').first();
  await expect(hit).toBeInViewport({ timeout: 20_000 });
  await expect(reader.locator('.pdf-find-count')).toHaveText(/^1 of \d+/);
  await expect(reader.locator('.pdf-page[data-page="23"] .textLayer')).toContainText('Crowston');
});
