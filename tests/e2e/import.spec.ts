import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findings } from './a11y-audit';
import { FIXTURES, expect, test } from './helpers';

test('importing a file shows a preview first, then adds the papers', async ({ app, page }) => {
  await app.cli('import', join(FIXTURES, 'digest-sample.txt'));
  await page.goto(app.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(join(FIXTURES, 'five-papers.txt'));

  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog.getByRole('status')).toContainText('5 new');
  await expect(dialog.getByRole('listitem')).toHaveCount(5);
  await page.screenshot({ path: 'test-results/screens/import-preview.png' });
  // Tab goes round the dialog, its list of entries included, however many times.
  const entries = dialog.getByRole('list', { name: 'Entries' });
  const names: string[] = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    names.push(
      await page.evaluate(
        () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '',
      ),
    );
  }
  expect(names.filter((name) => name === 'Entries').length).toBeGreaterThanOrEqual(2);
  await expect(entries).toBeVisible();
  expect(JSON.parse(await app.cli('stats', '--json'))).toMatchObject({ total: 2 });

  await dialog.getByRole('button', { name: 'Import 5 papers' }).click();
  await expect(dialog).toHaveCount(0);
  // The new papers are in the Inbox; the sidebar names where they came from.
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row')).toHaveCount(7);
  await expect(page.getByRole('navigation', { name: 'Library' })).toContainText('Daily papers · Dec 1');
  await expect(page.getByRole('grid', { name: 'Papers' })).not.toContainText('Daily papers');
  await expect(page.getByRole('status').filter({ hasText: 'Imported 5 papers' })).toBeVisible();
  expect(JSON.parse(await app.cli('stats', '--json'))).toMatchObject({ total: 7 });

  // 5,000 ids pasted one a line, as a person pastes them: from the clipboard with Ctrl+V (Playwright's fill() would
  // insert them line by line, each line break an edit of its own: minutes, in a bare text box as much as in this one).
  await page.getByRole('button', { name: 'Paste…' }).click();
  const ids = Array.from({ length: 5000 }, (_, i) => `2409.${String(i + 10001).padStart(5, '0')}`);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  await page.evaluate((text) => navigator.clipboard.writeText(text), ids.join('\n'));
  const box = page.getByRole('textbox', { name: 'Text to import' });
  await expect(box).toBeFocused();
  await page.keyboard.press('ControlOrMeta+V');
  await expect.poll(async () => (await box.inputValue()).split('\n').length).toBe(5000);
  await page.screenshot({ path: 'test-results/screens/paste-5000-lines.png' });
  // The preview draws the rows on screen, and scrolls, and goes by keys, to the last of them.
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(dialog.getByRole('status')).toContainText('id-list · 5,000 found · 5,000 new papers');
  const rows = entries.getByRole('listitem');
  await expect(rows.first()).toHaveAttribute('aria-setsize', '5000');
  expect(await rows.count()).toBeLessThan(100);
  // Scrolled to its end as a wheel would: the rows there are drawn, the last one at the bottom.
  await entries.evaluate((list) => list.scrollTo({ top: list.scrollHeight }));
  const last = entries.locator('[aria-posinset="5000"]');
  await expect(last).toContainText('2409.15000');
  await expect(last).toBeInViewport();
  expect(await rows.count()).toBeLessThan(100);
  await page.screenshot({ path: 'test-results/screens/import-preview-big.png' });
  // Home, then the arrow keys and End from the list's Tab stop.
  await entries.focus();
  await page.keyboard.press('Home');
  await expect(entries.locator('[aria-posinset="1"]')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(entries.locator('[aria-posinset="2"]')).toBeFocused();
  await page.keyboard.press('End');
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  expect(await findings(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
});

test('a file dropped on the window is previewed; duplicates and broken entries are named', async ({ app, page }) => {
  await app.cli('import', join(FIXTURES, 'digest-sample.txt'));
  await page.goto(app.url);
  const bytes = (await readFile(join(FIXTURES, 'digest-sample.txt'))).toString('base64');
  const transfer = await page.evaluateHandle((b64) => {
    const data = new DataTransfer();
    const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    data.items.add(new File([raw], 'again.txt', { type: 'text/plain' }));
    return data;
  }, bytes);
  await page.locator('.app').dispatchEvent('dragover', { dataTransfer: transfer });
  await page.locator('.app').dispatchEvent('drop', { dataTransfer: transfer });
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog.getByRole('status')).toContainText('2 papers already in your library');
  await expect(dialog.getByText(/line 24: "A Title With No Abstract" has no abstract/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});

test('export the current list as BibTeX: a download the user saves, named after the list', async ({ app, page }) => {
  await app.cli('import', join(FIXTURES, 'five-papers.txt'));
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Export…' }).click();
  await page.screenshot({ path: 'test-results/screens/export-menu.png' });
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /BibTeX/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^paperqueue-inbox-\d{4}-\d\d-\d\d\.bib$/);
  const text = await readFile(await download.path(), 'utf8');
  expect(text.match(/^@\w+\{/gm)).toHaveLength(5);
  expect(text).toContain('title = {Alpha: Learning to Read Faster}');
});

test('entries without a title are imported and listed as "Untitled" with their authors', async ({ app, page }) => {
  await page.goto(app.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(join(FIXTURES, 'untitled', 'apa.bib'));
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog.getByRole('status')).toContainText('4 new papers · 3 untitled · 1 skipped');
  await dialog.getByRole('button', { name: 'Import 4 papers' }).click();
  await expect(dialog).toHaveCount(0);
  const list = page.getByRole('grid', { name: 'Papers' });
  await expect(list.getByRole('row')).toHaveCount(4);
  const untitled = list.getByRole('row').filter({ hasText: 'Untitled (key apa-twitter)' });
  await expect(untitled).toContainText('Obama, Barack');
  await untitled.click();
  await expect(page.getByRole('complementary', { name: 'Paper' }).getByRole('heading', { level: 2 })).toHaveText(
    'Untitled',
  );
  await page.screenshot({ path: 'test-results/screens/import-untitled.png' });
});

test('a review sharing a book’s title is kept apart and previewed as possibly the same', async ({ app, page }) => {
  await page.goto(app.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(join(FIXTURES, 'duplicates', 'book-review.bib'));
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog.getByRole('status')).toContainText(
    '1 possibly already there (kept apart unless you choose Merge)',
  );
  await expect(dialog.getByRole('listitem').nth(1)).toContainText(
    'Possibly the same as ‘The Power of Habit’ — Charles Duhigg · 2012, earlier in this file',
  );
  await page.screenshot({ path: 'test-results/screens/import-possible.png' });
  await dialog.getByRole('button', { name: 'Import 2 papers' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('grid', { name: 'Papers' })).toContainText('Anna Smith');
});
