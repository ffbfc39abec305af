import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';
import { emptyLibrary, type LibraryFile } from '../schema';
import { AbstractShelf, ShelfWriteError, isShelved } from './abstract-shelf';
import { DurableWriteError, writeFileDurably, type FileIdentity } from './durable-file';
import { LinePlaces, readPaperLines, type PaperLines } from './library-lines';
import { StoreLoadError, checkLibrary, decodeLibrary, type Decoded } from './library-parse';
import { SourceChangedError, libraryPieces, type SaveCounts } from './library-serialize';

// The file's parts live beside this adapter; other modules keep importing them from here.
export { StoreLoadError, formatPath, parseLibrary } from './library-parse';
export { serializeLibrary, type SaveCounts } from './library-serialize';

/** lowdb adapter for library.json: strict decoding, validation and migration on read; durable writes. */
export class LibraryFileAdapter implements Adapter<LibraryFile> {
  readonly file: string;
  /** Where each paper's line lies in the file as last read or written here, so a save can copy it unchanged. */
  private placed = new LinePlaces();
  /** The file those placements describe; a save that finds another file there serialises every paper. */
  private source: FileIdentity | undefined;
  /** The file as last read and validated (migrated, or read whole, included) or written here. */
  private checked: FileIdentity | undefined;
  /** How the last save made each paper's line: copied from the old file, or serialised afresh. */
  lastSave: SaveCounts = { copied: 0, serialised: 0 };

  /**
   * The shelf the abstracts of the file last read went to, if they did: read() shelves them when the file has
   * at least `shelfMinBytes` bytes (a long-lived process holding a large library; undefined: never).
   */
  shelf: AbstractShelf | undefined;

  constructor(
    file: string,
    private readonly shelfMinBytes?: number,
  ) {
    this.file = file;
  }

  /**
   * Read library.json. A file in the one-paper-per-line layout is read in pieces and parsed line by line,
   * so its text never sits whole in memory; any other file (hand-edited, damaged) is read whole, and the
   * error names the line and column.
   */
  /** Set by read() when the file was of an older library version and was migrated as it was read. */
  migratedFrom: number | undefined;

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
      const lines = await this.readLines(handle, identity.size);
      decoded = lines ? checkLibrary(this.file, lines, lines) : decodeLibrary(this.file, await handle.readFile());
      if (lines?.bytes !== identity.size) decoded.placements = undefined;
      // A library migrated or checked whole by the schema holds new papers, none of them shelved.
      if (this.shelf && !decoded.library.papers.some(isShelved)) this.dropShelf();
    } catch (error) {
      // Its disk space goes now, not whenever its papers are collected.
      this.dropShelf();
      if (error instanceof StoreLoadError) throw error;
      throw new StoreLoadError(this.file, describeSystemError(error));
    } finally {
      await handle.close();
    }
    const { library, placements } = decoded;
    this.migratedFrom = decoded.migratedFrom;
    this.placed = placements ?? new LinePlaces();
    this.source = placements ? identity : undefined;
    this.checked = identity;
    return library;
  }

  private dropShelf(): void {
    this.shelf?.close();
    this.shelf = undefined;
  }

  /** The file's papers line by line, their abstracts shelved if it is large enough and the shelf can be written. */
  private async readLines(handle: FileHandle, size: number): Promise<PaperLines | undefined> {
    this.shelf = undefined;
    let shelf: AbstractShelf | undefined;
    if (this.shelfMinBytes !== undefined && size >= this.shelfMinBytes) {
      try {
        shelf = new AbstractShelf(dirname(this.file));
      } catch {
        // The folder takes no new file: the abstracts stay in memory.
      }
    }
    if (!shelf) return readPaperLines(handle);
    try {
      const lines = await readPaperLines(handle, shelf);
      if (lines && shelf.size > 0) this.shelf = shelf;
      else shelf.close();
      return lines;
    } catch (error) {
      shelf.close();
      if (!(error instanceof ShelfWriteError)) throw error;
      // The disk is full (or failing) for the shelf: read the file again, every abstract kept in memory.
      return readPaperLines(handle);
    }
  }

  /**
   * library.json as this adapter last read and validated it or wrote it, whether or not it could tell where
   * each line lies (a file migrated as it was read, or read whole, was validated all the same). A file that
   * still has this identity is known good: a backup can copy it as it is, without reading it whole again
   * (at 100,000 papers that re-read blocked the event loop for about 3 s after a migrating open).
   */
  get identity(): FileIdentity | undefined {
    return this.checked;
  }

  async write(data: LibraryFile): Promise<void> {
    const placed = new LinePlaces(data.papers.length);
    const counts: SaveCounts = { copied: 0, serialised: 0 };
    const old = await this.openSource();
    try {
      this.source = this.checked = await writeFileDurably(
        this.file,
        libraryPieces(data, this.placed, old, placed, counts),
      );
    } catch (error) {
      // A copy that found the old file not as expected: write every paper afresh.
      if (!(error instanceof DurableWriteError && error.cause instanceof SourceChangedError)) throw error;
      Object.assign(counts, { copied: 0, serialised: 0 });
      this.source = this.checked = await writeFileDurably(
        this.file,
        libraryPieces(data, new LinePlaces(), undefined, placed, counts),
      );
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

export { emptyLibrary };

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

/** What the system said when library.json could not be read, in words ("it is a folder, not a file"). */
export function describeSystemError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  return error instanceof Error ? error.message : String(error);
}
