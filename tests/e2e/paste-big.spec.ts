import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './helpers';

const SEED = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds', '000_62c7f67eba4f4526.txt');

test.use({ seed: [SEED] });

test('a 5 MB paste leaves the window answering, and its preview counts the repeats within it', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Paste…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste papers' });
  const box = dialog.getByRole('textbox', { name: 'Text to import' });
  await expect(box).toBeFocused();
  // The seed digest 61 times over, 5.3 MB, pasted as the browser delivers a paste: a clipboard event.
  const seed = await readFile(SEED, 'utf8');
  const text = Array.from({ length: 61 }, () => seed).join('\n\n');
  expect(text.length).toBeGreaterThan(5_000_000);
  await box.evaluate((element, pasted) => {
    const clipboard = new DataTransfer();
    clipboard.setData('text/plain', pasted);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }));
  }, text);

  // The window answers a key at once, and says what it holds.
  const held = dialog.getByRole('status', { name: 'Pasted text' });
  await expect(held).toContainText(/^5(\.\d)? MB of pasted text — starting “new”/);
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Clear' })).toBeVisible();

  await dialog.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('dialog', { name: 'Import' });
  await expect(preview.getByRole('status')).toContainText(
    'Nothing new to import. 52 papers (3,120 repeats within the paste), all already in your library',
    { timeout: 150_000 },
  );
  await expect(preview.getByRole('status')).toContainText(
    'digest · 3,172 found · no new papers · 52 papers already in your library · 3,120 entries repeated in this file',
  );
  // One row a paper, its repeats folded in.
  await expect(preview.getByRole('listitem')).toHaveCount(52);
  await expect(preview.getByRole('listitem').first()).toContainText('61 times in this file');
  await page.keyboard.press('Enter');
  await expect(preview).toHaveCount(0);
  expect(JSON.parse(await app.cli('stats', '--json'))).toMatchObject({ total: 52 });
});
