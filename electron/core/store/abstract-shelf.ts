import { closeSync, openSync, unlinkSync, write } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Paper } from '../schema';
import { isPaper } from './paper-check';
import { PASS_BYTES, ReadWindow, type AbstractRef } from './shelf-read';

/**
 * The file's name in the library's folder, for the moment between its creation and its unlinking: a temp
 * file's, which sync tools leave alone (Dropbox skips `.~` names) and the next open sweeps if this process
 * died where unlinking an open file is refused (durable-file.ts: removeStaleTempFiles).
 */
const FILE = (): string => `.~abstracts.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
/**
 * Bytes collected before they are written: as much as the line reader's piece of library.json (library-lines.ts),
 * whose abstracts can be no longer, so every write is made between pieces, off this thread.
 */
const PENDING_BYTES = 4 << 20;
/** What a read out of order brings in: the abstract and a few after it. */
const NEARBY_BYTES = 4 << 10;
/** Shorter abstracts stay in memory: their bytes cost less than the getter's way to them. */
export const SHELF_MIN_CHARS = 64;
/** A paper whose abstract is on a shelf holds this hidden, non-enumerable slot number. */
const SLOT = Symbol('abstract slot');

type Shelved = Paper & { readonly [SLOT]: number };
/** ES2024's String.prototype.isWellFormed (Node 20), past this project's ES2023 typings; O(1) on Latin-1 strings. */
type WellFormed = { isWellFormed(): boolean };

/** The shelf's file could not be written: the library is read again with every abstract in memory. */
export class ShelfWriteError extends Error {}

/** Each shelf by the getter its papers share: how a paper leads to its shelf (abstractRef). */
const shelfOfGetter = new WeakMap<object, AbstractShelf>();

/** Closes a shelf's file once nothing can read it any more (no paper of it is left). */
const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed.
  }
});

/**
 * The abstracts of a large library, kept in a file of this process's own instead of in memory: at 100,000
 * papers they are 150 MB of a 520 MB process, and a list page shows two lines of 200 of them. Each abstract
 * is written as UTF-8 while its paper's line is parsed (its string then dies young), and the paper gets an
 * `abstract` getter that reads it back: the paper stays a plain, enumerable object to every reader
 * (JSON.stringify, spread, structured clone, zod), and a change still makes a new paper that holds its text.
 *
 * The file is created in the library's folder (on the disk: a temp folder may be memory) and unlinked at
 * once, so it is nobody else's to change, leaves nothing behind if the process dies, and is freed when the
 * last paper reading it is gone. Where unlinking an open file is refused, it is removed at that point.
 */
export class AbstractShelf {
  private readonly fd: number;
  private readonly path: string;
  private unlinked = false;
  private closed = false;
  /** Where each slot's bytes start in the file, and how many there are. */
  private starts = new Float64Array(1024);
  private lengths = new Uint32Array(1024);
  private used = 0;
  /** Bytes collected for the file, not yet written: they lie at `pendingAt` in it. */
  private pending = Buffer.allocUnsafe(PENDING_BYTES);
  private pendingBytes = 0;
  private pendingAt = 0;
  /** A write failed: the reader gives up (ShelfWriteError) and reads the library again without a shelf. */
  private failed: Error | undefined;
  /** Bytes read back: two windows, so two passes that take turns (the index's, the model's) keep one each. */
  private readonly windows = [new ReadWindow(), new ReadWindow()];
  private tick = 0;
  /** The getter every paper of this shelf shares, so their objects share one shape. */
  private readonly getter: (this: Shelved) => string;

  constructor(dir: string) {
    this.path = join(dir, FILE());
    this.fd = openSync(this.path, 'wx+', 0o600);
    try {
      unlinkSync(this.path);
      this.unlinked = true;
    } catch {
      // Windows may refuse while it is open: removed when it is closed.
    }
    const shelf = this; // eslint-disable-line @typescript-eslint/no-this-alias -- the getter's `this` is the paper
    this.getter = function (this: Shelved): string {
      return shelf.read(this[SLOT]);
    };
    closer.register(this, this.fd, this);
    shelfOfGetter.set(this.getter, this);
  }

  /** How many abstracts are on the shelf. */
  get size(): number {
    return this.used;
  }

  /**
   * `value` as the paper to keep: a valid paper with a long enough abstract is rebuilt with the abstract on
   * the shelf (its keys in the same order), anything else is given back as it is, for the check to judge.
   */
  take(value: unknown): unknown {
    if (this.failed || typeof value !== 'object' || value === null) return value;
    const abstract = (value as { abstract?: unknown }).abstract;
    if (typeof abstract !== 'string' || abstract.length < SHELF_MIN_CHARS || !isPaper(value)) return value;
    // UTF-8 cannot hold a lone surrogate (JSON can: "\ud83d"), which would come back as U+FFFD.
    if (!(abstract as unknown as WellFormed).isWellFormed()) return value;
    const slot = this.put(value.abstract);
    const paper: Record<string | symbol, unknown> = {};
    for (const key in value) {
      if (key === 'abstract')
        Object.defineProperty(paper, key, { get: this.getter, enumerable: true, configurable: true });
      else paper[key] = (value as Record<string, unknown>)[key];
    }
    Object.defineProperty(paper, SLOT, { value: slot });
    return paper;
  }

  /** Write what was collected; rejects with ShelfWriteError if the file cannot take it. */
  async flush(): Promise<void> {
    if (this.failed) throw new ShelfWriteError(this.failed.message);
    if (this.pendingBytes === 0) return;
    const bytes = this.pending.subarray(0, this.pendingBytes);
    try {
      await writeAll(this.fd, bytes, this.pendingAt);
    } catch (error) {
      this.failed = error instanceof Error ? error : new Error(String(error));
      throw new ShelfWriteError(this.failed.message);
    }
    this.pendingAt += this.pendingBytes;
    this.pendingBytes = 0;
  }

  /** Nothing more will be shelved: the file is written and, if it could not be unlinked, removed when closed. */
  async finish(): Promise<void> {
    await this.flush();
    this.pending = Buffer.alloc(0);
  }

  private put(text: string): number {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (this.pendingBytes + bytes > this.pending.length) {
      // A piece grown past its usual size for a very long line: the buffer grows with it.
      const grown = Buffer.allocUnsafe(Math.max(2 * this.pending.length, this.pendingBytes + bytes));
      this.pending.copy(grown, 0, 0, this.pendingBytes);
      this.pending = grown;
    }
    const slot = this.used++;
    if (slot === this.starts.length) {
      const starts = new Float64Array(2 * slot);
      starts.set(this.starts);
      this.starts = starts;
      const lengths = new Uint32Array(2 * slot);
      lengths.set(this.lengths);
      this.lengths = lengths;
    }
    this.starts[slot] = this.pendingAt + this.pendingBytes;
    this.lengths[slot] = bytes;
    this.pending.write(text, this.pendingBytes, 'utf8');
    this.pendingBytes += bytes;
    return slot;
  }

  /** The abstract in `slot`, from the window of bytes last read if it is there, else from the file. */
  read(slot: number): string {
    if (this.closed) throw new Error('This library was closed: its papers can no longer be read');
    const start = this.starts[slot]!;
    const length = this.lengths[slot]!;
    if (start >= this.pendingAt) {
      const at = start - this.pendingAt;
      return this.pending.toString('utf8', at, at + length);
    }
    const [a, b] = this.windows as [ReadWindow, ReadWindow];
    const fd = this.fd;
    let window = a.holds(fd, start, length) ? a : b.holds(fd, start, length) ? b : undefined;
    if (!window) {
      // A pass in the order the papers were written (an export, a fingerprint pass, a hand-over to a thread)
      // or the reverse (a list newest first) reads a megabyte at a time, in its direction; a read out of order,
      // 4 KB (the read call itself, about 6 µs, is most of the cost: 200 rows in random order take about 1.2 ms).
      window = a.passes(slot) ? a : b.passes(slot) ? b : a.used <= b.used ? a : b;
      const backward = slot === window.last - 1;
      const span = Math.max(length, window.passes(slot) ? PASS_BYTES : NEARBY_BYTES);
      const end = start + length;
      const from = backward ? Math.max(0, end - span) : start;
      const to = backward ? end : Math.min(this.pendingAt, start + span);
      window.fill(fd, from, to - from, end - from);
    }
    window.last = slot;
    window.used = ++this.tick;
    return window.text(start, length);
  }

  /** Where `slot`'s bytes lie, for another thread to read them; undefined if they are not all in the file yet. */
  ref(slot: number): AbstractRef | undefined {
    if (this.closed) return undefined;
    const start = this.starts[slot]!;
    const length = this.lengths[slot]!;
    return start + length <= this.pendingAt ? [this.fd, start, length] : undefined;
  }

  /** Close the file at once (tests; a process that is done with the library). Reading afterwards throws. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closer.unregister(this);
    closeSync(this.fd);
    if (!this.unlinked) {
      try {
        unlinkSync(this.path);
      } catch {
        // Gone already.
      }
    }
  }
}

/**
 * Where a shelved paper's abstract lies, for a worker thread to read it there (ShelfReader) rather than be
 * sent it; undefined for a paper that holds its abstract. The paper keeps the shelf, and so the file, open.
 */
export function abstractRef(paper: object): AbstractRef | undefined {
  if (!(SLOT in paper)) return undefined;
  // The getter is looked up, never called here.
  const getter = (Object.getOwnPropertyDescriptor(paper, 'abstract') as { get?: object } | undefined)?.get;
  const shelf = getter && shelfOfGetter.get(getter);
  return shelf?.ref((paper as Shelved)[SLOT]);
}

/** True for a paper whose abstract is read from a shelf. */
export const isShelved = (paper: object): boolean => SLOT in paper;

function writeAll(fd: number, bytes: Buffer, position: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const next = (done: number): void => {
      if (done === bytes.length) return resolve();
      write(fd, bytes, done, bytes.length - done, position + done, (error, written) => {
        if (error) reject(error);
        else next(done + written);
      });
    };
    next(0);
  });
}
