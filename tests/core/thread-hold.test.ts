import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { foreground, QUIET_MS } from '../../electron/core/foreground';
import type { Documents } from '../../electron/core/search/build';
import { WorkerBuild } from '../../electron/core/search/worker-build';
import { seeded } from './helpers';
import { randomPaper } from './search-reference';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Until `check` holds, looking every 50 ms, at most 60 s. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 1200 && !check(); i++) await sleep(50);
  expect(check()).toBe(true);
}

afterEach(() => {
  foreground.servesPages = false;
});

describe('background threads hold back while a page is in use', { timeout: 90_000 }, () => {
  it('the flag is set by a request, cleared QUIET_MS after the last, and not by a request that waits for a thread', async () => {
    const held = () => foreground.threads.held;
    // A one-shot command (the CLI) serves no page: its threads never wait.
    const cli = foreground.begin();
    expect(held()).toBe(false);
    cli();

    foreground.servesPages = true;
    const first = foreground.begin();
    const second = foreground.begin();
    expect(held()).toBe(true);
    first();
    second();
    // Requests come close together: still held just after the last.
    expect(held()).toBe(true);
    await sleep(QUIET_MS + 100);
    expect(held()).toBe(false);

    // A request that waits for a thread's work (a search that needs the whole index) lets the threads go on.
    const open = foreground.begin();
    expect(held()).toBe(true);
    let done: () => void = () => undefined;
    const waited = foreground.waitFor(new Promise<void>((resolve) => (done = resolve)));
    expect(held()).toBe(false);
    // One that can wait for them (the papers like an open one) does not.
    const patient = foreground.waitFor(new Promise<void>((resolve) => setTimeout(resolve, 50)), { threads: false });
    expect(held()).toBe(false);
    done();
    await waited;
    expect(held()).toBe(true);
    await patient;
    expect(held()).toBe(true);
    open();
    await sleep(QUIET_MS + 100);
    expect(held()).toBe(false);

    // A request open for as long as a thread works ("More like this" on a first start) does not hold it back
    // itself, past QUIET_MS: the thread it waits for would barely run. Other requests still do.
    const slow = foreground.begin();
    let finish: () => void = () => undefined;
    const patientOnly = foreground.waitFor(new Promise<void>((resolve) => (finish = resolve)), { threads: false });
    expect(held()).toBe(true);
    await sleep(QUIET_MS + 100);
    expect(held()).toBe(false);
    const other = foreground.begin();
    expect(held()).toBe(true);
    other();
    await sleep(QUIET_MS + 100);
    expect(held()).toBe(false);
    finish();
    await patientOnly;
    slow();
    expect(held()).toBe(true);
    await sleep(QUIET_MS + 100);
    expect(held()).toBe(false);
  });

  it('a thread sleeps while the flag is set, goes on once cleared, and works a slice after THREAD_MOST_HELD_MS', async () => {
    foreground.servesPages = true;
    const counts = new Int32Array(new SharedArrayBuffer(8));
    const steps = () => Atomics.load(counts, 0);
    // Held from before it starts: a request is open.
    const open = foreground.begin();
    let again: () => void = () => undefined;
    const thread = new Worker(new URL('./hold-worker.mjs', import.meta.url), {
      workerData: { hold: foreground.threads.flag, counts },
    });
    try {
      await sleep(1000);
      expect(steps()).toBe(0);
      open();
      // Once QUIET_MS has passed after the request, it works.
      await until(() => steps() > 20);
      // Held again, it stops within a step...
      again = foreground.begin();
      await sleep(20);
      const before = steps();
      await sleep(1000);
      expect(steps() - before).toBeLessThanOrEqual(1);
      // ...and, the request never ending, goes on for a slice once it has been held THREAD_MOST_HELD_MS.
      await until(() => steps() > before + 5);
    } finally {
      again();
      open();
      Atomics.store(counts, 1, 1);
      await thread.terminate();
    }
  });

  it("the search index's thread is given the flag: asleep under an open request, done under one that never ends", async () => {
    foreground.servesPages = true;
    const random = seeded(7);
    const papers = Array.from({ length: 1500 }, () => randomPaper(random));
    const docs: Documents = { count: papers.length, at: (ordinal) => papers[ordinal] };
    const thread = new WorkerBuild(docs, undefined, () => undefined);
    const answered = () => thread.report !== undefined;
    // The hand-over, once no request has come for QUIET_MS (it waits for a quiet moment itself).
    await sleep(QUIET_MS + 100);
    thread.step(performance.now() + 10_000);
    const end = foreground.begin();
    try {
      await sleep(1000);
      expect(answered()).toBe(false);
      await until(answered);
      expect(thread.report!.cpuMs).toBeGreaterThan(0);
    } finally {
      end();
      thread.stop();
    }
  });
});
