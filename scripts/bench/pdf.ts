import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runInNewContext } from 'node:vm';
import { call } from '../../electron/core/dispatch';
import { queryPage, type ListQuery } from '../../electron/core/query';
import { searchedRows } from '../../electron/core/rows';
import { LIBRARY_VERSION, type Paper } from '../../electron/core/schema';
import { matchWords } from '../../electron/core/search/snippet';
import { serializeLibrary } from '../../electron/core/store/library-file';
import { LIBRARY_FILE_NAME, LibraryStore } from '../../electron/core/store/store';
import { makePaper, searchQueries, type Vocabulary } from './data';
import { idleUntil, percentile } from './measure';
import { PDF_PAGES, pdfPages } from './pdf-data';

/** What `npm run bench -- --json` reports under `pdf`: an object others add their own figures to. */
export type PdfResult = Record<string, number | string | null>;

const round = (ms: number): number => Math.round(ms * 10) / 10;
/** measure.ts turns --expose-gc on when it loads. */
const gc = (): void => (runInNewContext('gc') as () => void)();
/**
 * After a forced collection, how long the searches wait: its sweeping goes on in the collector's threads, and on
 * two cores it took the CPU from the first searches timed (the bench's 8th search took 30 ms against 16 ms when
 * timed half a second later). The app never collects on purpose before a search.
 */
const SWEPT_MS = 500;

/** A collected heap, its sweeping done. */
async function collected(): Promise<void> {
  gc();
  await new Promise((resolve) => setTimeout(resolve, SWEPT_MS));
}
const LIST_PAGE = 200;

/** The papers given a PDF: every (size / pdfs)-th, from the first. */
export const hasPdf = (index: number, size: number, pdfs: number): boolean =>
  pdfs > 0 && index % Math.max(1, Math.floor(size / pdfs)) === 0 && index / Math.floor(size / pdfs) < pdfs;

/** A paper of the bench's library, with an attached PDF (and, for a third of them, pages read) if it has one. */
export function benchPaper(vocab: Vocabulary, index: number, size: number, pdfs: number): Paper {
  const paper = makePaper(vocab, index);
  if (!hasPdf(index, size, pdfs)) return paper;
  const hash = index.toString(16).padStart(64, '0');
  const at = paper.createdAt;
  paper.attachments = [{ hash, name: `${paper.id}.pdf`, size: 1_000_000, pages: PDF_PAGES, attachedAt: at }];
  if (index % 3 === 0) {
    paper.progress = {
      attachment: hash,
      page: 5,
      offset: 0.3,
      furthest: 5,
      pages: PDF_PAGES,
      seen: 'Hw==',
      days: [],
      updatedAt: at,
    };
  }
  return paper;
}

/** Give every paper with a PDF its text, as the store does at open; the longest and total time the calls took. */
export function feedPdfText(
  store: LibraryStore,
  vocab: Vocabulary,
  size: number,
  pdfs: number,
): { totalMs: number; maxMs: number } {
  let totalMs = 0;
  let maxMs = 0;
  let k = 0;
  for (let index = 0; index < size; index++) {
    if (!hasPdf(index, size, pdfs)) continue;
    const pages = pdfPages(vocab, k++);
    const start = performance.now();
    store.catalog.setPdfText(makePaperId(index), pages);
    const ms = performance.now() - start;
    totalMs += ms;
    maxMs = Math.max(maxMs, ms);
  }
  return { totalMs, maxMs };
}

const makePaperId = (index: number): string => `bench${index.toString(36).padStart(6, '0')}`;

/** Open a library in a fresh process, give `pdfs` papers their text, and read its memory (pdf-memory.ts). */
function memoryOf(
  dir: string,
  size: number,
  pdfs: number,
): { rss: number; heapUsed: number; arrayBuffers: number } | undefined {
  const script = join(import.meta.dirname, 'pdf-memory.ts');
  const child = spawnSync(process.execPath, ['--import', 'tsx', script, dir, String(size), String(pdfs)], {
    encoding: 'utf8',
  });
  const line = child.stdout?.trim().split('\n').at(-1);
  return child.status === 0 && line
    ? (JSON.parse(line) as { rss: number; heapUsed: number; arrayBuffers: number })
    : undefined;
}

type Timing = { p50: number; p99: number; cpuP50: number; cpuP99: number; withPdfRows: number };

/**
 * Each query as the list asks for its first page (200 rows and the count), as papers.rows answers it:
 * queryPage, then each row's marks and passage, or its PDF page and passage (searchedRows).
 */
async function searchTimes(store: LibraryStore, queries: readonly string[], wired: boolean): Promise<Timing> {
  const times: number[] = [];
  // This process's CPU time too: on a shared machine it says what a search costs when wall time cannot.
  const cpu: number[] = [];
  let withPdfRows = 0;
  const listQuery = (q: Partial<ListQuery>): ListQuery => ({ status: 'all', sort: 'queue', offset: 0, ...q });
  for (const text of queries) {
    const start = performance.now();
    const used = process.cpuUsage();
    let rows: { pdfMatch?: unknown }[];
    if (wired) {
      const result = await call({ store }, 'papers.rows', { text, limit: LIST_PAGE });
      if (!result.ok) throw new Error(result.error.message);
      rows = result.value.rows;
    } else {
      const result = queryPage(store.catalog, listQuery({ text, limit: LIST_PAGE }));
      rows = searchedRows(store.catalog, result, matchWords(text));
    }
    times.push(performance.now() - start);
    const { user, system } = process.cpuUsage(used);
    cpu.push((user + system) / 1000);
    if (rows.some((row) => row.pdfMatch)) withPdfRows++;
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    cpuP50: percentile(cpu, 50),
    cpuP99: percentile(cpu, 99),
    withPdfRows,
  };
}

