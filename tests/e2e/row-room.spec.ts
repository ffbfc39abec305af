import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './helpers';

/** 29 papers of a Hugging Face daily page: long author lists, code and project-page markers. */
const DAILY = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'corpus',
  'hf-daily-papers',
  'hf-daily-2026-08-18.json',
);

/** A seed digest of 52 papers (Hugging Face daily papers, Mar 13). */
const SEED = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds', '000_62c7f67eba4f4526.txt');

type Box = { left: number; top: number; right: number; bottom: number };

const overlaps = (a: Box, b: Box): boolean =>
  a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;

/**
 * The boxes of the text a row's details line shows: each text node's rectangles (a Range's), cut to the boxes of
 * the elements that clip it (an author list ending in an ellipsis, the line itself), so text scrolled or clipped
 * out of sight does not count, and text drawn under something else does.
 */
function metaText(row: Locator): Promise<(Box & { text: string; cut: boolean; ellipsis: boolean })[]> {
  return row.locator('.row-meta').evaluate((meta) => {
    const boxes: (Box & { text: string; cut: boolean; ellipsis: boolean })[] = [];
    const walker = document.createTreeWalker(meta, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        let box = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
        for (
          let element = node.parentElement;
          element && element !== meta.parentElement;
          element = element.parentElement
        ) {
          const style = getComputedStyle(element);
          if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
          const clip = element.getBoundingClientRect();
          box = {
            left: Math.max(box.left, clip.left),
            top: Math.max(box.top, clip.top),
            right: Math.min(box.right, clip.right),
            bottom: Math.min(box.bottom, clip.bottom),
          };
        }
        if (box.right - box.left > 0.5 && box.bottom - box.top > 0.5)
          boxes.push({
            ...box,
            text: node.textContent,
            // Shown in part: cut by the line's end or another's box (an author list ends in an ellipsis instead).
            cut: box.right < rect.right - 0.5 || box.bottom < rect.bottom - 0.5 || box.top > rect.top + 0.5,
            ellipsis: node.parentElement?.closest('.row-authors') !== null,
          });
      }
    }
    return boxes;
  });
}

/** The boxes of a row's quick action buttons, when they show. */
async function buttons(row: Locator): Promise<Box[]> {
  const actions = row.locator('.row-actions');
  await expect(actions).toHaveCSS('opacity', '1');
  return actions.locator('button').evaluateAll((all) =>
    all.map((button) => {
      const { left, top, right, bottom } = button.getBoundingClientRect();
      return { left, top, right, bottom };
    }),
  );
}

/**
 * Whether a row's details line shows its first author's name whole (the text up to the first comma, so a
 * "Family, Given" name its surname) and its year, each wholly inside the line and the authors' box (not elided
 * by the authors' ellipsis, not under the line's end).
 */
function firstAuthorAndYear(row: Locator): Promise<{ author: string; authorWhole: boolean; yearWhole: boolean }> {
  return row.locator('.row-meta').evaluate((meta) => {
    const inside = (rect: DOMRect, clip: DOMRect) =>
      rect.width > 0 && rect.left >= clip.left - 0.5 && rect.right <= clip.right + 0.5;
    const line = meta.getBoundingClientRect();
    const authors = meta.querySelector('.row-authors');
    const text = authors?.textContent ?? '';
    const author = text.slice(0, text.search(/,|\s(?:et al\.|…)|$/));
    let authorWhole = false;
    if (authors && author) {
      // The name's characters, across the text nodes a search's marks may split them into.
      const range = document.createRange();
      const walker = document.createTreeWalker(authors, NodeFilter.SHOW_TEXT);
      let at = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent?.length ?? 0;
        if (at === 0) range.setStart(node, 0);
        if (at + length >= author.length) {
          range.setEnd(node, author.length - at);
          break;
        }
        at += length;
      }
      const box = range.getBoundingClientRect();
      authorWhole = inside(box, authors.getBoundingClientRect()) && inside(box, line);
    }
    const year = meta.querySelector('.row-year');
    const yearWhole = year !== null && inside(year.getBoundingClientRect(), line);
    return { author, authorWhole, yearWhole };
  });
}

