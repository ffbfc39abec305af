/**
 * The PDF reader in Chromium against browser mode, on a real store served in this process: how soon
 * tracemonkey.pdf's first page is drawn, how long a page turn takes, the frame rate while scrolling, and
 * how much memory the renderer takes on while a 350-page book (pages of ../shared/pdfs joined with pdf-lib)
 * is read from its first page to its last.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { PdfResult } from './pdf';
import { PAPER_ROW } from './browser';
import { browserSettled, chromiumPath } from './browser-page';
import { ensureBuilt } from './built';
import { BOOK_PAGES, BOOK_TITLE, PAPER_TITLE, setUp, type Setup } from './reader-book';
import { READ_BUDGET_MS, measureReading } from './reader-memory';
import { WATCHER, closeReader, currentPage, framesPerSecond, openReader, turn, waitInPage } from './reader-page';
import { breakdownGrowth, chromiumMemory, rendererBreakdown, type Breakdown, type Memory } from './chromium-memory';
import { load } from './pdf-files';
import { RENDERER_JS_FLAGS } from '../../electron/renderer-flags';

const ROOT = join(import.meta.dirname, '..', '..');
/** The built renderer served; PAPERQUEUE_BENCH_RENDERER names another build (an A/B run of a change). */
const RENDERER_DIR = process.env.PAPERQUEUE_BENCH_RENDERER ?? join(ROOT, 'out', 'renderer');
const OPENS = 3;
const TURNS = 30;
const SCROLL_MS = 3000;

const round = (value: number): number => Math.round(value * 10) / 10;
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p99 = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)]!;
};

/** first_page_ms: median of OPENS opens of tracemonkey.pdf, from the click on Read PDF to page 1 drawn. */
async function measureFirstPage(page: Page): Promise<{ ms: number; samples: number[] }> {
  const samples: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    samples.push(await openReader(page, PAPER_TITLE));
    if ((await currentPage(page)) !== 1) throw new Error('the reader did not open at page 1');
    await page.waitForTimeout(300);
    await closeReader(page);
    await page.waitForTimeout(300);
  }
  return { ms: median(samples), samples };
}

/** page_turn_p99_ms: from the top of the book, TURNS turns with →, 300 ms apart; p99 (of 30: the slowest). */
async function measureTurns(page: Page): Promise<number[]> {
  await page.keyboard.press('Home');
  await waitInPage(
    page,
    `(() => { const s = document.querySelector('.pdf-reader .pdf-scroller'); return s && s.scrollTop === 0; })()`,
    10_000,
  );
  await waitInPage(page, `Boolean(document.querySelector('.pdf-reader .pdf-page[data-page="1"] canvas'))`, 60_000);
  await page.waitForTimeout(1000);
  const times: number[] = [];
  for (let to = 2; to <= TURNS + 1; to++) {
    times.push(await turn(page, to));
    await page.waitForTimeout(300);
  }
  return times;
}

