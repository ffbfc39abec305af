import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { measureInsight } from './insight';
import { open, readFile, writeFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { call, type DispatchOptions } from '../../electron/core/dispatch';
import { parseImport } from '../../electron/core/importers';
import { queryPage, type ListQuery } from '../../electron/core/query';
import { LIBRARY_VERSION, type LibraryFile, type Paper } from '../../electron/core/schema';
import { serializeLibrary } from '../../electron/core/store/library-file';
import {
  INDEX_CACHE_MIN_PAPERS,
  LIBRARY_FILE_NAME,
  LibraryStore,
  SHELF_MIN_FILE_BYTES,
} from '../../electron/core/store/store';
import { makePaper, prose, searchQueries, type Vocabulary } from './data';
import { measureListQueries } from './list-queries';
import { measureReferences } from './references';
import { percentile, round, timed, unwrap } from './timing';

/** Open a library as the app and browser mode do: a large one's abstracts kept on disk. */
const AS_THE_APP = { shelveAbstractsFrom: SHELF_MIN_FILE_BYTES };

export type SizeResult = Record<string, number | string | null>;

/** The rows the list asks for at once (renderer/src/store/list-rows.ts). */
const LIST_PAGE = 200;

export type FreshMemory = {
  rss: number;
  rssRuntime: number;
  heapUsed: number;
  papers: number;
  fromCache: boolean;
  modelFromFile: boolean;
  /** How the child was run: no loader's flags, and the bundle as its entry. */
  execArgv: string[];
  entry: string;
};

/**
 * Open the library in a child process, as the app would, and read its memory once its index is ready. The
 * child runs open-memory.ts bundled, as the app runs its core (`npm run build`'s out/main, under Electron or,
 * in browser mode, plain Node): through tsx it would also hold tsx's loader and its thread, about 31 MB the
 * app does not have.
 */
export async function openInFreshProcess(dir: string): Promise<FreshMemory | undefined> {
  const bundle = await openMemoryBundle();
  try {
    const child = spawnSync(process.execPath, [bundle, dir], { encoding: 'utf8' });
    const line = child.stdout?.trim().split('\n').at(-1);
    return child.status === 0 && line ? (JSON.parse(line) as FreshMemory) : undefined;
  } finally {
    await rm(bundle, { force: true });
  }
}

/**
 * open-memory.ts and the core it loads as one ES module, its packages left to node_modules as the app's build
 * leaves them: written under node_modules/.cache so that they resolve from there, named by this process (a
 * test and a bench may run at once).
 */
async function openMemoryBundle(): Promise<string> {
  const root = join(import.meta.dirname, '..', '..');
  const outfile = join(root, 'node_modules', '.cache', 'paperqueue-bench', `open-memory-${process.pid}.mjs`);
  await build({
    entryPoints: [join(import.meta.dirname, 'open-memory.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

/** Exposed at run time so heap numbers are comparable without asking for `node --expose-gc`. */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export { percentile };

/** Let background work (the search index build) run, until `done` or `limitMs` passes. */
export async function idleUntil(done: () => boolean, limitMs = 120_000): Promise<void> {
  const start = performance.now();
  while (!done() && performance.now() - start < limitMs) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Generate, write and forget a library, so memory after open counts only the store. The file is written in
 * pieces of 10,000 papers: at 300,000 papers its text (650 MB) is longer than V8's longest string. Byte for
 * byte what serializeLibrary gives.
 */
async function writeLibrary(vocab: Vocabulary, dir: string, size: number): Promise<string[]> {
  const papers: Paper[] = Array.from({ length: size }, (_, i) => makePaper(vocab, i));
  const file = await open(join(dir, LIBRARY_FILE_NAME), 'w');
  try {
    await file.write(`{"version":${LIBRARY_VERSION},"papers":[\n`);
    for (let at = 0; at < papers.length; at += 10_000) {
      const lines = papers.slice(at, at + 10_000).map((paper) => JSON.stringify(paper));
      await file.write(`${at > 0 ? ',\n' : ''}${lines.join(',\n')}`);
    }
    await file.write(`${papers.length > 0 ? '\n' : ''}]}\n`);
  } finally {
    await file.close();
  }
  return papers.map((p) => p.id);
}

/** Files past this many bytes cannot be one string in V8 (its longest is 2^29 - 24 characters). */
const LONGEST_STRING = (1 << 29) - 24;

/** `measure`'s time, or null when its text would be past V8's longest string (a whole file as one string). */
async function timedUnlessTooLong(bytes: number, measure: () => Promise<unknown>): Promise<number | null> {
  if (bytes >= LONGEST_STRING) return null;
  return (await timed(measure))[1];
}

export type MeasureOptions = { references: boolean };

export async function measureSize(
  vocab: Vocabulary,
  size: number,
  bibtex: string,
  settings: MeasureOptions,
): Promise<SizeResult> {
  const dir = await mkdtemp(join(tmpdir(), `paperqueue-bench-${size}-`));
  try {
    const [ids, generateMs] = await timed(() => writeLibrary(vocab, dir, size));
    const file = join(dir, LIBRARY_FILE_NAME);
    const fileBytes = (await stat(file)).size;
    gc();

    const openFloorMs = await timedUnlessTooLong(
      fileBytes,
      async () => JSON.parse(await readFile(file, 'utf8')) as unknown,
    );
    gc();
    const [store, openMs] = await timed(() => LibraryStore.open(dir, AS_THE_APP));
    // The index builds in the background after open, in slices that leave the event loop free.
    const [, indexReadyMs] = await timed(() => idleUntil(() => store.catalog.search.ready));
    const index = store.catalog.search.stats();
    gc();
    const memory = process.memoryUsage();
    const options: DispatchOptions = { store };
    const idAt = (i: number): string => ids[i % ids.length]!;

    // Save: one note through the command table until it is on disk, watching the longest event-loop block.
    const lag = monitorEventLoopDelay({ resolution: 1 });
    lag.enable();
    const [, saveMs] = await timed(async () => {
      unwrap(await call(options, 'notes.save', { id: idAt(1), note: prose(vocab, 300) }));
      await store.flush();
    });
    lag.disable();
    const saveCounts = store.lastSave;
    const snapshot: LibraryFile = { version: LIBRARY_VERSION, papers: [...store.all()] };
    const saveFloorMs = await timedUnlessTooLong(fileBytes, () =>
      writeFile(join(dir, 'floor.json'), serializeLibrary(snapshot)),
    );

    // Burst: 1,000 mutations without waiting for persistence; coalescing should keep writes at ~2.
    const writesBefore = store.writes;
    const statuses = ['queued', 'read', 'reading', 'inbox'] as const;
    for (let i = 0; i < 1000; i++) {
      if (i % 2 === 0)
        unwrap(await call(options, 'papers.setStatus', { ids: [idAt(i * 7)], status: statuses[i % 4]! }));
      else unwrap(await call(options, 'notes.save', { id: idAt(i * 13), note: `burst ${i}` }));
    }
    const [, burstDurableMs] = await timed(() => store.flush());
    const burstWrites = store.writes - writesBefore;

    // Search as the list asks: the first page of 200 rows and the count; also every matching row, and the core alone.
    const [, searchColdMs] = await timed(async () =>
      unwrap(await call(options, 'papers.rows', { text: 'ka', limit: LIST_PAGE })),
    );
    const queries = searchQueries(vocab, 200);
    const times: number[] = [];
    const pageTimes: number[] = [];
    const coreTimes: number[] = [];
    const listQuery = (q: Partial<ListQuery>): ListQuery => ({ status: 'all', sort: 'queue', offset: 0, ...q });
    for (const text of queries) {
      const [, coreMs] = await timed(() => queryPage(store.catalog, listQuery({ text, limit: LIST_PAGE })));
      coreTimes.push(coreMs);
      const [, ms] = await timed(async () => unwrap(await call(options, 'papers.rows', { text })));
      times.push(ms);
      const [, pageMs] = await timed(async () =>
        unwrap(await call(options, 'papers.rows', { text, limit: LIST_PAGE })),
      );
      pageTimes.push(pageMs);
    }
    times.sort((a, b) => a - b);
    pageTimes.sort((a, b) => a - b);
    coreTimes.sort((a, b) => a - b);
    const references = settings.references ? await measureReferences(store, queries) : {};

    // The list's other queries: filter and sort, other orders, and where an import's first paper stands.
    const listQueries = await measureListQueries(store, options, ids);
    // An export is one file's text: a library whose export is past V8's longest string cannot be exported whole.
    let exportError: string | undefined;
    const [, exportMs] = await timed(async () => {
      try {
        unwrap(await call(options, 'library.export', { format: 'bibtex' }));
        unwrap(await call(options, 'library.export', { format: 'markdown', markdownLayout: 'combined' }));
      } catch (error) {
        exportError = error instanceof Error ? error.message : String(error);
      }
    });
    // Relevance: the model over titles and abstracts, ranking 100 inbox papers, similar papers.
    const insight = await measureInsight(store);
    await store.flush();
    await store.backUpNow();
    // The index file the first open keeps beside the library (written in steps after the build).
    // (A library under INDEX_CACHE_MIN_PAPERS keeps no file: waiting for one spun out idleUntil's two minutes.)
    if (size >= INDEX_CACHE_MIN_PAPERS) await idleUntil(() => store.catalog.search.cacheWritten !== undefined);
    await store.catalog.search.cacheWritten;
    store.catalog.dispose();
    // Open again: now the newest backup is current, so this open makes no backup copy; the index comes from its file.
    gc();
    const [reopened, reopenMs] = await timed(() => LibraryStore.open(dir, AS_THE_APP));
    const [, indexCachedMs] = await timed(() => idleUntil(() => reopened.catalog.search.ready));
    const indexFromCache = reopened.catalog.search.fromCache;
    reopened.catalog.dispose();
    const fresh = await openInFreshProcess(dir);

    return {
      generate_ms: round(generateMs),
      file_mb: round(fileBytes / 1e6),
      open_ms: round(openMs),
      open_floor_ms: openFloorMs === null ? null : round(openFloorMs),
      open_backed_up_ms: round(reopenMs),
      rss_mb: fresh ? round(fresh.rss / 1e6) : null,
      rss_runtime_mb: fresh ? round(fresh.rssRuntime / 1e6) : null,
      heap_mb: fresh ? round(fresh.heapUsed / 1e6) : null,
      rss_bench_process_mb: round(memory.rss / 1e6),
      save_ms: round(saveMs),
      save_floor_ms: saveFloorMs === null ? null : round(saveFloorMs),
      save_block_ms: round(lag.max / 1e6),
      save_copied: saveCounts.copied,
      save_serialised: saveCounts.serialised,
      burst_writes: burstWrites,
      burst_durable_ms: round(burstDurableMs),
      index_build_ms: round(indexReadyMs),
      index_cached_ms: indexFromCache ? round(indexCachedMs) : null,
      index_terms: index.terms,
      index_mb: round(index.bytes / 1e6),
      search_cold_ms: round(searchColdMs),
      search_p50_ms: round(percentile(pageTimes, 50)),
      search_p99_ms: round(percentile(pageTimes, 99)),
      search_all_rows_p50_ms: round(percentile(times, 50)),
      search_all_rows_p99_ms: round(percentile(times, 99)),
      search_core_p50_ms: round(percentile(coreTimes, 50)),
      search_core_p99_ms: round(percentile(coreTimes, 99)),
      ...references,
      ...listQueries,
      export_ms: exportError === undefined ? round(exportMs) : null,
      ...(exportError !== undefined && { export_error: exportError }),
      ...insight,
      ...(await measureImport(bibtex)),
      notes:
        'open_ms: the first open (its backup copy of library.json is copied in the background from the file it ' +
        'validated, before the first save); open_backed_up_ms: an open with a current backup; save_copied/serialised: ' +
        'how the save made each paper line (copied from the old file, or serialised afresh); index_build_ms: from open until the background-built index is ready; ' +
        'index_cached_ms: the same at the next open, read from search-index.cache (libraries of 5,000+ papers); ' +
        'rss_mb/heap_mb: a fresh Node process (the core bundled by esbuild, as the app runs its build, not through tsx) that opened the library and has its index and relevance model, RSS before any forced GC, the heap after one (rss_runtime_mb: that process before it opens the library, Node and the bundle loaded; rss_bench_process_mb: this ' +
        'process, which also made the papers); search_p50/p99: papers.rows as the list asks (the first 200 rows ' +
        'and the count), search_all_rows_*: every matching row, search_core_*: queryPage with limit 200 (what ' +
        'runQuery costs); insight_build_ms: the relevance model built on first use, rank_100_ms: insight.rank of 100 inbox papers after a change, ' +
        'rank_first_ms: the first whole-inbox ranking (every inbox paper worked out, in slices), rank_first_block_ms: the longest the event loop waited during it; rank_inbox_ms: the whole inbox (rank_inbox_papers) ranked after a decision, without reasons, as For you asks, rank_page_ms: the reasons of its first 200; similar_ms: insight.similar; filter_sort_ms: median of 5 warm ' +
        `runs (unread by title), filter_sort_cold_ms: the first, which sorts by title once${settings.references ? '' : '; MiniSearch/FlexSearch skipped at this size (--references)'}`,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Parse the BibTeX once on its own, then import it (parse + plan + apply) into an empty store. */
export async function measureImport(bibtex: string): Promise<SizeResult> {
  const dir = await mkdtemp(join(tmpdir(), 'paperqueue-bench-import-'));
  try {
    const [parsed, parseMs] = await timed(() => parseImport(bibtex, 'auto', 'bench.bib'));
    const entries = parsed.drafts.length;
    const store = await LibraryStore.open(dir);
    const [, importMs] = await timed(async () => {
      unwrap(await call({ store }, 'library.import', { text: bibtex, name: 'bench.bib' }));
      await store.flush();
    });
    store.catalog.dispose();
    return {
      import_entries: entries,
      import_parse_per_s: Math.round(entries / (parseMs / 1000)),
      import_bibtex_per_s: Math.round(entries / (importMs / 1000)),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
