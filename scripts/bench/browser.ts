import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { LIKENESS_CACHE_FILE_NAME } from '../../electron/core/insight/likeness-cache';
import { INDEX_CACHE_FILE_NAME } from '../../electron/core/search/index-cache';
import { LIBRARY_VERSION } from '../../electron/core/schema';
import { serializeLibrary } from '../../electron/core/store/library-file';
import { LIBRARY_FILE_NAME } from '../../electron/core/store/store';
import {
  PAPER_LIST,
  chromiumPath,
  freshPage,
  framesPerSecond,
  measureMutations,
  openAndTimeFirstRows,
  openAndTimeRows,
  round,
  searchNow,
  searchUntilWhole,
  statusCount,
  keepsArrived,
  serve,
  stop,
  timeForYou,
  type Served,
} from './browser-page';
import { ensureBuilt } from './built';
import { makePaper, searchQueries, type Vocabulary } from './data';
import { percentile } from './measure';

export { PAPER_LIST, PAPER_ROW } from './browser-page';

export type BrowserResult = {
  first_rows_ms: number | null;
  scroll_fps: number | null;
  typing_fps: number | null;
  /** The first start (no cache files beside the library): first rows, searches meanwhile, For you's first page. */
  cold_first_rows_ms?: number | null;
  /** The first rows React draws, the app there to be used (cold_first_rows_ms counts the page's first script's). */
  cold_app_rows_ms?: number | null;
  cold_search_p50_ms?: number | null;
  cold_search_p99_ms?: number | null;
  cold_search_samples?: string;
  cold_for_you_ms?: number | null;
  /** The second start, its caches written by the first. */
  warm_first_rows_ms?: number | null;
  warm_app_rows_ms?: number | null;
  warm_for_you_ms?: number | null;
  /**
   * From the second start's navigation until a search (asked every 100 ms once For you's page is drawn)
   * is answered by the whole index read back from its file, not by the titles alone.
   */
  warm_search_whole_ms?: number | null;
  /** From a key press that changes a paper (keep it, "q") to the start of the frame that shows it: median and worst of 50. */
  mutation_ms_p50?: number | null;
  mutation_ms_max?: number | null;
  /** Frames that began between the key press and the one showing the change, worst case (0: the very next frame). */
  mutation_frames_max?: number | null;
  /** Every press's delay in order, ms. */
  mutation_samples?: string;
  /** How many of the 50 presses' keeps reached the library (the queue grew by), within 30 s of the last press. */
  mutation_kept?: number;
  note: string;
};

const skipped = (note: string): BrowserResult => ({ first_rows_ms: null, scroll_fps: null, typing_fps: null, note });

