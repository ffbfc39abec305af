import { performance } from 'node:perf_hooks';

/** How long after the last request the process counts as quiet: a page's requests come this close together. */
export const QUIET_MS = 250;
/** The longest background work holds back: under a stream of requests it still gets a slice this often. */
const MOST_HELD_MS = 2000;

/**
 * What a person is waiting for in this process: requests from a page or the desktop window, and the page
 * itself loading (its HTML, scripts and first requests). Background work that can wait — the first start's
 * hand-over of a large library to the search index's thread — holds back while requests come, so on two
 * cores the page's files and first rows are not served between slices of it. It never waits for long: after
 * MOST_HELD_MS it takes a slice anyway. One per process, as a process serves one library to its person.
 */
export class Foreground {
  private inFlight = 0;
  /** Requests waiting for background work itself (For you's model): meanwhile nothing holds back. */
  private urgent = 0;
  private last = -Infinity;
  private heldSince: number | undefined;
  /** What waits to go on, each with the quiet it waits for (ms after the last request). */
  private readonly waiting = new Map<() => void, number>();
  /** Of the waiting, those that also wait out requests waiting for background work (see `idle`). */
  private readonly lowly = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  /**
   * True in a process that serves pages (browser mode's server, the desktop window): work that can come later
   * waits for the page first. A one-shot command (the CLI) serves none, and answers exactly at once.
   */
  servesPages = false;

  /** A request began; call what this returns when it has been answered. */
  begin(): () => void {
    this.inFlight++;
    this.last = performance.now();
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.inFlight--;
      this.last = performance.now();
      this.arm();
    };
  }

  /**
   * A request waits for `work` (background work it needs, such as For you's model): until it settles,
   * background work does not hold back, since holding it back would hold back the request.
   */
  waitFor<T>(work: Promise<T>): Promise<T> {
    this.urgent++;
    this.wakeAll();
    return work.finally(() => this.urgent--);
  }

  /**
   * Resolves at once if the foreground is quiet, else once it is (see `whenQuiet`). `quietMs` 0 waits only
   * while a request runs: work in short slices that should go on between a page's requests.
   */
  quiet(quietMs = QUIET_MS): Promise<void> {
    if (!this.busy(performance.now(), quietMs)) return Promise.resolve();
    return new Promise((resolve) => this.whenQuiet(resolve, quietMs));
  }

  /**
   * Resolves once the foreground is quiet and no request waits for background work: for work nobody waits for
   * (a check that can come later), which should not take turns from work a request waits for. It too never
   * waits more than MOST_HELD_MS at a time.
   */
  idle(quietMs = QUIET_MS): Promise<void> {
    if (!this.busy(performance.now(), quietMs, true)) return Promise.resolve();
    return new Promise((resolve) => {
      this.lowly.add(resolve);
      this.whenQuiet(resolve, quietMs);
    });
  }

  /**
   * True while background work should hold back (it asks again when `whenQuiet` calls it). `evenUrgent`: also
   * while a request waits for background work (see `idle`).
   */
  busy(now = performance.now(), quietMs = QUIET_MS, evenUrgent = false): boolean {
    const busy = (evenUrgent || this.urgent === 0) && (this.inFlight > 0 || now - this.last < quietMs);
    if (!busy) {
      this.heldSince = undefined;
      return false;
    }
    this.heldSince ??= now;
    if (now - this.heldSince < MOST_HELD_MS) return true;
    // Held long enough: one slice now, then hold again.
    this.heldSince = now;
    return false;
  }

  /** Call `wake` once the foreground is quiet (or background work has been held back long enough). */
  whenQuiet(wake: () => void, quietMs = QUIET_MS): void {
    this.waiting.set(wake, Math.min(quietMs, this.waiting.get(wake) ?? Infinity));
    this.arm();
  }

  private wakeAll(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const woken = [...this.waiting.keys()].filter((wake) => !this.lowly.has(wake));
    for (const wake of woken) this.waiting.delete(wake);
    for (const wake of woken) wake();
    this.arm();
  }

  /** (Re)set the timer for when the waiting may run: a request that ends brings it forward. */
  private arm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.waiting.size === 0) return;
    const now = performance.now();
    const quietAt = this.last + Math.min(...this.waiting.values());
    const heldUntil = (this.heldSince ?? now) + MOST_HELD_MS;
    const delay = Math.max(1, Math.min(this.inFlight > 0 ? heldUntil : Math.max(quietAt, now), heldUntil) - now);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const at = performance.now();
      for (const [wake, quietMs] of this.waiting) {
        if (this.busy(at, quietMs, this.lowly.has(wake))) continue;
        this.waiting.delete(wake);
        this.lowly.delete(wake);
        wake();
      }
      this.arm();
    }, delay);
    // Waiting never keeps a one-shot command (the CLI) alive.
    this.timer.unref();
  }
}

/** This process's foreground: the hosts (browser mode's server, the desktop app's IPC) report their requests. */
export const foreground = new Foreground();
