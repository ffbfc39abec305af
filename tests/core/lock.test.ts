import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock } from '../../electron/core/store/lock';
import { tempDir } from './helpers';

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
      token: 't',
    };
    await writeFile(join(dir, 'library.lock'), JSON.stringify(holder));
    expect(await acquireLock(dir, 'the paperqueue CLI')).toEqual({ acquired: false, holder });
  });

  it('takes over a lock whose process is gone, or a torn lock file', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'library.lock'),
      JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), app: 'crashed', startedAt: '' }),
    );
    expect((await acquireLock(dir, 'cli')).acquired).toBe(true);
    const other = await tempDir();
    await writeFile(join(other, 'library.lock'), '{"pid": 12');
    expect((await acquireLock(other, 'cli')).acquired).toBe(true);
  });
});
