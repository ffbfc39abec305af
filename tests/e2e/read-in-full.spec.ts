import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { findings } from './a11y-audit';
import { FIXTURES, api, expect, test } from './helpers';

/**
 * QA s32: what the person reads is never out of reach. A long abstract in triage on a short window is read by
 * keyboard and covered by nothing; the shortcut sheet fits the window and has a Close button; Edit details says
 * every problem at its field; a highlight's comment is drawn as a note is. axe-core (serious and critical
 * findings, less the reviewed baseline) runs on each.
 */
const SEED = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds', '000_62c7f67eba4f4526.txt');
const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screens');
test.skip(!existsSync(SEED), 'Skipped: ../shared/seeds is not beside this clone.');
test.use({ seed: [SEED] });
// axe-core over a whole page takes seconds on a busy machine.
test.slow();

/** Triage, skipped on to the first paper whose abstract is longer than the window leaves it. */
async function longAbstractInTriage(page: Page): Promise<Locator> {
  await page.keyboard.press('t');
  const paper = page.getByRole('dialog', { name: 'Triage' }).getByRole('article');
  for (let i = 0; i < 20; i++) {
    await expect(paper.locator('.triage-abstract')).not.toBeEmpty();
    if (await paper.evaluate((e) => e.scrollHeight > e.clientHeight + 40)) return paper;
    await page.keyboard.press('j');
  }
  throw new Error('no abstract taller than the window');
}

/** Where an element is drawn in the window. */
const rect = (locator: Locator) => locator.evaluate((e) => e.getBoundingClientRect().toJSON() as DOMRect);

test('triage at 900×700: the abstract has the focus and scrolls by keyboard to its end, axe finds nothing', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 900, height: 700 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(app.url);
  await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row').first()).toBeVisible();
  const paper = await longAbstractInTriage(page);
  await expect(paper).toBeFocused();
  const outline = await paper.evaluate((e) => getComputedStyle(e).outlineStyle);
  expect(outline).toBe('solid');
  const scrolled = () => paper.evaluate((e) => e.scrollTop);
  const end = await paper.evaluate((e) => e.scrollHeight - e.clientHeight);
  await page.keyboard.press('ArrowDown');
  await expect.poll(scrolled).toBeGreaterThan(0);
  await page.keyboard.press('End');
  await expect.poll(scrolled).toBeGreaterThanOrEqual(end - 1);
  await page.keyboard.press('Home');
  await expect.poll(scrolled).toBe(0);
  await page.keyboard.press('PageDown');
  await expect.poll(scrolled).toBeGreaterThan(0);
  // The paper ends above the buttons: the action bar has its own space.
  const bar = page.locator('.triage-actions');
  expect((await rect(paper)).bottom).toBeLessThanOrEqual((await rect(bar)).top + 0.5);
  await page.screenshot({ path: join(SHOTS, 'triage-900-end.png') });
  expect(await findings(page)).toEqual([]);

  // The triage keys still work from there; the next paper is read from its top, the focus in it.
  const title = await paper.getByRole('heading', { level: 1 }).textContent();
  await page.keyboard.press('j');
  await expect(paper.getByRole('heading', { level: 1 })).not.toHaveText(title!);
  await expect(paper).toBeFocused();
  expect(await scrolled()).toBe(0);
});

test('triage at 1280×800: the notice after a decision takes its own row and covers none of the abstract', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);
  await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row').first()).toBeVisible();
  await page.keyboard.press('t');
  const paper = page.getByRole('dialog', { name: 'Triage' }).getByRole('article');
  await expect(paper.locator('.triage-abstract')).not.toBeEmpty();
  await page.keyboard.press('q');
  // Read out by the page's live region; seen once, in triage's own row.
  await expect(page.getByRole('status').filter({ hasText: /^Marked ‘.+’ queued/ })).toBeAttached();
  const notice = page.getByRole('dialog', { name: 'Triage' }).getByText(/^Marked ‘.+’ queued/);
  await expect(notice).toBeVisible();
  // The page's toast, which lay over the abstract's last line, is not drawn (a live region only).
  expect((await rect(page.locator('.toast'))).width).toBeLessThanOrEqual(1);
  const box = await rect(notice);
  const reading = await rect(paper);
  // Nothing seen lies over the paper's box: the notice is below it, above the buttons.
  expect(box.top).toBeGreaterThanOrEqual(reading.bottom - 0.5);
  expect(box.bottom).toBeLessThanOrEqual((await rect(page.locator('.triage-actions'))).top + 0.5);
  await page.screenshot({ path: join(SHOTS, 'triage-1280-notice.png') });
  // The abstract's end is reached by keyboard, and is then inside the paper's box.
  await page.keyboard.press('End');
  const last = await paper
    .locator('.triage-abstract')
    .evaluate((e) => e.getBoundingClientRect().bottom - e.closest('article')!.getBoundingClientRect().bottom);
  expect(last).toBeLessThanOrEqual(0);
});

