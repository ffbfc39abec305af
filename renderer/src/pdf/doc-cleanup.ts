import type { PDFDocumentProxy } from 'pdfjs-dist';
import { collectGarbage } from './collect';

/** Run `work` when the page is idle (at the latest after `timeout` ms), or soon where idle callbacks are missing. */
function whenIdle(work: () => void, timeout: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout });
  else setTimeout(work, 0);
}

type CleanupOptions = {
  /** Pages drawn since the last clean-up before the next one, after a pause of `pauseMs`... */
  after: number;
  pauseMs: number;
  /** ...or at once after this many. */
  atOnceAfter: number;
  /** A garbage collection is asked for after this many clean-ups. */
  collectEvery: number;
  collect: () => void;
  /** Asked for after every clean-up: PDF.js's worker collects its own garbage (pdfjs.ts, reader-worker.ts). */
  collectWorker: () => void;
};

const CLEANUP_DEFAULTS: CleanupOptions = {
  after: 6,
  pauseMs: 400,
  atOnceAfter: 10,
  collectEvery: 1,
  collect: collectGarbage,
  collectWorker: () => undefined,
};

/**
 * Gives back what PDF.js keeps for a whole document while it is read: the fonts and images it loaded on
 * both threads, which would otherwise grow with every page drawn until the document is closed (a long
 * book took hundreds of megabytes). PDF.js's own viewer does this when it is idle; so do we, once enough
 * pages have been drawn since the last time, when no page is being drawn: after a short pause, or at once
 * after many pages (reading fast through a book leaves no pause). Drawn pages stay drawn; pages drawn
 * afterwards load their fonts again.
 *
 * After each clean-up it also asks for a garbage collection, when the page is idle. PDF.js draws through
 * Path2D objects (every path, and every glyph when glyphs are paths), whose memory is native and unseen by
 * V8: the page's JavaScript heap barely grows, so V8 rarely collects, while the garbage holds the native
 * memory. Reading a 350-page book grew the renderer by about 400 MB that way; with a collection every 10
 * pages it levelled off near 220 MB (scripts/bench/pdf-reader.ts). Only the desktop app can collect.
 *
 * It asks PDF.js's worker to collect too (`collectWorker`), at once: the worker's heap fills with the
 * garbage of parsing (80 to 90 MB of it before V8 collected on its own), and a collection there holds up
 * no drawing on screen. With both after every clean-up, the book's peak was +245 to +259 MB in five runs;
 * with the page's every second clean-up, +255 to +338 (the page's collection takes 20 to 50 ms, in an idle
 * moment; page turns were as quick either way).
 */
export class DocumentCleanup {
  private drawing = 0;
  private drawnSince = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private cleaning = false;
  private disposed = false;

  private readonly options: CleanupOptions;

  constructor(
    private readonly doc: Pick<PDFDocumentProxy, 'cleanup'>,
    options: Partial<CleanupOptions> = {},
  ) {
    this.options = { ...CLEANUP_DEFAULTS, ...options };
  }

  /** Follow one page's drawing: no clean-up runs while it is under way (PDF.js forbids it). */
  track(drawn: Promise<unknown>): void {
    this.drawing++;
    clearTimeout(this.timer);
    const end = (counts: boolean) => {
      this.drawing--;
      if (counts) this.drawnSince++;
      this.schedule();
    };
    drawn.then(
      () => end(true),
      () => end(false),
    );
  }

  /** How many times the document was cleaned up (for tests). */
  runs = 0;

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.disposed || this.drawing > 0 || this.cleaning || this.drawnSince < this.options.after) return;
    clearTimeout(this.timer);
    if (this.drawnSince >= this.options.atOnceAfter) void this.clean();
    else this.timer = setTimeout(() => void this.clean(), this.options.pauseMs);
  }

  private async clean(): Promise<void> {
    if (this.disposed || this.drawing > 0 || this.cleaning) return;
    this.cleaning = true;
    this.drawnSince = 0;
    try {
      await this.doc.cleanup();
      this.runs++;
      this.options.collectWorker();
      if (this.runs % this.options.collectEvery === 0)
        whenIdle(() => {
          if (!this.disposed && this.drawing === 0) this.options.collect();
        }, 2000);
    } catch {
      // A page began drawing meanwhile: PDF.js kept what it uses, and the next pause tries again.
    } finally {
      this.cleaning = false;
    }
  }
}
