import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { LIBRARY_VERSION } from '../../electron/core/schema';
import { serializeLibrary } from '../../electron/core/store/library-file';
import { LIBRARY_FILE_NAME } from '../../electron/core/store/store';
import { makePaper, type Vocabulary } from './data';

export type BrowserResult = {
  first_rows_ms: number | null;
  scroll_fps: number | null;
  typing_fps: number | null;
  /** From a key press that changes a paper (keep it, "q") to the start of the frame that shows it: median and worst of 12. */
  mutation_ms_p50?: number | null;
  mutation_ms_max?: number | null;
  /** Frames that began between the key press and the one showing the change, worst case (0: the very next frame). */
  mutation_frames_max?: number | null;
  /** Every press's delay in order, ms. */
  mutation_samples?: string;
  note: string;
};

/** The list of papers and its rows, by what both the list's roles (listbox, grid) keep: its name and rows' ids. */
export const PAPER_LIST = '[aria-label="Papers"]';
export const PAPER_ROW = '[aria-label="Papers"] .row[data-id]';
const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'paperqueue.mjs');
const round = (value: number): number => Math.round(value * 10) / 10;
const skipped = (note: string): BrowserResult => ({ first_rows_ms: null, scroll_fps: null, typing_fps: null, note });

/** Debian's Chromium unless PAPERQUEUE_CHROMIUM names another (as the e2e tests do). */
function chromiumPath(): string | undefined {
  const path = process.env.PAPERQUEUE_CHROMIUM ?? '/usr/bin/chromium';
  return existsSync(path) ? path : undefined;
}

/** `paperqueue serve` on `dataDir`; resolves with the URL it prints once the library is open. */
function serve(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${output}`)), 180_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const url = /running at (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ child, url });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
}

/**
 * Frames the page drew (requestAnimationFrame callbacks) per second while `act` runs. The page code is
 * a string: tsx would wrap a function's inner functions in a helper the page does not have.
 */
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
 * Keep the selected inbox paper ("q") 12 times, each time timing, inside the page, from the key's event to
 * the first frame whose DOM shows the change (the row leaves the inbox, the next is selected): its
 * requestAnimationFrame callbacks, which run just before it is painted.
 */
async function measureMutations(
  page: Page,
): Promise<Pick<BrowserResult, 'mutation_ms_p50' | 'mutation_ms_max' | 'mutation_frames_max' | 'mutation_samples'>> {
  await page.locator(PAPER_ROW).first().click();
  await page.evaluate(`(() => {
    window.benchMutations = [];
    let pending;
    const listbox = document.querySelector('[aria-label="Papers"]');
    new MutationObserver(() => { if (pending) pending.changed = true; })
      .observe(listbox, { childList: true, subtree: true, attributes: true, characterData: true });
    window.addEventListener('keydown', (event) => {
      if (event.key !== 'q') return;
      pending = { at: event.timeStamp, frames: 0, changed: false };
      const tick = () => {
        if (!pending) return;
        if (pending.changed) {
          window.benchMutations.push([performance.now() - pending.at, pending.frames]);
          pending = undefined;
          return;
        }
        pending.frames++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, true);
  })()`);
  const times = 12;
  for (let i = 0; i < times; i++) {
    await page.keyboard.press('q');
    await waitInPage(page, `window.benchMutations.length > ${i}`, 10_000);
    await page.waitForTimeout(150);
  }
  const seen = await page.evaluate<[number, number][]>('window.benchMutations');
  const ms = seen.map(([delay]) => delay).sort((a, b) => a - b);
  return {
    mutation_ms_p50: round(ms[Math.floor(ms.length / 2)]!),
    mutation_ms_max: round(ms.at(-1)!),
    mutation_frames_max: Math.max(...seen.map(([, frames]) => frames)),
    mutation_samples: seen.map(([delay]) => Math.round(delay)).join(' '),
  };
}

/**
 * In Chromium against browser mode with `size` papers: time from navigation until list rows are on
 * screen, then the frame rate while scrolling the list with the wheel and while typing a search.
 */
export async function measureBrowser(vocab: Vocabulary, size: number): Promise<BrowserResult> {
  const executablePath = chromiumPath();
  if (!executablePath) return skipped('skipped: no Chromium (install Debian chromium or set PAPERQUEUE_CHROMIUM)');
  if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) {
    const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore' });
    if (build.status !== 0) return skipped('skipped: the app is not built and "electron-vite build" failed');
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'paperqueue-bench-browser-'));
  let child: ChildProcess | undefined;
  const browser = await chromium.launch({
    executablePath,
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const papers = Array.from({ length: size }, (_, i) => makePaper(vocab, i));
    await writeFile(join(dataDir, LIBRARY_FILE_NAME), serializeLibrary({ version: LIBRARY_VERSION, papers }));
    const served = await serve(dataDir);
    child = served.child;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });

    // The frame that first draws a row, seen from the page itself: Playwright's own polling backs off to
    // half a second, too coarse for this figure.
    await page.addInitScript(`new MutationObserver((_, observer) => {
      if (!document.querySelector('[aria-label="Papers"] .row[data-id]')) return;
      observer.disconnect();
      requestAnimationFrame(() => (window.benchFirstRows = performance.timeOrigin + performance.now()));
    }).observe(document, { childList: true, subtree: true })`);
    const start = Date.now();
    await page.goto(served.url);
    await page.locator(PAPER_ROW).first().waitFor({ timeout: 120_000 });
    await waitInPage(page, 'window.benchFirstRows !== undefined', 30_000);
    const firstRowsMs = Math.round(Number(await page.evaluate('window.benchFirstRows')) - start);
    // Where the time to the first rows went: each request the page made (start, duration and size).
    const loaded = await page.evaluate<number>(
      `Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd)`,
    );
    const requests = await page.evaluate<[string, number, number, number][]>(`performance.getEntriesByType('resource')
      .map((entry) => [entry.name.replace(/^.*\\//, '').replace(/\\?.*$/, ''), Math.round(entry.startTime),
        Math.round(entry.duration), entry.encodedBodySize])`);

    const mutation = await measureMutations(page);

    const list = page.locator(PAPER_LIST);
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
    return {
      first_rows_ms: firstRowsMs,
      scroll_fps: round(scrollFps),
      typing_fps: round(typingFps),
      ...mutation,
      note:
        `${size} papers, headless Chromium ${browser.version()}, 1280x900; fps counts requestAnimationFrame ` +
        `callbacks; first rows: the frame that draws them; page ready (DOMContentLoaded) at ${loaded} ms; requests before the first rows (start+duration ms, size): ${requests
          .map(([name, at, ms, bytes]) => `${name} ${at}+${ms} ${(bytes / 1e3).toFixed(0)} kB`)
          .join(', ')}`,
    };
  } finally {
    await browser.close();
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  }
}
