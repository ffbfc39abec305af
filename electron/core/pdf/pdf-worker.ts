import { Worker } from 'node:worker_threads';
import type { PdfDamage } from './damage';

/** One text item of page 1 with where it sits: enough to find the title and the authors below it. */
export type PlacedItem = {
  str: string;
  hasEOL: boolean;
  x: number;
  y: number;
  width: number;
  /** The text's height in PDF units (the font size times any scaling). */
  size: number;
  /** False for rotated text, such as arXiv's stamp in the left margin. */
  upright: boolean;
  /** Right-to-left text (Arabic, Hebrew): PDF.js gives a line's items left to right as drawn. */
  rtl?: boolean;
};

/** Page 1 as the identification reads it: its box ([x0, y0, x1, y1] in PDF units) and its items in order. */
export type FirstPage = { view: number[]; items: PlacedItem[] };

/** What the worker (extract-worker.mjs) reads from one PDF. */
export type RawPdf = {
  /**
   * Per page, the `str` of every text item in order and 1 where that item ends a line; on a page with a
   * right-to-left item, also 1 where an item is right to left and each item's transform (6 numbers).
   */
  pages: { strs: string[]; eols: Uint8Array; rtl?: Uint8Array; transforms?: Float64Array }[];
  /** The Info dictionary's Title, Author, Subject, Keywords and custom string fields (as `Custom.<key>`). */
  info: Record<string, string>;
  /** The XMP metadata's fields by their lower-cased names (`dc:title`, `dc:creator`, `prism:doi`, …). */
  xmp: Record<string, string | string[]>;
  firstPage?: FirstPage;
  /** What PDF.js found damaged in the file while reading it, when it found anything. */
  damage?: PdfDamage;
};

/** PDF.js's exception, as the worker reports it: `PasswordException` carries code 1 (needed) or 2 (wrong). */
export type PdfJsFailure = { name: string; message: string; code?: number };

/** How a request to the worker ended. */
export type WorkerOutcome =
  | { kind: 'read'; raw: RawPdf }
  | { kind: 'too-many-pages'; pages: number }
  | { kind: 'pdfjs-failed'; error: PdfJsFailure }
  | { kind: 'timeout' }
  | { kind: 'crashed'; reason: string; outOfMemory: boolean }
  | { kind: 'unavailable'; reason: string };

/** One PDF to read: `bytes` are moved into the worker when they fill their whole ArrayBuffer. */
export type WorkerRequest = { bytes: Uint8Array; password?: string; maxPages: number; timeoutMs: number };

/** The worker's JavaScript heap limit: a hostile PDF fails on its own instead of exhausting the process. */
export const WORKER_HEAP_MB = 1024;

type Job = WorkerRequest & { id: number; settle: (outcome: WorkerOutcome) => void };
type Reply =
  | { ready: true }
  | { id: number; ok: true; result: RawPdf | { tooManyPages: number } }
  | { id: number; ok: false; error: PdfJsFailure };

let worker: Worker | undefined;
let ready = false;
let current: Job | undefined;
const waiting: Job[] = [];
let lastId = 0;
/** Each thread's flag asking it to stop (see stopWorker). */
const stopFlags = new WeakMap<Worker, Int32Array>();
/** How long a stopped thread has to finish the zlib handle it may be making before it is terminated. */
const STOP_GRACE_MS = 100;

/**
 * Reads one PDF in the shared worker thread. Requests run one at a time; each settles within its timeoutMs,
 * counted from the call: a request still waiting is dropped, a running one has its worker terminated (the next
 * request starts a new one). The worker keeps the process alive only while it has work.
 */
export function readInWorker(request: WorkerRequest): Promise<WorkerOutcome> {
  return new Promise((resolve) => {
    const job: Job = { ...request, id: ++lastId, settle: resolve };
    const timer = setTimeout(() => timeOut(job), request.timeoutMs);
    job.settle = (outcome) => {
      clearTimeout(timer);
      resolve(outcome);
    };
    waiting.push(job);
    next();
  });
}

