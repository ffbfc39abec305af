/**
 * Real PDFs through the core (../shared/pdfs, PDF.js's own test files): how fast their text is extracted,
 * and what attaching one costs (hash, store and extract, as `attachments.add` with a path does it).
 *
 * Run as a script (`tsx pdf-files.ts first-attach`), it attaches tracemonkey.pdf once in this fresh process
 * and prints the time as one line of JSON: the very first attach, with the PDF worker's start and PDF.js's
 * loading in it, which a bench process that has already read a PDF could not see.
 *
 * `tsx pdf-files.ts extract [--profile DIR]` runs only the extraction measure and prints both passes, with the
 * process's CPU time (steadier than the clock on a shared machine) and, with --profile, the worker's V8 CPU
 * profile written to DIR and each pass's window in that profile's clock (microseconds), to take its time apart.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { call } from '../../electron/core/dispatch';
import { extractPdf } from '../../electron/core/pdf';
import { LibraryStore } from '../../electron/core/store/store';
import type { PdfResult } from './pdf';

/** The PDFs the bench reads: next to the repository, as the end-to-end tests find them. */
export const SHARED_PDFS = join(import.meta.dirname, '..', '..', '..', 'shared', 'pdfs');
/** Extraction is timed over these three: a two-column paper, a long review with figures, a pdfLaTeX page. */
const EXTRACTED = ['tracemonkey.pdf', 'TAMReview.pdf', 'bug1937438_af_from_latex.pdf'];
const ATTACHED = 'tracemonkey.pdf';
/** Read once, untimed, before extraction is timed: a small PDF that is not among EXTRACTED. */
const WARM_UP = 'copy_paste_ligatures.pdf';
const ATTACH_RUNS = 3;

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));
/** The machine's load as the notes give it: the bench shares the machine, and these figures move with it. */
export const load = (): string => `load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores when measured`;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * One `attachments.add` of `path` (by its path, as the CLI and the host do) to a new paper in a library
 * of its own in a fresh temporary folder, so the text cache is empty; the call's milliseconds.
 */
export async function timeAttach(path: string): Promise<number> {
  const dir = await mkdtemp(join(tmpdir(), 'paperqueue-bench-attach-'));
  try {
    const store = await LibraryStore.open(dir);
    const options = { store, caller: 'host' as const };
    const paper = await call(options, 'papers.add', { title: 'Trace-based just-in-time type specialization' });
    if (!paper.ok) throw new Error(paper.error.message);
    const start = performance.now();
    const attached = await call(options, 'attachments.add', { paperId: paper.value.id, path });
    const ms = performance.now() - start;
    if (!attached.ok) throw new Error(attached.error.message);
    if (attached.value.already || attached.value.attachment.pages < 1) throw new Error('the PDF was not attached anew');
    store.catalog.dispose();
    await store.flush();
    return ms;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The first attach of a fresh process (this file run as a script), or why it could not be timed. */
function firstAttachMs(path: string): { ms: number } | { note: string } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, 'first-attach', path], {
    encoding: 'utf8',
    timeout: 180_000,
  });
  const line = child.stdout?.trim().split('\n').at(-1);
  if (child.status !== 0 || !line) {
    const why = child.error?.message ?? (child.stderr?.trim().split('\n').at(-1) || `exit ${child.status}`);
    return { note: `the fresh process failed: ${why}` };
  }
  return JSON.parse(line) as { ms: number };
}

/** One pass: its pages per second, the process's CPU milliseconds, and its window on the monotonic clock (µs). */
type Pass = { pagesPerS: number; pages: number; ms: number; cpuMs: number; window: [bigint, bigint]; perFile: string };

/** One pass over EXTRACTED, one file after another: pages per second and each file's time. */
async function extractionPass(files: readonly Buffer[]): Promise<Pass> {
  let pages = 0;
  let ms = 0;
  const perFile: string[] = [];
  const cpu = process.cpuUsage();
  const from = process.hrtime.bigint() / 1000n;
  for (const [i, bytes] of files.entries()) {
    // A copy: extractPdf moves the buffer it is given to the worker. Copying is not timed.
    const copy = new Uint8Array(bytes);
    const start = performance.now();
    const text = await extractPdf(copy, { name: EXTRACTED[i] });
    const took = performance.now() - start;
    pages += text.pages.length;
    ms += took;
    perFile.push(`${EXTRACTED[i]} ${text.pages.length} in ${Math.round(took)} ms`);
  }
  const to = process.hrtime.bigint() / 1000n;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  return { pagesPerS: (pages / ms) * 1000, pages, ms, cpuMs, window: [from, to], perFile: perFile.join(', ') };
}

