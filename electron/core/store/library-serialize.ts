import type { FileHandle } from 'node:fs/promises';
import type { LibraryFile } from '../schema';
import type { LinePlaces } from './library-lines';

export type SaveCounts = { copied: number; serialised: number };

/** The old library file did not hold what its placements say; the save is redone without copying. */
export class SourceChangedError extends Error {}

/**
 * library.json holds one paper per line:
 *   {"version":2,"papers":[
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
export async function* libraryPieces(
  data: LibraryFile,
  placed: LinePlaces,
  old: FileHandle | undefined,
  next: LinePlaces,
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
    const start = old ? placed.start(paper) : -1;
    if (start >= 0) {
      const end = placed.end(paper);
      if (run && run.to !== start) yield* endRun();
      if (!run) {
        yield* flushText();
        run = { from: start, to: start, writtenAt: written };
      }
      next.add(paper, run.writtenAt + (start - run.from), run.writtenAt + (end - run.from));
      run.to = end;
      counts.copied++;
      // A long run is written as it grows, so the loop over its papers also lets other work run.
      if (run.to - run.from >= 4 * PIECE_BYTES) yield* flushRun();
      continue;
    }
    if (run) yield* endRun();
    const line = JSON.stringify(paper);
    counts.serialised++;
    const lineStart = written + partsBytes;
    addText(line);
    next.add(paper, lineStart, written + partsBytes);
    if (partsBytes >= PIECE_BYTES) yield* flushText();
  }
  yield* flushRun();
  addText(papers.length > 0 ? `\n${FOOTER}` : FOOTER);
  // Closed before the new file is renamed over it (Windows may refuse to replace a file still open).
  await old?.close();
  yield* flushText();
}
