import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIBRARY_VERSION, type Paper } from '../../electron/core/schema';
import { serializeLibrary } from '../../electron/core/store/library-file';
import { makePaper, makeVocabulary } from '../../scripts/bench/data';
import type { Request } from '@playwright/test';
import { CLI_POLL, cliIn, expect, serve, test } from './helpers';

const KEEPS = 10;

/**
 * A first start of a large library: More like this waits for the model's thread, which holds back while the
 * page is in use. Each key press opened a paper whose request for similar papers stayed open; a page has six
 * connections to its server, and after five presses every later request (the keeps themselves, the rows)
 * queued in the browser behind them: the list showed empty rows and the keeps did not reach the library
 * until the model was built. The paper left drops its request now.
 */
test('on a first start, quick keeps all reach the library and the list keeps its rows', async ({ page }) => {
  test.setTimeout(120_000);
  const dataDir = await mkdtemp(join(tmpdir(), 'paperqueue-e2e-first-keys-'));
  const vocab = makeVocabulary(7);
  // Every paper in the inbox, so that each press keeps one.
  const papers: Paper[] = Array.from({ length: 20_000 }, (_, i) => ({ ...makePaper(vocab, i), status: 'inbox' }));
  await writeFile(join(dataDir, 'library.json'), serializeLibrary({ version: LIBRARY_VERSION, papers }));
  const { child, url } = await serve(dataDir);
  try {
    /** The similar papers' requests open now, and the most open at once. */
    let open = 0;
    let mostOpen = 0;
    const similar = (url: string) => url.includes('/api/insight.similar');
    page.on('request', (request) => {
      if (similar(request.url())) mostOpen = Math.max(mostOpen, ++open);
    });
    const ended = (request: Request) => {
      if (similar(request.url())) open--;
    };
    page.on('requestfinished', ended);
    page.on('requestfailed', ended);

    await page.goto(url);
    // The app's own rows (the first-rows script's, drawn before, are inert).
    const list = page.locator('#root > .app:not([data-shell])').getByRole('grid', { name: 'Papers' });
    await list.getByRole('row').first().click();
    const queued = Number(/(\d[\d,]*)/.exec(await page.getByRole('button', { name: /^Queue/ }).innerText())?.[1] ?? 0);
    for (let i = 0; i < KEEPS; i++) {
      await page.keyboard.press('q');
      await page.waitForTimeout(20);
    }

    // Every keep reaches the library (the CLI asks the server)...
    const count = async () =>
      (JSON.parse(await cliIn(dataDir)('list', '--status', 'queued', '--json')) as unknown[]).length;
    await expect.poll(count, CLI_POLL).toBe(queued + KEEPS);
    // ...the row under the cursor is a paper, not an empty place waiting for its page...
    await expect(list.locator('.row.selected[data-id]')).toHaveCount(1);
    await expect(page.locator('aside.detail .detail-title')).not.toBeEmpty();
    // ...and no more than one request for similar papers was open at a time, each paper left dropping its own
    // (the browser may tell of the drop just after the next request starts: two).
    expect(mostOpen).toBeLessThanOrEqual(2);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5 });
  }
});
