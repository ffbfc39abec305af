import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'playwright-core';
import { LIST_PAGE_ROWS } from '../../electron/core/list-page';

/**
 * The app's list of papers and its rows, by what both the list's roles (listbox, grid) keep: its name and rows'
 * ids. Not the page's first drawing of them (renderer/src/first-paint/), which the app replaces.
 */
export const PAPER_LIST = '#root > .app:not([data-shell]) [aria-label="Papers"]';
export const PAPER_ROW = `${PAPER_LIST} .row[data-id]`;
const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'paperqueue.mjs');
export const round = (value: number): number => Math.round(value * 10) / 10;

/** Debian's Chromium unless PAPERQUEUE_CHROMIUM names another (as the e2e tests do). */
export function chromiumPath(): string | undefined {
  const path = process.env.PAPERQUEUE_CHROMIUM ?? '/usr/bin/chromium';
  return existsSync(path) ? path : undefined;
}

export type Served = { child: ChildProcess; url: string; origin: string; token: string };

/**
 * A page of its own (no remembered view or order from another), 1280x900, opened once Chromium has settled
 * (`browserSettled`): in a new context Chromium (156) loads its own omnibox popup, a WebUI page
 * (chrome://omnibox-popup.top-chrome), in a renderer of its own, about a second of one core on a 2-core
 * machine. A person's browser did that long before they open the app; measured with it, the app's page
 * shared the cores with Chromium's own page.
 */
export async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await browserSettled(browser);
  return page;
}

/** How often and how long `browserSettled` looks at Chromium's CPU time, and the most it waits. */
const SETTLE_LOOK_MS = 100;
const SETTLED_CPU_MS = 10;
const SETTLE_MOST_MS = 10_000;

/**
 * Until Chromium's processes together used at most SETTLED_CPU_MS of CPU in each of two looks in a row
 * SETTLE_LOOK_MS apart (its CPU time counts in 10 ms steps), or SETTLE_MOST_MS, which it says on stderr.
 * Each process is compared with itself: a process that ended (a closed page's renderer) takes its whole
 * CPU time out of a sum, which would hide another's work. Resolves with the ms waited.
 */
export async function browserSettled(browser: Browser): Promise<number> {
  const cdp = await browser.newBrowserCDPSession();
  const start = performance.now();
  try {
    const cpuMs = async () =>
      new Map(
        (await cdp.send('SystemInfo.getProcessInfo')).processInfo.map((process) => [
          process.id,
          process.cpuTime * 1000,
        ]),
      );
    let last = await cpuMs();
    let quietLooks = 0;
    while (quietLooks < 2) {
      if (performance.now() - start > SETTLE_MOST_MS) {
        console.error(`bench: Chromium still used CPU after ${SETTLE_MOST_MS / 1000} s; measuring anyway`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, SETTLE_LOOK_MS));
      const now = await cpuMs();
      let used = 0;
      for (const [id, ms] of now) used += Math.max(0, ms - (last.get(id) ?? 0));
      quietLooks = used < SETTLED_CPU_MS + 1 ? quietLooks + 1 : 0;
      last = now;
    }
    return performance.now() - start;
  } finally {
    await cdp.detach();
  }
}

/** `paperqueue serve` on `dataDir`; resolves with the URL it prints, once the library is open. */
export function serve(dataDir: string): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${output}`)), 180_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      const found = /running at ((http:\/\/127\.0\.0\.1:\d+\/)#token=([\w-]+))/.exec(output);
      // serve prints its URL before the library is open (the page loads meanwhile); the figures are of an open
      // library, as before fa4cf9c, so the page is opened once serve says the library is ready.
      if (found && output.includes('Press Ctrl-C to stop')) {
        clearTimeout(timer);
        resolve({ child, url: found[1]!, origin: found[2]!, token: found[3]! });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
  });
}

/** Stop a server as a person would (it flushes and closes the library), and wait until it is gone. */
export async function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/**
 * Frames the page drew (requestAnimationFrame callbacks) per second while `act` runs. The page code is
 * a string: tsx would wrap a function's inner functions in a helper the page does not have.
 */
export async function framesPerSecond(page: Page, act: () => Promise<void>): Promise<number> {
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
export async function waitInPage(page: Page, expression: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(expression))) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${expression}`);
    await page.waitForTimeout(10);
  }
}

