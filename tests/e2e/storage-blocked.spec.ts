import { join } from 'node:path';
import { FIXTURES, expect, test } from './helpers';

test.use({ seed: [join(FIXTURES, 'five-papers.txt')] });

/**
 * A browser that refuses this site's storage (site data blocked) throws a SecurityError from
 * `window.localStorage` and `window.sessionStorage`: made so here before any of the page's scripts run.
 */
const BLOCKED = `for (const name of ['localStorage', 'sessionStorage'])
  Object.defineProperty(window, name, { configurable: true, get() { throw new DOMException('The access is denied for this document.', 'SecurityError'); } });
window.pageErrors = [];
window.addEventListener('error', (e) => window.pageErrors.push(String(e.message)));`;

test('with the site’s storage refused the app still starts, works, and a reload finds the library again', async ({
  app,
  page,
}) => {
  await page.addInitScript(BLOCKED);
  await page.goto(app.url);
  const rows = page.getByRole('grid', { name: 'Papers' }).getByRole('row');
  await expect(rows).toHaveCount(5);

  // The page works for its life: a theme chosen, a paper kept, a note written.
  await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: 'Dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await rows.first().click();
  await page.keyboard.press('q');
  await expect(rows).toHaveCount(4);

  // The token stays in the address (no storage keeps it), so a reload still reaches the library.
  expect(page.url()).toContain('#token=');
  await page.reload();
  await expect(rows).toHaveCount(4);
  expect(await page.evaluate('window.pageErrors')).toEqual([]);
});
