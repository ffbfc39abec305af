import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES, expect, test, type App } from './helpers';

/*
 * Each paper has a pane of its own: when the cursor moves on, the next paper's pane takes the place of the one
 * before. The focus on a control of the pane before goes to the same control of the next one (pane-focus.ts),
 * not to the page's top with the pane that held it.
 */
test.use({ seed: [join(FIXTURES, 'five-papers.txt')] });

/** The library's first paper opened by a click, once its pane shows it: the list's rows and the pane. */
async function firstPaperOpen(app: App, page: Page) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(app.url);
  const rows = page.getByRole('grid', { name: 'Papers' }).getByRole('row');
  await expect(rows).toHaveCount(5);
  await rows.first().click();
  const pane = page.getByRole('complementary', { name: 'Paper' });
  await expect(pane.locator('.detail-title')).toHaveText((await rows.first().locator('.row-title').textContent())!);
  return { rows, pane };
}

test('j and q from a control of the pane leave the focus on that control of the next paper’s pane', async ({
  app,
  page,
}) => {
  const { rows, pane } = await firstPaperOpen(app, page);
  const title = pane.locator('.detail-title');

  // On the pane's "Reading", j opens the next paper: its own "Reading" has the focus.
  await pane.getByRole('radio', { name: 'Reading' }).focus();
  await page.keyboard.press('j');
  const second = (await rows.nth(1).locator('.row-title').textContent())!.trim();
  await expect(title).toHaveText(second);
  await expect(pane.getByRole('radio', { name: 'Reading' })).toBeFocused();

  // q keeps that paper and goes on to the next: the focus stays on "Reading", in the third paper's pane.
  await page.keyboard.press('q');
  await expect(title).not.toHaveText(second);
  await expect(pane.getByRole('radio', { name: 'Reading' })).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('pane-focus.png') });
  // Its ring is drawn inside it: the group clips what is drawn outside a segment (only a line at its left showed).
  const ring = await pane.getByRole('radio', { name: 'Reading' }).evaluate((segment) => {
    const style = getComputedStyle(segment);
    const clipped = getComputedStyle(segment.parentElement!).overflow === 'hidden';
    return {
      style: style.outlineStyle,
      outside: parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth),
      clipped,
    };
  });
  expect(ring.style).toBe('solid');
  expect(ring.clipped && ring.outside > 0).toBe(false);

  // Space on it now marks the paper shown reading, as it would have had the pane been reached by Tab.
  const shown = (await title.textContent())!.trim();
  await page.keyboard.press('Space');
  await expect(pane.getByRole('radio', { name: 'Reading' })).toHaveAttribute('aria-checked', 'true');
  await expect(title).toHaveText(shown);
});

test('the status group: Tab stops at the paper’s status, the arrows move among the others, Space sets one', async ({
  app,
  page,
}) => {
  const { rows, pane } = await firstPaperOpen(app, page);
  const title = (await pane.locator('.detail-title').textContent())!;
  const radio = (name: string) => pane.getByRole('radio', { name });
  // From the control before the group, Tab lands on the status the paper has, and the next Tab leaves the group.
  await radio('Inbox').focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(radio('Inbox')).toBeFocused();
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('role'))).not.toBe('radio');
  await page.keyboard.press('Shift+Tab');
  await expect(radio('Inbox')).toBeFocused();

  // The arrows move the focus, round, and set nothing; ↓ stays in the group, the list's cursor where it was.
  await page.keyboard.press('ArrowLeft');
  await expect(radio('Dismissed')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await expect(radio('Reading')).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(radio('Queued')).toBeFocused();
  await expect(radio('Inbox')).toHaveAttribute('aria-checked', 'true');
  await expect(rows.first()).toHaveAttribute('aria-selected', 'true');
  await expect(pane.locator('.detail-title')).toHaveText(title);

  // Space sets the status focused; it is then the group's one stop.
  await page.keyboard.press('Space');
  await expect(radio('Queued')).toHaveAttribute('aria-checked', 'true');
  await expect(radio('Queued')).toHaveAttribute('tabindex', '0');
  await expect(radio('Inbox')).toHaveAttribute('tabindex', '-1');
});

test('from a control the next paper’s pane lacks, the focus goes to that pane itself', async ({ app, page }) => {
  const { rows, pane } = await firstPaperOpen(app, page);
  // The first paper is given a tag: its pane has a button to remove it, which the next paper's lacks.
  await pane.getByRole('combobox', { name: 'Add a tag' }).fill('walrus');
  await page.keyboard.press('Enter');
  const remove = pane.getByRole('button', { name: 'Remove tag walrus' });
  await remove.focus();
  await expect(remove).toBeFocused();

  await page.keyboard.press('j');
  const second = (await rows.nth(1).locator('.row-title').textContent())!.trim();
  await expect(pane.locator('.detail-title')).toHaveText(second);
  await expect(pane.getByRole('button', { name: /^Remove tag/ })).toHaveCount(0);
  // Not the page's top: the pane, so that Tab goes on among its controls and j, k and Escape still work.
  await expect(pane).toBeFocused();
  await page.keyboard.press('k');
  await expect(pane.locator('.detail-title')).not.toHaveText(second);
});
