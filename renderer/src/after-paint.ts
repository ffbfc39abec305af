/*
 * Work a key press starts that the screen need not wait for (sending the change to the library, asking it for
 * the next paper's details, remembering the selection) runs once the frame that shows the change is drawn: at
 * 100,000 papers each press paid for them before, and the library's own work on a change (saving it, For
 * you's model) took the CPU the frame needed. Where no frame comes in time, the work runs after FALLBACK_MS
 * all the same; on a hidden page (it draws nothing) or without frames at all (tests outside a page), at once.
 * A page being left runs what waits there and then.
 */

const FALLBACK_MS = 100;
const waiting = new Set<() => void>();
globalThis.addEventListener?.('pagehide', () => {
  for (const run of [...waiting]) run();
});

/** Resolves once the next frame is drawn (its callbacks have run and it is out), or FALLBACK_MS without one. */
export function nextPaint(): Promise<void> {
  // A hidden page draws nothing, and its timers may be slowed down to one a minute: nothing to wait for.
  if (typeof requestAnimationFrame !== 'function' || globalThis.document?.visibilityState === 'hidden')
    return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      waiting.delete(done);
      clearTimeout(timer);
      // A test's window may be gone by the time the fallback fires (jsdom's teardown takes its frame functions).
      if (typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame);
      resolve();
    };
    waiting.add(done);
    const timer = setTimeout(done, FALLBACK_MS);
    // A frame's callbacks run before it is drawn: the work waits for the task after them.
    const frame = requestAnimationFrame(() => setTimeout(done, 0));
  });
}

/** Tasks by kind, each run once after the next frame however often it was asked for meanwhile. */
export class AfterPaint {
  private readonly tasks = new Map<string, () => void>();
  private scheduled = false;
  private disposed = false;

  /** Run `task` after the next frame (the last task asked under `key` before then, once). */
  run(key: string, task: () => void): void {
    if (this.disposed) return;
    this.tasks.set(key, task);
    if (this.scheduled) return;
    this.scheduled = true;
    void nextPaint().then(() => {
      this.scheduled = false;
      const tasks = [...this.tasks.values()];
      this.tasks.clear();
      if (!this.disposed) for (const task of tasks) task();
    });
  }

  /** Forget what waits (the app is closing down). */
  dispose(): void {
    this.disposed = true;
    this.tasks.clear();
  }
}