async function rowBox(row: Locator): Promise<Box> {
  return row.evaluate((element) => {
    const { left, top, right, bottom } = element.getBoundingClientRect();
    return { left, top, right, bottom };
  });
}

async function setRows(page: Page, rows: 'comfortable' | 'compact') {
  // With a paper open at 900 pixels the sidebar is folded away: the setting is in the library, over the list.
  const library = page.getByRole('button', { name: 'Library' });
  const folded = await library.isVisible();
  if (folded) await library.click();
  await page.getByRole('combobox', { name: 'Rows' }).selectOption(rows);
  if (folded) {
    await page.keyboard.press('Escape');
    await expect(page.getByRole('navigation', { name: 'Library' })).toBeHidden();
  }
}

test.use({ viewport: { width: 900, height: 700 }, seed: [DAILY] });

for (const scheme of ['light', 'dark'] as const) {
  test(`at 900x700 with the details open (${scheme}), a row's buttons never lie over its details line, in both row styles`, async ({
    app,
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(app.url);
    const rows = page.getByRole('grid', { name: 'Papers' }).getByRole('row');
    await expect(page.getByRole('grid', { name: 'Papers' })).toHaveAttribute('aria-rowcount', '29');
    await rows.nth(1).click();
    await expect(page.locator('.detail-meta')).toBeVisible();
    for (const style of ['comfortable', 'compact'] as const) {
      await setRows(page, style);
      const height = style === 'comfortable' ? 124 : 64;
      // The selected row, and another under the pointer.
      const selected = page.getByRole('grid', { name: 'Papers' }).getByRole('row', { selected: true });
      const hovered = rows.nth(3);
      await hovered.hover();
      for (const row of [selected, hovered]) {
        const box = await rowBox(row);
        expect(box.bottom - box.top).toBe(height);
        const text = await metaText(row);
        // Its authors and year are there, at least in part; nothing else is cut mid-word: whole, or out of sight.
        expect(text.length).toBeGreaterThan(0);
        for (const words of text)
          if (!words.ellipsis) expect(words.cut, `"${words.text}" cut in a ${style} row`).toBe(false);
        const actions = await buttons(row);
        expect(actions.length).toBeGreaterThan(0);
        for (const button of actions) {
          // Every button whole, inside its row.
          expect(button.left).toBeGreaterThanOrEqual(box.left);
          expect(button.right).toBeLessThanOrEqual(box.right);
          expect(button.top).toBeGreaterThanOrEqual(box.top);
          expect(button.bottom).toBeLessThanOrEqual(box.bottom);
          for (const words of text)
            expect(overlaps(button, words), `"${words.text}" under a button in a ${style} row`).toBe(false);
        }
      }
      // In every row on screen, nothing but the authors is cut mid-word.
      for (const row of await rows.all())
        for (const words of await metaText(row))
          if (!words.ellipsis) expect(words.cut, `"${words.text}" cut in a ${style} row`).toBe(false);
      await page.screenshot({ path: `test-results/screens/row-room-${style}-${scheme}.png` });
    }
  });
}

test.describe('a selected or hovered row at 900x700 with the details open', () => {
  test.use({ seed: [DAILY, SEED] });

  test("still shows its first author's name whole and its year beside its buttons, in both row styles, with or without a status", async ({
    app,
    page,
  }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(app.url);
    const grid = page.getByRole('grid', { name: 'Papers' });
    const rows = grid.getByRole('row');
    await expect(grid).toHaveAttribute('aria-rowcount', '81');
    // The Inbox, then All papers, where each row's status comes first on its line.
    for (const view of ['Inbox', 'All papers'] as const) {
      // With a paper open the sidebar is folded away: the view is picked from the library, over the list.
      const library = page.getByRole('button', { name: 'Library' });
      if (await library.isVisible()) await library.click();
      await page.getByRole('button', { name: new RegExp(`^${view}`) }).click();
      await expect(grid).toHaveAttribute('aria-rowcount', '81');
      await rows.nth(1).click();
      await expect(page.locator('.detail-meta')).toBeVisible();
      for (const style of ['comfortable', 'compact'] as const) {
        await setRows(page, style);
        await expect(rows.first()).toHaveCSS('height', style === 'comfortable' ? '124px' : '64px');
        await expect(rows.first().locator('.pill')).toHaveCount(view === 'All papers' ? 1 : 0);
        const listBox = await rowBox(grid);
        // Every row wholly on screen in turn, under the pointer, and the selected one (the pointer elsewhere).
        const shown: Locator[] = [];
        for (const row of await rows.all()) {
          const box = await rowBox(row);
          if (box.top >= listBox.top && box.bottom <= listBox.bottom) shown.push(row);
        }
        expect(shown.length).toBeGreaterThan(3);
        const check = async (row: Locator, how: string) => {
          const actions = await buttons(row);
          expect(actions.length).toBeGreaterThan(0);
          const line = await row.locator('.row-meta').evaluate((meta) => meta.getBoundingClientRect().right);
          for (const button of actions) expect(button.left).toBeGreaterThanOrEqual(line - 0.5);
          const { author, authorWhole, yearWhole } = await firstAuthorAndYear(row);
          expect(author.length).toBeGreaterThan(0);
          expect(authorWhole, `"${author}" whole in a ${how} ${style} row (${view})`).toBe(true);
          expect(yearWhole, `the year of "${author}"'s paper in a ${how} ${style} row (${view})`).toBe(true);
        };
        for (const row of shown) {
          await row.hover();
          await check(row, 'hovered');
        }
        await page.mouse.move(1, 1);
        await check(grid.getByRole('row', { selected: true }), 'selected');
        await page.screenshot({ path: `test-results/screens/row-room-author-${style}-${view.replace(' ', '-')}.png` });
      }
    }
  });
});

test('at 900x700, the banner an import leaves stands apart from the list: no row is drawn up against or under it', async ({
  app,
  page,
}) => {
  await page.goto(app.url);
  const list = page.getByRole('grid', { name: 'Papers' });
  await expect(list.getByRole('row')).not.toHaveCount(0);
  await page.getByRole('button', { name: 'Paste…' }).click();
  await page.getByRole('textbox', { name: 'Text to import' }).fill('2401.00001\narXiv:2310.06825\nnot-an-id 99999');
  await page.getByRole('button', { name: 'Preview' }).click();
  await page
    .getByRole('dialog', { name: 'Import' })
    .getByRole('button', { name: /^Import 2 papers/ })
    .click();
  const banner = page.getByRole('status').filter({ hasText: 'Imported 2 papers' });
  await expect(banner).toBeVisible();
  await expect(page.locator('.detail-meta')).toBeVisible();
  const [bannerBox, listBox] = await Promise.all([rowBox(banner), rowBox(list)]);
  // The first row on screen, as much of it as the list shows.
  const first = await list.getByRole('row').evaluateAll(
    (rows, top) =>
      rows
        .map((row) => row.getBoundingClientRect())
        .filter((box) => box.bottom > top + 1)
        .sort((a, b) => a.top - b.top)
        .map(({ left, top: rowTop, right, bottom }) => ({ left, top: Math.max(rowTop, top), right, bottom }))[0],
    listBox.top,
  );
  expect(first).toBeDefined();
  expect(overlaps(bannerBox, first!)).toBe(false);
  // Not flush against the banner either: a row cut by the list's top edge reads as scrolled, not covered. The band
  // the banner stands in, and its rule, lie between them.
  expect(first!.top - bannerBox.bottom).toBeGreaterThanOrEqual(8);
  const rule = await page
    .locator('.banners')
    .evaluate((band) => [getComputedStyle(band).borderBottomStyle, band.getBoundingClientRect().bottom] as const);
  expect(rule[0]).toBe('solid');
  expect(rule[1]).toBeLessThanOrEqual(first!.top + 0.5);
  await page.screenshot({ path: 'test-results/screens/row-room-banner.png' });
});
