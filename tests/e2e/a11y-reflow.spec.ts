import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { findings } from './a11y-audit';
import { FIXTURES, expect, test } from './helpers';

/**
 * QA s35: in forced colours (Windows High Contrast) a clicked row and a dialog's edge vanished; at 200 % zoom
 * (1,360 × 860 is 680 × 430) and at 320 pixels, WCAG 1.4.10's reflow width, the sidebar kept a third of the
 * window and the page scrolled sideways. One page for all of it: forced colours, then narrower and narrower.
 */
test.use({ seed: [join(FIXTURES, 'five-papers.txt')] });

/** Whether the page scrolls sideways: its content wider than the window. */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

test('forced colours keep the clicked row and the dialog framed; at 680 and 320 pixels the app reflows to one column', async ({
  app,
  page,
}) => {
  // axe once, on a machine that may be busy.
  test.setTimeout(90_000);
  await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
  await page.goto(app.url);
  const grid = page.getByRole('grid', { name: 'Papers' });
  await expect(grid.getByRole('row')).toHaveCount(5);

  // A row clicked has the focus and the selection: its mark is the system's highlight, not taken away by :focus.
  await grid.getByRole('row').nth(1).click();
  const row = grid.getByRole('row', { selected: true });
  await expect(row).toBeFocused();
  const outline = await row.evaluate((element) => {
    const style = getComputedStyle(element);
    return `${style.outlineStyle} ${style.outlineWidth}`;
  });
  expect(outline).toBe('solid 2px');

  // A dialog has a frame where its shadow is gone.
  await page.getByRole('button', { name: 'Paste…' }).click();
  const dialog = page.getByRole('dialog', { name: /Paste/ });
  await expect(dialog).toBeVisible();
  const frame = await dialog.evaluate((element) => {
    const style = getComputedStyle(element);
    return `${style.borderTopStyle} ${style.borderTopWidth} ${style.borderLeftStyle}`;
  });
  expect(frame).toBe('solid 2px solid');
  await page.screenshot({ path: test.info().outputPath('forced-colours-dialog.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.emulateMedia({ forcedColors: 'none', colorScheme: 'light' });

  // 200 % zoom: the sidebar folds away, the list has the whole width, the library a toggle away.
  await page.setViewportSize({ width: 680, height: 430 });
  const nav = page.getByRole('navigation', { name: 'Library' });
  const toggle = page.getByRole('button', { name: 'Library' });
  await page.getByRole('button', { name: 'Close (Esc)' }).click();
  await expect(nav).toBeHidden();
  await expect(toggle).toBeVisible();
  expect(await page.getByRole('main', { name: 'Papers' }).evaluate((main) => main.getBoundingClientRect().width)).toBe(
    680,
  );
  expect(await sideways(page)).toBe(false);
  await page.screenshot({ path: test.info().outputPath('list-680.png') });

  // 320 pixels: nothing scrolls sideways, the list's, a paper's view or the library over it.
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await sideways(page)).toBe(false);
  await toggle.click();
  await expect(nav).toBeVisible();
  await expect(nav).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
  await expect(toggle).toBeFocused();

  // A paper opened is a view of its own, the whole window, with the way back.
  await grid.getByRole('row').first().click();
  const paper = page.getByRole('complementary', { name: 'Paper' });
  await expect(paper.getByRole('radiogroup', { name: 'Status' })).toBeVisible();
  expect(await paper.evaluate((pane) => pane.getBoundingClientRect().width)).toBe(320);
  expect(await sideways(page)).toBe(false);
  // The five statuses on one line.
  const tops = await paper
    .getByRole('radio')
    .evaluateAll((radios) => new Set(radios.map((radio) => Math.round(radio.getBoundingClientRect().top))).size);
  expect(tops).toBe(1);
  await page.screenshot({ path: test.info().outputPath('paper-320.png') });
  expect(await findings(page)).toEqual([]);
  await paper.getByRole('button', { name: '← Papers' }).click();
  await expect(paper).toBeHidden();
  await expect(grid).toBeVisible();
  expect(await sideways(page)).toBe(false);
});
