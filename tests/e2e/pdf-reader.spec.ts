import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { api, FIXTURES, expect, test, type App } from './helpers';

/** Real PDFs from pdf.js's own test suite (see its README). */
const PDFS = join(import.meta.dirname, '..', '..', '..', 'shared', 'pdfs');
const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screens');

test.use({ viewport: { width: 1440, height: 900 } });

type Paper = {
  id: string;
  title: string;
  status: string;
  attachments?: { hash: string; name: string; pages: number }[];
  progress?: { page: number };
  annotations: { target: string; page?: number; quote: string; rects?: number[][]; color: string; comment: string }[];
};

async function paperTitled(app: App, title: RegExp): Promise<Paper> {
  const { papers } = await api<{ papers: Paper[] }>(app, 'papers.list', { status: 'all' });
  const found = papers.find((p) => title.test(p.title));
  if (!found) throw new Error(`no paper ${title}`);
  return api<Paper>(app, 'papers.get', { id: found.id });
}

async function attach(app: App, title: RegExp, file: string, bytes?: Buffer): Promise<Paper> {
  const paper = await paperTitled(app, title);
  const base64 = (bytes ?? (await readFile(join(PDFS, file)))).toString('base64');
  await api(app, 'attachments.add', { paperId: paper.id, base64, name: file });
  return paper;
}

async function openFromList(page: Page, title: RegExp) {
  await page.getByRole('grid', { name: 'Papers' }).getByRole('row', { name: title }).click();
  // Once the pane shows that paper: until its details come it shows the paper before, whose button opens its PDF.
  await expect(page.getByRole('complementary', { name: 'Paper' }).locator('.detail-title')).toHaveText(title);
  await page.getByRole('button', { name: /^(Read PDF|Continue reading)/ }).click();
  return page.getByRole('dialog', { name: /^Reader/ });
}

/** The words of a page's text layer whose characters lie under its drawn highlights. */
function wordsUnderHighlights(page: Page, pageNumber: number): Promise<string> {
  return page.evaluate((n) => {
    const pageEl = document.querySelector(`.pdf-page[data-page="${n}"]`)!;
    const marks = [...pageEl.querySelectorAll('.pdf-hl')].map((m) => m.getBoundingClientRect());
    let out = '';
    for (const span of pageEl.querySelectorAll<HTMLElement>('.textLayer span[data-start]')) {
      const text = span.firstChild as Text | null;
      if (!text) continue;
      for (let i = 0; i < text.length; i++) {
        const range = document.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        const b = range.getBoundingClientRect();
        const x = b.left + b.width / 2;
        const y = b.top + b.height / 2;
        if (marks.some((m) => x >= m.left && x <= m.right && y >= m.top && y <= m.bottom)) out += text.data[i];
      }
      out += ' ';
    }
    return out.replace(/\s+/g, ' ').trim();
  }, pageNumber);
}

/** The drawn highlights of a page as fractions of the page's box (so a zoom does not change them). */
function highlightBoxes(page: Page, pageNumber: number): Promise<number[][]> {
  return page.evaluate((n) => {
    const pageEl = document.querySelector(`.pdf-page[data-page="${n}"]`)!;
    const p = pageEl.getBoundingClientRect();
    return [...pageEl.querySelectorAll('.pdf-hl')].map((m) => {
      const r = m.getBoundingClientRect();
      return [(r.left - p.left) / p.width, (r.top - p.top) / p.height, r.width / p.width, r.height / p.height];
    });
  }, pageNumber);
}

/**
 * Select, as a drag would, from `from` in the span starting with `fromSpan` to the end of `to` in the span
 * starting with `toSpan` on a page's text layer, then release the mouse.
 */
