import { isUtf8 } from 'node:buffer';
import { open, type FileHandle } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { LIBRARY_VERSION, LibraryFileSchema, PaperSchema, emptyLibrary, type LibraryFile, type Paper } from '../schema';
import { lineColumnAt } from '../text';
import { DurableWriteError, writeFileDurably, type FileIdentity } from './durable-file';
import { migrate } from './migrations';
import { isPaper } from './paper-check';

const RulesSchema = LibraryFileSchema.shape.rules;

/** library.json could not be used as it is. The file is left untouched. */
export class StoreLoadError extends Error {
  readonly file: string;
  /** Written by a newer Paperqueue: not damaged, so never moved aside or replaced by a backup. */
  readonly fromNewerVersion: boolean;
  constructor(file: string, reason: string, fromNewerVersion = false) {
    super(`Cannot open the library ${file}: ${reason}. The file was left untouched.`);
    this.name = 'StoreLoadError';
    this.file = file;
    this.fromNewerVersion = fromNewerVersion;
  }
}

/** lowdb adapter for library.json: strict decoding, validation and migration on read; durable writes. */
export class LibraryFileAdapter implements Adapter<LibraryFile> {
  readonly file: string;
  /** Where each paper's line lies in the file as last read or written here, so a save can copy it unchanged. */
  private placed = new WeakMap<Paper, Placement>();
  /** The file those placements describe; a save that finds another file there serialises every paper. */
  private source: FileIdentity | undefined;
  /** How the last save made each paper's line: copied from the old file, or serialised afresh. */
  lastSave: SaveCounts = { copied: 0, serialised: 0 };

  constructor(file: string) {
    this.file = file;
  }

  /**
   * Read library.json. A file in the one-paper-per-line layout is read in pieces and parsed line by line,
   * so its text never sits whole in memory; any other file (hand-edited, damaged) is read whole, and the
   * error names the line and column.
   */
  async read(): Promise<LibraryFile | null> {
    let handle: FileHandle;
    try {
      handle = await open(this.file, 'r');
    } catch (error) {
      if (isMissing(error)) return null;
      throw new StoreLoadError(this.file, describeSystemError(error));
    }
    let decoded: Decoded;
    let identity: FileIdentity;
    try {
      const { ino, size, mtimeMs } = await handle.stat();
      identity = { ino, size, mtimeMs };
      const lines = await readPaperLines(handle);
      decoded = lines ? checkLibrary(this.file, lines, lines) : decodeLibrary(this.file, await handle.readFile());
      if (lines?.bytes !== identity.size) decoded.placements = undefined;
    } catch (error) {
      if (error instanceof StoreLoadError) throw error;
      throw new StoreLoadError(this.file, describeSystemError(error));
    } finally {
      await handle.close();
    }
    const { library, placements } = decoded;
    this.placed = new WeakMap();
    library.papers.forEach((paper, i) => {
      const placement = placements?.[i];
      if (placement) this.placed.set(paper, placement);
    });
    this.source = placements ? identity : undefined;
    return library;
  }

  /**
   * library.json as this adapter last read and validated it or wrote it (undefined if it could not tell
   * where each line lies). A file that still has this identity is known good: a backup can copy it as it is.
   */
  get identity(): FileIdentity | undefined {
    return this.source;
  }

  async write(data: LibraryFile): Promise<void> {
    const placed = new WeakMap<Paper, Placement>();
    const counts: SaveCounts = { copied: 0, serialised: 0 };
    const old = await this.openSource();
    try {
      this.source = await writeFileDurably(this.file, libraryPieces(data, this.placed, old, placed, counts));
    } catch (error) {
      // A copy that found the old file not as expected: write every paper afresh.
      if (!(error instanceof DurableWriteError && error.cause instanceof SourceChangedError)) throw error;
      Object.assign(counts, { copied: 0, serialised: 0 });
      this.source = await writeFileDurably(this.file, libraryPieces(data, new WeakMap(), undefined, placed, counts));
    } finally {
      await old?.close();
    }
    this.placed = placed;
    this.lastSave = counts;
  }

  /** library.json opened for copying unchanged lines, if it is still the file this adapter last read or wrote. */
  private async openSource(): Promise<FileHandle | undefined> {
    const source = this.source;
    if (!source) return undefined;
    let handle: FileHandle | undefined;
    try {
      handle = await open(this.file, 'r');
      const { ino, size, mtimeMs } = await handle.stat();
      if (ino === source.ino && size === source.size && mtimeMs === source.mtimeMs) return handle;
    } catch {
      // Gone or unreadable: every paper is serialised afresh.
    }
    await handle?.close();
    return undefined;
  }
}

export type SaveCounts = { copied: number; serialised: number };

/** Where a paper's line lies in a library file: [first byte, end byte). */
type Placement = readonly [number, number];

/** The old library file did not hold what its placements say; the save is redone without copying. */
class SourceChangedError extends Error {}

