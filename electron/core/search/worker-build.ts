import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { foreground } from '../foreground';
import { abstractRef } from '../store/abstract-shelf';
import { IndexBuilder, type BaseIndex, type Documents, type IndexSteps } from './build';
import { searchedText, type FromThread, type SearchedText, type ToThread } from './build-thread';
import { TermTable } from './term-table';

/** Papers sent to the thread per message: a few milliseconds of copying each, so a request waits little. */
const CHUNK = 500;

/** What the last build in a thread reported: for the bench and for tests. */
export type ThreadReport = { priority: number | undefined; cpuMs: number };

/**
 * The first build of a library's index, done in a worker thread at the lowest priority (build-worker.mjs),
 * so the library's own thread keeps answering and the page loads first. The papers' searched fields are
 * sent in chunks between other work; the index comes back as typed arrays (moved, not copied) and its
 * terms are read into a table in short steps. Papers changed after they were sent are listed in `stale`.
 * If the thread cannot start or fails, the build goes on in this thread as before, in steps.
 */
export class WorkerBuild implements IndexSteps {
  private readonly changes = new Set<number>();
  private thread: Worker | undefined;
  /** Ordinals below this have been sent. */
  private sent = 0;
  private readonly end: number;
  private result: Extract<FromThread, { kind: 'built' }> | undefined;
  private terms: string[] | undefined;
  private readonly table = new TermTable();
  private fallback: IndexBuilder | undefined;
  /** The thread's report once it has answered. */
  report: ThreadReport | undefined;

  /**
   * `wake` is called when there is work for `step` again (the thread answered or failed): until then the
   * caller need not step. With `cachePath` the thread also keeps the index there.
   */
  constructor(
    private readonly docs: Documents,
    private readonly cachePath: string | undefined,
    private readonly wake: () => void,
  ) {
    this.end = docs.count;
    try {
      // It holds back while the page is in use (thread-hold.ts).
      const thread = new Worker(new URL('./build-worker.mjs', import.meta.url), {
        execArgv: [],
        workerData: { hold: foreground.threads.flag },
      });
      this.thread = thread;
      thread.on('message', (reply: FromThread) => {
        if (thread !== this.thread) return;
        this.thread = undefined;
        void thread.terminate();
        if (reply.kind === 'failed') return this.lost();
        this.result = reply;
        this.report = { priority: reply.priority, cpuMs: reply.cpuMs };
        this.wake();
      });
      thread.on('error', () => this.lost(thread));
      thread.on('exit', () => this.lost(thread));
      // The build is background work: it never keeps a one-shot command (the CLI) alive.
      thread.unref();
    } catch {
      this.fallback = new IndexBuilder(docs);
    }
  }

  get stale(): Set<number> {
    return this.fallback?.stale ?? this.changes;
  }

  /**
   * True while nothing can be done here but wait: for the thread, or, while papers are still to be sent,
   * for the foreground (a page loading, requests) to be quiet; `wake` is called when it is.
   */
  get waiting(): boolean {
    if (this.fallback !== undefined || this.result !== undefined) return false;
    return this.sent >= this.end || this.heldBack();
  }

  /** Stop the thread (the library closed, or the index is wanted at once). */
  stop(): void {
    const thread = this.thread;
    this.thread = undefined;
    if (thread) void thread.terminate();
  }

  changed(ordinal: number): void {
    if (this.fallback) return this.fallback.changed(ordinal);
    // Sent already, or past the end the thread was given: indexed apart once the build is in.
    if (ordinal < this.sent || ordinal >= this.end) this.changes.add(ordinal);
  }

  step(deadline: number): BaseIndex | undefined {
    // Wanted at once (a caller that cannot wait): build here.
    if (deadline === Infinity && !this.result && !this.fallback) this.buildHere();
    if (this.fallback) return this.fallback.step(deadline);
    if (this.sent < this.end) return this.send(deadline);
    const result = this.result;
    if (!result) return undefined;
    this.terms ??= result.termCount === 0 ? [] : new TextDecoder().decode(result.text).split('\n');
    const terms = this.terms;
    while (this.table.size < terms.length) {
      const end = Math.min(terms.length, this.table.size + 4096);
      // Distinct and sorted, so each term's id is its rank.
      for (let id = this.table.size; id < end; id++) this.table.intern(terms[id]!);
      if (this.table.size < terms.length && performance.now() >= deadline) return undefined;
    }
    this.table.trim();
    this.terms = [];
    return {
      table: this.table,
      termCount: result.termCount,
      offsets: result.offsets,
      postings: result.postings,
      covered: result.covered,
    };
  }

  private send(deadline: number): undefined {
    const thread = this.thread;
    if (!thread) return undefined;
    while (this.sent < this.end && !this.heldBack()) {
      const from = this.sent;
      const to = Math.min(this.end, from + CHUNK);
      const papers: SearchedText[] = [];
      for (let ordinal = from; ordinal < to; ordinal++) papers.push(searchedText(this.docs.at(ordinal), abstractRef));
      thread.postMessage({ kind: 'papers', from, papers } satisfies ToThread);
      this.sent = to;
      if (performance.now() >= deadline) break;
    }
    if (this.sent >= this.end) {
      thread.postMessage({ kind: 'build', count: this.end, cachePath: this.cachePath } satisfies ToThread);
    }
    return undefined;
  }

  /**
   * True (and `wake` called once it is quiet) while the foreground wants this thread: a hand-over (no request
   * waits for the index; a search answers from the titles meanwhile), so also while For you waits for its first
   * model.
   */
  private heldBack(): boolean {
    return foreground.holds(this.wake, undefined, 'bulk');
  }

  /** The thread could not start, failed or stopped before answering: build here, in steps, from the start. */
  private lost(thread?: Worker): void {
    if (thread && thread !== this.thread) return;
    this.buildHere();
    this.wake();
  }

  private buildHere(): void {
    this.stop();
    if (this.fallback || this.result) return;
    this.fallback = new IndexBuilder(this.docs);
  }
}
