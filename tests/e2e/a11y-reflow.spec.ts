import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { findings } from './a11y-audit';
import { FIXTURES, expect, test } from './helpers';

/**
 * QA s35: in forced colours (Windows High Contrast) a clicked row and a dialog's edge vanished; at 200 % zoom
 * (1,360 × 860 is 680 × 430) and at 320 pixels, WCAG 1.4.10's reflow width, the sidebar kept a third of the
 * window and the page scrolled sideways. One page for all of it: forced colours, then narrower and narrower.
 * QA s36: below 720 pixels the paper's view and the library's drawer cover the list, which Tab and a screen reader
 * still reached: it is inert under them, the focus going in and coming back (logic in one-column-focus.test.tsx),
 * with screenshots in dark, light and forced colours at 680 × 430 and 320, axe in one of them each.
 * QA s37: between 880 and 1,099 pixels the drawer was not modal, and Escape from a field of the paper's view below
 * 720 pixels left the focus on <body>.
 * s38: from 720 to 879 pixels, where the pane is drawn over the list, Escape from a field of it gave the focus to
 * the paper's row under the pane.
 */
test.use({ seed: [join(FIXTURES, 'five-papers.txt')] });

/** Whether the page scrolls sideways: its content wider than the window. */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/** Whether the focus is in the list or the sidebar (a control under the pane or the drawer). */
const focusInList = (page: Page) => page.evaluate(() => document.activeElement?.closest('main') !== null);

/**
 * Whether the element with the focus is seen: 'seen' when what is drawn at its centre is it or inside it, else
 * what covers it (the open paper's pane over the list's row).
 */
const focusSeen = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'nothing focused';
    const box = active.getBoundingClientRect();
    const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    if (top && active.contains(top)) return 'seen';
    return `${active.tagName.toLowerCase()}.${active.className} under ${top?.closest('[aria-label]')?.getAttribute('aria-label') ?? top?.tagName}`;
  });

/** The names of the elements of `role` in Chromium's accessibility tree: what a screen reader can reach. */
async function accessible(page: Page, role: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[];
  };
  await cdp.detach();
  return nodes.filter((node) => !node.ignored && node.role?.value === role).map((node) => node.name?.value ?? '');
}

/**
 * A screenshot of the screen as it is in dark, light and forced colours, ending in light, and axe in `checked`
 * (one scheme a screen: the spec's first run covers light; axe is most of this spec's time on two cores).
 */
async function inEveryScheme(page: Page, screen: string, checked: 'dark' | 'forced') {
  const schemes = [
    { name: 'dark', media: { colorScheme: 'dark', forcedColors: 'none' } },
    { name: 'forced', media: { colorScheme: 'light', forcedColors: 'active' } },
    { name: 'light', media: { colorScheme: 'light', forcedColors: 'none' } },
  ] as const;
  for (const { name, media } of schemes) {
    await page.emulateMedia(media);
    await page.screenshot({ path: test.info().outputPath(`${screen}-${name}.png`) });
    if (name === checked)
      expect.soft(await findings(page), `${screen} in ${name}: serious or critical axe findings`).toEqual([]);
  }
}

