import { open, readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { fsErrorCode } from '../fs-errors';
import { SYNC_FORMAT, deviceDir, fileKind } from './device';
import type { DeviceRead, DeviceFile, SyncProblem } from './reader';
import { SeenSchema } from './snapshot';

/** A file as the cache last found it: its identity, and what of it a reader holding `known` can skip. */
type Entry = {
  size: number;
  mtimeMs: number;
  ino: number;
  /** A segment's last change; a snapshot's `seen`; neither for a file with problems (skipped until it changes). */
  last?: number;
  seen?: Record<string, number>;
  problems: SyncProblem[];
};

/** How much of a snapshot is read to find its header and `seen` line. */
const PEEK_BYTES = 1 << 16;

/**
 * What one reader of a sync folder remembers between reads, so a sync reads only what is new: a file whose
 * size, modification time and inode are as they were is not read again once everything in it is held
 * (`known`), and its problems are reported again as they were; a snapshot holding nothing new is judged by
 * its first two lines, never read whole. A new or changed conflict copy makes the whole device be read
 * again, so two different changes under one number are still found across files.
 */
export class FileCache {
  private readonly entries = new Map<string, Entry>();
  private readonly read = new Map<string, Omit<Entry, 'last' | 'seen' | 'problems'>>();

  /** The files of device `id` to read now (with their text); problems of files skipped go to `problems`. */
  async deviceFiles(
    syncDir: string,
    id: string,
    known: ReadonlyMap<string, number>,
    problems: SyncProblem[],
  ): Promise<DeviceFile[]> {
    const prefix = `devices/${id}/`;
    const listed: { path: string; full: string; size: number; mtimeMs: number; ino: number; copy: boolean }[] = [];
    for (const sub of ['log', 'snapshots']) {
      const dir = join(deviceDir(syncDir, id), sub);
      for (const name of await listNamesOf(dir)) {
        const kind = fileKind(name);
        if (!kind) continue;
        const full = join(dir, name);
        const info = await stat(full).catch(ignoreGone);
        if (!info?.isFile()) continue;
        const { size, mtimeMs, ino } = info;
        listed.push({ path: `${sub}/${name}`, full, size, mtimeMs, ino, copy: kind.conflictCopy });
      }
    }
    const same = (file: (typeof listed)[number], entry: Entry | undefined): entry is Entry =>
      !!entry && entry.size === file.size && entry.mtimeMs === file.mtimeMs && entry.ino === file.ino;
    for (const key of [...this.entries.keys()])
      if (key.startsWith(prefix) && !listed.some((file) => prefix + file.path === key)) this.entries.delete(key);
    const whole = listed.some((file) => file.copy && !same(file, this.entries.get(prefix + file.path)));
    const out: DeviceFile[] = [];
    for (const file of listed) {
      const entry = this.entries.get(prefix + file.path);
      if (!whole && same(file, entry)) {
        if (entry.problems.length > 0) {
          problems.push(...entry.problems);
          continue;
        }
        if (entry.last !== undefined && entry.last <= (known.get(id) ?? 0)) continue;
        if (entry.seen && holds(known, entry.seen)) continue;
      }
      if (!whole && file.path.startsWith('snapshots/')) {
        const seen = await peekSeen(file.full);
        if (seen && holds(known, seen)) {
          const { size, mtimeMs, ino } = file;
          this.entries.set(prefix + file.path, { size, mtimeMs, ino, seen, problems: [] });
          continue;
        }
      }
      const text = await readFile(file.full, 'utf8').catch(ignoreGone);
      if (text === undefined) continue;
      out.push({ path: file.path, text });
      this.read.set(prefix + file.path, { size: file.size, mtimeMs: file.mtimeMs, ino: file.ino });
    }
    return out;
  }

  /** Remember what reading device `id`'s files found (readDeviceFiles' answer for the files given). */
  learn(id: string, files: readonly DeviceFile[], read: DeviceRead): void {
    const prefix = `devices/${id}/`;
    for (const file of files) {
      const identity = this.read.get(prefix + file.path);
      this.read.delete(prefix + file.path);
      // Read before it was complete, or changed while it was read: read again next time.
      if (!identity || read.waiting.includes(file.path)) {
        this.entries.delete(prefix + file.path);
        continue;
      }
      const problems = read.problems
        .filter((problem) => problem.file === file.path)
        .map((problem) => ({ ...problem, file: prefix + problem.file }));
      const entry: Entry = { ...identity, problems };
      const header = firstLine(file.text);
      if (file.path.startsWith('log/') && header) entry.last = header.seq + countLines(file.text) - 2 - 1;
      else if (file.path.startsWith('snapshots/')) entry.seen = seenLine(file.text);
      // A snapshot whose claim was voided (a damaged line) is kept as read: its problems say so.
      this.entries.set(prefix + file.path, entry);
    }
  }
}

const holds = (known: ReadonlyMap<string, number>, seen: Record<string, number>): boolean =>
  Object.entries(seen).every(([device, n]) => n <= (known.get(device) ?? 0));

const HeaderPeek = z.object({ paperqueue: z.literal('sync'), format: z.number(), seq: z.number() });

function firstLine(text: string): { seq: number } | undefined {
  const end = text.indexOf('\n');
  try {
    const parsed = HeaderPeek.safeParse(JSON.parse(text.slice(0, end)));
    return parsed.success && parsed.data.format <= SYNC_FORMAT ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function seenLine(text: string): Record<string, number> | undefined {
  const start = text.indexOf('\n') + 1;
  const end = text.indexOf('\n', start);
  if (start === 0 || end < 0) return undefined;
  try {
    const parsed = z.object({ seen: SeenSchema }).safeParse(JSON.parse(text.slice(start, end)));
    return parsed.success ? parsed.data.seen : undefined;
  } catch {
    return undefined;
  }
}

function countLines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/**
 * A snapshot's `seen`, from its first two lines (a header of ours, of this format), without reading the rest:
 * enough to know it holds nothing new. Undefined when they cannot be read so: the file is read whole then.
 */
async function peekSeen(file: string): Promise<Record<string, number> | undefined> {
  const handle = await open(file, 'r').catch(ignoreGone);
  if (!handle) return undefined;
  try {
    const buffer = Buffer.alloc(PEEK_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, PEEK_BYTES, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    return firstLine(text) ? seenLine(text) : undefined;
  } finally {
    await handle.close();
  }
}

async function listNamesOf(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (fsErrorCode(error) === 'ENOENT' || fsErrorCode(error) === 'ENOTDIR') return [];
    throw error;
  }
}

function ignoreGone(error: unknown): undefined {
  // Gone between the listing and the read (an engine replacing it): the next scan reads the new one.
  if (fsErrorCode(error) === 'ENOENT' || fsErrorCode(error) === 'EISDIR') return undefined;
  throw error;
}