/**
 * Open the app and time, from navigation, the frame that first draws a row, seen from the page itself:
 * Playwright's own polling backs off to half a second, too coarse for this figure. `firstRows`: any row, the
 * first ones the page's first script draws into its frame (renderer/src/first-paint/) counted; `appRows`: the
 * first row React draws, from when the app is there to be used.
 */
export async function openAndTimeRows(page: Page, url: string): Promise<{ firstRows: number; appRows: number }> {
  await page.addInitScript(`(() => {
    const at = (name) => requestAnimationFrame(() => (window[name] = performance.timeOrigin + performance.now()));
    let seen = false;
    new MutationObserver((_, observer) => {
      const row = document.querySelector('[aria-label="Papers"] .row[data-id]');
      if (!row) return;
      if (!seen) at('benchFirstRows');
      seen = true;
      // React replaces the frame whole: a row outside it is the app's.
      if (row.closest('[data-shell]')) return;
      observer.disconnect();
      at('benchAppRows');
    }).observe(document, { childList: true, subtree: true });
  })()`);
  const start = Date.now();
  await page.goto(url);
  await page.locator(PAPER_ROW).first().waitFor({ timeout: 120_000 });
  await waitInPage(page, 'window.benchAppRows !== undefined && window.benchFirstRows !== undefined', 30_000);
  const [firstRows, appRows] = await page.evaluate<[number, number]>('[window.benchFirstRows, window.benchAppRows]');
  return { firstRows: Math.round(firstRows - start), appRows: Math.round(appRows - start) };
}

/** As openAndTimeRows: the first rows' time alone. */
export async function openAndTimeFirstRows(page: Page, url: string): Promise<number> {
  return (await openAndTimeRows(page, url)).firstRows;
}

/**
 * The inbox sorted For you, as a person picks it: from choosing the order to the frame that shows the
 * ranked page (its note says what the order is based on; not the note that it is still learning).
 */
export async function timeForYou(page: Page): Promise<number> {
  await page
    .getByRole('button', { name: /^Inbox/ })
    .first()
    .click();
  await page.locator(PAPER_ROW).first().waitFor({ timeout: 60_000 });
  await page.evaluate(`(() => {
    window.benchRanked = undefined;
    new MutationObserver((_, observer) => {
      // Ranked: not the note that For you is still learning (its model being built), which comes at once.
      const note = document.querySelector('.ranking-note [role="note"]');
      if (!note || /still learning/i.test(note.textContent || '')) return;
      observer.disconnect();
      requestAnimationFrame(() => (window.benchRanked = performance.timeOrigin + performance.now()));
    }).observe(document.body, { childList: true, subtree: true });
  })()`);
  const start = Date.now();
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('foryou');
  await waitInPage(page, 'window.benchRanked !== undefined', 180_000);
  return Math.round(Number(await page.evaluate('window.benchRanked')) - start);
}

/**
 * Searches as the list asks for them (the first 200 rows and the count), one after another over HTTP
 * right after the page's first rows, while the server may still be building its index: each one's time.
 */
export async function searchNow(served: Served, queries: readonly string[]): Promise<number[]> {
  // This process's own first request, untimed: Node loads its fetch (undici) on first use, about 50 ms that
  // the first search's time counted before (the server's time is what is measured). library.status is a
  // request the page has already made, so nothing on the server is warmed for the searches.
  await (
    await fetch(`${served.origin}api/library.status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${served.token}`, 'content-type': 'application/json' },
      body: '{}',
    })
  ).json();
  const times: number[] = [];
  for (const text of queries) {
    const { ms } = await searchOnce(served, text);
    times.push(ms);
  }
  return times;
}

