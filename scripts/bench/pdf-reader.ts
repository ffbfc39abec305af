/**
 * The PDF reader in Chromium against browser mode, on a real store served in this process: how soon
 * tracemonkey.pdf's first page is drawn, how long a page turn takes, the frame rate while scrolling, and
 * how much memory the renderer takes on while a 350-page book (pages of ../shared/pdfs joined with pdf-lib)
 * is read from its first page to its last.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { PDFDocument } from 'pdf-lib';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { call } from '../../electron/core/dispatch';
import { LibraryStore } from '../../electron/core/store/store';
import { startServer, type RunningServer } from '../../electron/server/server';
import type { PdfResult } from './pdf';
import { PAPER_ROW } from './browser';
import { WATCHER, closeReader, currentPage, framesPerSecond, openReader, turn, waitInPage } from './reader-page';
import { breakdownGrowth, chromiumMemory, rendererBreakdown, type Breakdown, type Memory } from './chromium-memory';
import { SHARED_PDFS, load } from './pdf-files';
import { RENDERER_JS_FLAGS } from '../../electron/renderer-flags';

const ROOT = join(import.meta.dirname, '..', '..');
/** The built renderer served; PAPERQUEUE_BENCH_RENDERER names another build (an A/B run of a change). */
const RENDERER_DIR = process.env.PAPERQUEUE_BENCH_RENDERER ?? join(ROOT, 'out', 'renderer');
const BOOK_PAGES = 350;
/** Left out of the book: pdf-lib cannot copy the pages of an encrypted PDF. */
const NOT_IN_BOOK = new Set(['issue6010_1.pdf']);
const PAPER_TITLE = 'Trace-based Just-in-Time Type Specialization for Dynamic Languages';
const BOOK_TITLE = 'A Book of Three Hundred and Fifty Pages';
const OPENS = 3;
const TURNS = 30;
const SCROLL_MS = 3000;
/** Reading the whole book stops here, so a slow machine still ends the bench. */
const READ_BUDGET_MS = 300_000;

const round = (value: number): number => Math.round(value * 10) / 10;
const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const p99 = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)]!;
};

/** Debian's Chromium unless PAPERQUEUE_CHROMIUM names another (as the e2e tests and browser.ts do). */
function chromiumPath(): string | undefined {
  const path = process.env.PAPERQUEUE_CHROMIUM ?? '/usr/bin/chromium';
  return existsSync(path) ? path : undefined;
}

/**
 * A book of `pages` pages: the pages of every PDF in `dir` (but the encrypted one), in name order, copied
 * again and again until there are enough. Each round copies afresh (a page object belongs to one place in
 * a page tree), so the book is about as large as the pages it repeats.
 */
export async function makeBook(dir: string, pages: number): Promise<{ bytes: Uint8Array; sources: string }> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.pdf') && !NOT_IN_BOOK.has(name)).sort();
  const sources: PDFDocument[] = [];
  const used: string[] = [];
  for (const name of names) {
    try {
      const doc = await PDFDocument.load(await readFile(join(dir, name)));
      if (doc.getPageCount() === 0) continue;
      sources.push(doc);
      used.push(`${name} (${doc.getPageCount()})`);
    } catch {
      // A file pdf-lib cannot read stays out of the book.
    }
  }
  if (sources.length === 0) throw new Error(`no PDF in ${dir} could be read by pdf-lib`);
  const book = await PDFDocument.create();
  book.setTitle(BOOK_TITLE);
  while (book.getPageCount() < pages) {
    for (const source of sources) {
      const left = pages - book.getPageCount();
      if (left <= 0) break;
      const indices = source.getPageIndices().slice(0, left);
      for (const page of await book.copyPages(source, indices)) book.addPage(page);
    }
  }
  return { bytes: await book.save(), sources: used.join(', ') };
}

type Setup = { store: LibraryStore; server: RunningServer; bookNote: string };

/** A fresh library with tracemonkey.pdf and the book attached (dispatch in this process), served here. */
async function setUp(work: string): Promise<Setup> {
  const book = await makeBook(SHARED_PDFS, BOOK_PAGES);
  const bookPath = join(work, 'book-350.pdf');
  await writeFile(bookPath, book.bytes);
  const dataDir = join(work, 'data');
  // A library kept between runs alone (PAPERQUEUE_BENCH_READER_DATA) starts each run as it was first made,
  // so the book opens at page 1 again.
  const pristine = process.env.PAPERQUEUE_BENCH_READER_DATA ? join(work, 'pristine') : undefined;
  const kept = pristine !== undefined && existsSync(pristine);
  if (kept) {
    await rm(dataDir, { recursive: true, force: true });
    await cp(pristine, dataDir, { recursive: true });
  }
  const store = await LibraryStore.open(dataDir);
  const options = { store, caller: 'host' as const };
  let bookAttachMs = 0;
  let server: RunningServer;
  try {
    if (!kept)
      for (const [title, path] of [
        [PAPER_TITLE, join(SHARED_PDFS, 'tracemonkey.pdf')],
        [BOOK_TITLE, bookPath],
      ] as const) {
        const paper = await call(options, 'papers.add', { title });
        if (!paper.ok) throw new Error(paper.error.message);
        const start = performance.now();
        const attached = await call(options, 'attachments.add', { paperId: paper.value.id, path });
        if (!attached.ok) throw new Error(`attaching ${path}: ${attached.error.message}`);
        if (title === BOOK_TITLE) {
          bookAttachMs = performance.now() - start;
          if (attached.value.attachment.pages !== BOOK_PAGES)
            throw new Error(`the book has ${attached.value.attachment.pages} pages, not ${BOOK_PAGES}`);
        }
      }
    if (pristine && !kept) {
      await store.flush();
      await cp(dataDir, pristine, { recursive: true, filter: (path) => !/lock/i.test(basename(path)) });
    }
    server = await startServer({ store, staticDir: RENDERER_DIR });
  } catch (error) {
    store.catalog.dispose();
    await store.flush().catch(() => undefined);
    throw error;
  }
  const bookNote =
    `the book: ${BOOK_PAGES} pages, ${(book.bytes.length / 1e6).toFixed(1)} MB, made with pdf-lib from ` +
    `${book.sources} repeated in turn; attaching it took ${(bookAttachMs / 1000).toFixed(1)} s`;
  return { store, server, bookNote };
}

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

