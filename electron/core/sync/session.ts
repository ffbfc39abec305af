import { acquireLock, describeHolder } from '../store/lock';
import type { LibraryStore } from '../store/store';
import { describeError } from '../fs-errors';
import { opDevice, type Op } from './changes';
import { deviceDir } from './device';
import { checkSyncFolder } from './folder';
import { DeviceInUseError, folderStateOf, type FolderState } from './folder-state';
import {
  appendJournal,
  readAliases,
  readJournal,
  readLocalState,
  readSyncRecord,
  rewriteJournal,
  type SyncRecord,
} from './local';
import { DeviceLog } from './log-writer';
import { Recorder } from './record';
import { FolderReader } from './read-folder';
import type { FolderRead } from './folder';
import { SyncReplica } from './replica';
import type { SyncSettings } from './settings';
import { saveLocalState } from './state-file';
import { syncWithFolder } from './sync-now';
import { SLICE_MS, yieldToLoop } from './merge-into-store';
import { performance } from 'node:perf_hooks';

/** Changes appended to the journal per write. */
const JOURNAL_PART = 1000;
/** From this many papers (or changes held), the folder is read in a worker thread. */
export const THREAD_FROM = 5000;

export { DeviceInUseError, type FolderState };

/**
 * Sync wired to one open library: records every committed change (see record.ts) into this device's journal
 * and, when the sync folder is there, its log; merges other devices' changes on syncNow (sync-now.ts). All
 * work runs one task at a time on a queue beside the store, never inside a command: an edit never waits for
 * sync and never fails because of it (a missing folder only means the changes wait in the journal).
 */
export class SyncSession {
  replica: SyncReplica | undefined;
  /** Changes since the saved state (in the journal file): this device's, and other devices' taken in. */
  journal: Op[] = [];
  private unjournaled: Op[] = [];
  readonly recorder: Recorder;
  log: DeviceLog | undefined;
  private releaseLock: (() => Promise<void>) | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private unsubscribe: () => void;
  folderState: FolderState | undefined;
  /** Reads the sync folder, in a worker thread for a large library (read-folder.ts). */
  readonly reader = new FolderReader();
  folderMessage: string | undefined;
  private closed = false;

  private constructor(
    readonly store: LibraryStore,
    readonly settings: SyncSettings,
    public record: SyncRecord,
    public aliases: Map<string, string>,
  ) {
    this.recorder = new Recorder(store);
    store.aliasOf = (id) => this.aliases.get(id);
    this.unsubscribe = store.onChange((event) => {
      if (this.recorder.capture(event)) this.schedule();
    });
  }

  static async open(store: LibraryStore, settings: SyncSettings): Promise<SyncSession> {
    const [record, aliases] = await Promise.all([readSyncRecord(store.dataDir), readAliases(store.dataDir)]);
    return new SyncSession(store, settings, record, aliases);
  }

  get dataDir(): string {
    return this.store.dataDir;
  }

  /** Run one task after every earlier one (recording, writing, merging never overlap). */
  enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Record what was captured and write it out, soon, in the background. */
  private schedule(): void {
    void this.enqueue(() => this.writeOut()).catch(() => undefined);
  }

  /** The replica, loaded once from the saved state and the journal. */
  async loaded(): Promise<SyncReplica> {
    if (this.replica) return this.replica;
    const device = this.settings.device.id;
    const replica = new SyncReplica(device);
    replica.name = this.settings.device.name;
    const saved = await readLocalState(this.dataDir, device);
    if (saved) {
      // The library showed this state when it was saved: no id is read again for it at the next merge. Whether
      // it still does (a process may have ended between the two writes) is checked once, after that merge.
      replica.absorb(saved.papers, saved.seen, false);
      if (saved.clock) replica.clock.restore(saved.clock);
    }
    this.journal = await readJournal(this.dataDir);
    replica.restore(this.journal);
    this.checkDue = saved !== undefined || this.journal.length > 0;
    // The view starts from what the last sync read (aliases and conflicts are kept whole in the data folder).
    replica.view.seed(
      this.aliases,
      this.record.conflicts.map((conflict) => ({ paperId: conflict.paperId, kind: 'note' as const, versions: [] })),
    );
    this.replica = replica;
    if (this.large(replica)) this.prepare(replica);
    return replica;
  }

  /** Turn captures into ops now (the replica must be loaded); they go to the journal on the next write. */
  drainCaptures(): void {
    if (!this.replica) return;
    const ops = this.recorder.drain(this.replica);
    this.journal.push(...ops);
    this.unjournaled.push(...ops);
  }

  /** Journal what was recorded, then append what the folder lacks, if it is there. */
  async writeOut(): Promise<void> {
    await this.loaded();
    this.drainCaptures();
    const ops = this.unjournaled.splice(0);
    try {
      await appendJournal(this.dataDir, ops);
    } catch (error) {
      this.unjournaled.unshift(...ops);
      throw error;
    }
    await this.writeToFolder().catch(() => undefined);
  }

  /** Open this device's log (taking its lock) and append every change the folder does not hold yet. */
  async writeToFolder(): Promise<void> {
    try {
      const log = await this.openLog();
      const due = this.journal.filter((op) => this.own(op) && op.seq >= log.nextSeq);
      if (due.length > 0 && due[0]!.seq !== log.nextSeq) {
        throw new Error(
          `This device's changes ${log.nextSeq}–${due[0]!.seq - 1} are missing from the sync folder; run "paperqueue sync setup" again to start this device anew.`,
        );
      }
      await log.append(due);
      this.record.written = log.nextSeq - 1;
      this.folderState = 'ok';
      this.folderMessage = undefined;
    } catch (error) {
      this.noteFolderError(error);
      throw error;
    }
  }