/**
 * library.json holds one paper per line:
 *   {"version":1,"papers":[
 *   {...paper...},
 *   {...paper...}
 *   ]}
 * still plain JSON, so any JSON reader (and older Paperqueues) read it. Papers are replaced, never
 * mutated, so a paper object whose line is in the current file is unchanged: a save copies those bytes
 * from the old file and serialises only the papers that changed. Nothing of the file's text is kept in memory.
 */
const header = (version: number, rules: LibraryFile['rules']): string =>
  rules?.length
    ? `{"version":${version},"rules":${JSON.stringify(rules)},"papers":[\n`
    : `{"version":${version},"papers":[\n`;
const FOOTER = ']}\n';
const SEPARATOR = ',\n';

/** The whole file as one string (exports, tests and the bench's floor). */
export function serializeLibrary(data: LibraryFile): string {
  const lines = data.papers.map((paper) => JSON.stringify(paper));
  return `${header(data.version, data.rules)}${lines.join(SEPARATOR)}${lines.length > 0 ? '\n' : ''}${FOOTER}`;
}

/** Pieces of about this many bytes: each costs the event loop a millisecond or two to make. */
const PIECE_BYTES = 1 << 20;

/**
 * The library file in pieces of bytes, byte for byte what serializeLibrary gives. Runs of papers whose
 * lines are in `old` (per `placed`) are read from it; the others are stringified. `next` learns where each
 * paper's line lies in the new file. Each piece is written before the next is made.
 */
async function* libraryPieces(
  data: LibraryFile,
  placed: WeakMap<Paper, Placement>,
  old: FileHandle | undefined,
  next: WeakMap<Paper, Placement>,
  counts: SaveCounts,
): AsyncGenerator<Uint8Array> {
  const copyBuffer = old ? Buffer.allocUnsafe(4 * PIECE_BYTES) : undefined;
  let written = 0;
  /** Text made but not yet written, and its size in bytes. */
  let parts: string[] = [];
  let partsBytes = 0;
  const addText = (part: string): void => {
    parts.push(part);
    partsBytes += Buffer.byteLength(part, 'utf8');
  };
  /** A run of consecutive papers whose lines (and the separators between them) are one range of the old file. */
  let run: { from: number; to: number; writtenAt: number } | undefined;

  function* flushText(): Generator<Uint8Array> {
    if (parts.length === 0) return;
    const bytes = Buffer.from(parts.join(''), 'utf8');
    parts = [];
    partsBytes = 0;
    written += bytes.length;
    yield bytes;
  }
  async function* flushRun(): AsyncGenerator<Uint8Array> {
    if (!run || !old || !copyBuffer) return;
    for (let at = run.from; at < run.to;) {
      const length = Math.min(copyBuffer.length, run.to - at);
      const { bytesRead } = await old.read(copyBuffer, 0, length, at);
      if (bytesRead !== length || (at === run.from && copyBuffer[0] !== 0x7b)) throw new SourceChangedError();
      at += length;
      written += length;
      yield copyBuffer.subarray(0, length);
    }
    run = undefined;
  }
  /** End the run before a paper that does not continue it; the separator counted into it becomes text. */
  async function* endRun(): AsyncGenerator<Uint8Array> {
    run!.to -= SEPARATOR.length;
    yield* flushRun();
    addText(SEPARATOR);
  }

  addText(header(data.version, data.rules));
  const papers = data.papers;
  for (let i = 0; i < papers.length; i++) {
    const paper = papers[i]!;
    if (i > 0) {
      if (run) run.to += SEPARATOR.length;
      else addText(SEPARATOR);
    }
    const place = old ? placed.get(paper) : undefined;
    if (place) {
      if (run && run.to !== place[0]) yield* endRun();
      if (!run) {
        yield* flushText();
        run = { from: place[0], to: place[0], writtenAt: written };
      }
      next.set(paper, [run.writtenAt + (place[0] - run.from), run.writtenAt + (place[1] - run.from)]);
      run.to = place[1];
      counts.copied++;
      // A long run is written as it grows, so the loop over its papers also lets other work run.
      if (run.to - run.from >= 4 * PIECE_BYTES) yield* flushRun();
      continue;
    }
    if (run) yield* endRun();
    const line = JSON.stringify(paper);
    counts.serialised++;
    const start = written + partsBytes;
    addText(line);
    next.set(paper, [start, written + partsBytes]);
    if (partsBytes >= PIECE_BYTES) yield* flushText();
  }
  yield* flushRun();
  addText(papers.length > 0 ? `\n${FOOTER}` : FOOTER);
  // Closed before the new file is renamed over it (Windows may refuse to replace a file still open).
  await old?.close();
  yield* flushText();
}

/**
 * Decode, parse, migrate and validate a library file; a StoreLoadError names the file and the problem.
 * Papers are checked by a fast structural check first and by the zod schema only when that is unsure,
 * so a bad file is described exactly as the schema describes it.
 */