/**
 * Open the book and read it from page 1 to the last, one page turn (→) at a time, each once it is drawn and
 * 100 ms after: the renderer's memory polled every 100 ms all along, against what it held just before opening.
 */
async function measureReading(
  page: Page,
  cdp: CDPSession,
  breakdown?: Browser,
  lastPage = BOOK_PAGES,
): Promise<{
  result: PdfResult;
  read: number;
  seconds: number;
  base: Memory;
  renderers: number;
  curve: string;
  growth: string[];
  parts: Breakdown;
}> {
  await cdp.send('HeapProfiler.collectGarbage');
  await page.waitForTimeout(1000);
  const before: Memory[] = [];
  for (let i = 0; i < 5; i++) {
    before.push(chromiumMemory());
    await page.waitForTimeout(100);
  }
  const base: Memory = {
    renderer: median(before.map((m) => m.renderer)),
    gpu: median(before.map((m) => m.gpu)),
    all: median(before.map((m) => m.all)),
    renderers: Math.max(...before.map((m) => m.renderers)),
  };
  const heapBefore = await jsHeap(cdp);
  const startParts = breakdown ? await rendererBreakdown(breakdown) : {};
  const growth: string[] = [];
  const peak: Memory = { ...base };
  let heapPeak = heapBefore;
  let sampling = true;
  const sampler = (async () => {
    let n = 0;
    while (sampling) {
      const now = chromiumMemory();
      peak.renderer = Math.max(peak.renderer, now.renderer);
      peak.gpu = Math.max(peak.gpu, now.gpu);
      peak.all = Math.max(peak.all, now.all);
      peak.renderers = Math.max(peak.renderers, now.renderers);
      if (++n % 10 === 0) heapPeak = Math.max(heapPeak, await jsHeap(cdp).catch(() => 0));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();

  const start = Date.now();
  let read = 0;
  const curve: string[] = [];
  try {
    await openReader(page, BOOK_TITLE);
    read = 1;
    for (let to = 2; to <= lastPage && Date.now() - start < READ_BUDGET_MS; to++) {
      await turn(page, to);
      read = to;
      if (to % 50 === 0) curve.push(`p. ${to} +${Math.round((chromiumMemory().renderer - base.renderer) / 1e6)}`);
      if (breakdown && to === lastPage)
        growth.push(`p. ${to}: ${JSON.stringify(breakdownGrowth(startParts, await rendererBreakdown(breakdown)))}`);
      await page.waitForTimeout(100);
    }
    await page.waitForTimeout(500);
  } finally {
    sampling = false;
    await sampler;
  }
  const after = chromiumMemory();
  const mb = (bytes: number): number => Math.round(bytes / 1e6);
  const seconds = (Date.now() - start) / 1000;
  return {
    read,
    seconds,
    base,
    renderers: peak.renderers,
    curve: curve.join(', '),
    growth,
    parts: startParts,
    result: {
      reader_rss_mb: read === lastPage ? mb(peak.renderer - base.renderer) : null,
      reader_gpu_rss_mb: read === lastPage ? mb(peak.gpu - base.gpu) : null,
      reader_rss_before_mb: mb(base.renderer),
      reader_rss_end_mb: mb(after.renderer),
      reader_js_heap_mb: heapPeak && heapBefore ? mb(heapPeak - heapBefore) : null,
    },
  };
}

/** The page's JavaScript heap in use, bytes (CDP Performance.getMetrics). */
async function jsHeap(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
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
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore' });
    if (build.status !== 0) return fail('skipped: the app is not built and "electron-vite build" failed');
  }

  let setup: Setup | undefined;
  let browser: Browser | undefined;
  const errors: string[] = [];
  let work: string | undefined;
  try {
    work = process.env.PAPERQUEUE_BENCH_READER_DATA ?? (await mkdtemp(join(tmpdir(), 'paperqueue-bench-reader-')));
    setup = await setUp(work);
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
