import { join } from 'node:path';
import { FIXTURES, expect, test, CLI_POLL } from './helpers';

test.use({ seed: [join(FIXTURES, 'five-papers.txt')] });

const queueTitles = async (cli: (...args: string[]) => Promise<string>) =>
  (JSON.parse(await cli('list', '--status', 'queued', '--json')) as { title: string }[]).map(
    (p) => p.title.split(':')[0],
  );

test('pick several papers and triage them at once', async ({ app, page }) => {
  await page.goto(app.url);
  const rows = page.getByRole('grid', { name: 'Papers' }).getByRole('row');
  await expect(rows).toHaveCount(5);
  await rows.nth(0).click();
  await rows.nth(2).click({ modifiers: ['ControlOrMeta'] });
  await rows.nth(4).click({ modifiers: ['ControlOrMeta'] });
  const bar = page.getByRole('toolbar', { name: 'Selected papers' });
  await expect(bar).toContainText('3 selected');
  await bar.getByRole('textbox', { name: 'Tag selected papers' }).fill('habits');
  await bar.getByRole('textbox', { name: 'Tag selected papers' }).press('Enter');
  await expect(rows.getByText('#habits')).toHaveCount(3);
  await expect(page.getByRole('button', { name: /#habits\s*3/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/bulk.png' });
  await bar.getByRole('button', { name: 'Keep' }).click();
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('button', { name: /Queue\s*3/ })).toBeVisible();
  expect(await queueTitles(app.cli)).toEqual(['Alpha', 'Gamma', 'Epsilon']);

  // Shift-click picks a range.
  await rows.nth(0).click();
  await rows.nth(1).click({ modifiers: ['Shift'] });
  await expect(bar).toContainText('2 selected');
  await page.keyboard.press('d');
  await expect(page.getByRole('button', { name: /Dismissed\s*2/ })).toBeVisible();
});

test('reorder the queue with the keyboard and by dragging', async ({ app, page }) => {
  const all = JSON.parse(await app.cli('list', '--json')) as { id: string }[];
  await app.cli('mark', ...all.map((p) => p.id), 'queued');
  await page.goto(app.url);
  await page.getByRole('button', { name: /Queue\s*5/ }).click();
  const rows = page.getByRole('grid', { name: 'Papers' }).getByRole('row');
  await expect(rows).toHaveCount(5);

  await rows.nth(0).click();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => queueTitles(app.cli), CLI_POLL).toEqual(['Beta', 'Alpha', 'Gamma', 'Delta', 'Epsilon']);
  await expect(rows.nth(1)).toContainText('Alpha');

  await rows.nth(4).dragTo(rows.nth(0));
  await expect.poll(() => queueTitles(app.cli), CLI_POLL).toEqual(['Epsilon', 'Beta', 'Alpha', 'Gamma', 'Delta']);
  await expect(rows.nth(0)).toContainText('Epsilon');

  // u puts each move back, the latest first, and says so.
  await expect(page.getByRole('status').filter({ hasText: /^Moved ‘Epsilon: The Half-Life/ })).toBeVisible();
  await rows.nth(0).click();
  await page.keyboard.press('u');
  await expect.poll(() => queueTitles(app.cli), CLI_POLL).toEqual(['Beta', 'Alpha', 'Gamma', 'Delta', 'Epsilon']);
  await expect(page.getByRole('status').filter({ hasText: /^Undone: moved ‘Epsilon: The Half-Life/ })).toBeVisible();
  await page.keyboard.press('u');
  await expect.poll(() => queueTitles(app.cli), CLI_POLL).toEqual(['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon']);
  await expect(rows.nth(0)).toContainText('Alpha');
});