export function parseLibrary(file: string, bytes: Uint8Array): LibraryFile {
  return decodeLibrary(file, bytes).library;
}

type Decoded = { library: LibraryFile; placements?: (Placement | undefined)[] };
/** The papers of a file in the one-paper-per-line layout, each parsed from its own line, with where each line lies. */
type PaperLines = { version: number; rules?: unknown; papers: unknown[]; places: Placement[]; bytes: number };

/** parseLibrary, and where each paper's line lies when the file has one paper per line (undefined for a paper the schema changed). */
function decodeLibrary(file: string, bytes: Uint8Array): Decoded {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isUtf8(buffer)) throw new StoreLoadError(file, 'it is not UTF-8 text');
  const lines = splitPaperLines(buffer);
  if (lines) return checkLibrary(file, lines, lines);
  const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(buffer);
  if (text.trim() === '') throw new StoreLoadError(file, 'it is empty');
  try {
    return checkLibrary(file, JSON.parse(text));
  } catch (error) {
    if (error instanceof StoreLoadError) throw error;
    throw new StoreLoadError(file, describeJsonError(text, error));
  }
}

/** Check, migrate and validate a parsed library; `lines` is the same library as read line by line. */
function checkLibrary(file: string, raw: unknown, lines?: PaperLines): Decoded {
  const version = typeof raw === 'object' && raw !== null ? (raw as { version?: unknown }).version : undefined;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new StoreLoadError(file, 'it has no valid "version" field, so it is not a Paperqueue library');
  }
  if (version > LIBRARY_VERSION) {
    throw new StoreLoadError(
      file,
      `it was written by a newer Paperqueue (library version ${version}; this one reads up to ${LIBRARY_VERSION})`,
      true,
    );
  }
  if (version === LIBRARY_VERSION) {
    const papers = checkPapers((raw as { papers?: unknown }).papers);
    if (papers) {
      const placements = lines && papers.map((paper, i) => (paper === lines.papers[i] ? lines.places[i] : undefined));
      const rules = (raw as { rules?: unknown }).rules;
      if (rules === undefined) return { library: { version: LIBRARY_VERSION, papers }, placements };
      const checked = RulesSchema.safeParse(rules);
      if (checked.success) return { library: { version: LIBRARY_VERSION, papers, rules: checked.data }, placements };
    }
  }
  const parsed = LibraryFileSchema.safeParse(migrate(raw as { version: number }));
  if (!parsed.success) throw new StoreLoadError(file, describeIssues(parsed.error));
  return { library: parsed.data };
}

/**
 * The papers as the schema would give them: each that passes the structural check as it is, any other
 * through PaperSchema (which drops unknown keys). Undefined if one is invalid, to let the whole-file
 * schema describe the problems.
 */
function checkPapers(papers: unknown): Paper[] | undefined {
  if (!Array.isArray(papers)) return undefined;
  const out: Paper[] = new Array<Paper>(papers.length);
  for (let i = 0; i < papers.length; i++) {
    const paper: unknown = papers[i];
    if (isPaper(paper)) {
      out[i] = paper;
      continue;
    }
    const parsed = PaperSchema.safeParse(paper);
    if (!parsed.success) return undefined;
    out[i] = parsed.data;
  }
  return out;
}

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
  private readonly places: Placement[] = [];
  /** The last paper's line (the one without a comma) was read: only the footer may follow. */
  private lastPaper = false;
  private footer = false;

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
    try {
      this.papers.push(JSON.parse(buffer.toString('utf8', start, lineEnd)));
    } catch {
      return false;
    }
    this.places.push([offset, offset + (lineEnd - start)]);
    this.lastPaper = !more;
    return true;
  }

  /** The library read, once every line of a file of `bytes` bytes was taken (the last ending in a newline). */
  finish(bytes: number): PaperLines | undefined {
    if (!this.head || !this.footer) return undefined;
    return { version: this.head.version, rules: this.head.rules, papers: this.papers, places: this.places, bytes };
  }
}

/** PaperLineReader over bytes in memory. */
function splitPaperLines(bytes: Buffer): PaperLines | undefined {
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
 */
async function readPaperLines(handle: FileHandle): Promise<PaperLines | undefined> {
  const reader = new PaperLineReader();
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
    if (bytesRead === 0) return kept === 0 ? reader.finish(offset) : undefined;
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
  }
}

export { emptyLibrary };

function describeJsonError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (position?.[1]) {
    const { line, column } = lineColumnAt(text, Number(position[1]));
    return `it is not valid JSON at line ${line}, column ${column} (${message.replace(/ in JSON at position.*/, '')})`;
  }
  if (/end of JSON input|Unterminated/i.test(message)) return 'it is not valid JSON: it ends too early (truncated?)';
  return `it is not valid JSON (${message})`;
}

function describeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more problems)` : '';
  return `it does not match the library format: ${shown.join('; ')}${more}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(top level)' : out;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

function describeSystemError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return error instanceof Error ? error.message : String(error);
}
