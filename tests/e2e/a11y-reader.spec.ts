import { join } from 'node:path';
import { auditor, enter, passes } from './a11y-audit';
import { FIXTURES, api, attachPdf, expect, test } from './helpers';

/**
 * Issue #18 in the PDF reader: axe-core finds nothing serious with a highlight made and the find bar open,
 * light and dark, at 100 % and 200 % zoom; Tab goes round the reader in a sensible order and never behind
 * it, and Escape gives the focus back to the button that opened it; a wrong password is said at once
 * (an alert), while the reader's ordinary notices wait their turn (a polite region, there before them).
 */
test.use({ seed: [join(FIXTURES, 'five-papers.txt')] });

test('the PDF reader: axe, the focus order, and what is announced how', async ({ app, page }) => {
  test.setTimeout(300_000);
  const { papers } = await api<{ papers: { id: string; title: string }[] }>(app, 'papers.list', { status: 'all' });
  const alpha = papers.find((p) => p.title.startsWith('Alpha'))!;
  const beta = papers.find((p) => p.title.startsWith('Beta'))!;
  await attachPdf(app, alpha.id, 'tracemonkey.pdf');
  await attachPdf(app, beta.id, 'issue6010_1.pdf');
  await page.goto(app.url);
  const grid = page.getByRole('grid', { name: 'Papers' });
  await grid.getByRole('row', { name: alpha.title }).click();
  const open = page.getByRole('button', { name: /^(Read PDF|Continue reading)/ });
  await open.focus();
  await page.keyboard.press('Enter');
  const reader = page.getByRole('dialog', { name: /^Reader/ });
  await expect(reader.locator('.pdf-page[data-page="1"] .textLayer span').first()).toBeAttached({ timeout: 30_000 });

  // The reader's notices have their regions before any is said: polite for news, assertive for failures.
  await expect(page.getByRole('status').and(page.locator('.toast-idle')).first()).toBeAttached();
  await expect(page.getByRole('alert').and(page.locator('.toast-idle'))).toHaveCount(1);

  // A highlight made by keyboard, and the find bar open with a word found.
  await page.keyboard.press(']');
  await page.keyboard.press('h');
  await expect(page.getByRole('dialog', { name: 'New highlight' })).toBeVisible();
  await page.keyboard.type('Why traces.');
  await page.keyboard.press('Enter');
  // Saved (the passage waiting in the popover is drawn too, as .pending), and the focus back on the pages.
  await expect(page.getByRole('dialog', { name: 'New highlight' })).toHaveCount(0);
  await expect(reader.locator('.pdf-hl:not(.pending)').first()).toBeVisible();
  await page.keyboard.press('Control+f');
  const find = reader.getByRole('searchbox', { name: 'Find in the PDF' });
  await expect(find).toBeFocused();
  await find.fill('trace');
  // Finding reads every page's text: slow on a busy machine.
  await expect(reader.locator('.pdf-find-count')).toHaveText(/^\d+ of \d+$/, { timeout: 30_000 });

  for (const scheme of ['light', 'dark'] as const) {
    const audit = auditor(page, `reader-${scheme}`);
    for (const pass of passes(scheme)) {
      await enter(page, pass, scheme);
      audit.pass = pass;
      await expect(reader.locator('.pdf-page canvas').first()).toBeVisible();
      await audit.check('reader with a highlight and the find bar');
    }
  }
  await enter(page, passes('light')[0]!, 'light');

  // Tab from the pages goes round the reader and never behind it: its toolbar, the sidebar when it is
  // open, back to the pages.
  // Escape in the find field closes the bar and leaves the focus on the pages, where the tour starts.
  await reader.getByRole('searchbox', { name: 'Find in the PDF' }).press('Escape');
  await expect(reader.locator('.pdf-find')).toHaveCount(0);
  const pages = reader.locator('.pdf-scroller');
  await expect(pages).toBeFocused();
  const stops: { inside: boolean; part: string }[] = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const now = document.activeElement!;
      const part = now.closest('.pdf-toolbar')
        ? 'toolbar'
        : now.closest('.pdf-sidebar')
          ? 'sidebar'
          : now.closest('.pdf-scroller')
            ? 'pages'
            : 'other';
      return { inside: !!now.closest('.pdf-reader'), part };
    });
    stops.push(stop);
    if (stop.part === 'pages' && stops.some((s) => s.part === 'toolbar')) break;
  }
  expect(stops.every((s) => s.inside)).toBe(true);
  // Each part once, in reading order, after the links on the pages (they are part of the pages).
  const order = stops.map((s) => s.part).filter((part, i, all) => part !== all[i - 1]);
  while (order[0] === 'pages') order.shift();
  const sidebar = await reader.locator('.pdf-sidebar').isVisible();
  expect(order).toEqual(sidebar ? ['toolbar', 'sidebar', 'pages'] : ['toolbar', 'pages']);

  // Escape closes the reader, and the focus is back on the button that opened it.
  await page.keyboard.press('Escape');
  await expect(reader).toBeHidden();
  await expect(open).toBeFocused();

  // A wrong password is an alert; the field takes the focus again.
  await grid.getByRole('row', { name: beta.title }).click();
  // The pane goes on showing Alpha until Beta's details come (PaperDetail): its button would open Alpha's PDF.
  await expect(page.getByRole('complementary', { name: 'Paper' }).locator('.detail-title')).toHaveText(beta.title);
  await page.getByRole('button', { name: /^(Read PDF|Continue reading)/ }).click();
  const password = reader.getByRole('textbox', { name: 'Password' });
  await expect(password).toBeFocused();
  await page.keyboard.type('wrong');
  await page.keyboard.press('Enter');
  await expect(reader.getByRole('alert')).toHaveText('That password is not right. Try again.');
  await expect(password).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(reader).toBeHidden();
});
