import { join } from 'node:path';
import { FIXTURES, expect, test } from './helpers';

/** Issue #18 beyond axe: changes are announced, focus is seen, motion and forced colours are respected. */
const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'a11y');

test.use({ seed: [join(FIXTURES, 'five-papers.txt')] });

test('a change of status is announced through a live region that was already in the page', async ({ page, app }) => {
  await page.goto(app.url);
  const rows = page.getByRole('grid', { name: 'Papers' }).getByRole('row');
  await expect(rows).toHaveCount(5);
  // Present and quiet before anything happens: a region that arrives with its text is often not read out.
  const live = page.getByRole('status').and(page.locator('.toast-idle'));
  await expect(live.first()).toBeAttached();
  expect(await live.allTextContents()).toEqual((await live.allTextContents()).map(() => ''));

  const title = (await rows.first().locator('.row-title').textContent())!;
  await page.keyboard.press('j');
  await page.keyboard.press('r');
  await expect(page.getByRole('status').filter({ hasText: `Marked ‘${title}’ read` })).toBeVisible();
});

test('the focused row shows a ring in the accent colour', async ({ page, app }) => {
  await page.goto(app.url);
  await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row')).toHaveCount(5);
  await page.keyboard.press('j');
  const row = page.getByRole('grid', { name: 'Papers' }).getByRole('row', { selected: true });
  await expect(row).toBeFocused();
  const accent = await page.evaluate(() =>
    getComputedStyle(document.documentElement).getPropertyValue('--accent').trim(),
  );
  const ring = await row.evaluate((element) => {
    const style = getComputedStyle(element);
    return { style: style.outlineStyle, width: style.outlineWidth, color: style.outlineColor };
  });
  expect(ring.style).toBe('solid');
  expect(ring.width).toBe('2px');
  expect(ring.color).toBe(hexToRgb(accent));
  await page.screenshot({ path: join(SHOTS, 'focused-row.png') });
});

test('with reduced motion asked for, nothing eases in', async ({ page, app }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(app.url);
  const actions = page.getByRole('grid', { name: 'Papers' }).getByRole('row').first().locator('.row-actions');
  const seconds = await actions.evaluate((element) => parseFloat(getComputedStyle(element).transitionDuration));
  expect(seconds).toBeLessThan(0.001);
});

test('in forced colours the selected row and the chosen view keep a visible mark', async ({ page, app }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(app.url);
  await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row')).toHaveCount(5);
  await page.keyboard.press('j');
  const row = page.getByRole('grid', { name: 'Papers' }).getByRole('row', { selected: true });
  await expect(row).toBeVisible();
  const outline = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(await outline('.row.selected')).toBe('solid');
  expect(await outline('.nav-item.active')).toBe('solid');
  // Picked papers keep the mark; the cursor moved on to a paper left out of them has a dashed one.
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.locator('.row.checked')).toHaveCount(2);
  expect(await outline('.row.checked')).toBe('solid');
  await page.keyboard.press('j');
  await expect(page.locator('.row.unpicked')).toHaveCount(1);
  expect(await outline('.row.unpicked')).toBe('dashed');
  await page.screenshot({ path: join(SHOTS, 'forced-colours.png') });
});

function hexToRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
