import { join } from 'node:path';
import { FIXTURES, expect, test } from './helpers';

/** V8's explicit compile hint for a whole file (https://v8.dev/blog/explicit-compile-hints). */
const ALL_FUNCTIONS_HINT = '//# allFunctionsCalledOnLoad';

test("the scripts a page starts with ask V8 to compile all their functions as they load; the reader's and the notes' do not", async ({
  app,
  page,
}) => {
  await app.cli('import', join(FIXTURES, 'five-papers.txt'));
  await page.goto(app.url);
  await expect(page.getByRole('grid', { name: 'Papers' })).toBeVisible();
  const starting = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>('script[src], link[rel="modulepreload"]')].map(
      (element) => ('src' in element ? element.src : element.href),
    ),
  );
  expect(starting.length).toBeGreaterThan(0);
  const first = async (url: string) => (await (await page.request.get(url)).text()).split('\n', 1)[0];
  for (const url of starting) expect(await first(url), url).toBe(ALL_FUNCTIONS_HINT);
  // A chunk loaded on demand, named in the entry's table of them (Vite's __vite__mapDeps).
  const entry = await (await page.request.get(starting[0]!)).text();
  const lazy = /"\.\/(Markdown-[\w-]+\.js)"/.exec(entry)?.[1];
  expect(lazy).toBeDefined();
  expect(await first(new URL(lazy!, starting[0]).href)).not.toBe(ALL_FUNCTIONS_HINT);
});
