/**
 * Driving the app's PDF reader in Chromium for the bench: opening a paper's PDF, turning its pages with the
 * reader's keys, and timing in the page when a page is drawn and how many frames are drawn.
 */
import type { Page } from 'playwright-core';
import { PAPER_ROW } from './browser';

export { framesPerSecond } from './browser-page';

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
 * In the page, once: `benchWatch(n)` starts watching for page n of the open reader to be drawn (its canvas
 * attached) and in view at the top of the scroller; `benchDrawn` is then the milliseconds from the last
 * opening click or key press (its event's time) to the animation frame that shows it. The page code is a
 * string: tsx would wrap a function's inner functions in a helper the page does not have.
 */
export const WATCHER = `(() => {
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

/** Select the paper in the list and click Read PDF (or Continue reading); resolves once page `n` is drawn. */
export async function openReader(page: Page, title: string, n = 1): Promise<number> {
  await page.locator(PAPER_ROW).filter({ hasText: title }).first().click();
  const button = page.getByRole('button', { name: /^(Read PDF|Continue reading)/ });
  await button.waitFor({ timeout: 30_000 });
  await page.evaluate(`window.benchWatch(${n}, false)`);
  await button.click();
  await waitInPage(page, 'window.benchDrawn !== undefined', 120_000);
  return Number(await page.evaluate('window.benchDrawn'));
}

export async function closeReader(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator('.pdf-reader').waitFor({ state: 'detached', timeout: 30_000 });
}

/** The reader's current page (1-based) as its toolbar shows it. */
export async function currentPage(page: Page): Promise<number> {
  return Number(
    await page
      .getByRole('dialog', { name: /^Reader/ })
      .getByRole('textbox', { name: 'Page' })
      .inputValue(),
  );
}

/** Turn to the next page with the reader's next-page key (→); the milliseconds until it is drawn at the top. */
export async function turn(page: Page, to: number): Promise<number> {
  await page.evaluate(`window.benchWatch(${to}, true)`);
  await page.keyboard.press('ArrowRight');
  await waitInPage(page, 'window.benchDrawn !== undefined', 60_000);
  return Number(await page.evaluate('window.benchDrawn'));
}