async function selectInPage(
  page: Page,
  pageNumber: number,
  fromSpan: string,
  from: string,
  toSpan: string,
  to: string,
) {
  const layer = page.locator(`.pdf-page[data-page="${pageNumber}"] .textLayer`);
  await expect(layer.locator('span[data-start]').first()).toBeAttached();
  await layer.evaluate(
    (el, { fromSpan, from, toSpan, to }) => {
      const spans = [...el.querySelectorAll('span')];
      const first = spans.find((s) => s.textContent.startsWith(fromSpan))!;
      const last = spans.find((s) => s.textContent.startsWith(toSpan))!;
      const range = document.createRange();
      range.setStart(first.firstChild!, first.textContent.indexOf(from));
      range.setEnd(last.firstChild!, last.textContent.indexOf(to) + to.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      last.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    },
    { fromSpan, from, toSpan, to },
  );
}

function expectSameBoxes(a: number[][], b: number[][]) {
  expect(a).toHaveLength(b.length);
  a.forEach((box, i) => box.forEach((n, k) => expect(n).toBeCloseTo(b[i]![k]!, 2)));
}

test.describe('reading tracemonkey.pdf', () => {
  test.use({ seed: [join(FIXTURES, 'digest-sample.txt')] });

  test('attach, read, highlight across a line, zoom, reload: the highlight covers the same words; the list opens it; find', async ({
    app,
    page,
  }) => {
    test.setTimeout(90_000);
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(app.url);
    await page.getByRole('grid', { name: 'Papers' }).getByRole('row').first().click();
    await page.getByLabel('Attach PDF').setInputFiles(join(PDFS, 'tracemonkey.pdf'));
    // The core reads the PDF's text as it is attached: slow on a busy machine.
    await expect(
      page.getByRole('status').filter({ hasText: 'Attached ‘tracemonkey.pdf’ (14 pages) to ‘Sparse' }),
    ).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Read PDF' }).click();
    const reader = page.getByRole('dialog', { name: 'Reader: Sparse Attention Is All You Need, Mostly' });
    await expect(reader.getByText('of 14')).toBeVisible();

    // Go to page 5 and select a passage that runs over a line end.
    await reader.getByRole('textbox', { name: 'Page' }).fill('5');
    await reader.getByRole('textbox', { name: 'Page' }).press('Enter');
    await expect(reader.getByRole('textbox', { name: 'Page' })).toHaveValue('5');
    const p5 = reader.locator('.pdf-page[data-page="5"]');
    const quote = 'switching for results that can only be represented\nas doubles';
    await selectInPage(page, 5, 'as much as it can, switching', 'switching', 'as doubles.', 'as doubles');
    const popover = page.getByRole('dialog', { name: 'New highlight' });
    await popover.getByRole('radio', { name: 'green' }).click();
    await popover.getByRole('textbox', { name: 'Comment' }).fill('integers first');
    await popover.getByRole('button', { name: 'Highlight' }).click();
    await expect(p5.locator('.pdf-hl.hl-green:not(.pending)')).toHaveCount(2);

    const words = 'switching for results that can only be represented as doubles';
    expect(await wordsUnderHighlights(page, 5)).toBe(words);
    const before = await highlightBoxes(page, 5);
    const stored = (await paperTitled(app, /Sparse/)).annotations[0]!;
    expect(stored).toMatchObject({ target: 'pdf', page: 4, quote, color: 'green', comment: 'integers first' });
    expect(stored.rects).toHaveLength(2);

    // Zoom in twice with the keys: the same words, the same place on the page.
    await page.keyboard.press('Control+=');
    await page.keyboard.press('Control+=');
    // Automatic was 150 % here; two steps in are 175 % and 200 %.
    await expect(reader.getByRole('combobox', { name: 'Zoom level' })).toHaveValue('2');
    await expect(p5.locator('.pdf-hl')).toHaveCount(2);
    await expect.poll(() => wordsUnderHighlights(page, 5)).toBe(words);
    expectSameBoxes(await highlightBoxes(page, 5), before);

    // The place is saved as it changes; a reload opens the reader again at page 5.
    await expect.poll(async () => (await paperTitled(app, /Sparse/)).progress?.page).toBe(5);
    await page.reload();
    await expect(reader.getByRole('textbox', { name: 'Page' })).toHaveValue('5');
    await expect(p5.locator('.pdf-hl')).toHaveCount(2);
    await expect.poll(() => wordsUnderHighlights(page, 5)).toBe(words);
    expectSameBoxes(await highlightBoxes(page, 5), before);
    // With a highlight to list, the sidebar is open on a wide window.
    await expect(reader.getByRole('navigation', { name: 'Contents and highlights' })).toContainText('integers first');
    await page.screenshot({ path: join(SHOTS, 'reader-light-highlight.png') });

    // Escape closes the reader; the paper's list of highlights says p. 5 and opens the reader there.
    await page.keyboard.press('Escape');
    await expect(reader).toHaveCount(0);
    const list = page.getByRole('region', { name: 'Highlights' });
    await list.getByRole('button', { name: /in the page 5:/ }).click();
    await expect(reader.getByRole('textbox', { name: 'Page' })).toHaveValue('5');
    await expect(p5.locator('.pdf-hl.active')).toHaveCount(2);

    // Clicking the drawn highlight shows its comment, to edit, recolour or delete.
    const mark = p5.locator('.pdf-hl').first();
    const box = (await mark.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const editor = page.getByRole('dialog', { name: 'Highlight' });
    await expect(editor.getByRole('textbox', { name: 'Comment' })).toHaveValue('integers first');
    await editor.getByRole('radio', { name: 'blue' }).click();
    await expect(p5.locator('.pdf-hl.hl-blue')).toHaveCount(2);
    await editor.getByRole('button', { name: 'Done' }).click();

    // Ctrl+F opens the reader's find bar: hits counted, Enter and Shift+Enter move, the hit is marked.
    await page.keyboard.press('Control+f');
    const find = reader.getByRole('searchbox', { name: 'Find in the PDF' });
    await expect(find).toBeFocused();
    await find.fill('trace tree');
    const count = reader.locator('.pdf-find-count');
    // Find starts where the reader is: the first hit on page 5 or after it.
    await expect(count).toHaveText(/^\d+ of \d+$/);
    const [first, total] = (await count.textContent())!.split(' of ').map(Number) as [number, number];
    expect(total).toBeGreaterThan(5);
    expect(first).toBeGreaterThan(1);
    await expect(reader.locator('.pdf-page[data-page="5"] .pdf-hit.active').first()).toBeInViewport();
    await find.press('Enter');
    await expect(count).toHaveText(`${first + 1} of ${total}`);
    await find.press('Shift+Enter');
    await find.press('Shift+Enter');
    await expect(count).toHaveText(`${first - 1} of ${total}`);
    await expect(reader.locator('.pdf-hit.active').first()).toBeInViewport();
    await page.screenshot({ path: join(SHOTS, 'reader-light-find.png') });
    // Nothing refused by the Content-Security-Policy (it prints an error), nothing thrown.
    expect(problems).toEqual([]);
  });

  test('dark: pages drawn dark with their highlights, or as printed; a highlight across two columns', async ({
    app,
    page,
  }) => {
    // Long: a highlight, two zooms, dark and printed pages, a search into the PDF and the keys, on a busy machine.
    test.setTimeout(90_000);
    await attach(app, /Causal Probing/, 'tracemonkey.pdf');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(app.url);
    const reader = await openFromList(page, /Causal Probing/);
    await reader.getByRole('textbox', { name: 'Page' }).fill('5');
    await reader.getByRole('textbox', { name: 'Page' }).press('Enter');
    // From a footnote at the foot of the left column to the top of the right one.
    await selectInPage(page, 5, 'then to an integer internally', 'the array', 'Starting a tree.', 'Starting a tree.');
    await page.getByRole('dialog', { name: 'New highlight' }).getByRole('button', { name: 'Highlight' }).click();
    const p5 = reader.locator('.pdf-page[data-page="5"]');
    await expect(p5.locator('.pdf-hl:not(.pending)')).toHaveCount(2);
    expect(await wordsUnderHighlights(page, 5)).toBe('the array implementation. Starting a tree.');
    // One rectangle per column: none reaches across the gap between them.
    for (const [left = 0, , width = 0] of await highlightBoxes(page, 5))
      expect(left + width <= 0.5 || left >= 0.5, `a box from ${left} to ${left + width}`).toBe(true);
    // The whole page in view, from the sidebar's list of highlights.
    await reader.getByRole('combobox', { name: 'Zoom level' }).selectOption('page-fit');
    await reader.getByRole('button', { name: 'Highlights', exact: true }).click();
    await reader.getByRole('button', { name: /“the array implementation/ }).click();
    await expect(reader.getByRole('textbox', { name: 'Page' })).toHaveValue('5');
    await expect(reader.getByRole('button', { name: 'Dark pages' })).toHaveAttribute('aria-pressed', 'true');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(SHOTS, 'reader-dark.png') });
    await reader.getByRole('button', { name: 'Dark pages' }).click();
    await expect(reader.getByRole('button', { name: 'Dark pages' })).toHaveAttribute('aria-pressed', 'false');
    await page.screenshot({ path: join(SHOTS, 'reader-dark-printed.png') });

    // A search that matches the PDF's text: the row says where, and opens the reader there with the words marked.
    await page.keyboard.press('Escape');
    await page.getByRole('searchbox', { name: 'Search' }).fill('blacklisting');
    const where = page.getByRole('button', { name: /in the PDF, p\. \d+/i }).first();
    await expect(where).toBeVisible({ timeout: 20_000 });
    const hitPage = /p\. (\d+)/.exec((await where.textContent())!)![1]!;
    await where.click();
    await expect(reader.getByRole('textbox', { name: 'Page' })).toHaveValue(hitPage);
    await expect(reader.getByRole('searchbox', { name: 'Find in the PDF' })).toHaveValue('blacklisting');
    await expect(reader.locator('.pdf-find-count')).toHaveText(/^\d+ of \d+$/);
    await expect(reader.locator(`.pdf-page[data-page="${hitPage}"] .pdf-hit.active`).first()).toBeInViewport();

    // Keys: the arrows turn pages, Home and End go to either end; the last page offers to mark the paper read.
    await reader.locator('.pdf-scroller').focus();
    await page.keyboard.press('Home');
    await expect(reader.getByRole('textbox', { name: 'Page' })).toHaveValue('1');
    await page.keyboard.press('ArrowRight');
    await expect(reader.getByRole('textbox', { name: 'Page' })).toHaveValue('2');
    await page.keyboard.press('End');
    await expect(reader.getByRole('textbox', { name: 'Page' })).toHaveValue('14');
    await reader.getByRole('button', { name: 'Mark as read' }).click();
    await expect.poll(async () => (await paperTitled(app, /Causal Probing/)).status).toBe('read');
    await expect(reader.getByRole('button', { name: 'Mark as read' })).toHaveCount(0);
  });
});

