import { readFile, writeFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { call, type DispatchOptions } from '../../electron/core/dispatch';
import { parseImport } from '../../electron/core/importers';
import { LIBRARY_VERSION, type LibraryFile, type Paper } from '../../electron/core/schema';
import { serializeLibrary } from '../../electron/core/store/library-file';
import { LIBRARY_FILE_NAME, LibraryStore } from '../../electron/core/store/store';
import { makePaper, prose, type Vocabulary } from './data';

export type SizeResult = Record<string, number | string | null>;

const round = (ms: number): number => Math.round(ms * 10) / 10;

/** Exposed at run time so heap numbers are comparable without asking for `node --expose-gc`. */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function timed<T>(run: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** 200 queries of the kinds people type: common/mid/rare words, word pairs, prefixes, surnames, note words. */
function searchQueries(vocab: Vocabulary, count: number): string[] {
  const kinds = [
    () => vocab.words[vocab.zipf()]!,
    () => vocab.words[Math.floor(vocab.random() * 200)]!,
    () => vocab.words[2000 + Math.floor(vocab.random() * 20_000)]!,
    () => `${vocab.words[vocab.zipf()]} ${vocab.words[vocab.zipf()]}`,
    () => vocab.words[vocab.zipf()]!.slice(0, 3),
    () => vocab.surnames[Math.floor(vocab.random() * vocab.surnames.length)]!,
    () => vocab.noteWords[Math.floor(vocab.random() * vocab.noteWords.length)]!,
    () => `${vocab.words[vocab.zipf()]} ${vocab.words[vocab.zipf()]} ${vocab.words[vocab.zipf()]}`,
  ];
  return Array.from({ length: count }, (_, i) => kinds[i % kinds.length]!());
}

/** Generate, write and forget a library, so memory after open counts only the store. */
async function writeLibrary(vocab: Vocabulary, dir: string, size: number): Promise<string[]> {
  const papers: Paper[] = Array.from({ length: size }, (_, i) => makePaper(vocab, i));
  await writeFile(join(dir, LIBRARY_FILE_NAME), serializeLibrary({ version: LIBRARY_VERSION, papers }));
  return papers.map((p) => p.id);
}

export async function measureSize(vocab: Vocabulary, size: number, bibtex: string): Promise<SizeResult> {
  const dir = await mkdtemp(join(tmpdir(), `paperqueue-bench-${size}-`));
  try {
    const [ids, generateMs] = await timed(() => writeLibrary(vocab, dir, size));
    const file = join(dir, LIBRARY_FILE_NAME);
    const fileBytes = (await stat(file)).size;
    gc();

    const [, openFloorMs] = await timed(async () => JSON.parse(await readFile(file, 'utf8')) as unknown);
    gc();
    const [store, openMs] = await timed(() => LibraryStore.open(dir));
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
    const snapshot: LibraryFile = { version: LIBRARY_VERSION, papers: [...store.all()] };
    const [, saveFloorMs] = await timed(() => writeFile(join(dir, 'floor.json'), serializeLibrary(snapshot)));

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

    // Search: the first query also fills the per-paper haystack cache, so it is reported apart.
    const [, searchColdMs] = await timed(async () => unwrap(await call(options, 'papers.rows', { text: 'ka' })));
    const times: number[] = [];
    for (const text of searchQueries(vocab, 200)) {
      const [, ms] = await timed(async () => unwrap(await call(options, 'papers.rows', { text })));
      times.push(ms);
    }
    times.sort((a, b) => a - b);

    const [, filterSortMs] = await timed(async () =>
      unwrap(await call(options, 'papers.rows', { status: 'unread', sort: 'title' })),
    );
    const [, exportMs] = await timed(async () => {
      unwrap(await call(options, 'library.export', { format: 'bibtex' }));
      unwrap(await call(options, 'library.export', { format: 'markdown', markdownLayout: 'combined' }));
    });
    await store.flush();

    return {
      generate_ms: round(generateMs),
      file_mb: round(fileBytes / 1e6),
      open_ms: round(openMs),
      open_floor_ms: round(openFloorMs),
      rss_mb: round(memory.rss / 1e6),
      heap_mb: round(memory.heapUsed / 1e6),
      save_ms: round(saveMs),
      save_floor_ms: round(saveFloorMs),
      save_block_ms: round(lag.max / 1e6),
      burst_writes: burstWrites,
      burst_durable_ms: round(burstDurableMs),
      index_build_ms: 0,
      search_cold_ms: round(searchColdMs),
      search_p50_ms: round(percentile(times, 50)),
      search_p99_ms: round(percentile(times, 99)),
      filter_sort_ms: round(filterSortMs),
      export_ms: round(exportMs),
      ...(await measureImport(bibtex)),
      notes: 'index_build_ms: there is no search index yet; search times are the naive scan',
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
    return {
      import_entries: entries,
      import_parse_per_s: Math.round(entries / (parseMs / 1000)),
      import_bibtex_per_s: Math.round(entries / (importMs / 1000)),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
