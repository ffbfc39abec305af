/**
 * The reader bench's memory: the renderer's memory polled while the 350-page book is read from its first
 * page to its last, against what it held just before opening it, with Chromium's own accounting by
 * allocator on the way when asked.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { PdfResult } from './pdf';
import { breakdownGrowth, chromiumMemory, rendererBreakdown, type Breakdown, type Memory } from './chromium-memory';
import { BOOK_PAGES, BOOK_TITLE } from './reader-book';
import { openReader, turn } from './reader-page';

/** Reading the whole book stops here, so a slow machine still ends the bench. */
export const READ_BUDGET_MS = 300_000;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Open the book and read it from page 1 to the last, one page turn (→) at a time, each once it is drawn and
 * 100 ms after: the renderer's memory polled every 100 ms all along, against what it held just before opening.
 */
export async function measureReading(
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
