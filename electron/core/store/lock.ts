import { mkdir, open, readFile, unlink, writeFile } from 'node:fs/promises';
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
 * Take the library's lock file (created exclusively). A lock whose process is gone is taken over;
 * a live holder is returned so the caller can forward to it or say who has the library open.
 */
export async function acquireLock(dataDir: string, app: string): Promise<LockResult> {
  const file = join(dataDir, LOCK_FILE_NAME);
  await mkdir(dataDir, { recursive: true });
  const info: LockInfo = { pid: process.pid, host: hostname(), app, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify(info));
      } finally {
        await handle.close();
      }
      return {
        acquired: true,
        update: async (extra) => writeFile(file, JSON.stringify(Object.assign(info, extra)), { mode: 0o600 }),
        release: async () => {
          const current = await readLock(file);
          if (current?.pid === process.pid) await unlink(file).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readLock(file);
    if (holder && isAlive(holder)) return { acquired: false, holder };
    // Stale (its process died) or unreadable (torn by a crash): take it over.
    await unlink(file).catch(() => undefined);
  }
  throw new Error(`Could not take the lock ${file}`);
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