/**
 * Pages per second extracting EXTRACTED after one untimed call that starts the worker and loads PDF.js (the
 * figure asked for: each file is new to PDF.js's compiled code, as a first attach of a session is), and again
 * once they have all been read (warm).
 */
async function extractionRate(): Promise<{ first: Pass; warm: Pass }> {
  const files = await Promise.all(EXTRACTED.map((name) => readFile(join(SHARED_PDFS, name))));
  // Warm-up: the worker thread starts on the first call and stays for the next ones.
  await extractPdf(new Uint8Array(await readFile(join(SHARED_PDFS, WARM_UP))), { name: WARM_UP });
  const first = await extractionPass(files);
  const warm = await extractionPass(files);
  return { first, warm };
}

/**
 * extract_pages_per_s, attach_ms (median of 3 attaches, each into a new library) and attach_first_ms (a fresh
 * process's first attach). A figure that fails is null, with a note saying why; nothing is thrown.
 */
export async function measurePdfFiles(): Promise<PdfResult> {
  const result: PdfResult = {};
  const attachPath = join(SHARED_PDFS, ATTACHED);
  let size: number | undefined;
  try {
    size = (await stat(attachPath)).size;
  } catch (error) {
    const why = `cannot read ${attachPath}: ${message(error)}`;
    return {
      extract_pages_per_s: null,
      extract_note: why,
      attach_ms: null,
      attach_first_ms: null,
      attach_note: why,
    };
  }

  const first = firstAttachMs(attachPath);
  result.attach_first_ms = 'ms' in first ? Math.round(first.ms) : null;

  try {
    const { first, warm } = await extractionRate();
    result.extract_pages_per_s = Math.round(first.pagesPerS);
    result.extract_warm_pages_per_s = Math.round(warm.pagesPerS);
    result.extract_note =
      `extractPdf (PDF.js in the worker thread: every page's text and the identification) over ` +
      `${EXTRACTED.join(' + ')}, one after another: ${first.pages} pages in ${Math.round(first.ms)} ms ` +
      `(${Math.round(first.cpuMs)} ms of the process's CPU, which a loaded machine moves less) after one ` +
      `untimed warm-up call (${WARM_UP}) that starts the worker (${first.perFile}); extract_warm_pages_per_s: the ` +
      `same files read again right after (${warm.perFile}; ${Math.round(warm.cpuMs)} ms of CPU); ${load()}`;
  } catch (error) {
    result.extract_pages_per_s = null;
    result.extract_note = `failed: ${message(error)}`;
  }

  try {
    const times: number[] = [];
    for (let i = 0; i < ATTACH_RUNS; i++) times.push(await timeAttach(attachPath));
    result.attach_ms = Math.round(median(times));
    result.attach_note =
      `attachments.add (caller host, by path: read, SHA-256, extract, store the file and its text, record it on the ` +
      `paper) of ${ATTACHED} (${size.toLocaleString('en-US')} bytes), each into a new library in a new temporary folder ` +
      `so the text cache never hits; attach_ms: median of ${ATTACH_RUNS} in the bench's process (PDF worker already ` +
      `running): ${times.map((t) => Math.round(t)).join(', ')} ms; attach_first_ms: ` +
      ('ms' in first ? 'the first attach of a fresh process, the worker’s start included' : first.note) +
      `; ${load()}`;
  } catch (error) {
    result.attach_ms = null;
    result.attach_note = `failed: ${message(error)}${'note' in first ? `; attach_first_ms: ${first.note}` : ''}`;
  }
  return result;
}

if (process.argv[1] === import.meta.filename && process.argv[2] === 'extract') {
  const at = process.argv.indexOf('--profile');
  if (at > 0) process.env.PAPERQUEUE_PDF_CPU_PROFILE = process.argv[at + 1] ?? 'pdf-profile';
  const passes = await extractionRate();
  for (const [name, pass] of Object.entries(passes)) {
    const rate = `${pass.pagesPerS.toFixed(1)} pages/s, ${pass.pages} pages in ${Math.round(pass.ms)} ms`;
    process.stdout.write(`${name}: ${rate}, CPU ${Math.round(pass.cpuMs)} ms (${pass.perFile})\n`);
    if (at > 0) process.stdout.write(`  profile window ${pass.window[0]}–${pass.window[1]} µs\n`);
  }
  process.stdout.write(`${load()}\n`);
}

if (process.argv[1] === import.meta.filename && process.argv[2] === 'first-attach') {
  const path = process.argv[3] ?? join(SHARED_PDFS, ATTACHED);
  const ms = await timeAttach(path);
  process.stdout.write(`${JSON.stringify({ ms })}\n`);
}
