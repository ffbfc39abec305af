import { readSync } from 'node:fs';

/**
 * Where a shelved abstract lies (abstract-shelf.ts): the shelf file's descriptor, the first byte, the byte
 * count. A worker thread of the same process reads it itself, so a hand-over of papers to a thread sends
 * three numbers instead of the abstract (a worker thread shares the process's open files).
 */
export type AbstractRef = [fd: number, start: number, length: number];

/** What a pass in order reads at once. */
export const PASS_BYTES = 1 << 20;

/** Bytes of a shelf's file read back: [at, at + size) of the file `fd`. */
export class ReadWindow {
  private bytes = Buffer.allocUnsafe(0);
  fd = -1;
  at = 0;
  size = 0;
  /** The slot last read from it (a pass is the next or the previous slot), and when. */
  last = -2;
  used = 0;

  holds(fd: number, start: number, length: number): boolean {
    return fd === this.fd && start >= this.at && start + length <= this.at + this.size;
  }

  /** `slot` continues the pass this window serves, forward or backward. */
  passes(slot: number): boolean {
    return slot === this.last + 1 || slot === this.last - 1;
  }

  /** Read `wanted` bytes of `fd` from `at`; an error if fewer than `needed` of them are there. */
  fill(fd: number, at: number, wanted: number, needed: number): void {
    // Emptied first: a read that throws leaves nothing stale to be taken for the file's bytes.
    this.size = 0;
    if (wanted > this.bytes.length) this.bytes = Buffer.allocUnsafe(wanted);
    this.size = readSync(fd, this.bytes, 0, wanted, at);
    this.fd = fd;
    this.at = at;
    if (this.size < needed) throw new Error('The abstracts’ file of this library ended early');
  }

  text(start: number, length: number): string {
    const from = start - this.at;
    return this.bytes.toString('utf8', from, from + length);
  }
}

/** A worker thread's reader of AbstractRefs: the papers come in the order they were written, read forward. */
export class ShelfReader {
  private readonly window = new ReadWindow();

  read([fd, start, length]: AbstractRef): string {
    const window = this.window;
    if (!window.holds(fd, start, length)) window.fill(fd, start, Math.max(length, PASS_BYTES), length);
    return window.text(start, length);
  }
}