/** Wait until `path` exists (a cache file the server writes once its build is done), up to `limitMs`. */
async function fileAppears(path: string, limitMs: number): Promise<boolean> {
  const until = Date.now() + limitMs;
  while (!existsSync(path)) {
    if (Date.now() > until) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return true;
}

/** Where the time to the first rows went: when the page was ready, and each request it made (start, duration, size). */
async function loadNote(page: Page): Promise<string> {
  const loaded = await page.evaluate<number>(
    `Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd)`,
  );
  const requests = await page.evaluate<[string, number, number, number][]>(`performance.getEntriesByType('resource')
    .map((entry) => [entry.name.replace(/^.*\\//, '').replace(/\\?.*$/, ''), Math.round(entry.startTime),
      Math.round(entry.duration), entry.encodedBodySize])`);
  return `page ready (DOMContentLoaded) at ${loaded} ms; requests before the first rows (start+duration ms, size): ${requests
    .map(([name, at, ms, bytes]) => `${name} ${at}+${ms} ${(bytes / 1e3).toFixed(0)} kB`)
    .join(', ')}`;
}

/**
 * In Chromium against browser mode with `size` papers. The first start (no cache files beside the
 * library): the first rows, searches right after them while the index may still be building, and For
 * you's first ranked page. A second page on that server: changes on screen from the first presses after
 * load, then the frame rate while scrolling the list with the wheel and while typing a search. A second
 * start (the caches written): the first rows and For you again.
 */
export async function measureBrowser(vocab: Vocabulary, size: number): Promise<BrowserResult> {
  const executablePath = chromiumPath();
  if (!executablePath) return skipped('skipped: no Chromium (install Debian chromium or set PAPERQUEUE_CHROMIUM)');
  const unbuilt = ensureBuilt();
  if (unbuilt) return skipped(`skipped: ${unbuilt}`);
  const dataDir = await mkdtemp(join(tmpdir(), 'paperqueue-bench-browser-'));
  let served: Served | undefined;
  /** What the run was doing, for the note if it fails. */
  let stage = 'writing the library';
  const browser = await chromium.launch({
    executablePath,
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const papers = Array.from({ length: size }, (_, i) => makePaper(vocab, i));
    await writeFile(join(dataDir, LIBRARY_FILE_NAME), serializeLibrary({ version: LIBRARY_VERSION, papers }));
    papers.length = 0;

    // First start. The page is open (and Chromium settled) before the server starts, as a person's browser is.
    stage = 'first start';
    let page = await freshPage(browser);
    served = await serve(dataDir);
    const cold = await openAndTimeRows(page, served.url);
    const loading = await loadNote(page);
    const coldSearches = await searchNow(served, searchQueries(vocab, 30));
    stage = 'first start, For you';
    const coldForYouMs = await timeForYou(page);
    await page.context().close();

    // A second page on the same server: its first presses, scrolling and typing.
    stage = 'second page';
    page = await freshPage(browser);
    await openAndTimeFirstRows(page, served.url);
    const queuedBefore = await statusCount(served, 'queued');
    const mutation = await measureMutations(page, 50, process.env.PAPERQUEUE_BENCH_TRACE);
    const keptMs = Date.now();
    const mutationKept = await keepsArrived(served, queuedBefore, 50);
    const keptAfterMs = Date.now() - keptMs;
    const list = page.locator(PAPER_LIST).first();
    const box = await list.boundingBox();
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const scrollFps = await framesPerSecond(page, async () => {
      const until = Date.now() + 3000;
      while (Date.now() < until) await page.mouse.wheel(0, 600);
    });

    // PAPERQUEUE_BENCH_SCREENS=dir: what a long jump down the list looks like while its pages are on their way.
    const screens = process.env.PAPERQUEUE_BENCH_SCREENS;
    if (screens) {
      await page.mouse.wheel(0, 3_000_000);
      await page.waitForTimeout(30);
      await page.screenshot({ path: join(screens, 'list-jump.png') });
      await page.waitForTimeout(1500);
      await page.screenshot({ path: join(screens, 'list-jump-loaded.png') });
    }

    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.click();
    const typingFps = await framesPerSecond(page, async () => {
      await search.pressSequentially(`${vocab.words[5]} ${vocab.words[120]}`, { delay: 80 });
      // The last keystroke's list still has to arrive and draw.
      await page.waitForTimeout(500);
    });
    await page.context().close();

    // Second start, once the first has kept its caches beside the library.
    stage = 'second start';
    const cached =
      (await fileAppears(join(dataDir, INDEX_CACHE_FILE_NAME), 120_000)) &&
      // For you's kept scores, written once the first start's ranking has worked them out.
      (await fileAppears(join(dataDir, LIKENESS_CACHE_FILE_NAME), 120_000));
    await stop(served.child);
    page = await freshPage(browser);
    served = await serve(dataDir);
    const navigatedAt = Date.now();
    const warm = await openAndTimeRows(page, served.url);
    stage = 'second start, For you';
    const warmForYouMs = await timeForYou(page);
    stage = 'second start, a search';
    const warmWhole = await searchUntilWhole(served, searchQueries(vocab, 1)[0]!);
    await page.context().close();

    const searchMs = [...coldSearches].sort((a, b) => a - b);
    return {
      first_rows_ms: cold.firstRows,
      cold_first_rows_ms: cold.firstRows,
      cold_app_rows_ms: cold.appRows,
      warm_first_rows_ms: warm.firstRows,
      warm_app_rows_ms: warm.appRows,
      cold_search_p50_ms: round(percentile(searchMs, 50)),
      cold_search_p99_ms: round(percentile(searchMs, 99)),
      cold_search_samples: coldSearches.map((ms) => Math.round(ms)).join(' '),
      cold_for_you_ms: coldForYouMs,
      warm_for_you_ms: warmForYouMs,
      warm_search_whole_ms: warmWhole ? warmWhole.at - navigatedAt : null,
      scroll_fps: round(scrollFps),
      typing_fps: round(typingFps),
      ...mutation,
      mutation_kept: mutationKept,
      note:
        `${size} papers, headless Chromium ${browser.version()}, 1280x900, each page opened once Chromium had settled (a new context loads its own omnibox page); fps counts requestAnimationFrame ` +
        `callbacks; first rows: the frame that draws them, from navigation (app rows: the first React draws, the page's first script's before them); cold_*: the first start, no cache ` +
        `files (cold_search_*: 30 searches over HTTP, as the list asks, one after another from the first rows on); ` +
        `warm_*: the second start${cached ? '' : " (the index cache or For you's kept scores were not written within 2 minutes)"}` +
        `${warmWhole ? ` (its search answered by the titles alone ${warmWhole.titlesAnswers} times before the index)` : ' (no search answered by the index within a minute)'}; ` +
        `mutations: 50 presses of "q" on a second page, from its first rows (mutation_kept: how many of their keeps reached the library, ${keptAfterMs} ms after the last press); first start: ${loading}`,
    };
  } catch (error) {
    throw new Error(`${stage}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await browser.close();
    await stop(served?.child);
    await rm(dataDir, { recursive: true, force: true });
  }
}
