/**
 * The PDF reader in Chromium against browser mode, on a real store served in this process: how soon
 * tracemonkey.pdf's first page is drawn, how long a page turn takes, the frame rate while scrolling, and
 * how much memory the renderer takes on while a 350-page book (pages of ../shared/pdfs joined with pdf-lib)
 * is read from its first page to its last.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument } from 'pdf-lib';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { call } from '../../electron/core/dispatch';
import { LibraryStore } from '../../electron/core/store/store';
import { startServer, type RunningServer } from '../../electron/server/server';
import type { PdfResult } from './pdf';
import { PAPER_ROW } from './browser';
import { SHARED_PDFS, load } from './pdf-files';

const ROOT = join(import.meta.dirname, '..', '..');
const RENDERER_DIR = join(ROOT, 'out', 'renderer');
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

/** This process's descendants (Chromium's processes, launched by Playwright from here) by their command line. */
function descendants(): { pid: number; cmdline: string }[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ")".
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parent.set(Number(entry), ppid);
    } catch {
      // Gone already.
    }
  }
  const out: { pid: number; cmdline: string }[] = [];
  for (const pid of parent.keys()) {
    let at: number | undefined = pid;
    for (let depth = 0; at && at !== process.pid && depth < 20; depth++) at = parent.get(at);
    if (at !== process.pid || pid === process.pid) continue;
    try {
      out.push({ pid, cmdline: readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ') });
    } catch {
      // Gone already.
    }
  }
  return out;
}

/** VmRSS of a process in bytes (0 once it is gone). */
function rssOf(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

type Memory = { renderer: number; gpu: number; all: number; renderers: number };

/** The resident memory of Chromium's renderer processes, of its GPU process, and of all its processes. */
function chromiumMemory(): Memory {
  const memory: Memory = { renderer: 0, gpu: 0, all: 0, renderers: 0 };
  for (const { pid, cmdline } of descendants()) {
    if (!/chrom/i.test(cmdline)) continue;
    const rss = rssOf(pid);
    memory.all += rss;
    if (cmdline.includes('--type=renderer')) {
      memory.renderer += rss;
      memory.renderers++;
    } else if (cmdline.includes('--type=gpu-process')) memory.gpu += rss;
  }
  return memory;
}

/**
 * Poll `expression` in the page until it is true. Not page.waitForFunction: once its first check fails it
 * polls with eval inside the page, which the app's Content Security Policy refuses.
 */
async function waitInPage(page: Page, expression: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(expression))) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${expression}`);
    await page.waitForTimeout(10);
  }
}

/**
 * In the page, once: `benchWatch(n)` starts watching for page n of the open reader to be drawn (its canvas
 * attached) and in view at the top of the scroller; `benchDrawn` is then the milliseconds from the last
 * opening click or key press (its event's time) to the animation frame that shows it. The page code is a
 * string: tsx would wrap a function's inner functions in a helper the page does not have.
 */
const WATCHER = `(() => {
  window.benchStart = undefined;
  const mark = (event) => { window.benchStart = event.timeStamp; };
  window.addEventListener('click', mark, true);
  window.addEventListener('keydown', mark, true);
  window.benchWatch = (n, inView) => {
    window.benchDrawn = undefined;
    window.benchStart = undefined;
    const tick = () => {
      const pageEl = document.querySelector('.pdf-reader .pdf-page[data-page="' + n + '"]');
      const scroller = document.querySelector('.pdf-reader .pdf-scroller');
      const drawn = pageEl && pageEl.querySelector('.pdf-canvas canvas');
      let seen = Boolean(drawn && scroller);
      if (seen && inView) {
        const p = pageEl.getBoundingClientRect();
        const s = scroller.getBoundingClientRect();
        seen = p.top <= s.top + 24 && p.bottom > s.top + 24;
      }
      if (seen && window.benchStart !== undefined) {
        window.benchDrawn = performance.now() - window.benchStart;
        return;
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
})()`;

/** Frames the page drew (requestAnimationFrame callbacks) per second while `act` runs (as browser.ts counts). */
async function framesPerSecond(page: Page, act: () => Promise<void>): Promise<number> {
  await page.evaluate(`(() => {
    window.benchFrames = 0;
    window.benchCounting = true;
    const tick = () => {
      if (!window.benchCounting) return;
      window.benchFrames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const start = Date.now();
  await act();
  const frames = Number(await page.evaluate('(window.benchCounting = false, window.benchFrames)'));
  return frames / ((Date.now() - start) / 1000);
}

/** Select the paper in the list and click Read PDF (or Continue reading); resolves once page `n` is drawn. */
async function openReader(page: Page, title: string, n = 1): Promise<number> {
  await page.locator(PAPER_ROW).filter({ hasText: title }).first().click();
  const button = page.getByRole('button', { name: /^(Read PDF|Continue reading)/ });
  await button.waitFor({ timeout: 30_000 });
  await page.evaluate(`window.benchWatch(${n}, false)`);
  await button.click();
  await waitInPage(page, 'window.benchDrawn !== undefined', 120_000);
  return Number(await page.evaluate('window.benchDrawn'));
}

async function closeReader(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator('.pdf-reader').waitFor({ state: 'detached', timeout: 30_000 });
}

/** The reader's current page (1-based) as its toolbar shows it. */
async function currentPage(page: Page): Promise<number> {
  return Number(
    await page
      .getByRole('dialog', { name: /^Reader/ })
      .getByRole('textbox', { name: 'Page' })
      .inputValue(),
  );
}

/** Turn to the next page with the reader's next-page key (→); the milliseconds until it is drawn at the top. */
async function turn(page: Page, to: number): Promise<number> {
  await page.evaluate(`window.benchWatch(${to}, true)`);
  await page.keyboard.press('ArrowRight');
  await waitInPage(page, 'window.benchDrawn !== undefined', 60_000);
  return Number(await page.evaluate('window.benchDrawn'));
}

type Setup = { store: LibraryStore; server: RunningServer; bookNote: string };

/** A fresh library with tracemonkey.pdf and the book attached (dispatch in this process), served here. */
async function setUp(work: string): Promise<Setup> {
  const book = await makeBook(SHARED_PDFS, BOOK_PAGES);
  const bookPath = join(work, 'book-350.pdf');
  await writeFile(bookPath, book.bytes);
  const dataDir = join(work, 'data');
  const store = await LibraryStore.open(dataDir);
  const options = { store, caller: 'host' as const };
  let bookAttachMs = 0;
  let server: RunningServer;
  try {
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
): Promise<{ result: PdfResult; read: number; seconds: number; base: Memory; renderers: number; curve: string }> {
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
    for (let to = 2; to <= BOOK_PAGES && Date.now() - start < READ_BUDGET_MS; to++) {
      await turn(page, to);
      read = to;
      if (to % 50 === 0) curve.push(`p. ${to} +${Math.round((chromiumMemory().renderer - base.renderer) / 1e6)}`);
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
    result: {
      reader_rss_mb: read === BOOK_PAGES ? mb(peak.renderer - base.renderer) : null,
      reader_gpu_rss_mb: read === BOOK_PAGES ? mb(peak.gpu - base.gpu) : null,
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

/**
 * first_page_ms, page_turn_p99_ms, scroll_fps and reader_rss_mb (with notes). A figure that cannot be
 * measured is null with a `*_note` saying why; nothing is thrown.
 */
export async function measurePdfReader(): Promise<PdfResult> {
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
    work = await mkdtemp(join(tmpdir(), 'paperqueue-bench-reader-'));
    setup = await setUp(work);
    browser = await chromium.launch({
      executablePath,
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(setup.server.url);
    await page.locator(PAPER_ROW).first().waitFor({ timeout: 120_000 });
    await page.evaluate(WATCHER);
    const setting = `headless Chromium ${browser.version()}, 1280x900, ${setup.bookNote}`;

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
    try {
      const reading = await measureReading(page, cdp);
      base = reading.base;
      bookOpen = true;
      Object.assign(result, reading.result);
      const complete = reading.read === BOOK_PAGES;
      result.reader_rss_note =
        `${complete ? '' : `not measured: only ${reading.read} of ${BOOK_PAGES} pages were read within ${READ_BUDGET_MS / 1000} s; `}` +
        `the book read from page 1 to ${reading.read} in ${Math.round(reading.seconds)} s (one → at a time, each ` +
        `once its page was drawn, then 100 ms); reader_rss_mb: peak VmRSS (/proc/<pid>/status) of Chromium's ` +
        `renderer processes (the page, its PDF.js worker and canvases) minus their VmRSS just before opening the ` +
        `book (after a garbage collection; ${result.reader_rss_before_mb} MB; ${reading.renderers} renderer ` +
        `process${reading.renderers === 1 ? '' : 'es'}), polled every 100 ms; at the last page ` +
        `${result.reader_rss_end_mb} MB; on the way, MB over the base: ${reading.curve}; reader_rss_after_close_mb: what stays (over the same base) once the reader ` +
        `is closed after the page turns and the scrolling below, a garbage collection and 2 s; reader_gpu_rss_mb: the same for the GPU process; reader_js_heap_mb: peak ` +
        `JSHeapUsedSize (CDP Performance.getMetrics, about once a second) minus before: the main thread's heap only; ${load()}`;
    } catch (error) {
      result.reader_rss_note = `failed: ${message(error)}`;
      bookOpen = (await page.locator('.pdf-reader').count()) > 0;
    }

    if (bookOpen) {
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
    } else {
      result.page_turn_note ??= 'not measured: the book did not open';
      result.scroll_note ??= 'not measured: the book did not open';
    }
    if (bookOpen && base) {
      try {
        await closeReader(page);
        await cdp.send('HeapProfiler.collectGarbage');
        await page.waitForTimeout(2000);
        result.reader_rss_after_close_mb = Math.round((chromiumMemory().renderer - base.renderer) / 1e6);
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
    if (work) await rm(work, { recursive: true, force: true });
  }
}
