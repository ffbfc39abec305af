import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FIXTURES, expect, selectInAbstract, test, CLI_POLL } from './helpers';

const SEED = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds', '000_62c7f67eba4f4526.txt');

test('a new user pastes the seed digest, triages, reads, notes and highlights; all survives a reload; nothing leaves 127.0.0.1', async ({
  app,
  page,
}) => {
  test.skip(!existsSync(SEED), 'Skipped: ../shared/seeds is not beside this clone.');
  test.setTimeout(90_000);
  const outside: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['127.0.0.1', ''].includes(url.hostname) && !['blob:', 'data:'].includes(url.protocol))
      outside.push(request.url());
  });
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));

  await page.goto(app.url);
  await page.getByRole('button', { name: 'Paste…' }).click();
  await page.getByRole('textbox', { name: 'Text to import' }).fill(await readFile(SEED, 'utf8'));
  await page.getByRole('button', { name: 'Preview' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await expect(dialog.getByRole('status')).toContainText('52 new');
  await dialog.getByRole('button', { name: 'Import 52 papers' }).click();
  await expect(page.getByRole('button', { name: /Inbox\s*52/ })).toBeVisible();

  // Triage: one paper at a time.
  await page.getByRole('button', { name: /Inbox\s*52/ }).click();
  await page.keyboard.press('t');
  const triage = page.getByRole('dialog', { name: 'Triage' });
  await expect(triage.getByRole('status')).toHaveText('52 left');
  await expect(triage.getByRole('heading', { level: 1 })).toHaveText(
    'Inference Optimal VLMs Need Only One Visual Token but Larger Models',
  );
  await page.screenshot({ path: 'test-results/screens/triage.png' });
  // The list's keys: q keep, d dismiss, j next (here: skip), s start reading.
  await page.keyboard.press('q');
  await page.keyboard.press('d');
  await page.keyboard.press('j');
  await page.keyboard.press('s');
  await expect(triage.getByRole('status')).toHaveText('48 left · 1 skipped');
  await page.keyboard.press('u');
  await expect(triage.getByRole('status')).toHaveText('49 left · 1 skipped');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: /Queue\s*1/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Dismissed\s*1/ })).toBeVisible();

  // Read one, write a note, highlight a passage.
  const rows = page.getByRole('grid', { name: 'Papers' }).getByRole('row');
  await rows.first().click();
  const title = (await rows.first().locator('.row-title').textContent()) ?? '';
  await page.keyboard.press('n');
  // Typed before the editor has the focus, the letters would be the list's shortcuts (r: read).
  await expect(page.getByRole('textbox', { name: 'Note (markdown)' })).toBeFocused();
  await page.keyboard.type('Remember the **verifier** argument.');
  await expect(page.getByRole('region', { name: 'Note' }).getByRole('status')).toHaveText('Saved');
  const opening = ((await page.locator('.abstract').textContent()) ?? '').slice(0, 20);
  await selectInAbstract(page, opening);
  await page.getByRole('textbox', { name: 'Comment' }).fill('opening claim');
  await page.getByRole('button', { name: 'Highlight' }).click();
  await expect(page.locator('.abstract mark')).toHaveCount(1);
  await page.locator('.detail').getByRole('radio', { name: 'Read', exact: true }).click();

  await page.reload();
  await page.getByRole('button', { name: /Read\s*1/ }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(title);
  await rows.first().click();
  await expect(page.locator('.note-preview strong')).toHaveText('verifier');
  await expect(page.locator('.abstract mark')).toHaveCount(1);

  // Search finds a word from the note, and one from a highlight's comment.
  await page.getByRole('button', { name: /All papers\s*52/ }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill('verifier argument');
  await expect(rows).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Search' }).fill('opening claim');
  await expect(rows).toHaveCount(1);

  expect(outside).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('the shortcut sheet opens with ?, and undo restores a status with Ctrl+Z', async ({ app, page }) => {
  await app.cli('import', join(FIXTURES, 'five-papers.txt'));
  await page.goto(app.url);
  const rows = page.getByRole('grid', { name: 'Papers' }).getByRole('row');
  await expect(rows).toHaveCount(5);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText(
    'Undo the last change: a status, a move, a deleted highlight',
  );
  await page.screenshot({ path: 'test-results/screens/shortcuts.png' });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Enter');
  await page.keyboard.press('d');
  await expect(rows).toHaveCount(4);
  await expect(page.getByRole('status').filter({ hasText: /^Marked ‘.+’ dismissed/ })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(rows).toHaveCount(5);
  await expect
    .poll(
      async () => (JSON.parse(await app.cli('stats', '--json')) as { byStatus: { inbox: number } }).byStatus.inbox,
      CLI_POLL,
    )
    .toBe(5);
});

test.describe('dark mode', () => {
  test.use({ colorScheme: 'dark', seed: [join(FIXTURES, 'digest-sample.txt')] });
  test('renders the list and a paper in dark colours', async ({ app, page }) => {
    await page.goto(app.url);
    await page.getByRole('grid', { name: 'Papers' }).getByRole('row').first().click();
    const background = await page.locator('.main').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe('rgb(30, 30, 34)');
    await page.screenshot({ path: 'test-results/screens/dark.png' });
  });
});

test('a 7,000-author paper with a very long title keeps the layout', async ({ app, page }) => {
  const now = '2026-11-26T10:00:00.000Z';
  const authors = Array.from({ length: 7000 }, (_, i) => `Physicist Number${i}`);
  const title = `Observation of a ${'very '.repeat(60)}long-lived particle`;
  const paper = {
    id: 'atlas001',
    title,
    authors,
    abstract: 'We observe it.',
    links: [],
    source: { format: 'manual', name: 'CERN', importedAt: now },
    status: 'inbox',
    rank: 1,
    history: [],
    tags: [],
    note: '',
    annotations: [],
    createdAt: now,
    updatedAt: now,
  };
  const file = join(app.dataDir, 'big.json');
  await writeFile(file, JSON.stringify({ version: 1, papers: [paper] }));
  await app.cli('import', file);
  await page.goto(app.url);
  const row = page.getByRole('grid', { name: 'Papers' }).getByRole('row').first();
  await expect(row).toContainText('Physicist Number0, Physicist Number1 et al.');
  expect((await row.boundingBox())?.height).toBe(124);
  await row.click();
  await expect(page.getByRole('button', { name: 'and 6,988 more' })).toBeVisible();
  const detail = await page.locator('.detail').boundingBox();
  expect(detail!.width).toBeLessThan(600);
  await page.screenshot({ path: 'test-results/screens/long-paper.png' });
});