test('forced colours keep the clicked row and the dialog framed; at 680 and 320 pixels the app reflows to one column', async ({
  app,
  page,
}) => {
  // axe four times (once before the one-column screens), on a machine that may be busy.
  test.setTimeout(120_000);
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

  // 1,000 pixels with the paper open: the library opened over the list is modal as below 720 (QA s37), the list
  // and the pane beside it inert (a CSS locator for each: an inert element is no role's), Tab going round inside
  // it, Escape giving the toggle the focus back; widened past 1,099 pixels it closes, nothing left inert.
  await page.setViewportSize({ width: 1000, height: 700 });
  const nav = page.getByRole('navigation', { name: 'Library' });
  const toggle = page.getByRole('button', { name: 'Library' });
  const list = page.locator('main[aria-label="Papers"]');
  const pane = page.locator('aside[aria-label="Paper"]');
  const inbox = nav.getByRole('button', { name: /^Inbox/ });
  await toggle.click();
  await expect(inbox).toBeFocused();
  await expect(list).toHaveAttribute('inert');
  await expect(pane).toHaveCSS('interactivity', 'inert');
  // (Playwright's roles do not read CSS's inert; Chromium's accessibility tree, which a screen reader reads, does.)
  expect(await accessible(page, 'complementary')).toEqual([]);
  expect(await accessible(page, 'navigation')).toEqual(['Library']);
  await page.keyboard.press('Shift+Tab');
  await expect(nav.getByRole('combobox', { name: 'Theme' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(inbox).toBeFocused();
  await pane.getByRole('button', { name: 'Edit details' }).evaluate((button: HTMLElement) => button.focus());
  await expect(inbox).toBeFocused();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: test.info().outputPath('library-1000-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: test.info().outputPath('library-1000-light.png') });
  expect.soft(await findings(page), 'library-1000 in light: serious or critical axe findings').toEqual([]);
  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
  await expect(toggle).toBeFocused();
  await expect(list).not.toHaveAttribute('inert');
  await expect(pane).toHaveCSS('interactivity', 'auto');
  await toggle.click();
  await expect(list).toHaveAttribute('inert');
  await page.setViewportSize({ width: 1200, height: 700 });
  await expect(nav).toBeVisible();
  await expect(list).not.toHaveAttribute('inert');
  await expect(pane).toHaveCSS('interactivity', 'auto');

  // 200 % zoom: the sidebar folds away, the list has the whole width, the library a toggle away.
  await page.setViewportSize({ width: 680, height: 430 });
  await page.getByRole('button', { name: 'Close (Esc)' }).click();
  await expect(nav).toBeHidden();
  await expect(toggle).toBeVisible();
  expect(await page.getByRole('main', { name: 'Papers' }).evaluate((main) => main.getBoundingClientRect().width)).toBe(
    680,
  );
  expect(await sideways(page)).toBe(false);
  await page.screenshot({ path: test.info().outputPath('list-680.png') });

  // The library opened over the list is modal: the list under it inert, Tab going round inside it (from the
  // view shown, its first control, Shift+Tab to its last), Escape giving the toggle the focus back.
  await toggle.click();
  await expect(nav).toBeVisible();
  await expect(list).toHaveAttribute('inert');
  await expect(inbox).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(nav.getByRole('combobox', { name: 'Theme' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(inbox).toBeFocused();
  await inEveryScheme(page, 'library-680', 'dark');
  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
  await expect(toggle).toBeFocused();
  await expect(list).not.toHaveAttribute('inert');

  // 320 pixels: nothing scrolls sideways, the list's, a paper's view or the library over it.
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await sideways(page)).toBe(false);
  await toggle.click();
  await expect(nav).toBeVisible();
  await expect(nav).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
  await expect(toggle).toBeFocused();

  // A paper opened is a view of its own, the whole window, with the way back. It has the focus and the list
  // under it is inert: Tab goes to "← Papers", and Shift+Tab from there leaves the page, not into the list.
  await grid.getByRole('row').first().click();
  const paper = page.getByRole('complementary', { name: 'Paper' });
  await expect(paper.getByRole('radiogroup', { name: 'Status' })).toBeVisible();
  await expect(paper).toBeFocused();
  await expect(list).toHaveAttribute('inert');
  const back = paper.getByRole('button', { name: '← Papers' });
  await page.keyboard.press('Tab');
  await expect(back).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  expect(await focusInList(page)).toBe(false);
  expect(await paper.evaluate((pane) => pane.getBoundingClientRect().width)).toBe(320);
  expect(await sideways(page)).toBe(false);
  // The five statuses on one line.
  const tops = await paper
    .getByRole('radio')
    .evaluateAll((radios) => new Set(radios.map((radio) => Math.round(radio.getBoundingClientRect().top))).size);
  expect(tops).toBe(1);
  await inEveryScheme(page, 'paper-320', 'forced');

  // Escape from a field of the view leaves the focus on the view (the row under it is inert), and from Edit
  // details' form on the button that opened it: never on the page's <body>.
  await paper.getByRole('combobox', { name: 'Add a tag' }).focus();
  await page.keyboard.press('Escape');
  await expect(paper).toBeFocused();
  await paper.getByRole('button', { name: 'Edit details' }).click();
  await paper.getByRole('textbox', { name: 'Title' }).focus();
  await page.keyboard.press('Escape');
  await expect(paper.getByRole('form', { name: 'Edit details' })).toBeHidden();
  await expect(paper.getByRole('button', { name: 'Edit details' })).toBeFocused();

  // Widened to 800 pixels, the pane over most of the list (720 to 879): nothing inert. Escape from a field of the
  // pane leaves the focus where it is seen, on the pane, not on the row under it; Escape again closes the paper,
  // the row seen and focused. Narrowed again with it open, the list is covered again.
  await page.setViewportSize({ width: 800, height: 800 });
  await expect(list).not.toHaveAttribute('inert');
  await paper.getByRole('combobox', { name: 'Add a tag' }).focus();
  await page.keyboard.press('Escape');
  expect(await focusSeen(page), 'the focus after Escape from the tag field at 800 pixels').toBe('seen');
  await expect(paper).toBeFocused();
  // A ring inside its edge: the pane is not the whole window here.
  await expect(paper).toHaveCSS('outline-style', 'solid');
  await page.screenshot({ path: test.info().outputPath('paper-800-escape.png') });
  await page.keyboard.press('Escape');
  await expect(paper).toBeHidden();
  await expect(grid.getByRole('row').first()).toBeFocused();
  expect(await focusSeen(page), 'the focus after Escape from the pane at 800 pixels').toBe('seen');
  await grid.getByRole('row').first().click();
  await expect(paper.getByRole('radiogroup', { name: 'Status' })).toBeVisible();
  await page.setViewportSize({ width: 320, height: 640 });
  await expect(list).toHaveAttribute('inert');
  await expect(paper).toBeFocused();

  // "← Papers": the list back, and the focus on the paper's row.
  const title = await paper.getByRole('heading', { level: 2 }).textContent();
  await back.click();
  await expect(paper).toBeHidden();
  await expect(grid).toBeVisible();
  await expect(list).not.toHaveAttribute('inert');
  await expect(grid.getByRole('row').first()).toBeFocused();
  await expect(grid.getByRole('row').first()).toContainText(title ?? '');
  expect(await sideways(page)).toBe(false);

  // At 680 × 430 too, Escape the way back.
  await page.setViewportSize({ width: 680, height: 430 });
  await grid.getByRole('row').nth(1).click();
  await expect(paper).toBeFocused();
  await expect(list).toHaveAttribute('inert');
  await inEveryScheme(page, 'paper-680', 'dark');
  await page.keyboard.press('Escape');
  await expect(paper).toBeHidden();
  await expect(grid.getByRole('row').nth(1)).toBeFocused();
});
