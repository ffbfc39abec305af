import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FIXTURES, expect, test } from './helpers';

test.use({ seed: [join(FIXTURES, 'five-papers.txt')] });

test('a failed write is shown, and the next change is saved to disk once writing works again', async ({
  app,
  page,
}) => {
  await page.goto(app.url);
  const rows = page.getByRole('grid', { name: 'Papers' }).getByRole('row');
  await expect(rows).toHaveCount(5);
  // library.json replaced by a non-empty folder: renaming the new file over it fails, as a full disk would.
  const library = join(app.dataDir, 'library.json');
  await rm(library);
  await mkdir(library);
  await writeFile(join(library, 'blocker'), '');
  await rows.first().click();
  await page.keyboard.press('d');
  // The banner: the page also keeps an empty assertive region for the reader's failures (ReaderToast).
  const failed = page.getByRole('alert').filter({ hasText: 'Your latest changes could not be saved' });
  await expect(failed).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/write-error.png' });

  await rm(library, { recursive: true });
  await page.keyboard.press('d');
  await expect(failed).toHaveCount(0);
  const dismissedOnDisk = async () => {
    const text = await readFile(library, 'utf8').catch(() => '{"papers": []}');
    return (JSON.parse(text) as { papers: { status: string }[] }).papers.filter((p) => p.status === 'dismissed').length;
  };
  await expect.poll(dismissedOnDisk).toBe(2);
});
