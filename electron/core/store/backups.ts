import { open, readdir, stat, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { makePrivateFolder, writeFileDurably, type DurableContent, type FileIdentity } from './durable-file';
import { parseLibrary } from './library-file';

export const BACKUP_FOLDER = 'backups';
const NAME = /^library-(\d{8}T\d{6}(?:\d{3})?Z)\.json$/;
/** Write a backup at most this often while changes keep coming. */
export const BACKUP_INTERVAL_MS = 30 * 60 * 1000;

export type BackupInfo = { id: string; at: string; file: string; bytes: number };

export const idFor = (date: Date): string => date.toISOString().replace(/[-:.]/g, '');
const dateOf = (id: string): Date =>
  new Date(
    `${id.slice(0, 4)}-${id.slice(4, 6)}-${id.slice(6, 8)}T${id.slice(9, 11)}:${id.slice(11, 13)}:${id.slice(13, 15)}.${id.slice(15, 18) || '000'}Z`,
  );

/** Backups of the library in `dataDir`, newest first. */
export async function listBackups(dataDir: string): Promise<BackupInfo[]> {
  const folder = join(dataDir, BACKUP_FOLDER);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const backups: BackupInfo[] = [];
  for (const name of names) {
    const id = NAME.exec(name)?.[1];
    if (!id) continue;
    const info = await stat(join(folder, name));
    backups.push({ id, at: dateOf(id).toISOString(), file: join(folder, name), bytes: info.size });
  }
  return backups.sort((a, b) => b.id.localeCompare(a.id));
}

/**
 * Copy library.json into backups/ when it is valid and changed since the newest backup (compared by
 * modification time, so an unchanged library costs two stat calls). Returns the backup made, if any.
 * `known` is library.json as the store last read and validated it, or wrote it: a file that still has that
 * identity is copied in pieces as it is; any other is read and checked first (only a library that opens
 * is worth keeping).
 */
export async function backUp(
  dataDir: string,
  now = new Date(),
  force = false,
  known?: FileIdentity,
): Promise<BackupInfo | undefined> {
  const source = join(dataDir, 'library.json');
  let handle: FileHandle;
  try {
    handle = await open(source, 'r');
  } catch {
    return undefined;
  }
  try {
    const { ino, size, mtimeMs } = await handle.stat();
    const newest = (await listBackups(dataDir))[0];
    if (!force && newest && (await stat(newest.file)).mtimeMs >= mtimeMs) return undefined;
    let content: DurableContent;
    if (known && known.ino === ino && known.size === size && known.mtimeMs === mtimeMs) {
      content = filePieces(source, handle, size);
    } else {
      content = await handle.readFile();
      parseLibrary(source, content);
    }
    await makePrivateFolder(join(dataDir, BACKUP_FOLDER));
    const id = idFor(now);
    const file = join(dataDir, BACKUP_FOLDER, `library-${id}.json`);
    await writeFileDurably(file, content);
    await prune(dataDir, now);
    return { id, at: dateOf(id).toISOString(), file, bytes: size };
  } finally {
    await handle.close();
  }
}

/** The `size` bytes of an open file in pieces; an error if it turns out shorter (truncated in place meanwhile). */
async function* filePieces(path: string, handle: FileHandle, size: number): AsyncGenerator<Uint8Array> {
  const piece = Buffer.allocUnsafe(Math.min(size, 4 << 20));
  for (let at = 0; at < size;) {
    const { bytesRead } = await handle.read(piece, 0, Math.min(piece.length, size - at), at);
    if (bytesRead === 0) throw new Error(`${path} got shorter while it was being backed up`);
    at += bytesRead;
    yield piece.subarray(0, bytesRead);
  }
}

/** Keep the 3 newest of today and the newest of each of the 7 days before: 10 at most. */
async function prune(dataDir: string, now: Date): Promise<void> {
  const today = now.toISOString().slice(0, 10);
  const olderDays = new Set<string>();
  let todays = 0;
  for (const backup of await listBackups(dataDir)) {
    const day = backup.at.slice(0, 10);
    const ageDays = (Date.parse(today) - Date.parse(day)) / 86_400_000;
    let keep = false;
    if (day === today) keep = todays++ < 3;
    else if (ageDays <= 7 && !olderDays.has(day)) keep = olderDays.add(day).size > 0;
    if (!keep) await unlink(backup.file).catch(() => undefined);
  }
}
