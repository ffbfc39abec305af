import { performance } from 'node:perf_hooks';
import { call } from '../../electron/core/dispatch';
import { modelFor } from '../../electron/core/insight/library-model';
import type { LibraryStore } from '../../electron/core/store/store';

/**
 * Relevance figures on an open library: the model's build and memory, ranking 100 inbox papers after a change
 * and again with none, the whole inbox after a change (For you) and a page of its reasons, similar papers.
 */
export async function measureInsight(store: LibraryStore): Promise<Record<string, number>> {
  const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const started = performance.now();
  const model = await modelFor(store);
  const buildMs = performance.now() - started;
  const heapAfter = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;

  // The first whole-inbox ranking works out every inbox paper's likeness, in slices: how long it takes, and
  // the longest the event loop waited meanwhile (what another request would have waited).
  let last = performance.now();
  let longestWait = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longestWait = Math.max(longestWait, now - last);
    last = now;
  }, 1);
  const firstStarted = performance.now();
  await call({ store }, 'insight.rank', { explain: 0 });
  const firstMs = performance.now() - firstStarted;
  clearInterval(ticker);

  const inbox = [...store.all()].filter((p) => p.status === 'inbox');
  const ids = inbox.slice(0, 100).map((p) => p.id);
  const rankTimes: number[] = [];
  const warmTimes: number[] = [];
  const others = inbox.slice(100, 110);
  for (let i = 0; i < 5; i++) {
    // As in use: a triage decision, then the ranking again (the model and the signals catch up on that paper).
    const decided = others[i];
    if (decided) await call({ store }, 'papers.setStatus', { ids: [decided.id], status: 'queued' });
    for (const times of [rankTimes, warmTimes]) {
      const t = performance.now();
      const result = await call({ store }, 'insight.rank', { ids });
      times.push(performance.now() - t);
      if (!result.ok) throw new Error(result.error.message);
    }
  }
  // For you on the whole inbox, as the list asks for it after each decision: the order, then a page's reasons.
  const inboxTimes: number[] = [];
  const pageTimes: number[] = [];
  const decisions = inbox.slice(110, 115);
  for (const decided of decisions) {
    await call({ store }, 'papers.setStatus', { ids: [decided.id], status: 'read' });
    let t = performance.now();
    const ranked = await call({ store }, 'insight.rank', { explain: 0 });
    inboxTimes.push(performance.now() - t);
    if (!ranked.ok) throw new Error(ranked.error.message);
    t = performance.now();
    const page = await call({ store }, 'insight.rank', {
      ids: ranked.value.items.slice(0, 200).map((item) => item.id),
    });
    pageTimes.push(performance.now() - t);
    if (!page.ok) throw new Error(page.error.message);
  }
  const similarTimes: number[] = [];
  const papers = [...store.all()];
  for (let i = 0; i < 20; i++) {
    const id = papers[(i * 7919) % papers.length]!.id;
    const t = performance.now();
    const result = await call({ store }, 'insight.similar', { id });
    similarTimes.push(performance.now() - t);
    if (!result.ok) throw new Error(result.error.message);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return {
    insight_build_ms: Math.round(buildMs),
    insight_model_mb: Math.round(Math.max(model.bytes, heapAfter - heapBefore) / 1e5) / 10,
    rank_first_ms: Math.round(firstMs),
    rank_first_block_ms: Math.round(longestWait),
    rank_100_ms: Math.round(median(rankTimes) * 10) / 10,
    rank_100_warm_ms: Math.round(median(warmTimes) * 10) / 10,
    rank_inbox_ms: Math.round(median(inboxTimes) * 10) / 10,
    rank_inbox_papers: inbox.length,
    rank_page_ms: Math.round(median(pageTimes) * 10) / 10,
    similar_ms: Math.round(median(similarTimes) * 10) / 10,
  };
}
