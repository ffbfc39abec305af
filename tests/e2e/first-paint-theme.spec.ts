import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { FIXTURES, type App, expect, test } from './helpers';

test.use({ seed: [join(FIXTURES, 'five-papers.txt')] });

/** styles.css's --bg (the body) and --sidebar, light and dark. */
const LIGHT = { body: 'rgb(247, 247, 245)', sidebar: 'rgb(239, 238, 234)' };
const DARK = { body: 'rgb(23, 23, 26)', sidebar: 'rgb(19, 19, 22)' };

/** Every policy violation from the page's first byte on, and every error a script of the page throws. */
const WATCH = `window.violations = [];
document.addEventListener('securitypolicyviolation', (e) =>
  window.violations.push(e.effectiveDirective + ' ' + e.blockedURI + ' ' + e.sample));`;

/** Opens the app and picks a theme in the sidebar's setting, as a person does. */
async function choose(page: Page, app: App, theme: 'Light' | 'Dark' | 'Like the system'): Promise<void> {
  await page.goto(app.url);
  await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row')).toHaveCount(5);
  await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: theme });
}

/**
 * Reloads the page with its script held back (as tests/e2e/first-paint.spec.ts holds it), so what is drawn is
 * the app's frame from the HTML alone; `look` looks at it, then the script comes and (unless `thenTheApp` is
 * false) the app replaces it.
 */
async function heldBack(page: Page, look: () => Promise<void>, { thenTheApp = true } = {}): Promise<void> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const script = /\/assets\/index-[\w-]+\.js$/;
  let sent: Promise<void> | undefined;
  await page.route(script, (route) => (sent = held.then(() => route.continue())));
  try {
    await page.reload({ waitUntil: 'commit' });
    await expect(page.locator('#root > [data-shell]')).toBeVisible();
    await look();
    // Still the frame: the app's script has not run.
    await expect(page.locator('#root > [data-shell]')).toHaveCount(1);
  } finally {
    release();
  }
  await sent;
  await page.unroute(script);
  if (thenTheApp) await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row')).toHaveCount(5);
}

/** The colours drawn: the page's background and its sidebar's (the frame's, or the app's once it has come). */
async function frameColours(page: Page, colours: { body: string; sidebar: string }): Promise<void> {
  await expect(page.locator('body')).toHaveCSS('background-color', colours.body);
  await expect(page.locator('#root > .app > .sidebar')).toHaveCSS('background-color', colours.sidebar);
}

test("Dark chosen on a light system draws the first frame dark, before the app's script has come", async ({
  app,
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.addInitScript(WATCH);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await choose(page, app, 'Dark');
  await frameColours(page, DARK);
  await heldBack(page, async () => {
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await frameColours(page, DARK);
    await expect(page.locator('html')).toHaveCSS('color-scheme', 'dark');
    await page.screenshot({ path: 'test-results/screens/first-frame-dark.png' });
  });
  // The app keeps it, and the setting says so.
  await frameColours(page, DARK);
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
  expect(await page.evaluate('window.violations')).toEqual([]);
  expect(errors).toEqual([]);
});

test('Light chosen on a dark system draws the first frame light; "Like the system" draws it dark there', async ({
  app,
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.addInitScript(WATCH);
  await choose(page, app, 'Light');
  await heldBack(page, async () => {
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await frameColours(page, LIGHT);
  });
  await frameColours(page, LIGHT);
  expect(await page.evaluate('window.violations')).toEqual([]);

  await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Like the system' });
  await heldBack(page, async () => {
    await expect(page.locator('html')).not.toHaveAttribute('data-theme');
    await frameColours(page, DARK);
  });
  expect(await page.evaluate('window.violations')).toEqual([]);
});

test('a remembered value it cannot read (bad JSON, an unknown theme) leaves the frame to the system, with no error', async ({
  app,
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.addInitScript(WATCH);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(app.url);
  await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row')).toHaveCount(5);
  // What it can read, it draws (the control for what follows).
  await page.evaluate(() => localStorage.setItem('paperqueue.ui', '{"theme":"light","density":"compact"}'));
  await heldBack(page, () => frameColours(page, LIGHT));
  for (const saved of ['{"theme": "light"', '{"theme": "blue"}', 'null', '"light"', '[]']) {
    await page.evaluate((value) => localStorage.setItem('paperqueue.ui', value), saved);
    await heldBack(page, async () => {
      await expect(page.locator('html'), saved).not.toHaveAttribute('data-theme');
      await frameColours(page, DARK);
    });
  }
  expect(errors).toEqual([]);
  // Storage refused altogether (as a browser set to block site data refuses it): the frame follows the system
  // too. (Only the frame is looked at: the app's own script reads the storage as well.)
  await page.evaluate(() => localStorage.setItem('paperqueue.ui', '{"theme":"light"}'));
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await heldBack(
    page,
    async () => {
      await expect(page.locator('html')).not.toHaveAttribute('data-theme');
      await frameColours(page, DARK);
      expect(errors).toEqual([]);
    },
    { thenTheApp: false },
  );
  expect(await page.evaluate('window.violations')).toEqual([]);
});

test("the page's policy allows its theme and first-rows scripts by their hashes, in the header and the meta alike, and no other script", async ({
  app,
  page,
}) => {
  await page.addInitScript(WATCH);
  const response = await page.goto(app.url);
  await expect(page.getByRole('grid', { name: 'Papers' }).getByRole('row')).toHaveCount(5);
  const html = await (await fetch(app.origin)).text();
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(([, text]) => text!);
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(([, css]) => css!);
  // The theme's, then the first rows' (renderer/src/first-paint/).
  expect(scripts).toHaveLength(2);
  expect(scripts[1]).toContain('/api/papers.rows');
  expect(styles).toHaveLength(1);
  // In the head, before the body (the frame) is parsed.
  for (const script of scripts) expect(html.indexOf(`<script>${script}</script>`)).toBeLessThan(html.indexOf('<body>'));
  const policy =
    `default-src 'none'; script-src 'self' ${scripts.map(hash).join(' ')}; style-src 'self' ${hash(styles[0]!)}; ` +
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; " +
    "frame-ancestors 'none'";
  expect(response?.headers()['content-security-policy']).toBe(policy);
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
  expect(meta).toBe(policy.replace("; frame-ancestors 'none'", ''));
  expect(policy).not.toContain('unsafe-inline');

  // A script of any other text put into the page is refused (by the header's policy and the meta's); the theme
  // script's own text runs.
  const ran = await page.evaluate(async (own) => {
    const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
    const seen = (window as unknown as { violations: string[] }).violations;
    const put = (text: string) => {
      const element = document.createElement('script');
      element.textContent = text;
      document.head.append(element);
    };
    put('window.injected = 1');
    await settle();
    const refused = [...seen];
    localStorage.setItem('paperqueue.ui', '{"theme":"dark"}');
    document.documentElement.removeAttribute('data-theme');
    put(own);
    await settle();
    return {
      injected: 'injected' in window,
      refused,
      more: seen.slice(refused.length),
      theme: document.documentElement.getAttribute('data-theme'),
    };
  }, scripts[0]!);
  expect(ran).toMatchObject({ injected: false, more: [], theme: 'dark' });
  expect(ran.refused.length).toBeGreaterThan(0);
  for (const violation of ran.refused) expect(violation).toMatch(/^script-src-elem inline/);
});
