import type { Locator, Page } from '@playwright/test';
import { api, attachPdf, expect, type App } from './helpers';

/**
 * tracemonkey.pdf (14 pages) attached to the library's first paper and opened in the reader, through the list
 * and the detail pane's "Read PDF" as a person opens it; at its first page, or at `pageNumber` through the
 * reader's page field.
 */
export async function openTracemonkey(app: App, page: Page, pageNumber = 1): Promise<Locator> {
  const { papers } = await api<{ papers: { id: string; title: string }[] }>(app, 'papers.list', { status: 'all' });
  const paper = papers[0]!;
  await attachPdf(app, paper.id, 'tracemonkey.pdf');
  await page.goto(app.url);
  await page.getByRole('grid', { name: 'Papers' }).getByRole('row', { name: paper.title }).click();
  await page.getByRole('button', { name: 'Read PDF' }).click();
  const reader = page.getByRole('dialog', { name: /^Reader/ });
  await expect(reader.locator('.pdf-page[data-page="1"] .textLayer span').first()).toBeAttached();
  if (pageNumber === 1) return reader;
  const field = reader.getByRole('textbox', { name: 'Page' });
  await field.fill(String(pageNumber));
  await field.press('Enter');
  await expect(reader.locator(`.pdf-page[data-page="${pageNumber}"] .textLayer span`).first()).toBeAttached();
  return reader;
}
