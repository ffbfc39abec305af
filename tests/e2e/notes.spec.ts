import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { FIXTURES, expect, test, CLI_POLL } from './helpers';

test.use({ seed: [join(FIXTURES, 'digest-sample.txt')] });

async function openFirstPaper(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('grid', { name: 'Papers' }).getByRole('row').first().click();
  return page.getByRole('region', { name: 'Note' });
}

test('a note autosaves, renders as safe markdown, and is in the library', async ({ app, page }) => {
  const note = await openFirstPaper(page, app.url);
  const text =
    '## Why it matters\n\nSparse **and** fast. [code](https://github.com/example) [bad](javascript:alert(1))\n\n<img src=x onerror=alert(1)>' +
    '\n\nThe loss is $\\ell(x_1, x_2)$, at $5 a run:\n\n$$\n\\sum_{i=1}^n x_i\n$$';
  await note.getByRole('textbox', { name: 'Note (markdown)' }).fill(text);
  await expect(note.getByRole('status')).toHaveText('Saved');

  await note.getByRole('tab', { name: 'Preview' }).click();
  await expect(note.getByRole('heading', { name: 'Why it matters' })).toBeVisible();
  await expect(note.locator('strong')).toHaveText('and');
  await expect(note.getByRole('link', { name: 'code' })).toHaveAttribute('href', 'https://github.com/example');
  await expect(note.getByRole('link', { name: 'bad' })).toHaveCount(0);
  expect(await page.locator('.markdown img').count()).toBe(0);
  // Its math drawn as titles' is (MathML), a price left as it is.
  await expect(note.locator('.markdown math')).toHaveCount(2);
  await expect(note.locator('.markdown')).toContainText('at $5 a run');
  await page.screenshot({ path: 'test-results/screens/note.png' });

  const shown = JSON.parse(await app.cli('show', '2411.01234', '--json')) as { note: string };
  expect(shown.note).toBe(text);
});

test('a keystroke typed just before a reload is not lost', async ({ app, page }) => {
  const note = await openFirstPaper(page, app.url);
  const input = note.getByRole('textbox', { name: 'Note (markdown)' });
  await input.fill('first draft');
  await expect(note.getByRole('status')).toHaveText('Saved');
  await input.press('End');
  await input.pressSequentially('!', { delay: 0 });
  await page.reload();
  await expect
    .poll(async () => (JSON.parse(await app.cli('show', '2411.01234', '--json')) as { note: string }).note, CLI_POLL)
    .toBe('first draft!');
});
