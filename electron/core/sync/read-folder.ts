import { Worker } from 'node:worker_threads';
import type { Op } from './changes';
import { FileCache } from './file-cache';
import { readSyncFolder, type FolderRead } from './folder';
import { fromThreadError, type FromReadThread, type ToReadThread } from './read-thread';
import type { Snapshot } from './reader';

/** What the last read in the thread reported: for the bench and for tests. */
export type ReadReport = { thread: boolean; priority?: number; cpuMs?: number };

type Waiting = {
  folder: string;
  known: ReadonlyMap<string, number>;
  ops: Op[];
  papers: Map<number, Snapshot['papers']>;
  resolve: (read: FolderRead) => void;
  reject: (error: Error) => void;
};

/**
 * Reads the sync folder for one session, in a worker thread at a lower priority (read-worker.mjs) when one
 * can start: listing, reading, checking and parsing every new file happen there, and the library's thread
 * gets the changes in parts of OPS_PER_MESSAGE (each taken apart in a few milliseconds), asking for each next
 * part once it has the last, so each is taken apart in a turn of the event loop of its own. The thread keeps a
 * FileCache, so each sync reads only what is new. If the thread cannot start or dies, the reading is done
 * on this thread instead (with a cache of its own), as before.
 */
export class FolderReader {
  private thread: Worker | undefined;
  private failed = false;
  private readonly cache = new FileCache();
  private next = 0;
  private readonly waiting = new Map<number, Waiting>();
  report: ReadReport | undefined;

  /** With `thread` false (a small library, whose folder reads in milliseconds) the read is done here. */
  read(folder: string, known: ReadonlyMap<string, number>, thread = true): Promise<FolderRead> {
    return thread ? this.readOff(folder, known) : readSyncFolder(folder, known, this.cache);
  }

  private readOff(folder: string, known: ReadonlyMap<string, number>): Promise<FolderRead> {
    const thread = this.start();
    if (!thread) {
      this.report = { thread: false };
      return readSyncFolder(folder, known, this.cache);
    }
    const id = ++this.next;
    thread.ref();
    return new Promise<FolderRead>((resolve, reject) => {
      this.waiting.set(id, { folder, known, ops: [], papers: new Map(), resolve, reject });
      thread.postMessage({ kind: 'read', id, folder, known: [...known] } satisfies ToReadThread);
    }).finally(() => {
      if (this.waiting.size === 0) this.thread?.unref();
    });
  }

  /** Start the thread now, so the first sync does not wait for it to load its code. */
  warm(): void {
    this.start();
  }

  /** Stop the thread (the session closed). */
  async close(): Promise<void> {
    const thread = this.thread;
    this.thread = undefined;
    this.failed = true;
    if (thread) await thread.terminate();
  }

  private start(): Worker | undefined {
    if (this.thread || this.failed) return this.thread;
    try {
      const thread = new Worker(new URL('./read-worker.mjs', import.meta.url), { execArgv: [] });
      thread.on('message', (message: FromReadThread) => this.answer(message));
      const lost = () => {
        if (thread !== this.thread) return;
        this.thread = undefined;
        this.failed = true;
        // What was asked of the thread is read here instead (its own cache starts empty: all is read).
        for (const [id, waiting] of this.waiting) {
          this.waiting.delete(id);
          readSyncFolder(waiting.folder, waiting.known, this.cache).then(waiting.resolve, waiting.reject);
        }
      };
      thread.on('error', () => lost());
      thread.on('exit', () => lost());
      thread.unref();
      this.thread = thread;
      return thread;
    } catch {
      this.failed = true;
      return undefined;
    }
  }

  /** The next part of a read: it comes as a message of its own, taken apart in a later turn of the loop. */
  private askMore(id: number): void {
    this.thread?.postMessage({ kind: 'more', id } satisfies ToReadThread);
  }

  private answer(message: FromReadThread): void {
    const waiting = this.waiting.get(message.id);
    if (!waiting) return;
    switch (message.kind) {
      case 'ops':
        for (const op of message.ops) waiting.ops.push(op);
        this.askMore(message.id);
        return;
      case 'papers': {
        const papers = waiting.papers.get(message.snapshot) ?? [];
        for (const paper of message.papers) papers.push(paper);
        waiting.papers.set(message.snapshot, papers);
        this.askMore(message.id);
        return;
      }
      case 'done':
        this.waiting.delete(message.id);
        this.report = { thread: true, priority: message.priority, cpuMs: message.cpuMs };
        waiting.resolve({
          ...message.read,
          ops: waiting.ops,
          snapshots: message.read.snapshots.map((snapshot, index) => ({
            ...snapshot,
            papers: waiting.papers.get(index) ?? [],
          })),
        });
        return;
      case 'failed':
        this.waiting.delete(message.id);
        waiting.reject(fromThreadError(message.error));
    }
  }
}
