import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_POLL, FIXTURES, expect, test } from './helpers';

type Listed = { id: string; title: string; status: string; note: string };

test.describe('the detail pane in the daily loop', () => {
  test.use({ seed: [join(FIXTURES, 'digest-sample.txt'), join(FIXTURES, 'five-papers.txt')] });

  test('keeps its paper open when a status button moves it out of the view; the toast names it', async ({
    app,
    page,
  }) => {
    await page.goto(app.url);
    const rows = page.getByRole('grid', { name: 'Papers' }).getByRole('row');
    await expect(rows).toHaveCount(7);
    const title = 'Causal Probing (of Language Models)';
    await rows.filter({ hasText: title }).click();
    const detail = page.getByRole('complementary', { name: 'Paper' });
    const heading = detail.getByRole('heading', { name: title });
    await expect(heading).toBeVisible();

    // Reading takes it out of the Inbox, but it stays open, and on screen, faded, at its place.
    await detail.getByRole('radio', { name: 'Reading', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Marked' })).toContainText(`Marked ‘${title}’ reading`);
    await expect(heading).toBeVisible();
    await expect(detail.getByRole('radio', { name: 'Reading', exact: true })).toHaveAttribute('aria-checked', 'true');
    const leaving = rows.filter({ hasText: title });
    await expect(leaving).toHaveClass(/leaving/);
    await expect(leaving).toHaveAttribute('aria-selected', 'true');
    await expect(rows).toHaveCount(7);
    await expect(page.getByRole('button', { name: /Inbox\s*6/ })).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/detail-leaving.png' });

    // The next click is on the same paper, and so is the note.
    await detail.getByRole('radio', { name: 'Read', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Marked' })).toContainText(`Marked ‘${title}’ read`);
    await expect(heading).toBeVisible();
    await detail.getByRole('textbox', { name: /note/i }).fill('Finished: the causal test is convincing.');
    await expect
      .poll(async () => {
        const papers = JSON.parse(await app.cli('list', '--json')) as Listed[];
        const paper = papers.find((p) => p.title === title);
        return [paper?.status, paper?.note];
      }, CLI_POLL)
      .toEqual(['read', 'Finished: the causal test is convincing.']);
    const others = (JSON.parse(await app.cli('list', '--json')) as Listed[]).filter((p) => p.title !== title);
    expect(others.every((p) => p.status === 'inbox' && p.note === '')).toBe(true);

    // Once the selection moves on, the paper leaves the Inbox's list.
    await page.getByRole('grid', { name: 'Papers' }).focus();
    await page.keyboard.press('j');
    await expect(rows.filter({ hasText: title })).toHaveCount(0);
    await expect(rows).toHaveCount(6);
    await expect(heading).toHaveCount(0);
  });

  test('row buttons still advance to the next paper, with a toast that names the paper', async ({ app, page }) => {
    await page.goto(app.url);
    const rows = page.getByRole('grid', { name: 'Papers' }).getByRole('row');
    await expect(rows).toHaveCount(7);
    const first = rows.first();
    const title = (await first.locator('.row-title').textContent())!;
    await first.hover();
    await first.getByRole('button', { name: 'Read' }).click();
    await expect(rows).toHaveCount(6);
    const shown = title.length > 60 ? `${title.slice(0, 57).trimEnd()}…` : title;
    await expect(page.getByRole('status').filter({ hasText: 'Marked' })).toContainText(`Marked ‘${shown}’ read`);
    expect(app.dataDir).toBeTruthy();
  });
});

test.describe('one vocabulary and one key map', () => {
  test.use({ seed: [join(FIXTURES, 'five-papers.txt')] });

  test('the same keys do the same in the list and in triage, and ? lists them all', async ({ app, page }) => {
    await page.goto(app.url);
    const rows = page.getByRole('grid', { name: 'Papers' }).getByRole('row');
    await expect(rows).toHaveCount(5);
    const statusOf = async (title: string) =>
      (JSON.parse(await app.cli('list', '--json')) as Listed[]).find((p) => p.title === title)?.status;
    await page.keyboard.press('Enter');
    const first = (await rows.first().locator('.row-title').textContent())!;
    // s: start reading; u: undo (in the list too, not "unread"); i: back to the inbox.
    await page.keyboard.press('s');
    await expect.poll(() => statusOf(first), CLI_POLL).toBe('reading');
    await page.keyboard.press('u');
    // The toast first: it goes after five seconds, and each look through the CLI takes a moment.
    await expect(page.getByRole('status').filter({ hasText: 'Undone' })).toHaveText(
      `Undone: marked ‘${first}’ reading`,
    );
    await expect.poll(() => statusOf(first), CLI_POLL).toBe('inbox');
    await expect(rows.first().getByRole('button', { name: 'Dismiss' })).toHaveAttribute('title', 'Dismiss (d)');
    await expect(rows.first().getByRole('button', { name: 'Keep' })).toHaveAttribute(
      'title',
      'Keep: add to the queue (q)',
    );

    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const triageKeys = sheet.getByRole('region', { name: 'Triage' });
    await expect(triageKeys).toContainText('Skip: decide later');
    await expect(triageKeys).toContainText('Start reading');
    await expect(sheet.getByRole('region', { name: 'The list' })).toContainText('Keep: add to the queue');
    await expect(sheet.getByRole('region', { name: 'The list' })).toContainText(
      'Pick from where you began to the next paper',
    );
    await page.screenshot({ path: 'test-results/screens/shortcuts.png' });
    await page.keyboard.press('Escape');

    // Triage: the same words on its buttons, the same keys. Opened from a row of the list.
    await rows.first().focus();
    await page.keyboard.press('t');
    const triage = page.getByRole('dialog', { name: 'Triage' });
    for (const word of ['Keep', 'Start reading', 'Mark read', 'Dismiss', 'Skip'])
      await expect(triage.getByRole('button', { name: word })).toBeVisible();
    const current = (await triage.getByRole('heading', { level: 1 }).textContent())!;
    await page.keyboard.press('r');
    await expect.poll(() => statusOf(current), CLI_POLL).toBe('read');
    await page.keyboard.press('u');
    await expect.poll(() => statusOf(current), CLI_POLL).toBe('inbox');
    // A kept paper taken back is the one triage shows again: back at its place, not after the rest.
    const heading = triage.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(current);
    await page.keyboard.press('q');
    await expect(heading).not.toHaveText(current);
    // The notice of the decision leaves triage's buttons to be seen and clicked.
    const notice = triage.getByText(/^Marked/);
    await expect(notice).toBeVisible();
    const noticeBox = (await notice.boundingBox())!;
    for (const word of ['Keep', 'Start reading', 'Mark read', 'Dismiss', 'Skip']) {
      expect(overlaps((await triage.getByRole('button', { name: word }).boundingBox())!, noticeBox)).toBe(false);
    }
    await page.screenshot({ path: 'test-results/screens/triage-notice.png' });
    await page.keyboard.press('u');
    await expect(heading).toHaveText(current);
    await expect.poll(() => statusOf(current), CLI_POLL).toBe('inbox');
    await page.keyboard.press('Escape');
    // The row triage was opened from left the list with the keep and came back as a new one: the focus goes to
    // the row of the paper triage ended on, not to the page.
    await expect(rows.filter({ hasText: current })).toBeFocused();

    // In the list too: the paper comes back to its row, with the cursor on it.
    const order = await rows.locator('.row-title').allTextContents();
    await rows.nth(2).click();
    await page.keyboard.press('q');
    await expect(rows).toHaveCount(4);
    await expect(rows.nth(2)).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('u');
    await expect(rows).toHaveCount(5);
    await expect(rows.locator('.row-title')).toHaveText(order);
    await expect(rows.nth(2)).toHaveAttribute('aria-selected', 'true');
    await expect(rows.nth(2)).toContainText(order[2]!);
  });
});

test.describe('picking papers by keyboard', () => {
  test.use({ seed: [join(FIXTURES, 'five-papers.txt')] });

  test('Shift+↓ and Space pick three papers, and the bulk bar, reached by Shift+Tab, keeps them', async ({
    app,
    page,
  }) => {
    await page.goto(app.url);
    const rows = page.getByRole('grid', { name: 'Papers' }).getByRole('row');
    await expect(rows).toHaveCount(5);
    // Alpha and Beta as a range, Gamma passed over, Delta with Space.
    for (const key of ['j', 'Shift+ArrowDown', 'j', 'j', 'Space']) await page.keyboard.press(key);
    const picked = page.getByRole('grid', { name: 'Papers' }).getByRole('row', { selected: true });
    await expect(picked.locator('.row-title')).toHaveText([/^Alpha/, /^Beta/, /^Delta/]);
    const bar = page.getByRole('toolbar', { name: 'Selected papers' });
    await expect(bar).toContainText('3 selected');
    await page.screenshot({ path: 'test-results/screens/picked-by-keys.png' });

    const keep = bar.getByRole('button', { name: 'Keep' });
    for (let i = 0; i < 10 && !(await keep.evaluate((button) => button === document.activeElement)); i++)
      await page.keyboard.press('Shift+Tab');
    await expect(keep).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(rows).toHaveCount(2);
    // The bar went with the picks; the focus is back on the list, where the keys carry on.
    await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row', { selected: true })).toBeFocused();
    const queued = async () =>
      (JSON.parse(await app.cli('list', '--status', 'queued', '--json')) as Listed[]).map((p) => p.title.split(':')[0]);
    await expect.poll(queued, CLI_POLL).toEqual(['Alpha', 'Beta', 'Delta']);
  });
});

test.describe('queue order in All papers', () => {
  test.use({ seed: [join(FIXTURES, 'five-papers.txt')] });

  test('lists what you read now and your queue first, dismissed papers last', async ({ app, page }) => {
    const papers = JSON.parse(await app.cli('list', '--json')) as Listed[];
    await app.cli('mark', papers[0]!.id, 'dismissed');
    await app.cli('mark', papers[3]!.id, 'queued');
    await app.cli('mark', papers[4]!.id, 'reading');
    await page.goto(app.url);
    await page.getByRole('button', { name: /All papers/ }).click();
    const rows = page.getByRole('grid', { name: 'Papers' }).getByRole('row');
    await expect(rows).toHaveCount(5);
    const order = await rows.locator('.row-title').allTextContents();
    expect(order).toEqual([papers[4]!.title, papers[3]!.title, papers[1]!.title, papers[2]!.title, papers[0]!.title]);
  });
});

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, b: Box) =>
  a.x >= b.x - 0.5 &&
  a.y >= b.y - 0.5 &&
  a.x + a.width <= b.x + b.width + 0.5 &&
  a.y + a.height <= b.y + b.height + 0.5;

test.describe('the layout from 800 pixels up and at 200 % zoom', () => {
  test.use({ seed: [join(FIXTURES, 'digest-sample.txt'), join(FIXTURES, 'five-papers.txt')] });

  // 720 × 450 is a 1,440 × 900 screen at 200 % zoom.
  for (const [width, height] of [
    [1100, 800],
    [900, 700],
    [800, 600],
    [720, 450],
  ] as const) {
    test(`holds at ${width} × ${height} with the detail pane open`, async ({ app, page }) => {
      await page.setViewportSize({ width, height });
      await page.goto(app.url);
      const rows = page.getByRole('grid', { name: 'Papers' }).getByRole('row');
      await expect(rows).toHaveCount(7);
      await rows.nth(1).click();
      const detail = page.getByRole('complementary', { name: 'Paper' });
      await expect(detail.getByRole('heading', { level: 2 })).toBeVisible();
      const main = (await page.getByRole('main').boundingBox())!;
      // The view's name and count are whole, inside the list's column, and no button sits on them.
      const heading = page.getByRole('heading', { level: 1, name: 'Inbox' });
      const count = page.locator('.toolbar .count');
      for (const part of [heading, count]) {
        const box = (await part.boundingBox())!;
        expect(box.width).toBeGreaterThan(10);
        expect(inside(box, main)).toBe(true);
        expect(await part.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
        for (const button of await page.locator('.toolbar .button:visible').all()) {
          expect(overlaps((await button.boundingBox())!, box)).toBe(false);
        }
      }
      await expect(count).toHaveText('7 papers');
      // The sidebar's settings fit in the sidebar (folded away at 880 to 1,099 pixels with a paper open: opened).
      const library = page.getByRole('button', { name: 'Library' });
      const folded = await library.isVisible();
      if (folded) await library.click();
      const nav = (await page.getByRole('navigation', { name: 'Library' }).boundingBox())!;
      for (const name of ['Rows', 'Theme']) {
        const box = (await page.getByRole('combobox', { name }).boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(nav.x + nav.width);
      }
      if (folded) await page.keyboard.press('Escape');
      // The detail pane's status buttons all fit in it.
      const pane = (await detail.boundingBox())!;
      for (const radio of await detail.getByRole('radio').all())
        expect(inside((await radio.boundingBox())!, pane)).toBe(true);
      if (width >= 880) {
        // A row's buttons (hovered, or the selected row's) never cover its title.
        await rows.nth(2).hover();
        for (const index of [1, 2]) {
          const row = rows.nth(index);
          await expect(row.locator('.row-actions')).toHaveCSS('opacity', '1');
          const actions = (await row.locator('.row-actions').boundingBox())!;
          const title = (await row.locator('.row-title').boundingBox())!;
          expect(overlaps(actions, title)).toBe(false);
        }
      }
      await page.screenshot({ path: `test-results/screens/layout-${width}.png` });
    });
  }
});

test.describe('after a reload', () => {
  test('the view, its sort, the open paper, the scroll position and the theme are where they were', async ({
    app,
    page,
  }) => {
    const dir = await mkdtemp(join(tmpdir(), 'paperqueue-many-'));
    const bib = Array.from(
      { length: 80 },
      (_, i) =>
        `@article{p${i},\n  title = {Paper number ${String(i).padStart(2, '0')} on reading queues},\n  year = {2024}\n}\n`,
    ).join('\n');
    await writeFile(join(dir, 'many.bib'), bib);
    await app.cli('import', join(dir, 'many.bib'));
    await rm(dir, { recursive: true, force: true, maxRetries: 5 });

    await page.goto(app.url);
    await page.getByRole('button', { name: /All papers/ }).click();
    // The list in title order comes a moment after the choice, and opens at its top when it does (a list not
    // shown before): scrolled once it is in, not before (its first rows read as the import order's do).
    const sorted = page.waitForResponse(
      (response) =>
        response.url().includes('/api/papers.') && (response.request().postData() ?? '').includes('"title"'),
    );
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('title');
    await sorted;
    const list = page.getByRole('grid', { name: 'Papers' });
    await expect(list.getByRole('row').first()).toContainText('Paper number 00');
    const open = list.getByRole('row').filter({ hasText: 'Paper number 27' });
    await expect(async () => {
      await list.evaluate((element) => element.scrollTo({ top: 2100 }));
      await expect(open).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    await open.click();
    const detail = page.getByRole('complementary', { name: 'Paper' });
    await expect(detail.getByRole('heading', { level: 2 })).toHaveText('Paper number 27 on reading queues');
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const scrolled = await list.evaluate((element) => element.scrollTop);
    expect(scrolled).toBeGreaterThan(1500);
    // Scroll positions are remembered a moment after scrolling stops.
    await page.waitForTimeout(400);

    await page.reload();
    await expect(page.getByRole('button', { name: /All papers/ })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('title');
    await expect(detail.getByRole('heading', { level: 2 })).toHaveText('Paper number 27 on reading queues');
    await expect(list.getByRole('row', { selected: true })).toContainText('Paper number 27');
    await expect.poll(() => list.evaluate((element) => element.scrollTop)).toBe(scrolled);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
    const background = await page.locator('.main').evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(background).toBe('rgb(30, 30, 34)');
    await page.screenshot({ path: 'test-results/screens/reload-dark.png' });

    // Light again, whatever the system says.
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
    await expect(page.locator('.main')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  });
});

test.describe('rows a person can triage from', () => {
  test.use({ seed: [join(FIXTURES, 'digest-sample.txt'), join(FIXTURES, 'five-papers.txt')] });

  test('show the abstract’s start, where a search matched with its words marked, and a compact density', async ({
    app,
    page,
  }) => {
    const papers = JSON.parse(await app.cli('list', '--json')) as (Listed & { abstract: string })[];
    const probing = papers.find((p) => p.title.startsWith('Causal Probing'))!;
    await app.cli('note', papers[0]!.id, '--text', 'Compare with the Welford update.');
    await page.goto(app.url);
    const rows = page.getByRole('grid', { name: 'Papers' }).getByRole('row');
    await expect(rows).toHaveCount(7);
    const row = rows.filter({ hasText: 'Causal Probing' });
    await expect(row.locator('.row-preview')).toContainText(probing.abstract.slice(0, 60));
    expect((await row.boundingBox())!.height).toBe(124);

    const search = page.getByRole('searchbox');
    await search.fill('intervenes');
    await expect(rows).toHaveCount(1);
    await expect(row.locator('.row-preview')).toContainText('Abstract:');
    await expect(row.locator('.row-preview mark')).toHaveText(['intervenes']);
    await search.fill('probing');
    await expect(rows).toHaveCount(1);
    await expect(row.locator('.row-title mark')).toHaveText(['Probing']);
    await search.fill('welford');
    await expect(rows).toHaveCount(1);
    await expect(rows.first().locator('.row-preview')).toContainText('Note: Compare with the Welford update.');
    await expect(rows.first().locator('.row-preview mark')).toHaveText(['Welford']);
    await page.screenshot({ path: 'test-results/screens/search-note.png' });

    // Nothing in this view: how many in All papers, and a way there.
    await page.getByRole('button', { name: /^Queue/ }).click();
    await search.fill('probing');
    const empty = page.locator('.empty');
    await expect(empty).toContainText('No papers in Queue match your search.');
    await expect(empty).toContainText('1 paper matches in All papers.');
    await empty.getByRole('button', { name: 'Show it' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'All papers' })).toBeVisible();
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText('Causal Probing');

    await search.fill('');
    await page.getByRole('combobox', { name: 'Rows' }).selectOption('compact');
    await expect(rows).toHaveCount(7);
    expect((await rows.first().boundingBox())!.height).toBe(64);
    await expect(rows.first().locator('.row-preview')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/screens/compact.png' });
  });

  test('do not hover under a resting pointer while keys move the cursor, and do again once the pointer moves', async ({
    page,
    app,
  }) => {
    await page.goto(app.url);
    const list = page.getByRole('grid', { name: 'Papers' });
    const rows = list.getByRole('row');
    await expect(rows).toHaveCount(7);
    await rows.first().click();
    const actions = (index: number) => rows.nth(index).locator('.row-actions');
    // The pointer over the third row: its buttons show, fading in.
    const box = (await rows.nth(2).boundingBox())!;
    await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2);
    await expect(actions(2)).toHaveCSS('opacity', '1');
    await expect(actions(2)).toHaveCSS('transition-duration', '0.08s');

    // A key moves the cursor: the row under the still pointer is not hovered, and the new cursor row's buttons
    // show at once (no fade: a fade is frames drawn on every key).
    await page.keyboard.press('j');
    await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(actions(2)).toHaveCSS('opacity', '0');
    await expect(actions(1)).toHaveCSS('opacity', '1');
    await expect(actions(1)).toHaveCSS('transition-duration', '0s');
    const background = (index: number) => rows.nth(index).evaluate((row) => getComputedStyle(row).backgroundColor);
    expect(await background(2)).toBe(await background(3));

    // A key that keeps the cursor's paper moves the rows up under the still pointer: the row now under it is
    // not hovered either.
    const next = (await rows.nth(2).getAttribute('data-id'))!;
    await page.keyboard.press('q');
    await expect(rows).toHaveCount(6);
    await expect(rows.nth(1)).toHaveAttribute('data-id', next);
    await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(actions(2)).toHaveCSS('opacity', '0');
    expect(await background(2)).toBe(await background(3));

    // The hand back on the mouse: the row under it is hovered again.
    await page.mouse.move(box.x + box.width / 3 + 8, box.y + box.height / 2);
    await expect(actions(2)).toHaveCSS('opacity', '1');
    expect(await background(2)).not.toBe(await background(3));
  });
});

test.describe('links where they belong', () => {
  test.use({ seed: [join(FIXTURES, 'digest-sample.txt')] });

  test('the triage card links the code and the project page, and the list marks a project page', async ({
    page,
    app,
  }) => {
    await page.goto(app.url);
    const rows = page.getByRole('grid', { name: 'Papers' }).getByRole('row');
    await expect(rows.filter({ hasText: 'Causal Probing' }).locator('.marker')).toContainText(['project page']);
    await page.keyboard.press('t');
    const triage = page.getByRole('dialog', { name: 'Triage' });
    await expect(triage.getByRole('heading', { level: 1 })).toHaveText('Sparse Attention Is All You Need, Mostly');
    await expect(triage.getByRole('link', { name: /^Code/ })).toHaveAttribute(
      'href',
      'https://github.com/example/sparse-attn',
    );
    await page.keyboard.press('j');
    await expect(triage.getByRole('heading', { level: 1 })).toHaveText('Causal Probing (of Language Models)');
    await expect(triage.getByRole('link', { name: /^Project page/ })).toHaveAttribute(
      'href',
      'https://probe-lab.github.io/',
    );
    await page.screenshot({ path: 'test-results/screens/triage-links.png' });
  });
});

test.describe('one paper’s tags and details', () => {
  test.use({ seed: [join(FIXTURES, 'digest-sample.txt')] });

  test('adds and removes a tag, fixes a title, and a completed stub joins the paper it is', async ({ app, page }) => {
    const dir = await mkdtemp(join(tmpdir(), 'paperqueue-ids-'));
    await writeFile(join(dir, 'ids.txt'), '2401.00001\n');
    await app.cli('import', join(dir, 'ids.txt'));
    await rm(dir, { recursive: true, force: true, maxRetries: 5 });
    await page.goto(app.url);
    const rows = page.getByRole('grid', { name: 'Papers' }).getByRole('row');
    await expect(rows).toHaveCount(3);
    const detail = page.getByRole('complementary', { name: 'Paper' });
    const listed = async () => JSON.parse(await app.cli('list', '--json')) as (Listed & { tags: string[] })[];

    await rows.filter({ hasText: 'Causal Probing' }).click();
    const tagInput = detail.getByRole('combobox', { name: 'Add a tag' });
    await tagInput.fill('probing');
    await tagInput.press('Enter');
    await expect(detail.getByRole('group', { name: 'Tags' })).toContainText('#probing');
    await expect
      .poll(async () => (await listed()).find((p) => p.title.startsWith('Causal'))?.tags, CLI_POLL)
      .toEqual(['probing']);
    await detail.getByRole('button', { name: 'Remove tag probing' }).click();
    await expect(detail.getByRole('group', { name: 'Tags' })).not.toContainText('#probing');

    await detail.getByRole('button', { name: 'Edit details' }).click();
    const form = detail.getByRole('form', { name: 'Edit details' });
    await form.getByLabel('Title').fill('Causal Probing of Language Models');
    await form.getByLabel('Year').fill('twenty');
    await form.getByRole('button', { name: 'Save details' }).click();
    await expect(form.getByLabel('Year')).toHaveAccessibleDescription('“twenty” is not a year.');
    await form.getByLabel('Year').fill('2024');
    await form.getByRole('button', { name: 'Save details' }).click();
    await expect(form).toHaveCount(0);
    await expect(detail.getByRole('heading', { level: 2 })).toHaveText('Causal Probing of Language Models');

    // The stub from the pasted id: completed by hand, it turns out to be the paper above.
    const stub = (await listed()).find((p) => p.title.includes('2401.00001') || p.title === '')!;
    await rows.filter({ hasText: stub.title }).click();
    // The pane shows Causal Probing until the stub's details come (PaperDetail): its buttons act on that paper.
    await expect(detail.locator('.detail-title')).toHaveText(stub.title);
    await detail.getByRole('radio', { name: 'Queued', exact: true }).click();
    await detail.getByRole('button', { name: 'Edit details' }).click();
    await detail.getByRole('form', { name: 'Edit details' }).getByLabel('arXiv id').fill('2410.09999');
    await detail.getByRole('button', { name: 'Save details' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'already in your library' })).toContainText(
      '‘Causal Probing of Language Models’ was already in your library',
    );
    await expect(detail.getByRole('heading', { level: 2 })).toHaveText('Causal Probing of Language Models');
    await expect(detail.getByRole('radio', { name: 'Queued', exact: true })).toHaveAttribute('aria-checked', 'true');
    await expect.poll(async () => (await listed()).length, CLI_POLL).toBe(2);
    await page.screenshot({ path: 'test-results/screens/detail-tags.png' });
  });
});