  private async openLog(): Promise<DeviceLog> {
    if (this.log) {
      await checkSyncFolder(this.settings.folder);
      return this.log;
    }
    const { folder, device } = this.settings;
    await checkSyncFolder(folder);
    const lock = await acquireLock(deviceDir(folder, device.id), `Paperqueue (data folder ${this.dataDir})`);
    if (!lock.acquired) {
      throw new DeviceInUseError(
        lock.readOnly
          ? `The sync folder ${folder} cannot be written: ${lock.reason}`
          : `This device's folder in ${folder} is in use by ${describeHolder(lock.holder)}: two Paperqueue data folders claim the device "${device.name}" (${device.id}), so this one writes nothing there. Run "paperqueue sync setup" in one of them to make it a device of its own.`,
      );
    }
    try {
      const opened = await DeviceLog.open(folder, device);
      const replica = await this.loaded();
      // The folder may hold changes of this device the local state lost: never number two changes alike.
      replica.restore(opened.ops, opened.nextSeq);
      this.log = opened.log;
      this.releaseLock = lock.release;
      return opened.log;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  noteFolderError(error: unknown): void {
    this.folderState = folderStateOf(error);
    this.folderMessage = describeError(error);
    if (this.folderState === 'missing') {
      // The drive may come back as another mount: open the log afresh then.
      this.log = undefined;
      void this.releaseLock?.();
      this.releaseLock = undefined;
    }
  }

  /** What is new in the sync folder for a reader holding `known`. */
  readFolder(known: ReadonlyMap<string, number>): Promise<FolderRead> {
    return this.reader.read(this.settings.folder, known, this.large(this.replica));
  }

  /** A library whose folder is read in a worker thread (see THREAD_FROM). */
  private large(replica: SyncReplica | undefined): boolean {
    let changes = 0;
    for (const n of replica?.seen.values() ?? []) changes += n;
    return Math.max(this.store.size, changes) >= THREAD_FROM;
  }

  /**
   * The library is still to be checked against the state loaded: once per process, after the first merge, on
   * the queue (sync-now.ts's `checkLibrary`), so a merge costs what it brings and not the whole library.
   */
  checkDue = false;

  /** Settles once the view of a large library is indexed (started in the background when the replica loads). */
  prepared: Promise<void> = Promise.resolve();

  /**
   * Once the replica of a large library is loaded, in the background: start the folder's thread and index the
   * library's ids for the view in slices, so the first merge finds both ready.
   */
  private prepare(replica: SyncReplica): void {
    this.reader.warm();
    this.prepared = (async () => {
      while (!this.closed && !replica.view.build(performance.now() + SLICE_MS)) await yieldToLoop();
    })();
  }

  /** Merge every device's changes from the folder into the library (see sync-now.ts). */
  syncNow(): Promise<void> {
    return this.enqueue(() => syncWithFolder(this));
  }

  private own(op: Op): boolean {
    return opDevice(op) === this.settings.device.id;
  }

  /** Other devices' changes just taken in: journaled, so a later process has them without the folder. */
  async journalReceived(ops: readonly Op[]): Promise<void> {
    // In parts, so no one line of JSON for 10,000 changes holds the event loop.
    for (let at = 0; at < ops.length; at += JOURNAL_PART)
      await appendJournal(this.dataDir, ops.slice(at, at + JOURNAL_PART));
    this.journal.push(...ops);
  }

  /** Save the merged state, and keep in the journal only what the folder does not hold yet. */
  async saveState(): Promise<void> {
    const replica = await this.loaded();
    const saved = this.journal.length;
    // Written in pieces (state-file.ts), the event loop free in between.
    await saveLocalState(this.dataDir, this.settings.device.id, replica.snapshotState, replica.clock.last);
    // Changes journaled while it was written are kept, whatever the state file caught of them.
    const keep = [
      ...this.journal.slice(0, saved).filter((op) => this.own(op) && op.seq > this.record.written),
      ...this.journal.slice(saved),
    ];
    // Ops recorded meanwhile are still to be appended (unjournaled): they are not in the file yet.
    await rewriteJournal(this.dataDir, keep);
    this.journal = keep;
  }

  /** This device's changes not in the sync folder yet. */
  async waiting(): Promise<number> {
    const journal = this.replica ? this.journal : await readJournal(this.dataDir);
    return journal.filter((op) => this.own(op) && op.seq > this.record.written).length + this.recorder.waiting;
  }

  /** Merge now and every `ms` after, in the background; returns the function that stops it. */
  runEvery(ms: number, onError: (error: unknown) => void = () => undefined): () => void {
    let running = false;
    const tick = () => {
      if (running || this.closed) return;
      running = true;
      this.syncNow()
        .catch(onError)
        .finally(() => (running = false));
    };
    const timer = setInterval(tick, ms);
    timer.unref();
    setTimeout(tick, 0).unref();
    return () => clearInterval(timer);
  }

  /** Write out what is recorded, then let go of the device's folder. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    if (this.recorder.waiting > 0 || this.unjournaled.length > 0)
      await this.enqueue(() => this.writeOut()).catch(() => undefined);
    await this.queue;
    await this.reader.close();
    await this.releaseLock?.();
    this.releaseLock = undefined;
    this.log = undefined;
  }
}
