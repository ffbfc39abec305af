import { performance } from 'node:perf_hooks';
import { runInNewContext } from 'node:vm';
import { Index } from 'flexsearch';
import MiniSearch from 'minisearch';
import { searchedFields } from '../../electron/core/search/tokenize';
import type { LibraryStore } from '../../electron/core/store/store';
import type { SizeResult } from './measure';

/** measure.ts turns --expose-gc on when it loads. */
const gc = (): void => (runInNewContext('gc') as () => void)();
const round = (ms: number): number => Math.round(ms * 10) / 10;

type Engine = { add(id: number, text: string): void; search(text: string): unknown };

/**
 * The same papers (the same searched fields) and the same queries through MiniSearch 7 (prefix and fuzzy
 * 0.2, AND) and FlexSearch 0.8 (forward tokenisation, every match): reference points, bench only.
 */
export async function measureReferences(store: LibraryStore, queries: readonly string[]): Promise<SizeResult> {
  const texts: string[] = [];
  for (const paper of store.all()) {
    const parts: string[] = [];
    searchedFields(paper, (text) => parts.push(text));
    texts.push(parts.join(' '));
  }
  const engines: Record<string, () => Engine> = {
    minisearch: () => {
      const search = new MiniSearch<{ id: number; text: string }>({
        fields: ['text'],
        searchOptions: { prefix: true, fuzzy: 0.2, combineWith: 'AND' },
      });
      return { add: (id, text) => search.add({ id, text }), search: (text) => search.search(text) };
    },
    flexsearch: () => {
      const index = new Index({ tokenize: 'forward' });
      return { add: (id, text) => index.add(id, text), search: (text) => index.search(text, { limit: texts.length }) };
    },
  };
  const result: SizeResult = {};
  for (const [name, make] of Object.entries(engines)) {
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const buildStart = performance.now();
    const engine = make();
    texts.forEach((text, id) => engine.add(id, text));
    const buildMs = performance.now() - buildStart;
    gc();
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    const times: number[] = [];
    for (const query of queries) {
      const start = performance.now();
      engine.search(query);
      times.push(performance.now() - start);
      // Let timers and I/O run between queries, as the store's own searches do.
      await new Promise((resolve) => setImmediate(resolve));
    }
    times.sort((a, b) => a - b);
    result[`${name}_build_ms`] = round(buildMs);
    result[`${name}_mb`] = round(heapMb);
    result[`${name}_p50_ms`] = round(times[Math.floor(times.length / 2)] ?? 0);
    result[`${name}_p99_ms`] = round(times[Math.min(times.length - 1, Math.floor(times.length * 0.99))] ?? 0);
  }
  return result;
}
