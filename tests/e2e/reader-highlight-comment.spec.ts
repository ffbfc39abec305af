import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { findings } from './a11y-audit';
import { FIXTURES, api, attachPdf, expect, test } from './helpers';

/**
 * The PDF reader's Highlights panel draws a highlight's comment as the details pane does (markdown, math, web
 * links opened apart from the app, no raw HTML); each entry is still one button, reached and chosen by keyboard,
 * that goes to its page; a long comment is cut, with a button to read it whole. axe-core finds nothing serious,
 * light and dark; screenshots at 1280×800 and 900×700 are kept to look at.
 */
test.use({ viewport: { width: 1280, height: 800 }, seed: [join(FIXTURES, 'digest-sample.txt')] });
// axe-core over a whole page takes seconds on a busy machine.
test.slow();

const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screens');
const LONG = [
  'A long comment on **why traces** pay off:',
  '',
  '1. loops are where the time goes;',
  '2. type-specialised code for each path, $T(n) = O(n \\log n)$;',
  '3. side exits fall back to the interpreter.',
  '',
  'Read this against the benchmarks in section 7, and compare the numbers with the method JIT of V8. '.repeat(4),
].join('\n');

test("the reader's Highlights panel: comments drawn, entries a button each, a long one cut, axe clean", async ({
  app,
  page,
}) => {
  const { papers } = await api<{ papers: { id: string; title: string }[] }>(app, 'papers.list', { status: 'all' });
  const paper = papers[0]!;
  await attachPdf(app, paper.id, 'tracemonkey.pdf');
  const { attachments } = await api<{ attachments: { hash: string }[] }>(app, 'papers.get', { id: paper.id });
  const add = (page: number, quote: string, rect: number[], comment: string) =>
    api(app, 'annotations.add', {
      paperId: paper.id,
      target: 'pdf',
      attachment: attachments[0]!.hash,
      page,
      start: 0,
      end: quote.length,
      quote,
      rects: [rect],
      color: 'yellow',
      comment,
    });
  await add(
    0,
    'Trace-based Just-in-Time Type Specialization for Dynamic Languages',
    [90, 690, 520, 712],
    'Key claim: **RL** helps with $O(n^2)$ cost, see [the paper](https://arxiv.org/abs/1) <b>raw</b>',
  );
  await add(2, 'Why traces', [60, 600, 300, 620], LONG);
  await add(4, 'a passage without a comment', [60, 500, 300, 520], '');

  await page.goto(app.url);
  await page.getByRole('grid', { name: 'Papers' }).getByRole('row', { name: paper.title }).click();
  await page.getByRole('button', { name: 'Read PDF' }).click();
  const reader = page.getByRole('dialog', { name: /^Reader/ });
  await expect(reader.locator('.pdf-page[data-page="1"] .textLayer span').first()).toBeAttached({ timeout: 30_000 });
  const panel = reader.getByRole('navigation', { name: 'Contents and highlights' });
  await expect(panel).toBeVisible();
  await panel.getByRole('tab', { name: /^Highlights/ }).click();
  const entries = panel.locator('.pdf-hl-list > li');
  await expect(entries).toHaveCount(3);

  // Drawn as the details pane draws it: bold, KaTeX, a web link opened apart from the app, no raw HTML.
  const first = entries.nth(0);
  await expect(first.locator('strong')).toHaveText('RL');
  await expect(first.locator('.katex math')).toBeVisible();
  const link = first.getByRole('link', { name: 'the paper' });
  await expect(link).toHaveAttribute('href', 'https://arxiv.org/abs/1');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(first.locator('b')).toHaveCount(0);
  expect(await panel.textContent()).not.toMatch(/\*\*|\$O\(n/);

  // The long one is cut at a few lines, and read whole by its button; then cut again.
  const second = entries.nth(1);
  const text = second.locator('.pdf-hl-comment-text');
  await expect(second.locator('ol > li')).toHaveCount(3);
  const more = second.locator('.pdf-hl-more');
  await expect(more).toHaveAccessibleName('Show the whole comment');
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  const cut = (await text.boundingBox())!.height;
  expect(cut).toBeLessThan(160);
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'true');
  await expect(more).toHaveText('Show less of the comment');
  expect((await text.boundingBox())!.height).toBeGreaterThan(cut + 40);
  await mkdir(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'reader-hl-comment-whole-light-1280.png') });
  await more.click();
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  // A short comment has no such button, nor has a highlight without one.
  await expect(panel.getByRole('button', { name: 'Show the whole comment' })).toHaveCount(1);

  // By keyboard: each entry is a button named with its page, passage and comment as drawn; Enter goes to its
  // page (and opens its editor); Escape gives the focus back to it. Tab goes on through the comment's link.
  const field = reader.getByRole('textbox', { name: 'Page' });
  await field.fill('9');
  await field.press('Enter');
  await expect(reader.locator('.pdf-page[data-page="9"] .textLayer span').first()).toBeAttached({ timeout: 30_000 });
  const entry = first.getByRole('button', {
    name: /^Page 1, yellow highlight: “Trace-based.*”\. Comment: Key claim: RL helps/,
  });
  await entry.focus();
  await expect(entry).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(field).toHaveValue('1');
  const editor = page.getByRole('dialog', { name: 'Highlight' });
  await expect(editor.getByRole('textbox', { name: 'Comment' })).toBeFocused();
  await expect(editor.getByRole('textbox', { name: 'Comment' })).toHaveValue(/\*\*RL\*\*/);
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(entry).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(
    second.getByRole('button', { name: /^Page 3, yellow highlight: “Why traces”\. Comment: A long/ }),
  ).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(more).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(
    entries.nth(2).getByRole('button', { name: 'Page 5, yellow highlight: “a passage without a comment”' }),
  ).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(field).toHaveValue('5');
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);

  // axe finds nothing serious, light and dark; the panel is kept to look at, at two sizes each.
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const size of [
      { width: 1280, height: 800 },
      { width: 900, height: 700 },
    ]) {
      await page.setViewportSize(size);
      if (!(await panel.isVisible())) await reader.getByRole('button', { name: /^(Contents|Highlights)$/ }).click();
      await expect(panel).toBeVisible();
      await expect(first.locator('.katex math')).toBeVisible();
      await page.screenshot({ path: join(SHOTS, `reader-hl-comment-${scheme}-${size.width}.png`) });
      if (size.width === 1280) expect(await findings(page)).toEqual([]);
    }
  }
});