function timeOut(job: Job): void {
  if (current === job) {
    stopWorker();
    finish(job, { kind: 'timeout' });
    return;
  }
  const at = waiting.indexOf(job);
  if (at >= 0) waiting.splice(at, 1);
  job.settle({ kind: 'timeout' });
}

function finish(job: Job, outcome: WorkerOutcome): void {
  if (current === job) current = undefined;
  job.settle(outcome);
  next();
}

function next(): void {
  if (current) return;
  const job = waiting.shift();
  if (!job) {
    worker?.unref();
    return;
  }
  current = job;
  let thread: Worker;
  try {
    thread = startedWorker();
  } catch (error) {
    finish(job, { kind: 'unavailable', reason: reasonOf(error) });
    return;
  }
  thread.ref();
  const message = { id: job.id, bytes: job.bytes, password: job.password, maxPages: job.maxPages };
  const { bytes } = job;
  const whole =
    bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  try {
    thread.postMessage(message, whole ? [bytes.buffer] : []);
  } catch {
    // Some buffers (Node's shared pool, for one) cannot be moved: copy them instead.
    try {
      thread.postMessage(message);
    } catch (error) {
      finish(job, { kind: 'unavailable', reason: reasonOf(error) });
    }
  }
}

function startedWorker(): Worker {
  if (worker) return worker;
  const stopping = new Int32Array(new SharedArrayBuffer(4));
  const thread = new Worker(new URL('./extract-worker.mjs', import.meta.url), {
    // Plain JavaScript: no loader (tsx's, when the parent runs under it) need slow its start.
    execArgv: profileArgs(process.env.PAPERQUEUE_PDF_CPU_PROFILE),
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    workerData: { stopping },
  });
  stopFlags.set(thread, stopping);
  worker = thread;
  ready = false;
  thread.on('message', (reply: Reply) => {
    if (thread !== worker) return;
    if ('ready' in reply) {
      ready = true;
      return;
    }
    const job = current;
    if (!job || reply.id !== job.id) return;
    if (!reply.ok) finish(job, { kind: 'pdfjs-failed', error: reply.error });
    else if ('tooManyPages' in reply.result) finish(job, { kind: 'too-many-pages', pages: reply.result.tooManyPages });
    else finish(job, { kind: 'read', raw: reply.result });
  });
  thread.on('error', (error) => lost(thread, error));
  thread.on('exit', (code) => lost(thread, new Error(`the PDF reader's thread stopped (exit code ${code})`)));
  return thread;
}

/** The worker died: the running request fails, the next one gets a new worker. */
function lost(thread: Worker, error: unknown): void {
  if (thread !== worker) return;
  const started = ready;
  worker = undefined;
  const job = current;
  if (!job) return;
  const outOfMemory = (error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY';
  // Dying before PDF.js loaded means the worker could not load (a missing file or module), not a bad PDF.
  if (!started && !outOfMemory) finish(job, { kind: 'unavailable', reason: reasonOf(error) });
  else finish(job, { kind: 'crashed', reason: reasonOf(error), outOfMemory });
}

/**
 * Stop the running read's thread: first asked, through its flag, to make no more zlib handles (see
 * extract-worker.mjs's `stopping`), then terminated STOP_GRACE_MS later, by when any it was making is made. The
 * request has failed already; the next one starts a new thread meanwhile.
 */
function stopWorker(): void {
  const thread = worker;
  worker = undefined;
  if (!thread) return;
  const flag = stopFlags.get(thread);
  if (flag) Atomics.store(flag, 0, 1);
  thread.unref();
  setTimeout(() => void thread.terminate(), STOP_GRACE_MS).unref();
}

/**
 * With PAPERQUEUE_PDF_CPU_PROFILE set to a folder, the worker writes a V8 CPU profile of its whole life there
 * (`--cpu-prof`, open it in Chrome's DevTools): how the bench's extraction figure is taken apart
 * (`tsx scripts/bench/pdf-files.ts extract --profile DIR`). Nothing else turns it on.
 */
export function profileArgs(folder: string | undefined): string[] {
  return folder ? ['--cpu-prof', `--cpu-prof-dir=${folder}`, '--cpu-prof-interval=250'] : [];
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
