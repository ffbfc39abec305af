import { join } from 'node:path';
import { FIXTURES, expect, test } from './helpers';

test.use({ seed: [join(FIXTURES, 'digest-sample.txt')] });

test("the page asks for the list's first rows from its own small script before the app's, and once", async ({
  app,
  page,
}) => {
  const rows: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/papers.rows') rows.push(request.postData() ?? '');
  });
  const html = await (await fetch(app.url.replace(/#.*/, ''))).text();
  const scripts = [...html.matchAll(/<script ([^>]*)><\/script>/g)].map((match) => match[1]!);
  // The early script comes first, a plain async script that runs as soon as it is here, under the page's CSP
  // (after its meta).
  expect(scripts).toHaveLength(2);
  expect(scripts[0]).toMatch(/^async src="\.\/assets\/early-[\w-]{8}\.js"$/);
  expect(html.indexOf('<script')).toBeGreaterThan(html.indexOf('Content-Security-Policy'));

  await page.goto(app.url);
  await expect(page.locator('[aria-label="Papers"] .row[data-id]')).toHaveCount(2);
  await expect(page.getByRole('button', { name: /Inbox\s*2/ })).toBeVisible();
  // The list took the early answer rather than asking again.
  expect(rows.map((body) => JSON.parse(body) as unknown)).toEqual([
    { status: 'inbox', sort: 'queue', offset: 0, limit: 200 },
  ]);

  // After a reload the page asks for the view it restores (All papers, by title), still once.
  await page.getByRole('button', { name: /^All papers/ }).click();
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('title');
  await expect(page.locator('[aria-label="Papers"] .row[data-id]')).toHaveCount(2);
  rows.length = 0;
  await page.reload();
  await expect(page.locator('[aria-label="Papers"] .row[data-id]')).toHaveCount(2);
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('title');
  expect(rows.map((body) => JSON.parse(body) as unknown)).toEqual([
    { status: 'all', sort: 'title', offset: 0, limit: 200 },
  ]);
});