/** How many papers of the library have `status`, as the server counts them. */
export async function statusCount(served: Served, status: string): Promise<number> {
  const response = await fetch(`${served.origin}api/stats.get`, {
    method: 'POST',
    headers: { authorization: `Bearer ${served.token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  const result = (await response.json()) as { ok: boolean; value?: { byStatus: Record<string, number> } };
  if (!result.ok || !result.value) throw new Error('stats.get failed');
  return result.value.byStatus[status] ?? 0;
}

/**
 * How many of `times` keeps reached the library: the queue's growth over `before`, once it stops growing
 * (or `limitMs`). Presses on a list whose requests were stuck changed the screen but not the library.
 */
export async function keepsArrived(served: Served, before: number, times: number, limitMs = 30_000): Promise<number> {
  const until = Date.now() + limitMs;
  let kept = (await statusCount(served, 'queued')) - before;
  while (kept < times && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    kept = (await statusCount(served, 'queued')) - before;
  }
  return kept;
}

/** One search as the list asks for it (its first page of rows and the count): its time, and whether the titles alone answered. */
async function searchOnce(served: Served, text: string): Promise<{ ms: number; titlesOnly: boolean }> {
  const start = performance.now();
  const response = await fetch(`${served.origin}api/papers.rows`, {
    method: 'POST',
    headers: { authorization: `Bearer ${served.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text, limit: LIST_PAGE_ROWS }),
  });
  const result = (await response.json()) as {
    ok: boolean;
    value?: { titlesOnly: boolean };
    error?: { message: string };
  };
  const ms = performance.now() - start;
  if (!result.ok) throw new Error(`search "${text}" failed: ${result.error?.message}`);
  return { ms, titlesOnly: Boolean(result.value?.titlesOnly) };
}

/**
 * Search for `text` every `everyMs` until the whole index answers (not the titles alone, while the index is
 * read back or built): the Date.now() it answered at and how many answers before it came from the titles, or
 * undefined if none did within `limitMs`.
 */
export async function searchUntilWhole(
  served: Served,
  text: string,
  { everyMs = 100, limitMs = 60_000 } = {},
): Promise<{ at: number; titlesAnswers: number } | undefined> {
  const until = Date.now() + limitMs;
  let titlesAnswers = 0;
  while (Date.now() < until) {
    const { titlesOnly } = await searchOnce(served, text);
    if (!titlesOnly) return { at: Date.now(), titlesAnswers };
    titlesAnswers++;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return undefined;
}

export type MutationFigures = {
  mutation_ms_p50: number;
  mutation_ms_max: number;
  mutation_frames_max: number;
  mutation_samples: string;
};

/**
 * Keep the selected inbox paper ("q") `times` times from the first rows on (so the first presses after
 * loading count), each time timing, inside the page, from the key's event to the first frame whose DOM
 * shows the change (the row leaves the inbox, the next is selected): its requestAnimationFrame
 * callbacks, which run just before it is painted.
 */
export async function measureMutations(page: Page, times: number, tracePath?: string): Promise<MutationFigures> {
  await page.locator(PAPER_ROW).first().click();
  // PAPERQUEUE_BENCH_TRACE=file: a Chromium performance trace of the presses (trace-summary.ts reads it).
  const browser = tracePath ? page.context().browser() : null;
  if (browser) {
    const categories = [
      'devtools.timeline',
      'v8',
      'v8.execute',
      'blink.user_timing',
      'disabled-by-default-devtools.timeline',
    ];
    await browser.startTracing(page, { path: tracePath, categories });
  }
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
  for (let i = 0; i < times; i++) {
    await page.keyboard.press('q');
    await waitInPage(page, `window.benchMutations.length > ${i}`, 10_000);
    // Presses at a person's pace; the first ones come right after the rows, as a person's first do.
    await page.waitForTimeout(i < 5 ? 20 : 120);
  }
  if (browser) await browser.stopTracing();
  const seen = await page.evaluate<[number, number][]>('window.benchMutations');
  const ms = seen.map(([delay]) => delay).sort((a, b) => a - b);
  return {
    mutation_ms_p50: round(ms[Math.floor(ms.length / 2)]!),
    mutation_ms_max: round(ms.at(-1)!),
    mutation_frames_max: Math.max(...seen.map(([, frames]) => frames)),
    mutation_samples: seen.map(([delay]) => Math.round(delay)).join(' '),
  };
}
