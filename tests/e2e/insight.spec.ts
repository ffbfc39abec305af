import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './helpers';

const SEED = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds', '000_62c7f67eba4f4526.txt');

type Listed = { id: string; title: string };

test.describe('reading insight on the seed digest', () => {
  test.skip(!existsSync(SEED), 'Skipped: ../shared/seeds is not beside this clone.');
  test.use({ seed: [SEED] });

  test('the inbox sorted "For you" puts the reader’s topic first, says why, and finds more like this', async ({
    app,
    page,
  }) => {
    const consoleErrors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    const papers = JSON.parse(await app.cli('list', '--json')) as Listed[];
    const ids = (...parts: string[]) =>
      papers.filter((p) => parts.some((part) => p.title.includes(part))).map((p) => p.id);
    await app.cli('mark', ...ids('Bayesian Estimation of Differential Privacy', 'Kaplan-Meier'), 'read');
    await app.cli('mark', ...ids('Large Language Monkeys', 'Scaling LLM Test-Time Compute'), 'dismissed');

    await page.goto(app.url);
    const rows = page.getByRole('grid', { name: 'Papers' }).getByRole('row');
    await expect(page.getByRole('button', { name: /Inbox\s*48/ })).toBeVisible();
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('foryou');
    await expect(page.getByRole('note')).toHaveText('Ranked by likeness to 2 papers you kept, read or marked.');
    await expect(rows.first().locator('.row-title')).toHaveText(/Privacy|Private|Inference Attacks/);

    await rows.first().click();
    const why = page.getByRole('region', { name: 'Why this paper is here' });
    await expect(why).toContainText(/Close to (a paper|2 papers) you read: “/);
    const more = page.getByRole('region', { name: 'More like this' });
    // Only papers above the floor of likeness (a55a884): the seed's few on the same topic, at most 10.
    await expect(more.getByRole('listitem').first()).toContainText('Shares ‘');
    const close = await more.getByRole('listitem').count();
    expect(close).toBeGreaterThan(0);
    expect(close).toBeLessThanOrEqual(10);
    await page.screenshot({ path: 'test-results/screens/for-you.png' });

    const next = (await more.getByRole('button').first().textContent()) ?? '';
    await more.getByRole('button').first().click();
    await expect(page.locator('.detail-title')).toHaveText(next);

    // Triage follows the ranked order and shows the reason.
    await page.keyboard.press('t');
    const triage = page.getByRole('dialog', { name: 'Triage' });
    await expect(triage.locator('.triage-why')).toContainText('you read');
    await page.screenshot({ path: 'test-results/screens/triage-for-you.png' });
    await page.keyboard.press('Escape');

    // A keyword rule lifts a paper to the top, marked as boosted; a broken pattern is explained.
    await page.getByRole('button', { name: 'Keyword rules…' }).click();
    const rules = page.getByRole('dialog', { name: 'Keyword rules' });
    await rules.getByRole('combobox', { name: 'Kind of rule' }).selectOption('regex');
    await rules.getByRole('textbox', { name: 'Words or pattern' }).fill('fisher(y|ies');
    await rules.getByRole('button', { name: 'Add rule' }).click();
    await expect(rules.getByRole('alert')).toContainText('The regular expression is not valid');
    await rules.getByRole('textbox', { name: 'Words or pattern' }).fill('fisher(y|ies)');
    await rules.getByRole('button', { name: 'Add rule' }).click();
    await expect(rules.getByRole('listitem')).toHaveCount(1);
    await expect(rules.getByRole('listitem')).toContainText('1 in the inbox');
    await page.screenshot({ path: 'test-results/screens/rules.png' });
    await rules.getByRole('button', { name: 'Done' }).click();
    await expect(rows.first().locator('.row-title')).toHaveText(/fisheries management/);
    await expect(rows.first().locator('.marker.boosted')).toHaveText('boosted');
    expect(consoleErrors).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the stats view plots reading week by week (${colorScheme})`, async ({ app, page }) => {
      const consoleErrors: string[] = [];
      page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
      await page.emulateMedia({ colorScheme });
      const papers = JSON.parse(await app.cli('list', '--json')) as Listed[];
      await app.cli('mark', papers[0]!.id, papers[1]!.id, 'queued');
      await app.cli('mark', papers[0]!.id, papers[2]!.id, papers[3]!.id, 'read');
      await app.cli('tag', papers[2]!.id, 'privacy').catch(() => undefined);

      await page.goto(app.url);
      await page.getByRole('button', { name: 'Reading stats' }).click();
      const main = page.getByRole('main', { name: 'Reading stats' });
      await expect(main.getByRole('heading', { name: 'Reading stats' })).toBeVisible();
      const figures = main.locator('.stats-figure-card');
      await expect(figures.filter({ hasText: 'Read this week' }).locator('dd').first()).toHaveText('3');
      await expect(figures.filter({ hasText: 'Reading streak' }).locator('dd').first()).toHaveText('1 day');
      for (const title of ['In and out', 'The queue over time', 'How long papers wait', 'By source']) {
        await expect(main.getByRole('heading', { name: title })).toBeVisible();
      }
      // Each chart draws real marks, and says in words what it shows.
      await expect(main.locator('.chart-bar').first()).toBeVisible();
      await expect(main.getByText('In the last 12 weeks you added 52 papers and read 3 papers.')).toBeVisible();
      await expect(main.getByText('1 paper in the queue now')).toBeVisible();
      await main.getByText('Show as a table').first().click();
      await expect(main.locator('.stats-table table').first().locator('tbody tr').last()).toContainText('52');
      await page.screenshot({ path: `test-results/screens/stats-${colorScheme}.png`, fullPage: true });
      expect(consoleErrors).toEqual([]);
    });
  }
});

test('the stats view of an empty library says how to start', async ({ app, page }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Reading stats' }).click();
  const main = page.getByRole('main', { name: 'Reading stats' });
  await expect(main.getByText('No papers yet')).toBeVisible();
  await expect(
    main.locator('.stats-figure-card').filter({ hasText: 'Read this week' }).locator('dd').first(),
  ).toHaveText('0');
  await page.screenshot({ path: 'test-results/screens/stats-empty.png' });
});
