import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import { ThreadHold } from './thread-hold';

/** How long after the last request the process counts as quiet: a page's requests come this close together. */
export const QUIET_MS = 250;
/** The longest background work holds back: under a stream of requests it still gets a slice this often. */
const MOST_HELD_MS = 2000;
/**
 * How long background work goes on once it has been held MOST_HELD_MS: its next steps, which ask again, are let
 * through meanwhile (a step that asked on waking found itself held again, and a request open for long starved it).
 */
const SLICE_GRANT_MS = 50;

/**
 * How background work gives way (see `busy`):
 * - `work` holds back while requests come, but goes on while a request waits for background work (it may be what
 *   the request waits for: For you's first model);
 * - `bulk` (handing the papers to a thread) also holds back while the requests waiting say they do not need it
 *   (`waitFor`'s `bulk: false`: For you's ranking, which meanwhile ranks by its first model);
 * - `idle` (work nobody waits for) holds back while any request waits for background work.
 */
export type Patience = 'work' | 'bulk' | 'idle';

/** A request being answered: what its waits for background work undo once it ends (see `OpenRequest`). */
type Open = { ended: boolean; releases: Set<() => void> };

/**
 * The end of a request (`begin`), to call once it is answered or its caller has gone; `within` runs its
 * handler, so that background work the handler waits for (`waitFor`) counts as awaited only while the request
 * is open. A page that drops a request it no longer wants (More like this for a paper left) would otherwise
 * leave it counted until the work was done: For you's model then went first while nobody waited for it.
 */
export type OpenRequest = (() => void) & { within: <T>(handler: () => T) => T };

/**
 * What a person is waiting for in this process: requests from a page or the desktop window, and the page
 * itself loading (its HTML, scripts and first requests). Background work that can wait — the first start's
 * hand-over of a large library to the search index's thread — holds back while requests come, so on two
 * cores the page's files and first rows are not served between slices of it. It never waits for long: after
 * MOST_HELD_MS it takes a slice anyway. One per process, as a process serves one library to its person.
 */
export class Foreground {
  private inFlight = 0;
  /** Requests waiting for background work itself (For you's model): meanwhile `work` does not hold back. */
  private urgent = 0;
  /** Of those, the ones that may need bulk work (a hand-over to a thread): meanwhile `bulk` does not either. */
  private urgentBulk = 0;
  private last = -Infinity;
  private heldSince: number | undefined;
  /** Until when background work held long enough goes on (see SLICE_GRANT_MS). */
  private grantedUntil = -Infinity;
  /** What waits to go on, each with the quiet it waits for (ms after the last request) and how it gives way. */
  private readonly waiting = new Map<() => void, { quietMs: number; patience: Patience }>();
  private timer: NodeJS.Timeout | undefined;
  /** Requests waiting for a background thread's work (a search that needs the whole index): threads go on. */
  private urgentThreads = 0;
  /**
   * Requests that can wait for a thread's work (`threads: false`): open for as long as the thread works, they
   * do not hold it back themselves (else the thread they wait for would barely run), only other requests do.
   */
  private patientThreads = 0;
  private threadTimer: NodeJS.Timeout | undefined;
  /**
   * Set while background threads should hold back (thread-hold.ts): from a request's start until QUIET_MS after
   * the last one ends (or after the last started, while those open all wait patiently), in a process that serves
   * pages, unless a request waits for a thread's work.
   */
  readonly threads = new ThreadHold();
  /** The request whose handler runs (`OpenRequest.within`), for `waitFor`. */
  private readonly requests = new AsyncLocalStorage<Open>();
  /**
   * True in a process that serves pages (browser mode's server, the desktop window): work that can come later
   * waits for the page first. A one-shot command (the CLI) serves none, and answers exactly at once.
   */
  servesPages = false;

  /** True while a request waits for background work (For you's model): that work goes first (turns.ts). */
  get awaited(): boolean {
    return this.urgent > 0;
  }

  /** A request began; call what this returns when it has been answered (or dropped), and run it `within` it. */
  begin(): OpenRequest {
    this.inFlight++;
    this.last = performance.now();
    this.holdThreads();
    const open: Open = { ended: false, releases: new Set() };
    const end = () => {
      if (open.ended) return;
      open.ended = true;
      for (const release of open.releases) release();
      open.releases.clear();
      this.inFlight--;
      this.last = performance.now();
      this.arm();
      this.holdThreads();
    };
    return Object.assign(end, { within: <T>(handler: () => T): T => this.requests.run(open, handler) });
  }

