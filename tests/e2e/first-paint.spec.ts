import { join } from 'node:path';
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

test("the app's frame is drawn while the script is on its way, and gives way to the app: one sidebar, one app", async ({
  app,
  page,
}) => {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
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
    release();
  }
  await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row')).toHaveCount(5);
  await expect(page.locator('[data-shell]')).toHaveCount(0);
  await expect(page.locator('#root > .app')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Library' })).toBeVisible();
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
