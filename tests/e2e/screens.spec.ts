import { join } from 'node:path';
import { api, expect, test } from './helpers';

/**
 * The screens a designer reviews, at the two window sizes people use most (1,440 × 900 and 1,100 × 800),
 * light and dark, on the real seed digest: the Inbox, a search, the detail pane with a note and a
 * highlight, triage and stats. Each is saved in test-results/screens/ to be looked at; each is checked to
 * fit its window (nothing wider than the window, nothing cut at the right).
 */
const SEED = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds', '000_62c7f67eba4f4526.txt');
const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screens');

test.use({ seed: [SEED] });

for (const [width, height] of [
  [1440, 900],
  [1100, 800],
] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`the main screens at ${width} × ${height}, ${scheme}`, async ({ app, page }) => {
      test.setTimeout(90_000);
      const { papers } = await api<{ papers: { id: string; title: string; abstract: string }[] }>(app, 'papers.list', {
        status: 'all',
      });
      const [first, second, third] = papers;
      // A day of work: some papers kept, one being read with a note and a highlight, one read.
      await api(app, 'papers.setStatus', { ids: [first!.id], status: 'reading' });
      await api(app, 'papers.setStatus', { ids: [second!.id, papers[4]!.id], status: 'queued' });
      await api(app, 'papers.setStatus', { ids: [third!.id], status: 'read' });
      await api(app, 'notes.save', {
        id: first!.id,
        note: '## Why it matters\n\nCompare with the **scaling** results in the queue.\n\n- check the ablations\n- read §4',
      });
      const words = first!.abstract.split(' ').slice(0, 12).join(' ');
      await api(app, 'annotations.add', {
        paperId: first!.id,
        target: 'abstract',
        start: 0,
        end: words.length,
        color: 'green',
        comment: 'The claim to test.',
      });

      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(app.url);
      const list = page.getByRole('grid', { name: 'Papers' });
      await expect(list.getByRole('row').first()).toBeVisible();
      const fits = async (screen: string) => {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${screen} is wider than the window`).toBeLessThanOrEqual(0);
        await page.screenshot({ path: join(SHOTS, `${screen}-${width}-${scheme}.png`) });
      };
      await fits('inbox');

      await page.getByRole('button', { name: /^All papers/ }).click();
      await list.getByRole('row', { name: first!.title }).click();
      const detail = page.getByRole('complementary', { name: 'Paper' });
      await expect(detail.getByText('The claim to test.').or(detail.locator('mark').first()).first()).toBeVisible();
      await fits('detail');

      await page.keyboard.press('Escape');
      await page.getByRole('searchbox').fill('privacy');
      await expect(page.locator('.toolbar .count')).not.toHaveText('52 papers');
      await expect(list.locator('mark').first()).toBeVisible();
      await fits('search');
      await page.getByRole('searchbox').fill('');

      await page.getByRole('button', { name: /^Inbox/ }).click();
      await page.keyboard.press('t');
      await expect(page.getByRole('dialog', { name: /triage/i })).toBeVisible();
      await fits('triage');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: 'Reading stats' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await fits('stats');
    });
  }
}
