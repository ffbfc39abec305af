import { afterEach, describe, expect, it, vi } from 'vitest';
import { CanvasPool } from '../../renderer/src/pdf/canvas-pool';
import { RenderQueue, type Drawing } from '../../renderer/src/pdf/render-queue';

/** A drawing of one page that ends when told to, recording when it started and whether it was stopped. */
function pageDrawings() {
  const started: number[] = [];
  const cancelled: number[] = [];
  const finishers = new Map<number, () => void>();
  const start = (page: number) => (): Drawing => {
    started.push(page);
    let finish!: () => void;
    let fail!: (error: Error) => void;
    const done = new Promise<void>((resolve, reject) => {
      finish = resolve;
      fail = reject;
    });
    finishers.set(page, finish);
    return {
      done,
      cancel: () => {
        cancelled.push(page);
        fail(new Error('cancelled'));
      },
    };
  };
  const finish = async (page: number) => {
    finishers.get(page)?.();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { started, cancelled, start, finish };
}

describe('drawing pages one at a time', () => {
  it('says when it is idle: once every page asked for is drawn, or at its time limit', async () => {
    vi.useFakeTimers();
    try {
      const queue = new RenderQueue();
      const pages = pageDrawings();
      queue.request(0, pages.start(0));
      queue.request(1, pages.start(1));
      let idle = false;
      void queue.idle(60_000).then(() => (idle = true));
      await pages.finish(0);
      expect(idle).toBe(false);
      await pages.finish(1);
      expect(idle).toBe(true);

      // Nothing ever asked: the limit ends the wait.
      let late = false;
      void new RenderQueue().idle(2000).then(() => (late = true));
      await vi.advanceTimersByTimeAsync(1999);
      expect(late).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(late).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('draws the page being read first, then the nearest, the one below before the one above', async () => {
    const queue = new RenderQueue();
    const pages = pageDrawings();
    queue.focus(5);
    queue.request(3, pages.start(3));
    // Page 3 asked first and nothing else was waiting, so it started; the rest wait their turn.
    for (const page of [4, 6, 5, 7]) queue.request(page, pages.start(page));
    expect(queue.queued).toEqual([5, 6, 4, 7]);
    await pages.finish(3);
    await pages.finish(5);
    await pages.finish(6);
    await pages.finish(4);
    expect(pages.started).toEqual([3, 5, 6, 4, 7]);
  });

  it('follows the reader: after a jump, the pages near the new place come first', async () => {
    const queue = new RenderQueue();
    const pages = pageDrawings();
    queue.request(0, pages.start(0));
    queue.request(1, pages.start(1));
    queue.request(40, pages.start(40));
    queue.focus(40);
    await pages.finish(0);
    expect(pages.started).toEqual([0, 40]);
  });

  it('drops a page that left the screen before its turn, and stops one being drawn', async () => {
    const queue = new RenderQueue();
    const pages = pageDrawings();
    const cancel0 = queue.request(0, pages.start(0));
    const cancel1 = queue.request(1, pages.start(1));
    queue.request(2, pages.start(2));
    cancel1();
    cancel0();
    expect(pages.cancelled).toEqual([0]);
    for (let i = 0; i < 5; i++) await Promise.resolve();
    // Page 1 was never started; page 2 began as soon as page 0 was stopped.
    expect(pages.started).toEqual([0, 2]);
    expect(queue.busy).toBe(true);
    await pages.finish(2);
    expect(queue.busy).toBe(false);
  });

  it('a late cancel of a finished drawing stops nothing else', async () => {
    const queue = new RenderQueue();
    const pages = pageDrawings();
    const first = queue.request(7, pages.start(7));
    await pages.finish(7);
    queue.request(7, pages.start(7));
    first();
    expect(pages.cancelled).toEqual([]);
    expect(pages.started).toEqual([7, 7]);
  });

  it('goes on after a drawing that could not start', () => {
    const queue = new RenderQueue();
    const pages = pageDrawings();
    queue.request(0, () => {
      throw new Error('no page');
    });
    queue.request(1, pages.start(1));
    expect(pages.started).toEqual([1]);
  });

  it('starts nothing once disposed, and stops what is running', () => {
    const queue = new RenderQueue();
    const pages = pageDrawings();
    queue.request(0, pages.start(0));
    queue.request(1, pages.start(1));
    queue.dispose();
    expect(pages.cancelled).toEqual([0]);
    queue.request(2, pages.start(2));
    expect(pages.started).toEqual([0]);
  });
});

/** A canvas as far as the pool uses one: its size, and whether it is in a page. */
function fakeCanvas() {
  return {
    width: 300,
    height: 150,
    removed: 0,
    remove() {
      this.removed++;
    },
  };
}

afterEach(() => vi.useRealTimers());

describe('canvases used again', () => {
  const poolOf = (keep = 2, idleMs = 1000) => {
    const made: ReturnType<typeof fakeCanvas>[] = [];
    const pool = new CanvasPool({ keep, idleMs }, () => {
      const canvas = fakeCanvas();
      made.push(canvas);
      return canvas as unknown as HTMLCanvasElement;
    });
    return { pool, made };
  };

  it('hands a canvas given back out again, preferring one of the same size', () => {
    const { pool, made } = poolOf();
    const a = pool.take(800, 1000);
    const b = pool.take(600, 800);
    pool.give(a);
    pool.give(b);
    expect(pool.take(600, 800)).toBe(b);
    expect(pool.take(800, 1000)).toBe(a);
    expect(made).toHaveLength(2);
    expect((a as unknown as { removed: number }).removed).toBe(1);
  });

  it('keeps only a few and frees the pixels of the rest at once', () => {
    const { pool } = poolOf(2);
    const canvases = [pool.take(10, 10), pool.take(10, 10), pool.take(10, 10)];
    for (const canvas of canvases) pool.give(canvas);
    expect(pool.kept).toBe(2);
    expect(canvases[2]!.width).toBe(0);
    expect(canvases[2]!.height).toBe(0);
    // Given twice (the drawing and the page both let it go): kept once.
    pool.give(canvases[0]!);
    expect(pool.kept).toBe(2);
  });

  it('lets every kept canvas go after a while unused', () => {
    vi.useFakeTimers();
    const { pool } = poolOf(4, 1000);
    const canvas = pool.take(10, 20);
    pool.give(canvas);
    vi.advanceTimersByTime(999);
    expect(pool.kept).toBe(1);
    vi.advanceTimersByTime(1);
    expect(pool.kept).toBe(0);
    expect(canvas.width).toBe(0);
  });

  it('gives a canvas of another size the size asked for', () => {
    const { pool } = poolOf();
    const canvas = pool.take(10, 20);
    pool.give(canvas);
    expect(pool.take(30, 40)).toMatchObject({ width: 30, height: 40 });
  });
});
