import { performance } from 'node:perf_hooks';

/**
 * Background threads (the first builds of the search index and of For you's model) hold back while a page is
 * in use, as the library's own background work does (foreground.ts). Their nice 10 was meant to do that, but on
 * Linux with autogroups, the default of most desktops, nice orders the threads of one session only: a browser
 * started from the desktop, or by a test, is in a session of its own, and the two sessions share the cores
 * evenly. In a trace of a first start at 100,000 papers (perf sched), a build thread at nice 10 ran 27 ms of a
 * 41 ms key press while the page's thread, runnable, waited for a core.
 *
 * One Int32 in shared memory: the library's thread sets it while requests come (ThreadHold), and a thread
 * between two steps of its work sleeps on it (pauseWhileHeld), woken as soon as it is cleared. As for the
 * library's own background work, a thread is never held for long: after THREAD_MOST_HELD_MS it works for
 * THREAD_GRANT_MS before it asks again.
 */

/** The longest a thread sleeps on the flag at a time (as foreground.ts's MOST_HELD_MS). */
export const THREAD_MOST_HELD_MS = 2000;
/** How long a thread held that long works before it looks at the flag again (as SLICE_GRANT_MS). */
export const THREAD_GRANT_MS = 50;

const FREE = 0;
const HELD = 1;

/** The library's side: whether background threads should hold back now. */
export class ThreadHold {
  /** Shared with each thread (a worker's `workerData.hold`). */
  readonly flag = new Int32Array(new SharedArrayBuffer(4));

  get held(): boolean {
    return Atomics.load(this.flag, 0) === HELD;
  }

  set(held: boolean): void {
    if (this.held === held) return;
    Atomics.store(this.flag, 0, held ? HELD : FREE);
    if (!held) Atomics.notify(this.flag, 0);
  }
}

/** A thread's side: the flag it was given, and how long it has been held. */
let shared: Int32Array | undefined;
let heldSince: number | undefined;
let grantedUntil = -Infinity;

/** In a background thread: the flag its `workerData.hold` carries (anything else is ignored). */
export function useThreadHold(flag: unknown): void {
  shared = flag instanceof Int32Array && flag.buffer instanceof SharedArrayBuffer ? flag : undefined;
  heldSince = undefined;
  grantedUntil = -Infinity;
}

/**
 * Between two steps of a background thread's work: returns at once unless the page is in use, else once it
 * is not, or once the thread has been held THREAD_MOST_HELD_MS (then it works THREAD_GRANT_MS before it
 * holds again). A no-op in a thread given no flag, such as the library's own.
 */
export function pauseWhileHeld(): void {
  const flag = shared;
  if (!flag || performance.now() < grantedUntil) return;
  while (Atomics.load(flag, 0) === HELD) {
    const now = performance.now();
    heldSince ??= now;
    const left = heldSince + THREAD_MOST_HELD_MS - now;
    if (left <= 0) {
      heldSince = undefined;
      grantedUntil = now + THREAD_GRANT_MS;
      return;
    }
    Atomics.wait(flag, 0, HELD, left);
  }
  heldSince = undefined;
}
