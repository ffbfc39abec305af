import type { PDFDocumentProxy } from 'pdfjs-dist';

/**
 * Gives back what PDF.js keeps for a whole document while it is read: the fonts and images it loaded on
 * both threads, which would otherwise grow with every page drawn until the document is closed (a long
 * book took hundreds of megabytes). PDF.js's own viewer does this when it is idle; so do we, once enough
 * pages have been drawn since the last time, when no page is being drawn: after a short pause, or at once
 * after many pages (reading fast through a book leaves no pause). Drawn pages stay drawn; pages drawn
 * afterwards load their fonts again.
 */
export class DocumentCleanup {
  private drawing = 0;
  private drawnSince = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private cleaning = false;
  private disposed = false;

  constructor(
    private readonly doc: Pick<PDFDocumentProxy, 'cleanup'>,
    private readonly options: { after: number; pauseMs: number; atOnceAfter: number } = {
      after: 6,
      pauseMs: 400,
      atOnceAfter: 10,
    },
  ) {}

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
    } catch {
      // A page began drawing meanwhile: PDF.js kept what it uses, and the next pause tries again.
    } finally {
      this.cleaning = false;
    }
  }
}
