import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { FIXTURES, api, expect, test, type App } from './helpers';

// The QA's two tabs on one served library, typing into one paper's note (qa.md s34, item 1).
test.use({ seed: [join(FIXTURES, 'digest-sample.txt')] });

const BASE = 'Notes so far.';

/** The first paper, its note set to BASE, open in a page of its own with the caret at the note's end. */
async function openNote(page: Page, app: App) {
  await page.goto(app.url);
  await page.getByRole('grid', { name: 'Papers' }).getByRole('row').first().click();
  const note = page.getByRole('region', { name: 'Note' });
  await note.getByRole('tab', { name: 'Write' }).click();
  const input = note.getByRole('textbox', { name: 'Note (markdown)' });
  await expect(input).toHaveValue(BASE);
  await input.click();
  await input.press('Control+End');
  return { note, input };
}

async function twoTabs(app: App, page: Page) {
  const id = (JSON.parse(await app.cli('show', '2411.01234', '--json')) as { id: string }).id;
  await api(app, 'notes.save', { id, note: BASE });
  const other = await page.context().newPage();
  return { id, one: await openNote(page, app), two: await openNote(other, app) };
}

const stored = async (app: App, id: string) => (await api<{ note: string }>(app, 'papers.get', { id })).note;
const SETTLED = /^Saved/;

test('case A: both tabs type at once; both edits stay in the library and in both boxes', async ({ app, page }) => {
  const { id, one, two } = await twoTabs(app, page);
  await Promise.all([
    one.input.pressSequentially(' [p1 edit]', { delay: 30 }),
    two.input.pressSequentially(' [p2 edit]', { delay: 30 }),
  ]);
  await expect(one.note.getByRole('status')).toHaveText(SETTLED);
  await expect(two.note.getByRole('status')).toHaveText(SETTLED);
  await expect.poll(() => stored(app, id)).toContain('[p1 edit]');
  const note = await stored(app, id);
  expect(note).toContain('[p2 edit]');
  // Each tab shows the library's note, its own words included, and says both versions were kept.
  await expect(one.input).toHaveValue(note);
  await expect(two.input).toHaveValue(note);
  for (const tab of [one, two]) {
    await expect(tab.note.getByRole('alert')).toContainText(
      'This note was also changed in another window; both versions are kept below',
    );
  }
  await page.context().pages()[1]!.screenshot({ path: 'test-results/screens/note-two-tabs.png' });
});

test('case B: a slow sentence in one tab and a quick line in the other both stay', async ({ app, page }) => {
  const { id, one, two } = await twoTabs(app, page);
  const slow = two.input.pressSequentially('\nTAB2 is typing a long sentence slowly here.', { delay: 150 });
  await page.waitForTimeout(2000);
  await one.input.pressSequentially('\nTAB1 quick line.');
  await slow;
  // The slow tab never lost a keystroke to the other tab's change, which came while it typed.
  await expect(two.input).toHaveValue(/TAB2 is typing a long sentence slowly here\./);
  await expect(one.note.getByRole('status')).toHaveText(SETTLED);
  await expect(two.note.getByRole('status')).toHaveText(SETTLED);
  await expect.poll(() => stored(app, id)).toContain('TAB2 is typing a long sentence slowly here.');
  const note = await stored(app, id);
  expect(note).toContain('TAB1 quick line.');
  // Whatever an autosave saved of the sentence on the way (a busy machine stalls typing past its delay), the
  // note holds it once, whole, and at most the one clash the two lines can make, never a clash in a clash.
  const lines = note.split('\n');
  expect(lines.filter((line) => line.includes('TAB2'))).toEqual(['TAB2 is typing a long sentence slowly here.']);
  expect(lines.filter((line) => /^(<{7}|={7}|>{7})/.test(line)).length).toBeLessThanOrEqual(3);
  await expect(one.input).toHaveValue(note);
  await expect(two.input).toHaveValue(note);
});

test("a duplicated tab (the browser's Duplicate copies its session storage) takes an id of its own for its drafts; a reload keeps its id", async ({
  app,
  page,
}) => {
  const TAB = 'paperqueue.tab';
  await page.goto(app.url);
  await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row').first()).toBeVisible();
  const original = await page.evaluate((key) => sessionStorage.getItem(key), TAB);
  expect(original).toBeTruthy();

  // The copy starts with the original's session storage, as Chromium's Duplicate gives it, while the original is open.
  const copy = await page.context().newPage();
  await copy.addInitScript(
    ([key, tab]) => {
      if (!sessionStorage.getItem('duplicated')) sessionStorage.setItem(key!, tab!);
      sessionStorage.setItem('duplicated', 'yes');
    },
    [TAB, original],
  );
  await copy.goto(app.url);
  await expect(copy.getByRole('grid', { name: 'Papers' }).getByRole('row').first()).toBeVisible();
  await expect.poll(() => copy.evaluate((key) => sessionStorage.getItem(key), TAB)).not.toBe(original);
  const own = await copy.evaluate((key) => sessionStorage.getItem(key), TAB);
  expect(own).toBeTruthy();
  // Each holds the lock of its own id: each sees the other open.
  const locks = await copy.evaluate(async () => (await navigator.locks.query()).held?.map((lock) => lock.name));
  expect(locks).toEqual(expect.arrayContaining([`paperqueue.tab.${original}`, `paperqueue.tab.${own}`]));

  // A reload is the same tab: its id stays.
  await page.reload();
  await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row').first()).toBeVisible();
  await page.waitForTimeout(1500);
  expect(await page.evaluate((key) => sessionStorage.getItem(key), TAB)).toBe(original);
});
