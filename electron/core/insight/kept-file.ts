import { open, type FileHandle } from 'node:fs/promises';
import { turns } from '../turns';
export { writeWhole } from '../whole-file';

/** What the relevance model's files beside the library (model-cache.ts, likeness-cache.ts) are made of. */

/** A typed array as the bytes it covers. */
export type Part = Float64Array | Float32Array | Int32Array | Uint32Array | Uint16Array | Uint8Array;

export const asBytes = (part: Part): Uint8Array => new Uint8Array(part.buffer, part.byteOffset, part.byteLength);

/**
 * The whole file in one buffer of its own (8-byte aligned), or undefined if it cannot be read. One read
 * rather than readFile's pieces of 512 KiB: each piece waits for a turn of the event loop, which a start
 * of the app (the search index's cache, the page's requests) keeps busy.
 */
export async function readWhole(path: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
  try {
    const file = await open(path, 'r');
    try {
      const { size } = await file.stat();
      const bytes = new Uint8Array(size);
      let at = 0;
      while (at < size) {
        const { bytesRead } = await file.read(bytes, at, size - at, at);
        if (bytesRead === 0) return undefined;
        at += bytesRead;
      }
      return bytes;
    } finally {
      await file.close();
    }
  } catch {
    return undefined;
  }
}

/**
 * The file's header (`headerWords` words) and then its parts, each read into an ArrayBuffer of its own: a part
 * the reader lets go of once used (a model's fingerprints and document frequencies) is freed, whatever else it
 * keeps, where views into one buffer of the whole file would keep all of it. `layout` gives each part's length in
 * bytes from the header, or undefined for a header not of the expected kind. Undefined if the file cannot be
 * read, is refused by `layout`, or is not exactly as long as the header says.
 */
export async function readParts(
  path: string,
  headerWords: number,
  layout: (header: Uint32Array) => number[] | undefined,
): Promise<{ header: Uint32Array; parts: Uint8Array<ArrayBuffer>[] } | undefined> {
  try {
    const file = await open(path, 'r');
    try {
      const { size } = await file.stat();
      const header = new Uint32Array(headerWords);
      if (size < header.byteLength || !(await readFully(file, asBytes(header), 0))) return undefined;
      const lengths = layout(header);
      if (!lengths || size !== lengths.reduce((sum, n) => sum + n, header.byteLength)) return undefined;
      const parts: Uint8Array<ArrayBuffer>[] = [];
      let at = header.byteLength;
      for (const length of lengths) {
        const part = new Uint8Array(length);
        if (!(await readFully(file, part, at))) return undefined;
        parts.push(part);
        at += length;
      }
      return { header, parts };
    } finally {
      await file.close();
    }
  } catch {
    return undefined;
  }
}

/** Fill `into` from the file at `position`; false if the file ends first. */
async function readFully(file: FileHandle, into: Uint8Array, position: number): Promise<boolean> {
  let at = 0;
  while (at < into.length) {
    const { bytesRead } = await file.read(into, at, into.length - at, position + at);
    if (bytesRead === 0) return false;
    at += bytesRead;
  }
  return true;
}

/** Words summed between turns of the event loop by `laneSumSliced`. */
const SLICE_WORDS = 1 << 22;

/**
 * A Fletcher-style checksum (a running sum and the sum of it) in four interleaved lanes, as two words: it
 * catches a truncated, overwritten or shuffled file at about a nanosecond a word.
 */
class LaneSum {
  private a0 = 1;
  private a1 = 1;
  private a2 = 1;
  private a3 = 1;
  private b0 = 0;
  private b1 = 0;
  private b2 = 0;
  private b3 = 0;

  /** Words [from, to) of `signed` (`to - from` a multiple of 4). */
  words(signed: Int32Array, from: number, to: number): void {
    let { a0, a1, a2, a3, b0, b1, b2, b3 } = this;
    for (let i = from; i < to; i += 4) {
      a0 = (a0 + signed[i]!) | 0;
      b0 = (b0 + a0) | 0;
      a1 = (a1 + signed[i + 1]!) | 0;
      b1 = (b1 + a1) | 0;
      a2 = (a2 + signed[i + 2]!) | 0;
      b2 = (b2 + a2) | 0;
      a3 = (a3 + signed[i + 3]!) | 0;
      b3 = (b3 + a3) | 0;
    }
    Object.assign(this, { a0, a1, a2, a3, b0, b1, b2, b3 });
  }

  /** The bytes of `part` from `from` on, and its end: bytes moved from one part to the next change the sum. */
  tail(part: Part, from: number): void {
    const bytes = asBytes(part);
    for (let i = from; i < bytes.length; i++) {
      this.a0 = (this.a0 + bytes[i]! + 1) | 0;
      this.b0 = (this.b0 + this.a0) | 0;
    }
    this.a1 = (this.a1 + part.byteLength) | 0;
    this.b1 = (this.b1 + this.a1) | 0;
  }

  result(): [number, number] {
    const { a0, a1, a2, a3, b0, b1, b2, b3 } = this;
    const a = Math.imul(a0, 3) ^ Math.imul(a1, 5) ^ Math.imul(a2, 7) ^ Math.imul(a3, 11);
    const b = (b0 ^ Math.imul(b1, 0x9e3779b1)) + (b2 ^ Math.imul(b3, 0x85ebca6b));
    return [a >>> 0, b >>> 0];
  }
}

/** The checksum of `parts` (see LaneSum). */
export function laneSum(parts: readonly Part[]): [number, number] {
  const sum = new LaneSum();
  for (const part of parts) {
    const end = (part.byteLength >>> 2) & ~3;
    sum.words(new Int32Array(part.buffer, part.byteOffset, end), 0, end);
    sum.tail(part, end * 4);
  }
  return sum.result();
}

/** The same checksum, the event loop given a turn between slices of a few milliseconds: a large file is summed at a start. */
export async function laneSumSliced(parts: readonly Part[]): Promise<[number, number]> {
  const sum = new LaneSum();
  for (const part of parts) {
    const end = (part.byteLength >>> 2) & ~3;
    const signed = new Int32Array(part.buffer, part.byteOffset, end);
    for (let from = 0; from < end; from += SLICE_WORDS) {
      sum.words(signed, from, Math.min(end, from + SLICE_WORDS));
      if (from + SLICE_WORDS < end) await turns.next();
    }
    sum.tail(part, end * 4);
  }
  return sum.result();
}
