import type { FileHandle } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import type { AbstractShelf } from './abstract-shelf';
import { shareEqualText } from './shared-text';

/**
 * Where papers' lines lie in a library file, each [first byte, end byte), by paper: the numbers side by side
 * in one typed array (a pair in an array of its own took about 64 bytes a paper, 6 MB at 100,000 papers).
 */
export class LinePlaces {
  private readonly slots = new WeakMap<object, number>();
  private spans: Float64Array;
  private used = 0;

  constructor(capacity = 1024) {
    this.spans = new Float64Array(2 * Math.max(1, capacity));
  }

  /** `key`'s line is [start, end). */
  add(key: object, start: number, end: number): void {
    if (2 * this.used === this.spans.length) {
      const grown = new Float64Array(2 * this.spans.length);
      grown.set(this.spans);
      this.spans = grown;
    }
    this.spans[2 * this.used] = start;
    this.spans[2 * this.used + 1] = end;
    this.slots.set(key, this.used++);
  }

  /** Where `key`'s line starts, or -1 if it has none here; its end is then end(key). */
  start(key: object): number {
    const slot = this.slots.get(key);
    return slot === undefined ? -1 : this.spans[2 * slot]!;
  }

  end(key: object): number {
    return this.spans[2 * this.slots.get(key)! + 1]!;
  }
}

/**
 * The papers of a file in the one-paper-per-line layout, each parsed from its own line, with where each line
 * lies: line i is [spans[2i], spans[2i + 1]).
 */
export type PaperLines = { version: number; rules?: unknown; papers: unknown[]; spans: Float64Array; bytes: number };

const HEADER = /^\{"version":(\d{1,9}),(?:"rules":(\[.*\]),)?"papers":\[$/;
const NEWLINE = 10;
const COMMA = 44;
const CLOSE_BRACKET = 93;
const CLOSE_BRACE = 125;
/** A first line longer than this is not a header of the one-paper-per-line layout. */
const MAX_HEADER_BYTES = 1 << 20;
/** library.json is read in pieces of this size (a longer line grows the buffer). */
const READ_BYTES = 4 << 20;

/**
 * Takes a file in the one-paper-per-line layout a line at a time, parsing each paper from its own line;
 * anything else (another layout, a line that is not JSON or not UTF-8) makes it give up, and the whole-file
 * parse then says where the problem is. Each line holding exactly one JSON value makes this the same as
 * parsing the whole text.
 */
class PaperLineReader {
  private head: { version: number; rules: unknown } | undefined;
  private readonly papers: unknown[] = [];
  private spans = new Float64Array(2048);
  /** The last paper's line (the one without a comma) was read: only the footer may follow. */
  private lastPaper = false;
  private footer = false;

  constructor(private readonly shelf?: AbstractShelf) {}

  get started(): boolean {
    return this.head !== undefined;
  }

  /** One line: `buffer`'s bytes [start, end), its newline excluded, found at `offset` in the file. False: not this layout. */
  line(buffer: Buffer, start: number, end: number, offset: number): boolean {
    if (this.footer || !isUtf8(buffer.subarray(start, end))) return false;
    if (!this.head) {
      const head = HEADER.exec(buffer.toString('utf8', start, end));
      if (!head) return false;
      try {
        this.head = { version: Number(head[1]), rules: head[2] === undefined ? undefined : JSON.parse(head[2]) };
      } catch {
        return false;
      }
      return true;
    }
    if (end - start === 2 && buffer[start] === CLOSE_BRACKET && buffer[start + 1] === CLOSE_BRACE) {
      this.footer = true;
      return this.papers.length === 0 || this.lastPaper;
    }
    if (this.lastPaper) return false;
    const more = buffer[end - 1] === COMMA; // another paper follows
    const lineEnd = more ? end - 1 : end;
    let paper: unknown;
    try {
      paper = JSON.parse(buffer.toString('utf8', start, lineEnd));
    } catch {
      return false;
    }
    shareEqualText(paper, this.papers.at(-1));
    if (this.shelf) paper = this.shelf.take(paper);
    this.papers.push(paper);
    const at = 2 * (this.papers.length - 1);
    if (at === this.spans.length) {
      const grown = new Float64Array(2 * this.spans.length);
      grown.set(this.spans);
      this.spans = grown;
    }
    this.spans[at] = offset;
    this.spans[at + 1] = offset + (lineEnd - start);
    this.lastPaper = !more;
    return true;
  }

  /** The library read, once every line of a file of `bytes` bytes was taken (the last ending in a newline). */
  finish(bytes: number): PaperLines | undefined {
    if (!this.head || !this.footer) return undefined;
    const { papers, spans } = this;
    return { version: this.head.version, rules: this.head.rules, papers, spans, bytes };
  }
}

/** PaperLineReader over bytes in memory. */
export function splitPaperLines(bytes: Buffer): PaperLines | undefined {
  const reader = new PaperLineReader();
  let at = 0;
  for (;;) {
    const end = bytes.indexOf(NEWLINE, at);
    if (end < 0) break;
    if (!reader.line(bytes, at, end, at)) return undefined;
    at = end + 1;
  }
  return at === bytes.length ? reader.finish(at) : undefined;
}

/**
 * PaperLineReader over an open file, read in pieces into one reused buffer: the file's text is never
 * whole in memory, and the pieces leave no large garbage behind. Undefined if it is not that layout.
 * With a shelf, papers' abstracts go to it as they are read (ShelfWriteError if its file cannot take them).
 */
export async function readPaperLines(handle: FileHandle, shelf?: AbstractShelf): Promise<PaperLines | undefined> {
  const reader = new PaperLineReader(shelf);
  let buffer = Buffer.allocUnsafe(READ_BYTES);
  /** Bytes read but not yet taken as lines: buffer[0, kept), which lie at `offset` in the file. */
  let kept = 0;
  let offset = 0;
  for (;;) {
    if (kept === buffer.length) {
      if (!reader.started && kept >= MAX_HEADER_BYTES) return undefined;
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(bigger, 0, 0, kept);
      buffer = bigger;
    }
    const { bytesRead } = await handle.read(buffer, kept, buffer.length - kept, offset + kept);
    if (bytesRead === 0) {
      await shelf?.finish();
      return kept === 0 ? reader.finish(offset) : undefined;
    }
    const filled = kept + bytesRead;
    const view = buffer.subarray(0, filled);
    let at = 0;
    for (;;) {
      const end = view.indexOf(NEWLINE, at);
      if (end < 0) break;
      if (!reader.line(buffer, at, end, offset + at)) return undefined;
      at = end + 1;
    }
    buffer.copyWithin(0, at, filled);
    kept = filled - at;
    offset += at;
    await shelf?.flush();
  }
}
