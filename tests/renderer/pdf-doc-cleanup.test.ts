import { afterEach, describe, expect, it, vi } from 'vitest';
import { DocumentCleanup } from '../../renderer/src/pdf/doc-cleanup';
import { collectGarbage } from '../../renderer/src/pdf/collect';

/** A page drawing that ends when told to. */
function drawing() {
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { promise, finish, fail };
}

/** A document whose clean-ups are counted, and which says whether a page was being drawn during one. */
function documentWatching(isDrawing: () => boolean) {
  const runs: boolean[] = [];
  return {
    runs,
    cleanup: () => {
      runs.push(isDrawing());
      return Promise.resolve();
    },
  };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

afterEach(() => vi.useRealTimers());

describe("giving a document's caches back between drawings", () => {
  it('cleans up after a pause once enough pages were drawn, never while one is drawing', async () => {
    vi.useFakeTimers();
    let open = 0;
    const doc = documentWatching(() => open > 0);
    const cleanup = new DocumentCleanup(doc, { after: 3, pauseMs: 400, atOnceAfter: 10 });
    const draw = async () => {
      const d = drawing();
      open++;
      cleanup.track(d.promise.finally(() => open--));
      d.finish();
      await flush();
    };
    await draw();
    await draw();
    await vi.advanceTimersByTimeAsync(1000);
    expect(doc.runs).toEqual([]); // two pages are not enough

    await draw();
    const slow = drawing();
    open++;
    cleanup.track(slow.promise.finally(() => open--));
    await vi.advanceTimersByTimeAsync(1000);
    expect(doc.runs).toEqual([]); // a page is still being drawn

    slow.finish();
    await flush();
    await vi.advanceTimersByTimeAsync(399);
    expect(doc.runs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(doc.runs).toEqual([false]);
  });

  it('cleans up at once, with no pause, after many pages read fast', async () => {
    vi.useFakeTimers();
    const doc = documentWatching(() => false);
    const cleanup = new DocumentCleanup(doc, { after: 3, pauseMs: 400, atOnceAfter: 5 });
    for (let i = 0; i < 5; i++) {
      const d = drawing();
      cleanup.track(d.promise);
      d.finish();
      await flush();
      if (i < 4) await vi.advanceTimersByTimeAsync(100); // a page every 100 ms: never a pause of 400
    }
    expect(doc.runs).toHaveLength(1);
  });

  it('does not count a cancelled drawing, and does nothing once disposed', async () => {
    vi.useFakeTimers();
    const doc = documentWatching(() => false);
    const cleanup = new DocumentCleanup(doc, { after: 2, pauseMs: 10, atOnceAfter: 50 });
    for (let i = 0; i < 3; i++) {
      const d = drawing();
      cleanup.track(d.promise);
      d.fail(new Error('RenderingCancelledException'));
      await flush();
    }
    await vi.advanceTimersByTimeAsync(100);
    expect(doc.runs).toEqual([]);

    for (let i = 0; i < 2; i++) {
      const d = drawing();
      cleanup.track(d.promise);
      d.finish();
      await flush();
    }
    cleanup.dispose();
    await vi.advanceTimersByTimeAsync(100);
    expect(doc.runs).toEqual([]);
  });

  it('asks for a garbage collection every few clean-ups, once the page is idle and no page is being drawn', async () => {
    vi.useFakeTimers();
    let open = 0;
    const doc = documentWatching(() => open > 0);
    const collected: number[] = [];
    const cleanup = new DocumentCleanup(doc, {
      after: 1,
      pauseMs: 10,
      atOnceAfter: 50,
      collectEvery: 2,
      collect: () => collected.push(open),
    });
    const drawOne = async () => {
      const d = drawing();
      open++;
      cleanup.track(d.promise);
      open--;
      d.finish();
      await flush();
      await vi.advanceTimersByTimeAsync(10);
    };
    await drawOne();
    expect(doc.runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(collected).toEqual([]); // one clean-up: not yet

    await drawOne();
    expect(doc.runs).toHaveLength(2);
    // A page starts drawing before the page is idle: no collection then, nor later for that clean-up.
    const busy = drawing();
    open++;
    cleanup.track(busy.promise);
    await vi.advanceTimersByTimeAsync(5000);
    expect(collected).toEqual([]);
    open--;
    busy.finish();
    await flush();
    await vi.advanceTimersByTimeAsync(10);
    expect(doc.runs).toHaveLength(3);

    await drawOne();
    expect(doc.runs).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(5000);
    expect(collected).toEqual([0]); // the fourth clean-up's, with nothing drawing

    await drawOne();
    await drawOne();
    cleanup.dispose();
    await vi.advanceTimersByTimeAsync(5000);
    expect(collected).toEqual([0]); // a closed document asks for nothing
  });

  it("asks PDF.js's worker to collect after every clean-up that ran, and never after one that failed", async () => {
    vi.useFakeTimers();
    let failNext = false;
    const log: string[] = [];
    const doc = {
      cleanup: () => {
        if (failNext) {
          failNext = false;
          log.push('clean-up failed');
          return Promise.reject(new Error('a page is being drawn'));
        }
        log.push('cleaned');
        return Promise.resolve();
      },
    };
    const cleanup = new DocumentCleanup(doc, {
      after: 1,
      pauseMs: 10,
      atOnceAfter: 50,
      collectEvery: 1000,
      collectWorker: () => log.push('worker collects'),
    });
    const drawOne = async () => {
      const d = drawing();
      cleanup.track(d.promise);
      d.finish();
      await flush();
      await vi.advanceTimersByTimeAsync(10);
    };
    await drawOne();
    await drawOne();
    expect(log).toEqual(['cleaned', 'worker collects', 'cleaned', 'worker collects']);
    failNext = true;
    await drawOne();
    expect(log.slice(4)).toEqual(['clean-up failed']);
    await drawOne();
    expect(log.slice(5)).toEqual(['cleaned', 'worker collects']);
    cleanup.dispose();
    await drawOne();
    expect(log).toHaveLength(7);
  });

  it('collects through gc() only where the host gives one (the desktop app), and otherwise does nothing', () => {
    const host = globalThis as { gc?: () => void };
    const before = host.gc;
    try {
      delete host.gc;
      expect(() => collectGarbage()).not.toThrow();
      const calls: unknown[] = [];
      host.gc = (...args: unknown[]) => void calls.push(args);
      collectGarbage();
      expect(calls).toHaveLength(1);
    } finally {
      if (before) host.gc = before;
      else delete host.gc;
    }
  });
});
