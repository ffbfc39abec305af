import {
  PDFWorker,
  PasswordResponses,
  VerbosityLevel,
  getDocument,
  type PDFDocumentProxy,
  type PDFPageProxy,
} from 'pdfjs-dist';
import type { PageViewport } from 'pdfjs-dist/types/src/display/display_utils';
import type { TextContent } from 'pdfjs-dist/types/src/display/api';
import type { PointConverter } from './geometry';
import { COLLECT_MESSAGE } from './collect';

export type { PDFDocumentProxy, PDFPageProxy, PageViewport, TextContent };
export { PageTexts } from './page-texts';

let worker: PDFWorker | undefined;
let port: Worker | undefined;
/**
 * Rejects if the worker's file cannot be loaded or run (an 'error' before its first message, pdf.js's "ready");
 * never settles otherwise. Set with the worker.
 */
let started = new Promise<never>(() => undefined);

/**
 * PDF.js's worker, started once and kept for every document after: loading and compiling its 1.4 MB of
 * code is most of what opening a paper costs. Each document's memory in it is given back when the
 * document is destroyed; the worker itself (about 20 MB) stays while the app runs.
 *
 * It is pdf.js's worker with one message of ours (reader-worker.ts), started here and handed to pdf.js as
 * its port. The file is of our own build, loaded from our origin (worker-src falls back to script-src
 * 'self'), and its own response's CSP, not the page's, governs it: that one adds 'wasm-unsafe-eval'
 * (electron/server/security.ts). pdf.js waits on a port it is given without knowing whether it started, so
 * a worker that cannot start is watched here: the documents waiting on it fail, and the next one starts
 * another.
 */
function pdfWorker(): PDFWorker {
  if (!worker || worker.destroyed) {
    const own = new Worker(new URL('./reader-worker.ts', import.meta.url), { type: 'module', name: 'pdf.js' });
    port = own;
    worker = PDFWorker.create({ port: own, verbosity: VerbosityLevel.ERRORS });
    started = new Promise<never>((_, reject) => {
      const answered = () => own.removeEventListener('error', failed);
      const failed = (event: Event) => {
        own.removeEventListener('message', answered);
        if (port === own) {
          worker?.destroy();
          own.terminate();
          worker = port = undefined;
        }
        const detail = event instanceof ErrorEvent && event.message ? `: ${event.message}` : '';
        reject(
          new Error(
            `the PDF reader’s worker did not start${detail} (a file of Paperqueue’s own is missing or damaged: ` +
              'installing Paperqueue again mends it)',
          ),
        );
      };
      own.addEventListener('message', answered, { once: true });
      own.addEventListener('error', failed, { once: true });
    });
    // Only the documents opened meanwhile hear of a failure.
    started.catch(() => undefined);
  }
  return worker;
}

/** Ask PDF.js's worker, if it runs, to collect its garbage (where the host allows it: reader-worker.ts). */
export function collectPdfWorkerGarbage(): void {
  port?.postMessage(COLLECT_MESSAGE);
}

/** Start PDF.js's worker ahead of time (a paper with a PDF is on screen), so that Read PDF opens sooner. */
export function warmPdfWorker(): void {
  pdfWorker();
}

/** Where the build puts pdf.js's data files (electron.vite.config.ts copies them), beside index.html. */
const assets = (folder: string) => new URL(`./pdfjs/${folder}/`, document.baseURI).href;

/** A viewport's screen-to-PDF point conversion, typed. */
export const toPdfPoint =
  (viewport: PageViewport): PointConverter =>
  (x, y) =>
    viewport.convertToPdfPoint(x, y) as number[];

/** A viewport's PDF-to-screen point conversion, typed. */
export const toViewportPoint =
  (viewport: PageViewport): PointConverter =>
  (x, y) =>
    viewport.convertToViewportPoint(x, y) as number[];

/** What the reader asks the person: the password, again when the last one was wrong; undefined gives up. */
export type AskPassword = (wrong: boolean) => Promise<string | undefined>;

/** The reading asked for a password and the person gave up. */
export class PasswordCancelled extends Error {
  constructor() {
    super('No password was given.');
    this.name = 'PasswordCancelled';
  }
}

/**
 * Open a PDF from its bytes with everything that could run or fetch turned off: no eval, no XFA forms, no scripting (pdf.js runs a PDF's JavaScript only through
 * its sandbox and scripting manager, which are never loaded), nothing from the network (the data is in
 * memory; CMaps, standard fonts and the WebAssembly decoders come from our own build). WebAssembly runs in
 * the worker only, whose policy alone allows it: the JBIG2 decoder (scans) is pdfium's, which reads what
 * pdf.js's JavaScript one cannot (refinement regions among them). Glyphs are drawn as paths rather than
 * loaded as web fonts: the same look, and about a quarter less work opening a paper (no font is converted,
 * sanitised and loaded per document).
 */
