import { link, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fsProblem, readOnlySentence } from '../fs-errors';
import { PRIVATE_FILE_MODE, makePrivateFolder } from './durable-file';

export const LOCK_FILE_NAME = 'library.lock';
/** An unreadable lock younger than this (by its mtime) may be a live holder's: it is waited for, not taken over. */
export const UNREADABLE_LOCK_GRACE_MS = 3000;

/** Who holds the library, and where to send commands while they do. */
export type LockInfo = {
  pid: number;
  host: string;
  app: string;
  startedAt: string;
  /** The holder's local API (browser-mode server), where other processes forward their commands. */
  url?: string;
  /** The credential the CLI forwards its commands with; the page never sees it (the lock is 0600). */
  cliToken?: string;
  /** The page's token, so a second `paperqueue serve` can print the running page's address. */
  pageToken?: string;
};

export type LockResult =
  | {
      acquired: true;
      /** Rewrite the lock with where to forward commands; atomic, so no reader ever sees it half-written. */
      update: (extra: Pick<LockInfo, 'url' | 'cliToken' | 'pageToken'>) => Promise<void>;
      release: () => Promise<void>;
    }
  /** Another live process has the library: forward to it. */
  | { acquired: false; readOnly?: false; holder: LockInfo }
  /** No one has the library, but its folder cannot be written (read-only, full, denied): open it read-only. */
  | { acquired: false; readOnly: true; reason: string };

/**
 * Take the library's lock file. It is written whole to a temporary name and linked into place, which
 * is atomic and fails if a lock exists, so no one ever sees a half-written lock. A lock whose process
 * is gone is taken over, one taker at a time (a takeover folder is the mutex), after checking again
 * that it is the same stale lock. A live holder is returned so the caller can forward to it. A folder
 * the lock cannot be written in, with no live holder, gives `readOnly` and the sentence saying why.
 */
export async function acquireLock(dataDir: string, app: string): Promise<LockResult> {
  const file = join(dataDir, LOCK_FILE_NAME);
  try {
    return await takeLock(dataDir, file, app);
  } catch (error) {
    // Named as the library, the file a person knows: it is what cannot be changed.
    const problem = fsProblem(error, join(dataDir, 'library.json'));
    if (!problem || !(problem.kind === 'read-only' || problem.kind === 'full' || problem.kind === 'denied')) {
      throw error;
    }
    const holder = await readLock(file);
    if (holder && isAlive(holder)) return { acquired: false, holder };
    return { acquired: false, readOnly: true, reason: readOnlySentence(problem) };
  }
}

async function takeLock(dataDir: string, file: string, app: string): Promise<LockResult> {
  await makePrivateFolder(dataDir);
  const info: LockInfo = { pid: process.pid, host: hostname(), app, startedAt: new Date().toISOString() };
  await sweepLockTemps(dataDir);
  const temp = await writeLockTemp(file, info);
  try {
    const giveUpAt = Date.now() + 10_000;
    while (Date.now() < giveUpAt) {
      try {
        await link(temp, file);
        return held(file, info);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      // Which file we judge, by inode: a takeover removes only that file, never a newer lock in its place.
      // A live holder's updates rename a new file into place, so its inode changes, but it always reads
      // as live, and a live holder's lock is never judged stale.
      const found = await stat(file).catch(() => undefined);
      if (found === undefined) continue; // released meanwhile: try again
      const holder = await readLock(file);
      if (holder && isAlive(holder)) return { acquired: false, holder };
      if (!holder && Date.now() - found.mtimeMs < UNREADABLE_LOCK_GRACE_MS) {
        // Unreadable but recent: maybe a holder still writing it (an older Paperqueue wrote in place).
        await pause();
        continue;
      }
      // Stale (its process died) or unreadable for a while (from a crash): take it over, if no one else is.
      await takeOver(file, found.ino, temp);
    }
    throw new Error(`Could not take the lock ${file}: other processes keep taking it.`);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** The lock as its holder uses it. Updates and the release run one after another, in order. */
function held(file: string, info: LockInfo): LockResult {
  let last: Promise<void> = Promise.resolve();
  const inTurn = (step: () => Promise<void>): Promise<void> => {
    const next = last.then(step, step);
    last = next.catch(() => undefined);
    return next;
  };
  let released = false;
  return {
    acquired: true,
    update: (extra) =>
      inTurn(async () => {
        if (released) return;
        Object.assign(info, extra);
        // Written whole beside it and renamed over it: a reader sees the old lock or the new one.
        const temp = await writeLockTemp(file, info);
        try {
          await rename(temp, file);
        } catch (error) {
          await unlink(temp).catch(() => undefined);
          throw error;
        }
      }),
    release: () =>
      inTurn(async () => {
        released = true;
        // Only our own lock: the same process and start, never a lock someone else put there.
        const current = await readLock(file);
        if (current?.pid === process.pid && current.host === info.host && current.startedAt === info.startedAt) {
          await unlink(file).catch(() => undefined);
        }
      }),
  };
}

/** The lock's content in a new file beside it, named so the sweep removes it if this process dies. */
async function writeLockTemp(file: string, info: LockInfo): Promise<string> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, JSON.stringify(info), { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  } catch (error) {
    // A full disk may have created it empty.
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  return temp;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20));

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
    await pause();
    return;
  }
  try {
    // Only the mutex holder removes a lock, and a live holder's lock is never judged stale, so the
    // file checked here stays the same file until it is removed: a dead holder renames nothing over it.
    const now = await stat(file).catch(() => undefined);
    if (now?.ino !== inode) return;
    const holder = await readLock(file);
    const stale = holder ? !isAlive(holder) : Date.now() - now.mtimeMs >= UNREADABLE_LOCK_GRACE_MS;
    if (stale) await unlink(file).catch(() => undefined);
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
