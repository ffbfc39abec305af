import { readFile, readdir, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNREADABLE_LOCK_GRACE_MS, acquireLock } from '../../electron/core/store/lock';
import { tempDir } from './helpers';

/** Make a file look as old as a crash long ago. */
const age = (file: string) => utimes(file, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));

describe('library lock', () => {
  it('is held by one process at a time and released on close', async () => {
    const dir = await tempDir();
    const first = await acquireLock(dir, 'browser mode');
    expect(first.acquired).toBe(true);
    const lockFile = JSON.parse(await readFile(join(dir, 'library.lock'), 'utf8')) as { pid: number; app: string };
    expect(lockFile).toMatchObject({ pid: process.pid, app: 'browser mode', host: hostname() });
    if (first.acquired) await first.release();
    const again = await acquireLock(dir, 'the paperqueue CLI');
    expect(again.acquired).toBe(true);
  });

  it('reports a live holder, with where to forward commands', async () => {
    const dir = await tempDir();
    const holder = {
      pid: process.ppid,
      host: hostname(),
      app: 'the Paperqueue app',
      startedAt: '2026-11-26T10:00:00.000Z',
      url: 'http://127.0.0.1:1234/',
      cliToken: 't',
    };
    await writeFile(join(dir, 'library.lock'), JSON.stringify(holder));
    expect(await acquireLock(dir, 'the paperqueue CLI')).toEqual({ acquired: false, holder });
  });

  it('takes over a lock whose process is gone, or a torn lock file from long ago', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'library.lock'),
      JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), app: 'crashed', startedAt: '' }),
    );
    expect((await acquireLock(dir, 'cli')).acquired).toBe(true);
    const other = await tempDir();
    await writeFile(join(other, 'library.lock'), '{"pid": 12');
    await age(join(other, 'library.lock'));
    expect((await acquireLock(other, 'cli')).acquired).toBe(true);
  });

  it('waits on a fresh unreadable lock (a holder may be writing it) and finds the holder once it reads', async () => {
    const dir = await tempDir();
    const file = join(dir, 'library.lock');
    await writeFile(file, '');
    const holder = { pid: process.ppid, host: hostname(), app: 'the Paperqueue app', startedAt: '2026-11-26T10:00' };
    const asked = Date.now();
    const result = acquireLock(dir, 'the paperqueue CLI');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await writeFile(file, JSON.stringify(holder));
    expect(await result).toEqual({ acquired: false, holder });
    expect(Date.now() - asked).toBeLessThan(UNREADABLE_LOCK_GRACE_MS);
  });

  it('takes over an unreadable lock only once the grace period has passed', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'library.lock'), '{"pid": 12');
    const asked = Date.now();
    const lock = await acquireLock(dir, 'cli');
    expect(lock.acquired).toBe(true);
    expect(Date.now() - asked).toBeGreaterThanOrEqual(UNREADABLE_LOCK_GRACE_MS - 1100);
  });

  it('updates by replacing the lock whole (a new file, mode 0600), keeping its fields; release removes only our own', async () => {
    const dir = await tempDir();
    const file = join(dir, 'library.lock');
    const lock = await acquireLock(dir, 'browser mode');
    if (!lock.acquired) throw new Error('not acquired');
    const before = await stat(file);
    const first = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await lock.update({ url: 'http://127.0.0.1:4321/', cliToken: 'secret' });
    const after = await stat(file);
    expect(after.ino).not.toBe(before.ino);
    expect(after.mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      ...first,
      url: 'http://127.0.0.1:4321/',
      cliToken: 'secret',
    });
    expect(await readdir(dir)).toEqual(['library.lock']);

    // Someone else's lock in its place (never while we live; here by hand) is left alone.
    const theirs = JSON.stringify({ pid: process.ppid, host: hostname(), app: 'other', startedAt: 'x' });
    await writeFile(file, theirs);
    await lock.release();
    expect(await readFile(file, 'utf8')).toBe(theirs);
  });
});