/** scroll_fps: the wheel over the pages, 600 px a step as fast as Playwright sends them, for SCROLL_MS. */
async function measureScroll(page: Page): Promise<{ fps: number; pages: string }> {
  const box = await page.locator('.pdf-reader .pdf-scroller').boundingBox();
  if (!box) throw new Error('the reader has no scroller on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const from = await currentPage(page);
  const fps = await framesPerSecond(page, async () => {
    const until = Date.now() + SCROLL_MS;
    while (Date.now() < until) await page.mouse.wheel(0, 600);
  });
  await page.waitForTimeout(700);
  return { fps, pages: `${from} to ${await currentPage(page)}` };
}

/** Which of the reader's figures to measure: all, only the book's memory, or all but it (quicker A/B runs). */
export type ReaderParts = {
  only?: 'memory' | 'speed';
  breakdown?: boolean;
  pages?: number;
  /** Chromium as a browser of browser mode, without the V8 flags the desktop app gives its renderer. */
  browserMode?: boolean;
};

/**
 * first_page_ms, page_turn_p99_ms, scroll_fps and reader_rss_mb (with notes). A figure that cannot be
 * measured is null with a `*_note` saying why; nothing is thrown. With `breakdown`, the memory's note also
 * says where the renderer's memory grew by Chromium's own accounting (a few dumps on the way: slower).
 */
export async function measurePdfReader({ only, breakdown, pages, browserMode }: ReaderParts = {}): Promise<PdfResult> {
  const result: PdfResult = {
    first_page_ms: null,
    page_turn_p99_ms: null,
    scroll_fps: null,
    reader_rss_mb: null,
  };
  const fail = (why: string): PdfResult => {
    for (const key of ['first_page', 'page_turn', 'scroll', 'reader_rss'])
      result[`${key}_note`] ??= key === 'reader_rss' ? `not measured: ${why}` : why;
    return result;
  };
  const executablePath = chromiumPath();
  if (!executablePath) return fail('skipped: no Chromium (install Debian chromium or set PAPERQUEUE_CHROMIUM)');
  // A renderer built elsewhere (PAPERQUEUE_BENCH_RENDERER) is taken as it is; this one's is built if stale.
  const unbuilt = process.env.PAPERQUEUE_BENCH_RENDERER
    ? existsSync(join(RENDERER_DIR, 'index.html'))
      ? undefined
      : `${RENDERER_DIR} has no index.html`
    : ensureBuilt();
  if (unbuilt) return fail(`skipped: ${unbuilt}`);

  let setup: Setup | undefined;
  let browser: Browser | undefined;
  const errors: string[] = [];
  let work: string | undefined;
  try {
    work = process.env.PAPERQUEUE_BENCH_READER_DATA ?? (await mkdtemp(join(tmpdir(), 'paperqueue-bench-reader-')));
    setup = await setUp(work, RENDERER_DIR);
    browser = await chromium.launch({
      executablePath,
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        // Started as the desktop app starts its renderer (electron/main.ts), unless browser mode is asked for.
        ...(browserMode ? [] : [`--js-flags=${RENDERER_JS_FLAGS}`]),
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // Chromium's own omnibox page loads in a new context first (see freshPage).
    await browserSettled(browser);
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(setup.server.url);
    await page.locator(PAPER_ROW).first().waitFor({ timeout: 120_000 });
    await page.evaluate(WATCHER);
    const host = browserMode
      ? 'as a browser in browser mode'
      : `with the desktop app's renderer flags (--js-flags=${RENDERER_JS_FLAGS}; --browser-mode leaves them out)`;
    const setting = `headless Chromium ${browser.version()} ${host}, 1280x900, ${setup.bookNote}`;

    if (only !== 'memory')
      try {
        const first = await measureFirstPage(page);
        result.first_page_ms = Math.round(first.ms);
        result.first_page_first_open_ms = Math.round(first.samples[0]!);
        result.first_page_note =
          `tracemonkey.pdf (14 pages, 1 MB): from the click on Read PDF (its event's time) to the animation frame ` +
          `after page 1's canvas is attached (fully drawn), median of ${OPENS} opens with the reader closed between ` +
          `(each fetches the bytes, starts PDF.js's worker, reads every page's size and draws): ` +
          `${first.samples.map((ms) => Math.round(ms)).join(', ')} ms; ${setting}; ${load()}`;
      } catch (error) {
        result.first_page_note = `failed: ${message(error)}`;
        if (await page.locator('.pdf-reader').count()) await closeReader(page).catch(() => undefined);
      }

    let bookOpen = false;
    let base: Memory | undefined;
    let baseParts: Breakdown = {};
    if (only === 'speed') {
      try {
        await openReader(page, BOOK_TITLE);
        bookOpen = true;
      } catch (error) {
        result.page_turn_note = `failed: ${message(error)}`;
      }
    } else
      try {
        // Alone, the memory is measured as in a whole run, after a first paper was read: PDF.js's worker,
        // started by the first PDF opened and kept while the app runs, is not counted as the book's.
        if (only === 'memory') {
          await openReader(page, PAPER_TITLE);
          await closeReader(page);
        }
        const reading = await measureReading(page, cdp, breakdown ? browser : undefined, pages);
        base = reading.base;
        baseParts = reading.parts;
        bookOpen = true;
        Object.assign(result, reading.result);
        const complete = reading.read === (pages ?? BOOK_PAGES);
        result.reader_rss_note =
          `${complete ? '' : `not measured: only ${reading.read} of ${BOOK_PAGES} pages were read within ${READ_BUDGET_MS / 1000} s; `}` +
          `Chromium ${host}: the book read from page 1 to ${reading.read} in ${Math.round(reading.seconds)} s (one → at a time, each ` +
          `once its page was drawn, then 100 ms); reader_rss_mb: peak VmRSS (/proc/<pid>/status) of Chromium's ` +
          `renderer processes (the page, its PDF.js worker and canvases) minus their VmRSS just before opening the ` +
          `book (after a garbage collection; ${result.reader_rss_before_mb} MB; ${reading.renderers} renderer ` +
          `process${reading.renderers === 1 ? '' : 'es'}), polled every 100 ms; at the last page ` +
          `${result.reader_rss_end_mb} MB; on the way, MB over the base: ${reading.curve}; reader_rss_after_close_mb: what stays (over the same base) once the reader ` +
          `is closed after the page turns and the scrolling below, a garbage collection and 2 s; reader_gpu_rss_mb: the same for the GPU process; reader_js_heap_mb: peak ` +
          `JSHeapUsedSize (CDP Performance.getMetrics, about once a second) minus before: the main thread's heap only; ${load()}`;
        if (reading.growth.length)
          result.reader_memory_growth_note =
            `the renderer's growth since before opening, MB by allocator (Chromium's memory-infra dumps): ` +
            reading.growth.join('; ');
      } catch (error) {
        result.reader_rss_note = `failed: ${message(error)}`;
        bookOpen = (await page.locator('.pdf-reader').count()) > 0;
      }

    if (bookOpen && only !== 'memory') {
      try {
        const times = await measureTurns(page);
        result.page_turn_p99_ms = Math.round(p99(times));
        result.page_turn_p50_ms = Math.round(median(times));
        result.page_turn_note =
          `the book's pages 1 to ${TURNS + 1}: from the → key (the reader's next-page key; its event's time) to the ` +
          `animation frame showing the next page's canvas at the top of the view, ${TURNS} turns 300 ms apart; ` +
          `p99 of ${TURNS} is the slowest: ${times.map((ms) => Math.round(ms)).join(' ')} ms; ${load()}`;
      } catch (error) {
        result.page_turn_note = `failed: ${message(error)}`;
      }
      try {
        const scroll = await measureScroll(page);
        result.scroll_fps = round(scroll.fps);
        result.scroll_note =
          `requestAnimationFrame callbacks per second while the wheel scrolls the book's pages (600 px a step, ` +
          `as fast as Playwright sends them, ${SCROLL_MS / 1000} s; as browser.ts measures the list), pages ${scroll.pages}; ` +
          load();
      } catch (error) {
        result.scroll_note = `failed: ${message(error)}`;
      }
    } else if (only !== 'memory') {
      result.page_turn_note ??= 'not measured: the book did not open';
      result.scroll_note ??= 'not measured: the book did not open';
    }
    if (bookOpen && base) {
      try {
        await closeReader(page);
        await cdp.send('HeapProfiler.collectGarbage');
        await page.waitForTimeout(2000);
        result.reader_rss_after_close_mb = Math.round((chromiumMemory().renderer - base.renderer) / 1e6);
        if (breakdown)
          result.reader_memory_after_close_note = `MB by allocator over before opening, once closed: ${JSON.stringify(
            breakdownGrowth(baseParts, await rendererBreakdown(browser)),
          )}`;
      } catch {
        result.reader_rss_after_close_mb = null;
      }
    }
    if (errors.length) result.reader_errors_note = `the page reported: ${errors.slice(0, 5).join(' | ')}`;
    return result;
  } catch (error) {
    return fail(`failed: ${message(error)}`);
  } finally {
    await browser?.close().catch(() => undefined);
    if (setup) {
      await setup.server.close().catch(() => undefined);
      setup.store.catalog.dispose();
      await setup.store.flush().catch(() => undefined);
    }
    if (work && !process.env.PAPERQUEUE_BENCH_READER_DATA) await rm(work, { recursive: true, force: true });
  }
}

/**
 * Run alone (`tsx scripts/bench/pdf-reader.ts [--memory|--speed] [--breakdown] [--pages=N] [--browser-mode]`): the reader's figures only,
 * as one line of JSON, against out/renderer or the build PAPERQUEUE_BENCH_RENDERER names.
 */
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = new Set(process.argv.slice(2));
  const only = args.has('--memory') ? 'memory' : args.has('--speed') ? 'speed' : undefined;
  const pages = Number(process.argv.find((arg) => arg.startsWith('--pages='))?.slice('--pages='.length)) || undefined;
  const result = await measurePdfReader({
    only,
    breakdown: args.has('--breakdown'),
    pages,
    browserMode: args.has('--browser-mode'),
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