export function openPdf(
  data: Uint8Array,
  askPassword: AskPassword,
): { promise: Promise<PDFDocumentProxy>; destroy: () => void } {
  const task = getDocument({
    data,
    worker: pdfWorker(),
    isEvalSupported: false,
    enableXfa: false,
    useSystemFonts: false,
    disableFontFace: true,
    cMapUrl: assets('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assets('standard_fonts'),
    wasmUrl: assets('wasm'),
    useWasm: true,
    // A damaged file still shows what can be read of it; problems come back as rejected pages.
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  let cancelled = false;
  task.onPassword = (update: (password: string) => void, reason: number) => {
    void askPassword(reason === PasswordResponses.INCORRECT_PASSWORD).then((password) => {
      if (password === undefined) {
        cancelled = true;
        void task.destroy();
      } else update(password);
    });
  };
  const promise = Promise.race([task.promise, started]).catch((error: unknown) => {
    // A worker that did not start leaves pdf.js waiting: the task is let go.
    void task.destroy();
    throw cancelled ? new PasswordCancelled() : error;
  });
  return { promise, destroy: () => void task.destroy() };
}

/** A page's viewport at scale 1 (its size and how to convert points), or undefined if it cannot be read. */
function viewportOf(doc: PDFDocumentProxy, index: number): Promise<PageViewport | undefined> {
  return doc.getPage(index + 1).then(
    (page) => page.getViewport({ scale: 1 }),
    () => undefined,
  );
}

/**
 * Each page's viewport at scale 1, guessed: every page is taken to be the size of page 1, which is what
 * most documents are. Enough to lay out the column and draw the first page at once; pageViewports then
 * reads the real ones.
 */
export async function guessedViewports(doc: PDFDocumentProxy): Promise<PageViewport[]> {
  const first = (await viewportOf(doc, 0)) ?? fallbackViewport();
  return Array.from({ length: doc.numPages }, () => first);
}

/** Each page's size at scale 1 and its viewport there (for converting highlight rectangles). */
export async function pageViewports(doc: PDFDocumentProxy): Promise<PageViewport[]> {
  const out: PageViewport[] = [];
  // In batches: a thousand-page book asks the worker a thousand times, not all at once.
  for (let at = 0; at < doc.numPages; at += 64) {
    const count = Math.min(64, doc.numPages - at);
    const pages = await Promise.all(Array.from({ length: count }, (_, i) => viewportOf(doc, at + i)));
    for (const viewport of pages) out.push(viewport ?? out[0] ?? fallbackViewport());
  }
  return out;
}

/** Whether two lists of viewports place every page the same way (so the column need not be laid out again). */
export function sameViewports(a: readonly PageViewport[], b: readonly PageViewport[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((v, i) => {
    const w = b[i]!;
    return (
      v === w ||
      (v.width === w.width &&
        v.height === w.height &&
        v.rotation === w.rotation &&
        v.viewBox.every((n, k) => n === w.viewBox[k]))
    );
  });
}

/** A US Letter page, for a page pdf.js cannot read at all (it draws as a blank page with a message). */
function fallbackViewport(): PageViewport {
  return {
    width: 612,
    height: 792,
    scale: 1,
    rotation: 0,
    viewBox: [0, 0, 612, 792],
    convertToPdfPoint: (x: number, y: number) => [x, 792 - y],
    convertToViewportPoint: (x: number, y: number) => [x, 792 - y],
  } as unknown as PageViewport;
}

/** Where a PDF destination (a name or an explicit array) goes: a 0-based page and how far down it. */
export async function resolveDestination(
  doc: PDFDocumentProxy,
  dest: unknown,
  viewports: readonly PageViewport[],
): Promise<{ page: number; offset: number } | undefined> {
  try {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
    if (!Array.isArray(explicit) || explicit.length === 0) return undefined;
    const [target, kind, ...args] = explicit as [unknown, { name?: string } | undefined, ...unknown[]];
    const page =
      typeof target === 'number'
        ? target
        : target && typeof target === 'object' && 'num' in target
          ? await doc.getPageIndex(target as Parameters<PDFDocumentProxy['getPageIndex']>[0])
          : undefined;
    if (page === undefined || page < 0 || page >= doc.numPages) return undefined;
    // The top the destination names, when it names one: XYZ left top, FitH top, FitBH top, FitR left bottom right top.
    const top =
      kind?.name === 'XYZ'
        ? args[1]
        : kind?.name === 'FitH' || kind?.name === 'FitBH'
          ? args[0]
          : kind?.name === 'FitR'
            ? args[3]
            : undefined;
    const viewport = viewports[page];
    if (typeof top !== 'number' || !viewport) return { page, offset: 0 };
    const [, y = 0] = toViewportPoint(viewport)(0, top);
    return { page, offset: Math.min(1, Math.max(0, y / viewport.height - 0.02)) };
  } catch {
    return undefined;
  }
}

/** A PDF's outline (its table of contents), each entry with where it goes. */
export type OutlineItem = { title: string; dest: unknown; url: string | undefined; items: OutlineItem[] };

export async function outlineOf(doc: PDFDocumentProxy): Promise<OutlineItem[]> {
  type Raw = { title: string; dest: unknown; url: string | null; items: Raw[] };
  const convert = (items: Raw[]): OutlineItem[] =>
    items.map((item) => ({
      title: item.title,
      dest: item.dest,
      url: item.url ?? undefined,
      items: convert(item.items ?? []),
    }));
  try {
    const outline: Raw[] | null = await doc.getOutline();
    return convert(outline ?? []);
  } catch {
    return [];
  }
}
