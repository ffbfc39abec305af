import { link, mkdir, readFile, readdir, stat, unlink, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE_NAME = 'library.lock';

/** Who holds the library, and where to send commands while they do. */
export type LockInfo = {
  pid: number;
  host: string;
  app: string;
  startedAt: string;
  /** The holder's local API (browser-mode server), where other processes forward their commands. */
  url?: string;
  token?: string;
};

export type LockResult =
  | { acquired: true; update: (extra: Pick<LockInfo, 'url' | 'token'>) => Promise<void>; release: () => Promise<void> }
  | { acquired: false; holder: LockInfo };

/**
 * Take the library's lock file. It is written whole to a temporary name and linked into place, which
 * is atomic and fails if a lock exists, so no one ever sees a half-written lock. A lock whose process
 * is gone is taken over, one taker at a time (a takeover folder is the mutex), after checking again
 * that it is the same stale lock. A live holder is returned so the caller can forward to it.
 */
export async function acquireLock(dataDir: string, app: string): Promise<LockResult> {
  const file = join(dataDir, LOCK_FILE_NAME);
  await mkdir(dataDir, { recursive: true });
  const info: LockInfo = { pid: process.pid, host: hostname(), app, startedAt: new Date().toISOString() };
  await sweepLockTemps(dataDir);
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, JSON.stringify(info), { mode: 0o600 });
  try {
    const giveUpAt = Date.now() + 10_000;
    while (Date.now() < giveUpAt) {
      try {
        await link(temp, file);
        return {
          acquired: true,
          update: async (extra) => writeFile(file, JSON.stringify(Object.assign(info, extra)), { mode: 0o600 }),
          release: async () => {
            const current = await readLock(file);
            if (current?.pid === process.pid && current.startedAt === info.startedAt) {
              await unlink(file).catch(() => undefined);
            }
          },
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      // Which file we judge, by inode: a takeover removes only that file, never a newer lock in its place.
      const inode = await stat(file).then(
        (info) => info.ino,
        () => undefined,
      );
      if (inode === undefined) continue; // released meanwhile: try again
      const holder = await readLock(file);
      if (holder && isAlive(holder)) return { acquired: false, holder };
      // Stale (its process died) or unreadable (from a crash): take it over, if no one else is.
      await takeOver(file, inode, temp);
    }
    throw new Error(`Could not take the lock ${file}: other processes keep taking it.`);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** Lock files being written by processes that died (a kill between writing and linking) are removed. */
async function sweepLockTemps(dataDir: string): Promise<void> {
  const names = await readdir(dataDir).catch(() => [] as string[]);
  for (const name of names) {
    const pid = /^library\.lock\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name)?.[1];
    if (pid && !isAlive({ pid: Number(pid), host: hostname(), app: '', startedAt: '' })) {
      await unlink(join(dataDir, name)).catch(() => undefined);
    }
  }
}

async function takeOver(file: string, inode: number, temp: string): Promise<void> {
  // The takeover mutex is a second lock file, linked into place like the first, naming its holder.
  const mutex = `${file}.takeover`;
  try {
    await link(temp, mutex);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Someone else is taking over. A mutex whose holder was killed mid-takeover is cleared.
    const holder = await readLock(mutex);
    const age = await stat(mutex).then(
      (info) => Date.now() - info.mtimeMs,
      () => 0,
    );
    if ((holder && !isAlive(holder)) || age > 5000) await unlink(mutex).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));
    return;
  }
  try {
    // Only the mutex holder removes a lock, and a live holder's lock is never judged stale, so the
    // file checked here stays the same file until it is removed.
    const now = await stat(file).then(
      (info) => info.ino,
      () => undefined,
    );
    const holder = now === inode ? await readLock(file) : undefined;
    if (now === inode && !(holder && isAlive(holder))) await unlink(file).catch(() => undefined);
  } finally {
    await unlink(mutex).catch(() => undefined);
  }
}

async function readLock(file: string): Promise<LockInfo | undefined> {
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as Partial<LockInfo>;
    return typeof value.pid === 'number' && typeof value.host === 'string' ? (value as LockInfo) : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(holder: LockInfo): boolean {
  // A lock from another machine (a shared folder) cannot be checked: respect it.
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function describeHolder(holder: LockInfo): string {
  const where = holder.host === hostname() ? '' : ` on ${holder.host}`;
  return `${holder.app} (process ${holder.pid}${where}, since ${holder.startedAt.slice(0, 16).replace('T', ' ')})`;
}
