import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { BASELINE, auditor, enter, passes } from './a11y-audit';
import { FIXTURES, api, expect, test, type App } from './helpers';

/**
 * axe-core on every screen and dialog of browser mode (issue #18), light and dark, at 100 % and 200 % zoom
 * (the PDF reader's are in a11y-reader.spec.ts). A serious or critical finding fails the test unless the
 * reviewed baseline (a11y-baseline.json) names its rule and target and says why it is a false positive.
 *
 * 200 % zoom is the window of 1,360 × 860 seen at twice the size: a CSS viewport of 680 × 430, which is
 * what Chromium's own zoom gives the page's layout (its media queries too). Each screen is also kept as a
 * screenshot in test-results/a11y at 200 % and, with PAPERQUEUE_A11Y_SHOTS=1, in forced colours (Windows
 * high contrast), to be looked at.
 */
const SEED = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds', '000_62c7f67eba4f4526.txt');
test('the baseline excuses nothing without a reason', () => {
  for (const entry of BASELINE) {
    expect(entry.rule).toMatch(/^[a-z0-9-]+$/);
    expect(entry.target.length).toBeGreaterThan(0);
    expect(entry.why.length, `${entry.rule} ${entry.target}`).toBeGreaterThan(20);
  }
});

type Listed = { id: string; title: string; abstract: string };

/** A day of work: one paper read (For you has something to be like), one being read with a note and highlights. */
async function dayOfWork(app: App): Promise<Listed> {
  const { papers } = await api<{ papers: Listed[] }>(app, 'papers.list', { status: 'all' });
  const [first, second, third] = papers;
  await api(app, 'papers.setStatus', { ids: [first!.id], status: 'reading' });
  await api(app, 'papers.setStatus', { ids: [second!.id], status: 'queued' });
  await api(app, 'papers.setStatus', { ids: [third!.id], status: 'read' });
  await api(app, 'notes.save', { id: first!.id, note: '## Why it matters\n\nCompare the **scaling** results.' });
  const words = first!.abstract.split(' ').slice(0, 8).join(' ');
  await api(app, 'annotations.add', {
    paperId: first!.id,
    target: 'abstract',
    start: 0,
    end: words.length,
    color: 'green',
    comment: 'The claim to test.',
  });
  await api(app, 'annotations.add', {
    paperId: first!.id,
    target: 'title',
    start: 0,
    end: Math.min(8, first!.title.length),
    color: 'yellow',
  });
  return first!;
}

/** A view of the sidebar picked; at 200 % zoom (the sidebar folded away) from the Library toggle first. */
async function pickView(page: Page, name: string | RegExp) {
  const toggle = page.getByRole('button', { name: 'Library' });
  if (await toggle.isVisible()) await toggle.click();
  await page.getByRole('navigation', { name: 'Library' }).getByRole('button', { name }).click();
}

/** Opens `paper` in the detail pane, from All papers. */
async function openPaper(page: Page, paper: Listed) {
  await pickView(page, /^All papers/);
  await page.getByRole('grid', { name: 'Papers' }).getByRole('row', { name: paper.title }).click();
  const highlights = page.getByRole('complementary', { name: 'Paper' }).getByRole('region', { name: 'Highlights' });
  await expect(highlights.getByRole('listitem')).toHaveCount(2);
}

