import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { LIST_PAGE_ROWS } from '../../electron/core/list-page';
import { FIXTURES, api, expect, test } from './helpers';

test.use({ seed: [join(FIXTURES, 'five-papers.txt')] });

/**
 * What the page showed the first time React drew into it: the list, and how many rows it had. (Before it, the
 * page's HTML draws the app's frame, marked data-shell, which React replaces.)
 */
const FIRST_DRAW = `new MutationObserver((_, observer) => {
  const root = document.getElementById('root');
  if (!root || root.childElementCount === 0 || root.querySelector(':scope > [data-shell]')) return;
  observer.disconnect();
  window.firstDraw = {
    list: document.querySelector('[role="grid"][aria-label="Papers"]') !== null,
    rows: document.querySelectorAll('[role="grid"][aria-label="Papers"] .row[data-id]').length,
  };
}).observe(document, { childList: true, subtree: true })`;

test('the page is drawn once, with its first rows in it, not as an empty list the rows fill later', async ({
  app,
  page,
}) => {
  // The server's first answer compiles its code: asked once here, the page's is as quick as a person's second.
  await api(app, 'papers.rows', { limit: 200 });
  await page.addInitScript(FIRST_DRAW);
  await page.goto(app.url);
  await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row')).toHaveCount(5);
  expect(await page.evaluate('window.firstDraw')).toEqual({ list: true, rows: 5 });
});

/** Holds the app's script until `release` is called: what is drawn meanwhile is the page's own (its HTML and first scripts). */
async function holdTheAppScript(page: Page): Promise<{ release: () => Promise<void> }> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let sent: Promise<void> | undefined;
  const script = /\/assets\/index-[\w-]+\.js$/;
  await page.route(script, (route) => (sent = held.then(() => route.continue())));
  return {
    async release() {
      release();
      await sent;
      await page.unroute(script);
    },
  };
}

