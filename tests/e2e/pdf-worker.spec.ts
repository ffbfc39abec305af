import { join } from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { FIXTURES, api, attachPdf, expect, test } from './helpers';
import { openTracemonkey } from './reader-open';

test.use({ viewport: { width: 1280, height: 900 }, seed: [join(FIXTURES, 'digest-sample.txt')] });

/** The page's PDF.js worker: the one file served with the worker's own policy. */
function pdfWorker(page: Page): Worker {
  const worker = page.workers().find((w) => new URL(w.url()).pathname === '/pdfjs/pdf.worker.min.mjs');
  if (!worker)
    throw new Error(
      `no PDF.js worker among ${page
        .workers()
        .map((w) => w.url())
        .join(', ')}`,
    );
  return worker;
}

type Counted = { collected?: number; gc?: () => void };

test("reading on asks PDF.js's worker to collect its garbage, and the worker goes on drawing pages", async ({
  app,
  page,
}) => {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('worker', (worker) => worker.on('console', (m) => m.type() === 'error' && problems.push(m.text())));
  const reader = await openTracemonkey(app, page);
  // Browser mode gives no gc(); the desktop app gives V8's. Here the worker's gc() is one that counts its calls.
  const worker = pdfWorker(page);
  await worker.evaluate(() => {
    const scope = globalThis as Counted;
    scope.collected = 0;
    scope.gc = () => void (scope.collected = (scope.collected ?? 0) + 1);
  });
  const collected = () => worker.evaluate(() => (globalThis as Counted).collected ?? 0);
  expect(await collected()).toBe(0);

  // Pages 1 to 3 are drawn; 14 and 7 draw six more (the one at the top and those around it), then a pause:
  // the document is cleaned up (DocumentCleanup), and the worker is asked to collect.
  const field = reader.getByRole('textbox', { name: 'Page' });
  for (const to of ['14', '7']) {
    await field.fill(to);
    await field.press('Enter');
    await expect(reader.locator(`.pdf-page[data-page="${to}"] .textLayer span`).first()).toBeAttached();
  }
  await expect.poll(collected, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);

  // The worker collected and still answers: a page not drawn yet is drawn, its text laid over it.
  await field.fill('10');
  await field.press('Enter');
  await expect(reader.locator('.pdf-page[data-page="10"] canvas')).toBeAttached();
  await expect(reader.locator('.pdf-page[data-page="10"] .textLayer span').first()).toBeAttached();
  expect(problems).toEqual([]);
});

test('a PDF.js worker that cannot start is said plainly, and the next opening starts another', async ({
  app,
  page,
}) => {
  // The worker's file is missing (a damaged installation): pdf.js alone would wait on it for ever.
  let refused = 0;
  await page.route('**/pdfjs/pdf.worker.min.mjs', (route) => {
    refused++;
    return route.fulfill({ status: 404, body: 'not found' });
  });
  const { papers } = await api<{ papers: { id: string; title: string }[] }>(app, 'papers.list', { status: 'all' });
  await attachPdf(app, papers[0]!.id, 'tracemonkey.pdf');
  await page.goto(app.url);
  await page.getByRole('grid', { name: 'Papers' }).getByRole('row', { name: papers[0]!.title }).click();
  await page.getByRole('button', { name: 'Read PDF' }).click();
  const reader = page.getByRole('dialog', { name: /^Reader/ });
  await expect(
    reader.getByText(
      /could not be opened: the PDF reader’s worker did not start .*installing Paperqueue again mends it/,
    ),
  ).toBeVisible({
    timeout: 15_000,
  });
  expect(refused).toBeGreaterThanOrEqual(1);
  await page.unroute('**/pdfjs/pdf.worker.min.mjs');
  await page.keyboard.press('Escape');
  await expect(reader).toBeHidden();

  // The file is back: the next opening starts a worker of its own, and the pages are drawn.
  await page.getByRole('button', { name: /^(Read PDF|Continue reading)/ }).click();
  await expect(reader.locator('.pdf-page[data-page="1"] canvas')).toBeAttached({ timeout: 15_000 });
  await expect(reader.locator('.pdf-page[data-page="1"] .textLayer span').first()).toBeAttached();
});
