import { join } from 'node:path';
import { api, attachPdf, FIXTURES, expect, squash, test, type Highlight } from './helpers';

test.use({ viewport: { width: 1280, height: 900 }, seed: [join(FIXTURES, 'digest-sample.txt')] });

test('a passage selected over a page break becomes one highlight on each page, saved together', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  const { papers } = await api<{ papers: { id: string; title: string }[] }>(app, 'papers.list', { status: 'all' });
  const paper = papers[0]!;
  await attachPdf(app, paper.id, 'tracemonkey.pdf');

  await page.goto(app.url);
  // The list's rows by the list's name and their text, whatever roles the list gives them: the app's, not the
  // page's first drawing of them (renderer/src/first-paint/), which the app replaces and which takes no click.
  await page
    .locator('#root > .app:not([data-shell]) [aria-label="Papers"] .row[data-id]')
    .filter({ hasText: paper.title })
    .first()
    .click();
  await page.getByRole('button', { name: 'Read PDF' }).click();
  const reader = page.getByRole('dialog', { name: /^Reader/ });
  // Page 1 is on screen and page 2 below it: both are drawn with their text once the reader rests.
  for (const n of [1, 2])
    await expect(reader.locator(`.pdf-page[data-page="${n}"] .textLayer span`).first()).toBeAttached();

  // From the start of page 1's last line of text to the end of page 2's first, as a drag would select.
  const selected = await page.evaluate(() => {
    const spans = (n: number) =>
      [...document.querySelectorAll<HTMLElement>(`.pdf-page[data-page="${n}"] .textLayer span`)].filter(
        (span) => span.childElementCount === 0 && (span.textContent ?? '').trim().length > 3,
      );
    const last = spans(1).at(-1)!;
    const first = spans(2)[0]!;
    const range = document.createRange();
    range.setStart(last.firstChild!, 0);
    range.setEnd(first.firstChild!, first.firstChild!.textContent!.length);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return { end: last.textContent ?? '', start: first.textContent ?? '' };
  });

  await page.keyboard.press('h');
  const popover = page.getByRole('dialog', { name: 'New highlight' });
  await expect(popover).toBeVisible();
  // The popover quotes the passage from its start (a long one is cut short there), and the passage ends
  // below the window, on page 2: the popover stays whole inside the window all the same.
  await expect(popover).toContainText(squash(selected.end).slice(0, 20));
  const box = (await popover.boundingBox())!;
  expect(box.y + box.height).toBeLessThanOrEqual(900);
  await expect(popover.getByRole('button', { name: 'Highlight' })).toBeInViewport({ ratio: 1 });
  await page.keyboard.type('Runs on over the page.');
  await page.keyboard.press('Enter');
  await expect(popover).toHaveCount(0);
  for (const n of [1, 2]) await expect(reader.locator(`.pdf-page[data-page="${n}"] .pdf-hl`).first()).toBeVisible();

  const saved = await api<{ annotations: Highlight[] }>(app, 'papers.get', { id: paper.id });
  const pdfHighlights = saved.annotations.filter((a) => a.target === 'pdf').sort((a, b) => a.page! - b.page!);
  expect(pdfHighlights.map((a) => a.page)).toEqual([0, 1]);
  expect(squash(pdfHighlights[0]!.quote)).toBe(squash(selected.end));
  expect(squash(pdfHighlights[1]!.quote)).toBe(squash(selected.start));
  expect(pdfHighlights.map((a) => a.comment)).toEqual(['Runs on over the page.', '']);
  expect(new Set(pdfHighlights.map((a) => a.color)).size).toBe(1);

  // A reload opens the reader again and draws both parts from what was stored.
  await page.reload();
  for (const n of [1, 2]) await expect(reader.locator(`.pdf-page[data-page="${n}"] .pdf-hl`).first()).toBeVisible();
});