test.describe('axe-core finds nothing serious', () => {
  test.use({ seed: [SEED] });
  test.setTimeout(300_000);

  for (const [scheme, pass] of (['light', 'dark'] as const).flatMap((scheme) =>
    passes(scheme).map((pass) => [scheme, pass] as const),
  )) {
    const how = pass.name === 'forced' ? 'in forced colours' : `${scheme} at ${pass.name} %`;
    test(`on the list, search, the detail pane, triage, For you and its rules, ${how}`, async ({ app, page }) => {
      const first = await dayOfWork(app);
      await enter(page, pass, scheme);
      await page.goto(app.url);
      const audit = auditor(page, `list-${scheme}-${pass.name}`);
      audit.pass = pass;
      const list = page.getByRole('grid', { name: 'Papers' });
      await expect(list.getByRole('row').first()).toBeVisible();
      await audit.check('inbox');

      await page.getByRole('searchbox').fill('privacy');
      await expect(list.locator('mark').first()).toBeVisible();
      await audit.check('search');
      await page.getByRole('searchbox').fill('');

      await openPaper(page, first);
      await audit.check('detail pane with a note and highlights');
      await page.keyboard.press('Escape');

      await pickView(page, /^Inbox/);
      await page.keyboard.press('t');
      await expect(page.getByRole('dialog', { name: 'Triage' })).toBeVisible();
      await audit.check('triage');
      await page.keyboard.press('Escape');
      // Triage opened the paper it showed; on a narrow window its pane covers the list.
      await page.keyboard.press('Escape');
      await expect(page.getByRole('complementary', { name: 'Paper' })).toBeHidden();

      await page.getByRole('combobox', { name: 'Sort by' }).selectOption('foryou');
      await expect(page.getByRole('note')).toBeVisible();
      await list.getByRole('row').first().click();
      await expect(page.getByRole('region', { name: 'Why this paper is here' })).toBeVisible();
      await audit.check('for you with its reasons');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Keyword rules…' }).click();
      const rules = page.getByRole('dialog', { name: 'Keyword rules' });
      await rules.getByRole('textbox', { name: 'Words or pattern' }).fill('privacy');
      await rules.getByRole('button', { name: 'Add rule' }).click();
      await expect(rules.getByRole('listitem')).toHaveCount(1);
      await audit.check('keyword rules');
    });

    test(`on import, paste, export, the shortcut sheet and stats, ${how}`, async ({ app, page }) => {
      await dayOfWork(app);
      await enter(page, pass, scheme);
      await page.goto(app.url);
      const audit = auditor(page, `dialogs-${scheme}-${pass.name}`);
      audit.pass = pass;
      await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row').first()).toBeVisible();

      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Import…' }).click();
      await (await chooser).setFiles(join(FIXTURES, 'five-papers.txt'));
      const preview = page.getByRole('dialog', { name: 'Import' });
      await expect(preview.getByRole('status')).toContainText('new');
      await audit.check('import preview');
      await preview.getByRole('button', { name: 'Cancel' }).click();

      await page.getByRole('button', { name: 'Paste…' }).click();
      const paste = page.getByRole('dialog', { name: 'Paste papers' });
      await expect(paste).toBeVisible();
      await audit.check('paste');
      await paste.getByRole('button', { name: 'Cancel' }).click();

      await page.getByRole('button', { name: 'Export…' }).click();
      await expect(page.getByRole('menu', { name: 'Export' })).toBeVisible();
      await audit.check('export menu');
      await page.keyboard.press('Escape');

      await page.locator('body').press('?');
      await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
      await audit.check('shortcut sheet');
      await page.keyboard.press('Escape');

      await pickView(page, 'Reading stats');
      await expect(page.locator('.chart-svg').first()).toBeVisible();
      // Every chart drawn (they come one a task), legends included.
      await expect(page.locator('.stats-figure[aria-busy="true"]')).toHaveCount(0);
      await audit.check('stats');
    });
  }
});

test.describe('the papers grid by keyboard', () => {
  test.use({ seed: [join(FIXTURES, 'five-papers.txt')] });

  test('j/k, the arrows, Home and End move the selection, and the focus (what a screen reader says) follows it', async ({
    app,
    page,
  }) => {
    await page.goto(app.url);
    const grid = page.getByRole('grid', { name: 'Papers' });
    const rows = grid.getByRole('row');
    await expect(rows).toHaveCount(5);
    const names = await rows.evaluateAll((all) => all.map((row) => row.getAttribute('aria-label') ?? ''));
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    const at = async (index: number) => {
      await expect(grid.getByRole('row', { selected: true })).toHaveAttribute('aria-label', names[index]!);
      expect(await focused()).toBe(names[index]);
    };

    await page.keyboard.press('j');
    await at(0);
    await page.keyboard.press('ArrowDown');
    await at(1);
    await page.keyboard.press('End');
    await at(4);
    await page.keyboard.press('k');
    await at(3);
    await page.keyboard.press('Home');
    await at(0);
    // The selected row's own buttons come next in the Tab order; no other row's.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keep');
    await expect(rows.nth(0).getByRole('button', { name: 'Keep' })).toBeFocused();
    await expect(rows.nth(1).getByRole('button', { name: 'Keep' })).toHaveAttribute('tabindex', '-1');
  });
});