/**
 * Search in a library of `size` papers of which `pdfs` have a PDF of about 80,000 characters: the same
 * queries as the main bench before and after the PDFs' text is given, what giving it costs, how soon it is
 * all searchable, and the memory it takes (fresh processes with and without it).
 */
export async function measurePdf(vocab: Vocabulary, size: number, pdfs: number): Promise<PdfResult> {
  const dir = await mkdtemp(join(tmpdir(), `paperqueue-bench-pdf-${size}-`));
  try {
    const papers = Array.from({ length: size }, (_, i) => benchPaper(vocab, i, size, pdfs));
    await writeFile(join(dir, LIBRARY_FILE_NAME), serializeLibrary({ version: LIBRARY_VERSION, papers }));
    papers.length = 0;
    const store = await LibraryStore.open(dir);
    await idleUntil(() => store.catalog.search.ready);
    const queries = searchQueries(vocab, 200);
    // Whether papers.rows gives PDF matches yet; if not, what it will run is timed instead.
    const probe = await call({ store }, 'papers.rows', { text: 'ka', limit: 1 });
    // Once through untimed first, so neither figure pays for compiling the code on first use.
    await searchTimes(store, queries, false);
    // Each pass starts from a collected heap: the garbage of opening, or of making and giving 80 MB of text,
    // is not charged to the searches after it.
    await collected();
    const without = await searchTimes(store, queries, false);

    const feed = feedPdfText(store, vocab, size, pdfs);
    const fed = performance.now();
    const pdfSearch = store.catalog.pdfSearch;
    await idleUntil(() => pdfSearch.unread === 0);
    const searchableMs = performance.now() - fed;
    await idleUntil(() => !pdfSearch.building && pdfSearch.unread === 0 && pdfSearch.pendingChanges === 0);
    const settledMs = performance.now() - fed;
    const probeAfter = await call({ store }, 'papers.rows', { text: queries[2]!, limit: LIST_PAGE });
    const wired = probe.ok && probeAfter.ok && probeAfter.value.rows.some((row) => 'pdfMatch' in row && row.pdfMatch);
    await searchTimes(store, queries, wired);
    await collected();
    const withPdfs = await searchTimes(store, queries, wired);
    const index = pdfSearch.stats();
    let textBytes = 0;
    for (const paper of store.all()) textBytes += store.catalog.pdfTextOf(paper.id)?.bytes.length ?? 0;
    store.catalog.dispose();
    await store.flush();

    const plain = memoryOf(dir, size, 0);
    const withText = memoryOf(dir, size, pdfs);
    const mb = (bytes: number | undefined): number | null => (bytes === undefined ? null : round(bytes / 1e6));
    const extra =
      plain && withText ? withText.heapUsed + withText.arrayBuffers - plain.heapUsed - plain.arrayBuffers : undefined;
    return {
      papers: size,
      papers_with_pdf: pdfs,
      search_p50_ms: round(withPdfs.p50),
      search_p99_ms: round(withPdfs.p99),
      search_without_pdf_text_p50_ms: round(without.p50),
      search_without_pdf_text_p99_ms: round(without.p99),
      search_cpu_p50_ms: round(withPdfs.cpuP50),
      search_cpu_p99_ms: round(withPdfs.cpuP99),
      search_without_pdf_text_cpu_p50_ms: round(without.cpuP50),
      search_without_pdf_text_cpu_p99_ms: round(without.cpuP99),
      queries_with_pdf_rows: withPdfs.withPdfRows,
      set_pdf_text_total_ms: round(feed.totalMs),
      set_pdf_text_max_ms: round(feed.maxMs),
      pdf_searchable_ms: round(searchableMs),
      pdf_index_built_ms: round(settledMs),
      pdf_index_mb: mb(index.bytes),
      pdf_text_mb: mb(textBytes),
      rss_without_pdf_text_mb: mb(plain?.rss),
      rss_mb: mb(withText?.rss),
      extra_memory_mb: mb(extra),
      notes_pdf:
        `${pdfs} of ${size} papers with a PDF of ${PDF_PAGES} pages, about 80,000 characters (Zipf words, ligatures, ` +
        'hyphens, curly quotes); search_*: the list’s first page of 200 rows and the count for the main bench’s 200 ' +
        `queries, ${wired ? 'through papers.rows' : 'as queryPage + searchedRows (papers.rows does not give PDF matches yet)'}, ` +
        'after the PDF index is built; search_without_pdf_text_*: the same queries before any text was given; each ' +
        'after one untimed pass and a collection (and half a second for its sweeping to end); *_cpu_*: the same in this process’s CPU time (user and system, ' +
        'its collector’s threads included); ' +
        'set_pdf_text_*: the catalog.setPdfText calls (each blocks the event loop that long); pdf_searchable_ms: from ' +
        'the last call until every text is read (the background indexes them as they come), pdf_index_built_ms: until ' +
        'a rebuild has folded them into the index proper; rss_*: fresh processes that opened the library and were given ' +
        'no text or every text, extra_memory_mb: how much more heap and array buffers (after collections) with the text.',
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