for (const [width, height] of [
  [1280, 800],
  [900, 700],
] as const) {
  test(`the shortcut sheet at ${width}×${height} fits the window, scrolls inside, has a Close button; axe finds nothing`, async ({
    page,
    app,
  }) => {
    await page.setViewportSize({ width, height });
    await page.goto(app.url);
    await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row').first()).toBeVisible();
    await page.locator('body').press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(sheet).toBeVisible();
    const box = await rect(sheet);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(height);
    const close = sheet.getByRole('button', { name: 'Close' });
    await expect(close).toBeInViewport({ ratio: 1 });
    // The list has the focus: the keys scroll it, and the Close button stays in view.
    const list = sheet.getByRole('region', { name: 'All shortcuts' });
    await expect(list).toBeFocused();
    await page.keyboard.press('End');
    await expect.poll(() => list.evaluate((e) => e.scrollTop)).toBeGreaterThan(0);
    await expect(sheet.getByRole('region', { name: 'Triage' })).toBeInViewport();
    await expect(close).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: join(SHOTS, `shortcuts-${width}.png`) });
    expect(await findings(page)).toEqual([]);
    // Tab goes between the list and Close, never behind the sheet.
    await page.keyboard.press('Tab');
    await expect(close).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(list).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(close).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(sheet).toHaveCount(0);
  });
}

test.describe('details', () => {
  test.use({ seed: [join(FIXTURES, 'five-papers.txt')] });

  test('Edit details: an empty title and a year that is none are both said at their fields, the focus on the first', async ({
    page,
    app,
  }) => {
    await page.setViewportSize({ width: 900, height: 700 });
    await page.goto(app.url);
    await page.getByRole('grid', { name: 'Papers' }).getByRole('row').nth(1).click();
    const detail = page.getByRole('complementary', { name: 'Paper' });
    await detail.getByRole('button', { name: 'Edit details' }).click();
    const form = detail.getByRole('form', { name: 'Edit details' });
    await form.getByRole('textbox', { name: 'Title' }).fill('');
    await form.getByRole('textbox', { name: 'Year' }).fill('20x6');
    await form.getByRole('button', { name: 'Save details' }).click();
    await expect(form.getByRole('textbox', { name: 'Title' })).toBeFocused();
    await expect(form.getByRole('textbox', { name: 'Title' })).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByRole('textbox', { name: 'Title' })).toHaveAccessibleDescription('A paper needs a title.');
    await expect(form.getByRole('textbox', { name: 'Year' })).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByRole('textbox', { name: 'Year' })).toHaveAccessibleDescription('“20x6” is not a year.');
    await expect(form.getByRole('textbox', { name: 'Year' })).toHaveValue('20x6');
    // Next to its field: the title's problem is drawn right under the title box.
    const title = await rect(form.getByRole('textbox', { name: 'Title' }));
    const problem = await rect(form.getByText('A paper needs a title.'));
    expect(problem.top - title.bottom).toBeGreaterThanOrEqual(0);
    expect(problem.top - title.bottom).toBeLessThan(16);
    await page.screenshot({ path: join(SHOTS, 'edit-problems-900.png') });
    expect(await findings(page)).toEqual([]);
  });
  test("a highlight's comment under the abstract is drawn as a note is: bold and math, not the markdown typed", async ({
    page,
    app,
  }) => {
    const { papers } = await api<{ papers: { id: string; title: string }[] }>(app, 'papers.list', { status: 'all' });
    const paper = papers[0]!;
    await api(app, 'annotations.add', {
      paperId: paper.id,
      target: 'abstract',
      start: 0,
      end: 20,
      color: 'yellow',
      comment: 'Key claim: **RL** helps with $O(n^2)$ cost',
    });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(app.url);
    await page.getByRole('grid', { name: 'Papers' }).getByRole('row', { name: paper.title }).click();
    const highlights = page.getByRole('complementary', { name: 'Paper' }).getByRole('region', { name: 'Highlights' });
    const item = highlights.getByRole('listitem');
    await expect(item.locator('strong')).toHaveText('RL');
    await expect(item.locator('.katex')).toBeVisible();
    await expect(item).not.toContainText('**RL**');
    await expect(item).not.toContainText('$O(n^2)$');
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'highlight-comment-1280.png') });
    expect(await findings(page)).toEqual([]);
    // Edited as typed, drawn again after.
    await item.getByRole('button', { name: 'Edit comment' }).click();
    const box = item.getByRole('textbox', { name: 'Comment on this highlight' });
    await expect(box).toBeFocused();
    await expect(box).toHaveValue('Key claim: **RL** helps with $O(n^2)$ cost');
    await box.fill('Key claim: *RL* helps');
    await box.press('Enter');
    await expect(item.locator('em')).toHaveText('RL');
  });
});
