import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, expect, test } from './helpers';

test.describe('the queue in browser mode', () => {
  test.use({ seed: [join(FIXTURES, 'digest-sample.txt')] });

  test('lists imported papers, triages them, and the change reaches the library on disk', async ({ app, page }) => {
    await page.goto(app.url);
    // The token leaves the address bar once the page has it.
    await expect(page).toHaveURL(`${app.origin}/`);
    const rows = page.getByRole('grid', { name: 'Papers' }).getByRole('row');
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText('Sparse Attention Is All You Need, Mostly');
    await expect(page.getByRole('button', { name: /Inbox\s*2/ })).toBeVisible();

    await rows.first().hover();
    await rows.first().getByRole('button', { name: 'Keep' }).click();
    await expect(rows).toHaveCount(1);
    await expect(page.getByRole('button', { name: /Queue\s*1/ })).toBeVisible();

    const queued = JSON.parse(await app.cli('list', '--status', 'queued', '--json')) as { title: string }[];
    expect(queued.map((p) => p.title)).toEqual(['Sparse Attention Is All You Need, Mostly']);
  });

  test('shows a paper with its links and status, and follows changes made from the CLI', async ({ app, page }) => {
    await page.goto(app.url);
    await page.getByRole('grid', { name: 'Papers' }).getByRole('row').filter({ hasText: 'Causal Probing' }).click();
    const detail = page.getByRole('complementary', { name: 'Paper' });
    await expect(detail.getByRole('heading', { name: 'Causal Probing (of Language Models)' })).toBeVisible();
    await expect(detail.getByRole('link', { name: /Project page/ })).toHaveAttribute(
      'href',
      'https://probe-lab.github.io/',
    );
    await expect(detail.getByRole('radio', { name: 'Inbox' })).toHaveAttribute('aria-checked', 'true');
    await page.screenshot({ path: 'test-results/screens/queue-detail.png' });

    const { id } = JSON.parse(await app.cli('show', '2410.09999', '--json')) as { id: string };
    await app.cli('mark', id, 'reading');
    await expect(page.getByRole('button', { name: /Reading\s*1/ })).toBeVisible();
  });

  test('filters as you type and moves with the keyboard', async ({ app, page }) => {
    await page.goto(app.url);
    await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row')).toHaveCount(2);
    await page.keyboard.press('/');
    await page.keyboard.type('probing');
    await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row', { selected: true })).toContainText(
      'Causal Probing',
    );
    await page.keyboard.press('d');
    await expect(page.getByRole('button', { name: /Dismissed\s*1/ })).toBeVisible();
  });
});

test('an empty library explains how to start', async ({ app, page }) => {
  await page.goto(app.url);
  await expect(page.getByText('Nothing here yet')).toBeVisible();
  // Every way in is named: the import button, pasting, and dropping a file on the window.
  await expect(page.locator('.empty')).toContainText('“Paste…”');
  await expect(page.locator('.empty')).toContainText('drop a file anywhere on this window');
  await page.screenshot({ path: 'test-results/screens/empty.png' });
});

test.describe('hostile imported text', () => {
  test.use({ seed: [join(FIXTURES, 'hostile-digest.txt')] });

  test('is shown as text and never runs', async ({ app, page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(app.url);
    const row = page.getByRole('grid', { name: 'Papers' }).getByRole('row').first();
    await expect(row).toContainText('<img src=x onerror=alert(1)>');
    await row.click();
    await expect(page.locator('.abstract')).toContainText('<script>alert("abstract")</script>');
    // In the body: the head holds the page's own theme script (renderer/src/theme-script.ts).
    expect(await page.locator('body img, body script:not([src])').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});

const SEED = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds', '000_62c7f67eba4f4526.txt');

test.describe('the seed digest', () => {
  test.skip(!existsSync(SEED), 'Skipped: ../shared/seeds is not beside this clone.');
  test.use({ seed: [SEED] });

  test('52 papers scroll in a virtualised list, with the digest in the sidebar', async ({ app, page }) => {
    await page.goto(app.url);
    const list = page.getByRole('grid', { name: 'Papers' });
    await expect(page.getByRole('button', { name: /Mar 13\s*52/ })).toBeVisible();
    await expect(page.getByText('52 papers', { exact: true })).toBeVisible();
    // Only the rows on screen are in the DOM.
    expect(await list.getByRole('row').count()).toBeLessThan(30);
    await list.getByRole('row').nth(2).click();
    await page.screenshot({ path: 'test-results/screens/seed.png' });
    await list.hover();
    await page.mouse.wheel(0, 10_000);
    await expect(
      list.getByRole('row').filter({ hasText: 'When Neural Code Completion Models Size up the Situation' }),
    ).toBeVisible();
  });
});
