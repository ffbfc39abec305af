/**
 * Canvases for drawing pages, given back and handed out again. A new canvas's first paint allocates its pixels
 * (4 MB for a page at 1,280 pixels wide), which took Chromium 20 to 180 ms on the main thread per page, more
 * than drawing the page itself; a canvas of the same size used again costs nothing. A few are kept, and all
 * are let go after a while unused, so a closed reader holds no pixels.
 */
export class CanvasPool {
  private readonly free: HTMLCanvasElement[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly options: { keep: number; idleMs: number } = { keep: 2, idleMs: 30_000 },
    private readonly make: () => HTMLCanvasElement = () => document.createElement('canvas'),
  ) {}

  /** A canvas of this many pixels, blank: one given back at the same size if there is one. */
  take(width: number, height: number): HTMLCanvasElement {
    const same = this.free.findIndex((c) => c.width === width && c.height === height);
    const canvas = same >= 0 ? this.free.splice(same, 1)[0]! : (this.free.pop() ?? this.make());
    // Setting the size, even to the same one, clears the pixels and the drawing state.
    canvas.width = width;
    canvas.height = height;
    return canvas;
  }

  /** Take back a canvas no drawing uses any more: kept for the next page, or its pixels freed at once. */
  give(canvas: HTMLCanvasElement): void {
    canvas.remove();
    if (canvas.width === 0 || this.free.includes(canvas)) return;
    if (this.free.length < this.options.keep) this.free.push(canvas);
    else free(canvas);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.clear(), this.options.idleMs);
  }

  /** How many canvases are kept (for tests). */
  get kept(): number {
    return this.free.length;
  }

  /** Let every kept canvas go. */
  clear(): void {
    clearTimeout(this.timer);
    for (const canvas of this.free.splice(0)) free(canvas);
  }
}

function free(canvas: HTMLCanvasElement): void {
  // Setting the size to zero frees the pixels at once, instead of when the element is collected.
  canvas.width = 0;
  canvas.height = 0;
}

/** The reader's canvases, shared by every document (a paper opened again finds them). */
export const pageCanvases = new CanvasPool();
