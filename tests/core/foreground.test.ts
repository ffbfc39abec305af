import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { Foreground, foreground } from '../../electron/core/foreground';
import { WorkerBuild } from '../../electron/core/search/worker-build';
import { seeded } from './helpers';
import { randomPaper } from './search-reference';

describe('the foreground', () => {
  it('is busy while a request runs and for a moment after, then wakes what waited, once', async () => {
    const fg = new Foreground();
    expect(fg.busy()).toBe(false);
    const done = fg.begin();
    expect(fg.busy()).toBe(true);
    let woken = 0;
    const wake = () => woken++;
    fg.whenQuiet(wake);
    fg.whenQuiet(wake);
    await sleep(50);
    done();
    done();
    expect(fg.busy()).toBe(true);
    expect(woken).toBe(0);
    // Woken once the quiet has lasted (a loaded machine's timers may be late: wait for it, up to 10 s).
    const until = Date.now() + 10_000;
    while (woken === 0 && Date.now() < until) await sleep(20);
    expect(fg.busy()).toBe(false);
    await sleep(50);
    expect(woken).toBe(1);
  });

  it('lets work that waits only for running requests go on as soon as they end', async () => {
    const fg = new Foreground();
    const done = fg.begin();
    let between = false;
    const onlyRunning = fg.quiet(0).then(() => (between = true));
    await sleep(30);
    expect(between).toBe(false);
    done();
    // Just ended: quiet for work that waits only for running requests, not yet for the rest.
    const now = performance.now();
    expect(fg.busy(now, 0)).toBe(false);
    expect(fg.busy(now)).toBe(true);
    await onlyRunning;
    expect(between).toBe(true);
  });

  it('holds nothing back while a request waits for background work, and holds again after', async () => {
    const fg = new Foreground();
    const done = fg.begin();
    let woken = false;
    const held = fg.quiet().then(() => (woken = true));
    expect(fg.busy()).toBe(true);
    let finish = () => {};
    const work = fg.waitFor(new Promise<void>((resolve) => (finish = resolve)));
    // What was held back goes on at once: the request waits for it.
    await held;
    expect(woken).toBe(true);
    expect(fg.busy()).toBe(false);
    finish();
    await work;
    expect(fg.busy()).toBe(true);
    done();
  });

  it('counts a wait for background work only while its request is open: a dropped request waits for nothing', async () => {
    const fg = new Foreground();
    const request = fg.begin();
    let finish = () => {};
    const work = request.within(() => fg.waitFor(new Promise<void>((resolve) => (finish = resolve))));
    expect(fg.awaited).toBe(true);
    expect(fg.busy()).toBe(false);
    // Its caller went away (a page dropped the request): the work no longer goes first, and another request
    // holds background work back as any request does.
    request();
    expect(fg.awaited).toBe(false);
    const other = fg.begin();
    expect(fg.busy()).toBe(true);
    // The work settling later counts nothing down twice: a new wait is awaited again.
    finish();
    await work;
    const again = other.within(() => fg.waitFor(new Promise<void>(() => {})));
    expect(fg.awaited).toBe(true);
    other();
    expect(fg.awaited).toBe(false);
    void again;
    // A wait begun after its request ended counts nothing.
    const late = fg.begin();
    late();
    await late.within(() => fg.waitFor(Promise.resolve()));
    expect(fg.awaited).toBe(false);
  });

  it('keeps work nobody waits for (idle) back while a request waits for background work, then lets it go', async () => {
    const fg = new Foreground();
    const done = fg.begin();
    let finish = () => {};
    const work = fg.waitFor(new Promise<void>((resolve) => (finish = resolve)));
    let idle = false;
    const waiting = fg.idle(0).then(() => (idle = true));
    // What the request waits for goes on at once; a check nobody waits for does not.
    await fg.quiet(0);
    await sleep(100);
    expect(idle).toBe(false);
    finish();
    await work;
    done();
    const until = Date.now() + 10_000;
    while (!idle && Date.now() < until) await sleep(20);
    await waiting;
    expect(idle).toBe(true);
  });

  it('keeps a hand-over (bulk) back while the request waiting does not need it, not while one may', async () => {
    const fg = new Foreground();
    const done = fg.begin();
    let finish = () => {};
    const ranking = fg.waitFor(new Promise<void>((resolve) => (finish = resolve)), { bulk: false });
    let handedOver = false;
    const bulk = fg.quiet(0, 'bulk').then(() => (handedOver = true));
    // What a ranking waits for goes on (its first model); the hand-over it does not need waits.
    expect(fg.busy()).toBe(false);
    expect(fg.busy(undefined, 0, 'bulk')).toBe(true);
    await sleep(100);
    expect(handedOver).toBe(false);
    // A request that may need the hand-over (For you's similar papers, waiting for the whole model): it goes on.
    let finishSimilar = () => {};
    const similar = fg.waitFor(new Promise<void>((resolve) => (finishSimilar = resolve)));
    await bulk;
    expect(handedOver).toBe(true);
    finishSimilar();
    await similar;
    expect(fg.busy(undefined, 0, 'bulk')).toBe(true);
    finish();
    await ranking;
    done();
    expect(fg.busy(undefined, 0, 'bulk')).toBe(false);
  });

  it('holds background work back while a request runs, and wakes it once when the request ends', async () => {
    const fg = new Foreground();
    let woken = 0;
    const wake = () => woken++;
    expect(fg.holds(wake, 0)).toBe(false);
    const done = fg.begin();
    expect(fg.holds(wake, 0)).toBe(true);
    expect(fg.holds(wake, 0)).toBe(true);
    await sleep(30);
    expect(woken).toBe(0);
    done();
    const until = Date.now() + 10_000;
    while (woken === 0 && Date.now() < until) await sleep(5);
    await sleep(30);
    expect(woken).toBe(1);
    expect(fg.holds(wake, 0)).toBe(false);
  });

  it('lets work held under one long request go on now and then: its steps get through, not just a wake', async () => {
    const fg = new Foreground();
    const done = fg.begin();
    let slices = 0;
    let stopped = false;
    const step = (): void => {
      if (stopped || fg.holds(step, 0)) return;
      slices++;
      setTimeout(step, 5);
    };
    step();
    expect(slices).toBe(0);
    // About 2 s (MOST_HELD_MS) while the request is still open; a loaded machine's timers may be late.
    const until = Date.now() + 10_000;
    while (slices === 0 && Date.now() < until) await sleep(20);
    stopped = true;
    done();
    expect(slices).toBeGreaterThan(0);
  });

  it('lets background work have a slice now and then under a stream of requests', async () => {
    const fg = new Foreground();
    let woken = 0;
    let done = fg.begin();
    fg.busy();
    fg.whenQuiet(() => woken++);
    const started = Date.now();
    // A request every 100 ms, each overlapping the next: never quiet.
    while (woken === 0 && Date.now() - started < 10_000) {
      await sleep(100);
      const next = fg.begin();
      done();
      done = next;
    }
    done();
    expect(woken).toBe(1);
    expect(Date.now() - started).toBeGreaterThan(1500);
    // About 2 s (MOST_HELD_MS); a loaded machine's timers may be late.
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('the first build handed to its thread', { timeout: 60_000 }, () => {
  it('sends no papers while a request is waiting, and all of them once it is answered', async () => {
    const random = seeded(5);
    const papers = Array.from({ length: 1200 }, () => randomPaper(random));
    let wakes = 0;
    const build = new WorkerBuild({ count: papers.length, at: (i) => papers[i] }, undefined, () => wakes++);
    try {
      const done = foreground.begin();
      expect(build.step(performance.now() + 1000)).toBeUndefined();
      // Held back: nothing to do but wait, and nothing sent: a paper changed now is sent as it is now.
      expect(build.waiting).toBe(true);
      build.changed(0);
      expect(build.stale.has(0)).toBe(false);
      done();
      const until = Date.now() + 30_000;
      while (wakes === 0 && Date.now() < until) await sleep(20);
      expect(wakes).toBe(1);
      expect(build.waiting).toBe(false);
      // Quiet now: the papers go in one step, then the thread builds and answers.
      let index = build.step(performance.now() + 1000);
      while (!index && Date.now() < until) {
        await sleep(20);
        index = build.step(performance.now() + 1000);
      }
      expect(index?.covered.length).toBeGreaterThanOrEqual(papers.length);
    } finally {
      build.stop();
    }
  });

  it('sends none while For you waits for its ranking (it ranks by its first model meanwhile)', async () => {
    const random = seeded(6);
    const papers = Array.from({ length: 600 }, () => randomPaper(random));
    const build = new WorkerBuild({ count: papers.length, at: (i) => papers[i] }, undefined, () => undefined);
    try {
      const done = foreground.begin();
      let finish = () => {};
      const ranking = foreground.waitFor(new Promise<void>((resolve) => (finish = resolve)), { bulk: false });
      expect(build.step(performance.now() + 1000)).toBeUndefined();
      // Nothing sent: a paper changed now is sent as it is now, not indexed apart afterwards.
      build.changed(0);
      expect(build.stale.has(0)).toBe(false);
      finish();
      await ranking;
      done();
    } finally {
      build.stop();
    }
  });
});