test.describe('bad and hostile PDFs', () => {
  test.use({ seed: [join(FIXTURES, 'five-papers.txt')] });

  test('a PDF with JavaScript runs nothing; a password is asked for; a damaged file and a page without text are said plainly', async ({
    app,
    page,
  }) => {
    test.setTimeout(90_000);
    await attach(app, /^Alpha/, 'evaljs.pdf');
    await attach(app, /^Beta/, 'issue6010_1.pdf');
    await attach(app, /^Epsilon/, 'hello_world_rotated.pdf');
    const dialogs: string[] = [];
    const messages: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(app.url);
    page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));

    // evaljs.pdf carries JavaScript: it is drawn, and nothing of it runs or speaks.
    let reader = await openFromList(page, /^Alpha/);
    await expect(reader.locator('.pdf-page[data-page="1"] canvas')).toBeAttached();
    await page.waitForTimeout(500);
    expect(dialogs).toEqual([]);
    expect(messages).toEqual([]);
    await page.keyboard.press('Escape');

    // issue6010_1.pdf is encrypted: a wrong password is said plainly and asked again; the right one opens it.
    reader = await openFromList(page, /^Beta/);
    const password = reader.getByRole('textbox', { name: 'Password' });
    await expect(reader.getByRole('heading', { name: 'This PDF is protected by a password' })).toBeVisible();
    await password.fill('wrong');
    await reader.getByRole('button', { name: 'Open' }).click();
    await expect(reader.getByRole('alert')).toHaveText('That password is not right. Try again.');
    await page.screenshot({ path: join(SHOTS, 'reader-password.png') });
    await password.fill('abc');
    await reader.getByRole('button', { name: 'Open' }).click();
    await expect(reader.locator('.pdf-page[data-page="1"] canvas')).toBeAttached();
    await expect(password).toHaveCount(0);
    await page.keyboard.press('Escape');

    // empty.pdf, dropped on the detail pane's drop zone, has a page with no text and an outline.
    await page
      .getByRole('grid', { name: 'Papers' })
      .getByRole('row', { name: /^Gamma/ })
      .click();
    // The pane goes on showing Beta until Gamma's details come (PaperDetail): a drop before then is Beta's.
    await expect(page.getByRole('complementary', { name: 'Paper' }).locator('.detail-title')).toHaveText(/^Gamma/);
    const dropped = await page.evaluateHandle(
      (b64) => {
        const data = new DataTransfer();
        data.items.add(
          new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'empty.pdf', { type: 'application/pdf' }),
        );
        return data;
      },
      (await readFile(join(PDFS, 'empty.pdf'))).toString('base64'),
    );
    const zone = page.getByRole('region', { name: 'PDF' });
    await zone.dispatchEvent('dragover', { dataTransfer: dropped });
    await zone.dispatchEvent('drop', { dataTransfer: dropped });
    await expect(page.locator('.reader-toast')).toHaveText(/Attached ‘empty.pdf’ \(1 page\) to ‘Gamma/);
    await expect(page.getByRole('dialog', { name: 'Import' })).toHaveCount(0);
    reader = await openFromList(page, /^Gamma/);
    await expect(reader.getByRole('note')).toHaveText('This page has no text layer (a scan or an image)');
    await reader.getByRole('button', { name: 'Page vierge' }).click();
    await expect(reader.getByRole('textbox', { name: 'Page' })).toHaveValue('1');
    // Escape closes the reader and gives the focus back to the button that opened it.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: /^(Read PDF|Continue reading)/ })).toBeFocused();

    // A turned page: the highlight is made and drawn on the same word, at two zooms.
    reader = await openFromList(page, /^Epsilon/);
    await selectInPage(page, 1, 'Hello world', 'world', 'Hello world', 'world');
    await page.getByRole('dialog', { name: 'New highlight' }).getByRole('button', { name: 'Highlight' }).click();
    await expect(reader.locator('.pdf-page[data-page="1"] .pdf-hl:not(.pending)')).toHaveCount(1);
    expect(await wordsUnderHighlights(page, 1)).toBe('world');
    await page.keyboard.press('Control+=');
    await expect.poll(() => wordsUnderHighlights(page, 1)).toBe('world');
    await page.keyboard.press('Escape');

    // A truncated PDF: refused when attached, naming the file; and one damaged on disk says so in the reader.
    const full = await readFile(join(PDFS, 'tracemonkey.pdf'));
    const truncated = full.subarray(0, Math.floor(full.length * 0.6));
    await page
      .getByRole('grid', { name: 'Papers' })
      .getByRole('row', { name: /^Delta/ })
      .click();
    // The pane goes on showing the paper before (Epsilon) until Delta's details come, and its input attaches to
    // the paper it shows: attached at once, the file went to Epsilon on a fast machine.
    await expect(page.getByRole('complementary', { name: 'Paper' }).locator('.detail-title')).toContainText('Delta');
    await page
      .getByLabel('Attach PDF')
      .setInputFiles({ name: 'cut-short.pdf', mimeType: 'application/pdf', buffer: truncated });
    const toast = page.locator('.reader-toast');
    await expect(toast).toContainText('cut-short.pdf');
    await expect(toast).toContainText('Delta');
    await attach(app, /^Delta/, 'tracemonkey.pdf');
    await page.route('**/api/attachments/**', (route) =>
      route.fulfill({ status: 200, contentType: 'application/pdf', body: truncated }),
    );
    reader = await openFromList(page, /^Delta/);
    await expect(reader.getByRole('alert')).toContainText('‘tracemonkey.pdf’ cannot be read');
    await page.screenshot({ path: join(SHOTS, 'reader-damaged.png') });
    await page.keyboard.press('Escape');
    await expect(page.getByRole('grid', { name: 'Papers' })).toBeVisible();

    // Removing a PDF says where its file goes first.
    await page.getByRole('button', { name: 'Remove tracemonkey.pdf' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'kept in the trash for 30 days' })).toBeVisible();
    await page.getByRole('button', { name: 'Remove PDF' }).click();
    await expect(page.locator('.reader-toast')).toContainText('Removed ‘tracemonkey.pdf’ from ‘Delta');
    await expect(page.getByRole('button', { name: 'Attach PDF…' })).toBeVisible();
    expect(dialogs).toEqual([]);
  });
});
