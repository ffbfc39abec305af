import { readSync } from 'node:fs';

/**
 * Where a shelved abstract lies (abstract-shelf.ts): the shelf file's descriptor, the first byte, the byte
 * count. A worker thread of the same process reads it itself, so a hand-over of papers to a thread sends
 * three numbers instead of the abstract (a worker thread shares the process's open files).
 */
export type AbstractRef = [fd: number, start: number, length: number];

/** Bytes a reader brings in at once: a thread reads the papers in the order they were written. */
const WINDOW_BYTES = 1 << 20;

/** Reads AbstractRefs, forward, a megabyte at a time. */
export class ShelfReader {
  private bytes = Buffer.allocUnsafe(0);
  private fd = -1;
  private at = 0;
  private size = 0;

  read([fd, start, length]: AbstractRef): string {
    if (fd !== this.fd || start < this.at || start + length > this.at + this.size) {
      this.size = 0;
      const wanted = Math.max(length, WINDOW_BYTES);
      if (wanted > this.bytes.length) this.bytes = Buffer.allocUnsafe(wanted);
      this.size = readSync(fd, this.bytes, 0, wanted, start);
      this.fd = fd;
      this.at = start;
      if (this.size < length) throw new Error('The abstracts’ file ended early');
    }
    const from = start - this.at;
    return this.bytes.toString('utf8', from, from + length);
  }
}
