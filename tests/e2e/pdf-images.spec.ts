import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES, expect, test } from './helpers';

const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screens');
/**
 * A 480 × 240 point page whose only content is a JBIG2 image (tests/fixtures/jbig2/generate.mjs): a frame and
 * the letters JBIG2, then a refinement region that adds a bar under them. pdf.js's JavaScript decoder has no
 * refinement regions and draws nothing of it; the WebAssembly one, which only its worker may run, draws it.
 */
const SCANNED = join(FIXTURES, 'jbig2', 'scanned.pdf');
const PAGE = { width: 480, height: 240 };
/** Where the image's 400 × 160 pixels lie on the page, in points from its top left corner. */
const IMAGE = { left: 40, top: 40 };

test.use({ viewport: { width: 1440, height: 900 }, seed: [join(FIXTURES, 'digest-sample.txt')] });

/**
 * The mean grey (0 black, 255 white) of the page's canvas around points of the image's bitmap, given in its
 * pixels (or, with `page`, in points of the page), each read over a 5 × 5 square of the canvas.
 */
function greys(page: Page, points: { x: number; y: number; page?: boolean }[]): Promise<number[]> {
  const spots = points.map(({ x, y, page: onPage }) => ({
    fx: (onPage ? x : IMAGE.left + x) / PAGE.width,
    fy: (onPage ? y : IMAGE.top + y) / PAGE.height,
  }));
  return page.evaluate((spots) => {
    const canvas = document.querySelector<HTMLCanvasElement>('.pdf-page[data-page="1"] canvas')!;
    const context = canvas.getContext('2d')!;
    return spots.map(({ fx, fy }) => {
      const x = Math.round(fx * canvas.width) - 2;
      const y = Math.round(fy * canvas.height) - 2;
      const { data } = context.getImageData(x, y, 5, 5);
      let sum = 0;
      for (let i = 0; i < data.length; i += 4) sum += (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
      return sum / (data.length / 4);
    });
  }, spots);
}

test('a scanned page (a JBIG2 image) is drawn in the reader: black where the scan is black', async ({ app, page }) => {
  const problems: string[] = [];
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('worker', (worker) =>
    worker.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(m.text())),
  );
  await page.goto(app.url);
  await page.getByRole('grid', { name: 'Papers' }).getByRole('row').first().click();
  await page.getByLabel('Attach PDF').setInputFiles(SCANNED);
  await expect(page.getByRole('status').filter({ hasText: 'Attached ‘scanned.pdf’ (1 page)' })).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Read PDF' }).click();
  const reader = page.getByRole('dialog', { name: /^Reader/ });
  // The canvas joins the page once pdf.js has drawn it.
  await expect(reader.locator('.pdf-page[data-page="1"] canvas')).toBeAttached();

  const black = [
    // The frame's four sides.
    { x: 4, y: 80 },
    { x: 396, y: 80 },
    { x: 200, y: 4 },
    { x: 200, y: 156 },
    // The stem of the I, the J's foot, the 2's base.
    { x: 200, y: 80 },
    { x: 36, y: 116 },
    { x: 340, y: 116 },
    // The bar the refinement region adds under the letters, at both ends and in the middle.
    { x: 24, y: 134 },
    { x: 200, y: 134 },
    { x: 376, y: 134 },
  ];
  const white = [
    // Between the frame and the letters above them, between the letters and the bar, under the bar.
    { x: 200, y: 23 },
    { x: 200, y: 125 },
    { x: 200, y: 146 },
    // Inside the B's upper bowl.
    { x: 124, y: 56 },
    // The page around the image.
    { x: 20, y: 120, page: true },
    { x: 460, y: 120, page: true },
    { x: 240, y: 20, page: true },
  ];
  const [blacks, whites] = [await greys(page, black), await greys(page, white)];
  blacks.forEach((grey, i) => expect(grey, `black at ${JSON.stringify(black[i])}`).toBeLessThan(64));
  whites.forEach((grey, i) => expect(grey, `white at ${JSON.stringify(white[i])}`).toBeGreaterThan(192));
  await page.screenshot({ path: join(SHOTS, 'reader-jbig2.png') });
  // The WebAssembly decoder ran in pdf.js's worker: the one file served with 'wasm-unsafe-eval'.
  const pdfWorker = page.workers().find((worker) => new URL(worker.url()).pathname === '/pdfjs/pdf.worker.min.mjs');
  expect(
    pdfWorker,
    page
      .workers()
      .map((worker) => worker.url())
      .join(', '),
  ).toBeDefined();
  const compiled = await pdfWorker!.evaluate(() =>
    WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(
      () => 'compiled',
      (error: Error) => error.message,
    ),
  );
  expect(compiled).toBe('compiled');
  // Nothing refused by a Content-Security-Policy, nothing thrown.
  expect(problems).toEqual([]);
});
