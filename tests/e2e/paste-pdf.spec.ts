import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './helpers';

const TRACEMONKEY = join(import.meta.dirname, '..', '..', '..', 'shared', 'pdfs', 'tracemonkey.pdf');

test('a PDF file pasted into Paste… goes to the import preview, which says where it goes', async ({ app, page }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Paste…' }).click();
  const box = page.getByRole('dialog', { name: 'Paste papers' }).getByRole('textbox', { name: 'Text to import' });
  await expect(box).toBeFocused();
  // What a paste of a file copied in a file manager gives the page: a clipboard event carrying the file.
  const base64 = (await readFile(TRACEMONKEY)).toString('base64');
  await box.evaluate((element, data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const clipboard = new DataTransfer();
    clipboard.items.add(new File([bytes], 'tracemonkey.pdf', { type: 'application/pdf' }));
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }));
  }, base64);

  await expect(page.getByRole('dialog', { name: 'Paste papers' })).toHaveCount(0);
  const preview = page.getByRole('dialog', { name: 'Import' });
  await expect(preview.getByRole('heading')).toContainText('tracemonkey.pdf');
  await expect(preview.getByRole('status')).toContainText('titled from the largest text on page 1');
  await preview.getByRole('button', { name: 'Import as a new paper' }).click();
  await expect(preview).toHaveCount(0);
  const papers = JSON.parse(await app.cli('list', '--json')) as { title: string; attachments?: { pages: number }[] }[];
  expect(papers.find((p) => p.title.startsWith('Trace-based'))?.attachments?.[0]?.pages).toBe(14);
});
