import { join } from 'node:path';
import { FIXTURES, api, expect, test } from './helpers';

/**
 * Issue #18: what a screen reader says on the Inbox's row, the detail pane and triage, as Playwright's
 * accessibility tree gives it (toMatchAriaSnapshot), so a change to a name, a role or the order of what is
 * heard shows up in review as a change to this file.
 */
test.use({ seed: [join(FIXTURES, 'five-papers.txt')] });

test('the names on the Inbox row, the detail pane and triage', async ({ app, page }) => {
  const { papers } = await api<{ papers: { id: string; title: string; abstract: string }[] }>(app, 'papers.list', {
    status: 'all',
  });
  const alpha = papers.find((p) => p.title.startsWith('Alpha'))!;
  await api(app, 'notes.save', { id: alpha.id, note: 'Worth a second read.' });
  await api(app, 'annotations.add', {
    paperId: alpha.id,
    target: 'abstract',
    start: 0,
    end: alpha.abstract.indexOf(' ', 20),
    color: 'green',
    comment: 'The claim.',
  });
  await page.goto(app.url);
  const grid = page.getByRole('grid', { name: 'Papers' });
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('title');
  const row = grid.getByRole('row', { name: /^Alpha/ });
  await expect(row).toHaveAttribute('aria-label', /has note/);
  await expect(row).toMatchAriaSnapshot(`
    - 'row "Alpha: Learning to Read Faster, Inbox, has note, 1 highlight"':
      - 'gridcell /^Alpha: Learning to Read Faster Alpha studies how researchers .* added .* note 1 highlight$/'
      - gridcell "Keep Read Dismiss":
        - button "Keep"
        - button "Read"
        - button "Dismiss"
  `);

  await row.click();
  const detail = page.getByRole('complementary', { name: 'Paper' });
  await expect(detail.getByRole('region', { name: 'Highlights' })).toBeVisible();
  await expect(detail).toMatchAriaSnapshot(`
    - complementary "Paper":
      - button "Close (Esc)"
      - 'heading "Alpha: Learning to Read Faster" [level=2]'
      - radiogroup "Status":
        - radio "Inbox" [checked]
        - radio "Queued"
        - radio "Reading"
        - radio "Read"
        - radio "Dismissed"
      - heading "Abstract" [level=3]
      - group "Abstract":
        - mark: Alpha studies how researchers
      - region "Highlights":
        - list:
          - listitem:
            - 'button "Green highlight in the abstract: “Alpha studies how researchers”. Comment: The claim."'
            - paragraph: The claim.
            - button "Colour Green" [pressed]
            - button "Remove"
      - region "Note":
        - tablist "Note view":
          - tab "Write"
          - tab "Preview" [selected]
        - status: Saved
        - paragraph: Worth a second read.
      - region "PDF":
        - button "Attach PDF…"
  `);

  await page.keyboard.press('Escape');
  await page.keyboard.press('t');
  const triage = page.getByRole('dialog', { name: 'Triage' });
  await expect(triage.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(triage).toMatchAriaSnapshot(`
    - dialog "Triage":
      - banner:
        - status: 5 left
        - button "Done (Esc)"
      - article:
        - 'heading "Alpha: Learning to Read Faster" [level=1]'
        - paragraph: Daily papers · Dec 1
        - paragraph: /^Alpha studies how researchers handle reading\\./
      - contentinfo:
        - button "q Keep"
        - button "s Start reading"
        - button "r Mark read"
        - button "d Dismiss"
        - button "j Skip"
        - button "u Undo"
  `);
});
