import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { api, FIXTURES, expect, test } from './helpers';

/** Real PDFs from pdf.js's own test suite (see its README). */
const PDFS = join(import.meta.dirname, '..', '..', '..', 'shared', 'pdfs');

test.use({ viewport: { width: 1280, height: 900 }, seed: [join(FIXTURES, 'digest-sample.txt')] });

type Annotation = { target: string; page?: number; quote: string; comment: string; color: string };

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

test('with the keyboard alone: a passage chosen a sentence at a time and highlighted, its comment changed from the sidebar, the toast’s Undo reached', async ({
  app,
  page,
}) => {
  test.setTimeout(90_000);
  const { papers } = await api<{ papers: { id: string; title: string }[] }>(app, 'papers.list', { status: 'all' });
  const paper = papers[0]!;
  const base64 = (await readFile(join(PDFS, 'tracemonkey.pdf'))).toString('base64');
  await api(app, 'attachments.add', { paperId: paper.id, base64, name: 'tracemonkey.pdf' });

  await page.goto(app.url);
  await page.getByRole('grid', { name: 'Papers' }).getByRole('row', { name: paper.title }).click();
  await page.getByRole('button', { name: 'Read PDF' }).focus();
  await page.keyboard.press('Enter');
  const reader = page.getByRole('dialog', { name: /^Reader/ });
  await expect(reader.locator('.pdf-page[data-page="1"] .textLayer span').first()).toBeAttached();
  const selected = () => page.evaluate(() => window.getSelection()?.toString() ?? '');

  // ] selects the first sentence on screen, then the next; Shift grows the selection by one and shrinks it back.
  await page.keyboard.press(']');
  await expect.poll(selected).not.toBe('');
  const first = squash(await selected());
  expect(first).toMatch(/^Trace-based Just-in-Time/);
  await page.keyboard.press(']');
  await expect.poll(async () => squash(await selected())).not.toBe(first);
  const second = squash(await selected());
  expect(second.length).toBeGreaterThan(10);
  await page.keyboard.press('Shift+BracketRight');
  await expect.poll(async () => squash(await selected()).length).toBeGreaterThan(second.length);
  const two = squash(await selected());
  expect(two.startsWith(second)).toBe(true);
  await page.keyboard.press('Shift+BracketLeft');
  await expect.poll(async () => squash(await selected())).toBe(second);
  await page.keyboard.press('[');
  await expect.poll(async () => squash(await selected())).toBe(first);
  await page.keyboard.press(']');
  await page.keyboard.press('Shift+BracketRight');
  await expect.poll(async () => squash(await selected())).toBe(two);

  // h opens the highlight popover on it, with the focus in the comment; Enter saves.
  await page.keyboard.press('h');
  const popover = page.getByRole('dialog', { name: 'New highlight' });
  await expect(popover).toBeVisible();
  await expect(popover.getByRole('textbox', { name: 'Comment' })).toBeFocused();
  await page.screenshot({ path: 'test-results/screens/pdf-keyboard-highlight.png' });
  await page.keyboard.type('The claim, in two sentences.');
  await page.keyboard.press('Enter');
  await expect(popover).toHaveCount(0);
  await expect(reader.locator('.pdf-page[data-page="1"] .pdf-hl').first()).toBeVisible();

  const saved = await api<{ annotations: Annotation[] }>(app, 'papers.get', { id: paper.id });
  const highlight = saved.annotations.find((a) => a.target === 'pdf');
  expect(highlight).toMatchObject({ page: 0, comment: 'The claim, in two sentences.' });
  expect(squash(highlight!.quote)).toBe(two);
  // The reader keeps the focus: its keys still work.
  await page.keyboard.press('ArrowRight');
  await expect(reader.getByRole('textbox', { name: 'Page' })).toHaveValue('2');

  // The highlight is in the sidebar's list, read out with its page and comment; from there its comment is
  // changed without a mouse, and the focus comes back to it.
  const toggle = reader.getByRole('button', { name: 'Highlights', exact: true });
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') {
    await toggle.focus();
    await page.keyboard.press('Enter');
  }
  const entry = reader.getByRole('button', { name: /^Page 1, yellow highlight: .*Comment: The claim/ });
  await entry.focus();
  await page.keyboard.press('Enter');
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await expect(editor.getByRole('textbox', { name: 'Comment' })).toBeFocused();
  await expect(reader.getByRole('textbox', { name: 'Page' })).toHaveValue('1');
  await page.keyboard.press('End');
  await page.keyboard.type(' Check the benchmarks.');
  await page.keyboard.press('Enter');
  await expect(editor).toHaveCount(0);
  await expect(
    reader.getByRole('button', { name: /Comment: The claim, in two sentences\. Check the benchmarks\.$/ }),
  ).toBeFocused();
  await expect
    .poll(
      async () =>
        (await api<{ annotations: Annotation[] }>(app, 'papers.get', { id: paper.id })).annotations[0]?.comment,
    )
    .toBe('The claim, in two sentences. Check the benchmarks.');

  // At the last page the paper is marked read; the toast's Undo is reached with Tab from inside the reader.
  await reader.getByLabel('Pages', { exact: true }).focus();
  await page.keyboard.press('End');
  const markRead = reader.getByRole('button', { name: 'Mark as read' });
  await markRead.focus();
  await page.keyboard.press('Enter');
  const toast = page
    .getByRole('status')
    .filter({ hasText: 'read' })
    .filter({ has: page.getByRole('button', { name: 'Undo' }) });
  await expect(toast).toBeVisible();
  await reader.getByRole('button', { name: 'Close the reader (Esc)' }).focus();
  await page.keyboard.press('Shift+Tab');
  await expect(toast.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => (await api<{ status: string }>(app, 'papers.get', { id: paper.id })).status)
    .not.toBe('read');
  await expect(reader).toBeVisible();
});