  /**
   * A request waits for `work` (background work it needs, such as For you's model): until it settles,
   * background work does not hold back, since holding it back would hold back the request. `bulk: false`: the
   * request never needs the papers handed to a thread, which then holds back as for any request (see Patience).
   * `threads: false`: the request can wait for a background thread's work while a page is in use (the papers
   * like an open one, on a first start: the thread building For you's model holds back meanwhile).
   */
  waitFor<T>(
    work: Promise<T>,
    { bulk = true, threads = true }: { bulk?: boolean; threads?: boolean } = {},
  ): Promise<T> {
    const request = this.requests.getStore();
    // Its request has ended (a caller that went away): nobody waits for this work.
    if (request?.ended) return work;
    this.urgent++;
    if (bulk) this.urgentBulk++;
    if (threads) this.urgentThreads++;
    else this.patientThreads++;
    this.wakeAll();
    this.holdThreads();
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      request?.releases.delete(release);
      this.urgent--;
      if (bulk) this.urgentBulk--;
      if (threads) this.urgentThreads--;
      else this.patientThreads--;
      this.holdThreads();
    };
    request?.releases.add(release);
    return work.finally(release);
  }

  /**
   * Resolves at once if the foreground is quiet, else once it is (see `whenQuiet`). `quietMs` 0 waits only
   * while a request runs: work in short slices that should go on between a page's requests.
   */
  quiet(quietMs = QUIET_MS, patience: Patience = 'work'): Promise<void> {
    if (!this.busy(performance.now(), quietMs, patience)) return Promise.resolve();
    return new Promise((resolve) => this.whenQuiet(resolve, quietMs, patience));
  }

  /**
   * Resolves once the foreground is quiet and no request waits for background work: for work nobody waits for
   * (a check that can come later), which should not take turns from work a request waits for. It too never
   * waits more than MOST_HELD_MS at a time.
   */
  idle(quietMs = QUIET_MS): Promise<void> {
    return this.quiet(quietMs, 'idle');
  }

  /** True while background work that gives way as `patience` says should hold back (it asks again when `whenQuiet` calls it). */
  busy(now = performance.now(), quietMs = QUIET_MS, patience: Patience = 'work'): boolean {
    const waitedFor = patience === 'work' ? this.urgent : patience === 'bulk' ? this.urgentBulk : 0;
    const busy = waitedFor === 0 && (this.inFlight > 0 || now - this.last < quietMs);
    if (!busy) {
      this.heldSince = undefined;
      return false;
    }
    if (now < this.grantedUntil) return false;
    this.heldSince ??= now;
    if (now - this.heldSince < MOST_HELD_MS) return true;
    // Held long enough: a slice now (the steps of the next SLICE_GRANT_MS), then hold again.
    this.heldSince = now;
    this.grantedUntil = now + SLICE_GRANT_MS;
    return false;
  }

  /** True (and `wake` called once it is not) while background work that gives way as `patience` says should hold back. */
  holds(wake: () => void, quietMs = QUIET_MS, patience: Patience = 'work'): boolean {
    if (!this.busy(performance.now(), quietMs, patience)) return false;
    this.whenQuiet(wake, quietMs, patience);
    return true;
  }

  /** Call `wake` once the foreground is quiet (or background work has been held back long enough). */
  whenQuiet(wake: () => void, quietMs = QUIET_MS, patience: Patience = 'work'): void {
    const was = this.waiting.get(wake);
    this.waiting.set(wake, { quietMs: Math.min(quietMs, was?.quietMs ?? Infinity), patience });
    this.arm();
  }

  /** Set or clear the threads' flag as the requests now say, and clear it QUIET_MS after the last one. */
  private holdThreads(): void {
    clearTimeout(this.threadTimer);
    this.threadTimer = undefined;
    const now = performance.now();
    const busy = this.inFlight > this.patientThreads;
    const held = this.servesPages && this.urgentThreads === 0 && (busy || now - this.last < QUIET_MS);
    this.threads.set(held);
    if (!held || busy) return;
    this.threadTimer = setTimeout(() => this.holdThreads(), Math.max(1, this.last + QUIET_MS - now));
    this.threadTimer.unref();
  }

  /** A request began waiting for background work: what it may need goes on now. */
  private wakeAll(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const woken = [...this.waiting].filter(
      ([, { patience }]) => patience === 'work' || (patience === 'bulk' && this.urgentBulk > 0),
    );
    for (const [wake] of woken) this.waiting.delete(wake);
    for (const [wake] of woken) wake();
    this.arm();
  }

  /** (Re)set the timer for when the waiting may run: a request that ends brings it forward. */
  private arm(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.waiting.size === 0) return;
    const now = performance.now();
    const quietAt = this.last + Math.min(...[...this.waiting.values()].map(({ quietMs }) => quietMs));
    const heldUntil = (this.heldSince ?? now) + MOST_HELD_MS;
    const delay = Math.max(1, Math.min(this.inFlight > 0 ? heldUntil : Math.max(quietAt, now), heldUntil) - now);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const at = performance.now();
      for (const [wake, { quietMs, patience }] of this.waiting) {
        if (this.busy(at, quietMs, patience)) continue;
        this.waiting.delete(wake);
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
