import type { Low } from 'lowdb';
import { QUIET_MS, foreground } from '../foreground';
import type { LibraryFile } from '../schema';
import { BACKUP_INTERVAL_MS, backUp } from './backups';
import { makePrivateFolder } from './durable-file';
import type { LibraryFileAdapter, SaveCounts } from './library-file';

type Listener<T> = (value: T) => void;

/**
 * How the library reaches the disk: one serialised, coalescing writer (a burst of changes costs two
 * writes, and the latest state is always written last), a backup of the file as opened before it is first
 * replaced, another every half hour of changes, and a report to listeners of every failed write.
 *
 * In a process that serves a page, a write waits while the page's requests come (until QUIET_MS after the
 * last, at most foreground.ts's MOST_HELD_MS, 2 s, at a time): each write of a 218 MB library copies and syncs the
 * whole file, and written back to back under a stream of keys (one every 0.3–1.3 s) they took the cores from
 * the page's renderer; its worst key presses came during them. Held, a stream of keys costs a write every
 * 2 s or so, and a change is on disk within about 2 s more than before. `flush` (closing, a backup, a command
 * that must find its change on disk) writes at once.
 */
export class LibraryWriter {
  private writing: Promise<void> | null = null;
  private writeCount = 0;
  private dirty = false;
  private lastWriteError: Error | null = null;
  private readonly errorListeners = new Set<Listener<unknown>>();
  private lastBackupAt = Date.now();
  /** The backup of the library as opened, until it is on disk. */
  private backingUp: Promise<void> | undefined;
  /** Flushes under way: meanwhile no write waits for the page. */
  private hurrying = 0;
  /** Ends the wait of a write held for the page (see `pageQuiet`). */
  private endHold: (() => void) | undefined;

  constructor(
    private readonly dataDir: string,
    private readonly db: Low<LibraryFile>,
    private readonly adapter: LibraryFileAdapter,
    /** The library as it is now, to write. */
    private readonly snapshot: () => LibraryFile,
    /** Why nothing may be written, for a library opened read-only. */
    private readonly readOnly: string | undefined,
  ) {}

  /** Back up the file just opened, in the background; the first write waits for it. */
  backUpOpened(): void {
    this.backingUp = backUp(this.dataDir, new Date(), false, this.adapter.identity).then(
      () => undefined,
      () => undefined,
    );
  }

  /** A backup of what is on disk now, if it changed since the last one (`always`: even if not). */
  async backUpNow(always = false): Promise<void> {
    await this.flush();
    await backUp(this.dataDir, new Date(), always, this.adapter.identity);
    this.lastBackupAt = Date.now();
  }

  get writes(): number {
    return this.writeCount;
  }

  get lastSave(): SaveCounts {
    return this.adapter.lastSave;
  }

  onWriteError(listener: Listener<unknown>): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /** Write the current state; calls during a write share the next one. */
  persist(): Promise<void> {
    this.dirty = true;
    if (this.readOnly !== undefined) {
      // Never written: the change stays in memory, and the failure is reported as any failed save is.
      const error = new Error(this.readOnly);
      this.lastWriteError = error;
      for (const listener of this.errorListeners) listener(error);
      return Promise.reject(error);
    }
    this.writing ??= this.drain();
    return this.writing;
  }

  /** Wait until everything changed so far is on disk; rethrows the last write failure. */
  async flush(): Promise<void> {
    if (this.readOnly !== undefined) {
      // Nothing changed, nothing to save; a change made anyway cannot be saved.
      if (this.dirty) throw new Error(this.readOnly);
      return;
    }
    this.hurrying++;
    this.endHold?.();
    try {
      await this.backingUp;
      if (this.writing) await this.writing.catch(() => undefined);
      if (this.dirty) await this.persist().catch(() => undefined);
    } finally {
      this.hurrying--;
    }
    if (this.lastWriteError) throw this.lastWriteError;
  }

  /** Until the page's requests pause (or have held this long enough, or a flush comes): see the class's comment. */
  private async pageQuiet(): Promise<void> {
    if (!foreground.servesPages || this.hurrying > 0) return;
    await new Promise<void>((resolve) => {
      this.endHold = resolve;
      // Work nobody waits for: a request waiting for background work (For you's model) holds it too.
      void foreground.quiet(QUIET_MS, 'idle').then(resolve);
    });
    this.endHold = undefined;
  }

  private async drain(): Promise<void> {
    try {
      await makePrivateFolder(this.dataDir);
      // library.json is replaced only once the backup of what it held at open is safe.
      await this.backingUp;
      while (this.dirty) {
        await this.pageQuiet();
        this.dirty = false;
        this.db.data = this.snapshot();
        await this.db.write();
        this.writeCount++;
      }
      if (Date.now() - this.lastBackupAt >= BACKUP_INTERVAL_MS) {
        this.lastBackupAt = Date.now();
        await backUp(this.dataDir, new Date(), false, this.adapter.identity).catch(() => undefined);
      }
      this.lastWriteError = null;
    } catch (error) {
      this.dirty = true;
      this.lastWriteError = error instanceof Error ? error : new Error(String(error));
      for (const listener of this.errorListeners) listener(error);
      throw error;
    } finally {
      this.writing = null;
    }
  }
}
