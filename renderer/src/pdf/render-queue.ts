/** A drawing under way: its end, and how to stop it. */
export type Drawing = { done: Promise<unknown>; cancel: () => void };

type Request = { page: number; start: () => Drawing; order: number };

/**
 * Draws the pages that ask, one at a time, the page nearest the reader's current page first (PDF.js's own
 * viewer does the same). Drawing all the pages near the screen at once shared the main thread between them:
 * the page being read came last, and a scroll stuttered while four canvases were painted in slices.
 */
export class RenderQueue {
  private readonly waiting = new Map<number, Request>();
  private running: { request: Request; drawing: Drawing } | undefined;
  private current = 0;
  private asked = 0;
  private disposed = false;
  private idlers: (() => void)[] = [];

  /** The page the reader shows now (0-based): the waiting page nearest to it is drawn next. */
  focus(page: number): void {
    this.current = page;
  }

  /**
   * Ask for `page` to be drawn; `start` begins the drawing when its turn comes. Returns a cancel function:
   * a waiting request is dropped, a running drawing is stopped and the next one begins.
   */
  request(page: number, start: () => Drawing): () => void {
    const request: Request = { page, start, order: this.asked++ };
    this.waiting.set(page, request);
    this.pump();
    return () => {
      if (this.waiting.get(page) === request) this.waiting.delete(page);
      else if (this.running?.request === request) this.running.drawing.cancel();
    };
  }

  /** Pages waiting their turn, nearest first (for tests). */
  get queued(): number[] {
    return [...this.waiting.values()].sort((a, b) => this.compare(a, b)).map((r) => r.page);
  }

  get busy(): boolean {
    return this.running !== undefined;
  }

  /**
   * Resolves once the queue has drawn what was asked and has nothing left to draw, or after `limitMs` at the
   * latest (a document whose pages never ask). Work that can wait for the pages on screen (reading every
   * page's size) waits for this, so it does not take the worker from the first page.
   */
  idle(limitMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, limitMs);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.idlers.push(done);
    });
  }

  dispose(): void {
    this.disposed = true;
    this.waiting.clear();
    this.running?.drawing.cancel();
    this.wake();
  }

  private wake(): void {
    const idlers = this.idlers;
    this.idlers = [];
    for (const done of idlers) done();
  }

  private compare(a: Request, b: Request): number {
    // Nearest the current page first; of two as near, the one below (reading goes down), then the older ask.
    const da = Math.abs(a.page - this.current);
    const db = Math.abs(b.page - this.current);
    if (da !== db) return da - db;
    if (a.page !== b.page) return b.page - a.page;
    return a.order - b.order;
  }

  private pump(): void {
    if (this.running || this.disposed || this.waiting.size === 0) return;
    let next: Request | undefined;
    for (const request of this.waiting.values()) if (!next || this.compare(request, next) < 0) next = request;
    if (!next) return;
    this.waiting.delete(next.page);
    let drawing: Drawing;
    try {
      drawing = next.start();
    } catch {
      this.pump();
      return;
    }
    const running = { request: next, drawing };
    this.running = running;
    const finish = () => {
      if (this.running === running) this.running = undefined;
      this.pump();
      if (!this.running && this.waiting.size === 0) this.wake();
    };
    drawing.done.then(finish, finish);
  }
}