test("the app's frame is drawn while the script is on its way, and gives way to the app: one sidebar, one app", async ({
  app,
  page,
}) => {
  const script = await holdTheAppScript(page);
  const stylesheets: string[] = [];
  page.on('request', (request) => request.resourceType() === 'stylesheet' && stylesheets.push(request.url()));
  try {
    await page.goto(app.url, { waitUntil: 'commit' });
    const frame = page.locator('#root > [data-shell]');
    // Styled from the page itself (its stylesheet is inlined, scripts/build/inline-styles.ts): a grid whose
    // sidebar is a column, with no stylesheet asked for.
    await expect(frame).toHaveCSS('display', 'grid');
    await expect(frame.locator('.sidebar')).toHaveCSS('flex-direction', 'column');
    expect(stylesheets).toEqual([]);
    await expect(frame.locator('.nav-label')).toHaveText([
      'Inbox',
      'Queue',
      'Reading',
      'Read',
      'Dismissed',
      'All papers',
      'Reading stats',
    ]);
    await expect(frame).toBeVisible();
    // Nothing in it is a control a person or a screen reader could reach.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement === document.body')).toBe(true);
    await expect(page.getByRole('navigation')).toHaveCount(0);
  } finally {
    await script.release();
  }
  await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row')).toHaveCount(5);
  await expect(page.locator('[data-shell]')).toHaveCount(0);
  await expect(page.locator('#root > .app')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
});

test("the first rows are drawn before the app's script has come, and the app takes their answer, not asking again", async ({
  app,
  page,
}) => {
  const asked: string[] = [];
  page.on('request', (request) => request.url().endsWith('/api/papers.rows') && asked.push(request.postData() ?? ''));
  const violations: string[] = [];
  page.on('console', (message) => /Content Security Policy/i.test(message.text()) && violations.push(message.text()));
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const { rows } = await api<{ rows: { id: string; title: string }[] }>(app, 'papers.rows', { status: 'inbox' });
  const titles = rows.map((row) => row.title);

  const script = await holdTheAppScript(page);
  await page.goto(app.url, { waitUntil: 'commit' });
  const frame = page.locator('#root > [data-shell]');
  await expect(frame.locator('.row[data-id] .row-title')).toHaveText(titles);
  await expect(frame.locator('.toolbar h1')).toHaveText('Inbox');
  await expect(frame.locator('.toolbar .count')).toHaveText('5 papers');
  await expect(frame.locator('.nav-item.active')).toHaveText('Inbox');
  // The frame's words in each face are laid out once the rows are on screen, not before them.
  await expect(frame.locator('.font-warm')).not.toHaveAttribute('hidden');
  // Seen, not yet usable: nothing in the frame takes the focus or is read out.
  await page.keyboard.press('Tab');
  expect(await page.evaluate('document.activeElement === document.body')).toBe(true);
  await expect(page.getByRole('row')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/first-rows-before-the-app.png' });
  const before = await frame.locator('.row[data-id]').first().boundingBox();
  await script.release();

  // The app's rows, in the same place, from the one request the page's first script made.
  const grid = page.getByRole('grid', { name: 'Papers' });
  await expect(grid.getByRole('row')).toHaveCount(5);
  await expect(frame).toHaveCount(0);
  expect(await grid.getByRole('row').first().boundingBox()).toEqual(before);
  expect(asked).toHaveLength(1);
  expect(JSON.parse(asked[0]!)).toMatchObject({ status: 'inbox', sort: 'queue', offset: 0 });

  // A reload where the reader left another view, sorted, with a paper open: drawn so from the first frame.
  await page.getByRole('button', { name: /^All papers/ }).click();
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Title' });
  await expect(grid.getByRole('row').first()).toHaveAttribute('aria-label', new RegExp(`^${[...titles].sort()[0]}`));
  await grid.getByRole('row', { name: new RegExp(`^${titles[3]}`) }).click();
  await expect(page.getByRole('complementary', { name: 'Paper' })).toBeVisible();
  const askedBefore = asked.length;
  const again = await holdTheAppScript(page);
  await page.reload({ waitUntil: 'commit' });
  await expect(frame.locator('.row[data-id] .row-title')).toHaveText([...titles].sort());
  await expect(frame.locator('.toolbar h1')).toHaveText('All papers');
  await expect(frame.locator('.toolbar select.sort')).toHaveValue('title');
  await expect(frame).toHaveClass(/with-detail/);
  await expect(frame.locator('.row.selected .row-title')).toHaveText(titles[3]!);
  await again.release();
  await expect(grid.getByRole('row', { selected: true })).toHaveAttribute('aria-label', new RegExp(`^${titles[3]}`));
  await expect(frame).toHaveCount(0);
  expect(asked.slice(askedBefore)).toEqual([
    JSON.stringify({ status: 'all', sort: 'title', offset: 0, limit: LIST_PAGE_ROWS }),
  ]);
  expect(violations).toEqual([]);
  expect(errors).toEqual([]);
});

/** Whether a frame ever began with the rows the page's first script drew (in the frame, before React's). */
const FRAME_WITH_FIRST_ROWS = `window.framesWithFirstRows = 0;
const look = () => {
  if (document.querySelector('#root > [data-shell] .row[data-id]')) window.framesWithFirstRows++;
  if (!document.querySelector('[role="grid"][aria-label="Papers"] .row[data-id]')) requestAnimationFrame(look);
};
requestAnimationFrame(look);`;

test("rows that come once the app's script has run are still drawn first by the page's script, then by the app", async ({
  app,
  page,
}) => {
  // The answer held until the app's script has come and run (it waits for the same answer): the page's first
  // script draws the rows as it comes, and the app draws only once a frame has shown them. Held in the page and
  // let go by React DOM's module itself (it looks for a developer tools' hook), so the rows come at once after
  // the app's script has run, well within the 400 ms the app waits for them (main.tsx), however busy the
  // machine: a hold let go from here, a round trip away, could outlast them and the app drew without the rows.
  await page.addInitScript(`{
    let letGo;
    const held = new Promise((resolve) => (letGo = resolve));
    const fetchOfPage = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const answer = fetchOfPage(input, init);
      return String(input).endsWith('/api/papers.rows') ? answer.then((response) => held.then(() => response)) : answer;
    };
    window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
      isDisabled: false, supportsFiber: true, renderers: new Map(), inject() { return 1; },
      checkDCE() { window.reactDomRan = true; letGo(); }, onCommitFiberRoot() {}, onCommitFiberUnmount() {},
      onPostCommitFiberRoot() {}, setStrictMode() {},
    };
  }`);
  await page.addInitScript(FRAME_WITH_FIRST_ROWS);
  await page.goto(app.url, { waitUntil: 'commit' });
  await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row')).toHaveCount(5);
  expect(await page.evaluate('window.reactDomRan')).toBe(true);
  expect(await page.evaluate('window.framesWithFirstRows')).toBeGreaterThan(0);
});

test('a list that does not answer in time still draws the page, showing that it loads', async ({ app, page }) => {
  // The list's request is held until the page has been drawn without it: a page that waited would never be.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/papers.rows', async (route) => {
    await held;
    await route.continue();
  });
  try {
    await page.addInitScript(FIRST_DRAW);
    await page.goto(app.url);
    await expect(page.getByRole('searchbox', { name: 'Search' })).toBeVisible();
    expect(await page.evaluate('window.firstDraw')).toEqual({ list: true, rows: 0 });
  } finally {
    release();
  }
  await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row')).toHaveCount(5);
});

/**
 * The order the page did two things in: ask for the list, and start React DOM's code. React DOM's module,
 * before anything else it does, looks for a developer tools' hook on the page; this one only notes when.
 */
const ORDER = `window.order = [];
const fetchFirst = window.fetch.bind(window);
window.fetch = (input, init) => {
  if (String(input).endsWith('/api/papers.rows')) window.order.push('papers.rows');
  return fetchFirst(input, init);
};
window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  isDisabled: false,
  supportsFiber: true,
  renderers: new Map(),
  checkDCE() { if (!window.order.includes('react-dom')) window.order.push('react-dom'); },
  inject() { return 1; },
  onCommitFiberRoot() {},
  onCommitFiberUnmount() {},
  onPostCommitFiberRoot() {},
  setStrictMode() {},
};`;

test("the list is asked for before React DOM's code starts running, not after it", async ({ app, page }) => {
  await page.addInitScript(ORDER);
  await page.goto(app.url);
  await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row')).toHaveCount(5);
  expect(await page.evaluate('window.order')).toEqual(['papers.rows', 'react-dom']);
});

test('KaTeX is not loaded while a page without math draws and takes its first keys, but a few seconds later', async ({
  app,
  page,
}) => {
  const requested: number[] = [];
  page.on('request', (request) => /\/assets\/katex-[\w-]+\.js$/.test(request.url()) && requested.push(Date.now()));
  await page.goto(app.url);
  await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row')).toHaveCount(5);
  await page.getByRole('grid', { name: 'Papers' }).getByRole('row').first().click();
  await page.keyboard.press('j');
  await page.waitForTimeout(500);
  expect(requested).toEqual([]);
  // Then requested all the same, so a paper with math opened later has it.
  await expect.poll(() => requested.length, { timeout: 10_000 }).toBe(1);
});
