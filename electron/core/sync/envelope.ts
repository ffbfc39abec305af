import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { DeviceIdSchema, SYNC_FORMAT } from './device';

/**
 * The one file format of a sync folder's segments and snapshots: JSON lines, a header first, a trailer last
 * that counts the lines between and holds the SHA-256 of every byte before it. Files are written whole
 * (temp file, fsync, rename), but a sync engine may still hand a reader a file it is writing in place, a
 * truncated one, or an old version: without a trailer that matches, a file is not read at all.
 */
export const HeaderSchema = z.object({
  paperqueue: z.literal('sync'),
  kind: z.enum(['segment', 'snapshot']),
  format: z.number().int().positive(),
  device: DeviceIdSchema,
  /** segment: the seq of its first change; snapshot: the last seq of its own device it includes. */
  seq: z.number().int().nonnegative(),
});
export type Header = z.infer<typeof HeaderSchema>;

const TrailerSchema = z.object({ end: z.literal(true), lines: z.number().int().nonnegative(), sha256: z.string() });

/** The longest the event loop is held making one piece of a file, in milliseconds. */
const PIECE_MS = 12;

export function encodeFile(header: Omit<Header, 'paperqueue' | 'format'>, lines: readonly string[]): string {
  const head = JSON.stringify({ paperqueue: 'sync', format: SYNC_FORMAT, ...header });
  const body = [head, ...lines].map((line) => `${line}\n`).join('');
  const sha256 = createHash('sha256').update(body, 'utf8').digest('hex');
  return `${body}${JSON.stringify({ end: true, lines: lines.length, sha256 })}\n`;
}

/**
 * The same file as encodeFile, made in pieces while it is written (writeFileDurably takes them): a state of
 * 100,000 papers is a few hundred megabytes, which as one string costs seconds of the event loop and a
 * string near V8's limit. Each piece is about `pieceBytes` of lines, or what PIECE_MS of work made; the hash
 * and the count run alongside.
 */
// The writer awaits each piece's write, which is when the event loop runs: nothing to await here.
// eslint-disable-next-line @typescript-eslint/require-await
export async function* encodeStream(
  header: Omit<Header, 'paperqueue' | 'format'>,
  lines: Iterable<string>,
  pieceBytes = 1 << 20,
): AsyncGenerator<Uint8Array> {
  const hash = createHash('sha256');
  let count = 0;
  let piece = `${JSON.stringify({ paperqueue: 'sync', format: SYNC_FORMAT, ...header })}\n`;
  const flush = (): Uint8Array => {
    const bytes = Buffer.from(piece, 'utf8');
    hash.update(bytes);
    piece = '';
    return bytes;
  };
  // A piece also ends after PIECE_MS of making it: lines of 100,000 papers' states took 70–300 ms a megabyte.
  let until = performance.now() + PIECE_MS;
  for (const line of lines) {
    piece += `${line}\n`;
    count++;
    if (piece.length >= pieceBytes || (count % 16 === 0 && performance.now() >= until)) {
      yield flush();
      until = performance.now() + PIECE_MS;
    }
  }
  yield flush();
  yield Buffer.from(`${JSON.stringify({ end: true, lines: count, sha256: hash.digest('hex') })}\n`, 'utf8');
}

/**
 * What a reader makes of a file's text:
 * - `ok`: complete and intact;
 * - `partial`: no trailer yet (still arriving, or cut short): it waits, and a later version is read again;
 * - `bad`: a trailer that does not match, or no header of ours: reported by name and not read this time (an
 *   engine rewriting a file in place can leave a new start before an old trailer), nor ever deleted;
 * - `newer`: written by a later Paperqueue in a format this one cannot read: refused, left as it is.
 */
export type Decoded =
  | { kind: 'ok'; header: Header; lines: string[] }
  | { kind: 'partial'; reason: string }
  | { kind: 'bad'; reason: string }
  | { kind: 'newer'; format: number };

export function decodeFile(text: string): Decoded {
  const firstEnd = text.indexOf('\n');
  if (firstEnd < 0) return { kind: 'partial', reason: 'no complete line yet' };
  let header: Header;
  try {
    const raw: unknown = JSON.parse(text.slice(0, firstEnd));
    const format = (raw as { format?: unknown } | null)?.format;
    if (typeof format === 'number' && format > SYNC_FORMAT) return { kind: 'newer', format };
    const parsed = HeaderSchema.safeParse(raw);
    if (!parsed.success) return { kind: 'bad', reason: 'its first line is not a Paperqueue sync header' };
    header = parsed.data;
  } catch {
    // A file being written in place may start with zeros or garbage: wait for the engine to finish it.
    return { kind: 'partial', reason: 'its first line is not complete' };
  }
  if (!text.endsWith('\n')) return { kind: 'partial', reason: 'its last line is not complete' };
  const lastStart = text.lastIndexOf('\n', text.length - 2) + 1;
  if (lastStart <= firstEnd) return { kind: 'partial', reason: 'it has no trailer yet' };
  let trailer: z.infer<typeof TrailerSchema>;
  try {
    const parsed = TrailerSchema.safeParse(JSON.parse(text.slice(lastStart, -1)));
    if (!parsed.success) return { kind: 'partial', reason: 'it has no trailer yet' };
    trailer = parsed.data;
  } catch {
    return { kind: 'partial', reason: 'it has no trailer yet' };
  }
  const body = text.slice(0, lastStart);
  const sha256 = createHash('sha256').update(body, 'utf8').digest('hex');
  if (sha256 !== trailer.sha256) return { kind: 'bad', reason: 'its checksum does not match its content' };
  const content = body.length === firstEnd + 1 ? [] : body.slice(firstEnd + 1, -1).split('\n');
  if (content.length !== trailer.lines) return { kind: 'bad', reason: 'its line count does not match its trailer' };
  return { kind: 'ok', header, lines: content };
}
