import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, open, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DurableWriteError } from '../../electron/core/store/durable-file';
import { StoreLoadError } from '../../electron/core/store/library-file';
import { acquireLock } from '../../electron/core/store/lock';
import { LibraryStore } from '../../electron/core/store/store';
import { run } from './helpers';

const sh = (command: string, ...args: string[]) => spawnSync(command, args, { encoding: 'utf8' });

/** Root, on Linux, where a read-only bind mount and a tmpfs can really be made (and unmade). */
function canMount(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const dir = mkdtempSync(join(tmpdir(), 'paperqueue-mount-probe-'));
  try {
    if (sh('mount', '-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir).status !== 0) return false;
    sh('umount', dir);
    if (sh('mount', '--bind', dir, dir).status !== 0) return false;
    const readOnly = sh('mount', '-o', 'remount,bind,ro', dir).status === 0;
    sh('umount', dir);
    return readOnly;
  } finally {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  }
}

const mounted: string[] = [];
const roots: string[] = [];
function mount(...args: string[]): void {
  const target = args.at(-1)!;
  const result = sh('mount', ...args);
  if (result.status !== 0) throw new Error(`mount ${args.join(' ')}: ${result.stderr}`);
  mounted.push(target);
}
function unmount(target: string): void {
  if (sh('umount', target).status !== 0) sh('umount', '-l', target);
  mounted.splice(mounted.indexOf(target), 1);
}
afterAll(async () => {
  for (const target of [...mounted].reverse()) unmount(target);
  for (const root of roots) await rm(root, { recursive: true, force: true, maxRetries: 5 });
});

async function newRoot(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'paperqueue-readonly-'));
  roots.push(root);
  return root;
}

const abstract = 'A library on a disk that will not take another byte. '.repeat(8);

/** A library as a person leaves it: papers added through the commands, a note, saved, a backup, the lock released. */
async function makeLibrary(dir: string): Promise<{ store: LibraryStore; titles: string[] }> {
  const lock = await acquireLock(dir, 'the test, making a library');
  if (!lock.acquired) throw new Error('could not take the lock of a fresh library');
  const store = await LibraryStore.open(dir);
  const titles: string[] = [];
  for (let i = 0; i < 6; i++) {
    const paper = await run(store, 'papers.add', { title: `Readable without writing, part ${i}`, abstract });
    titles.push(paper.title);
  }
  await run(store, 'notes.save', { id: [...store.all()][0]!.id, note: 'Still here on a read-only disk.' });
  await store.flush();
  await store.backUpNow();
  await lock.release();
  return { store, titles };
}

/** Every file under `dir`, with its bytes and modification time: what "nothing changed" compares. */
async function snapshot(dir: string): Promise<Map<string, { bytes: Buffer; mtimeMs: number }>> {
  const files = new Map<string, { bytes: Buffer; mtimeMs: number }>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const { mtimeMs } = await stat(path);
    files.set(path.slice(dir.length), { bytes: entry.isFile() ? await readFile(path) : Buffer.alloc(0), mtimeMs });
  }
  return files;
}

describe.skipIf(!canMount())('a library on a disk that cannot be written (real mounts; needs root and mount)', () => {
  it('on a read-only mount: the lock says read-only, the library opens and lists, saves are refused, nothing changes', async () => {
    const root = await newRoot();
    const writable = join(root, 'library');
    const readOnly = join(root, 'read-only');
    await mkdir(writable);
    await mkdir(readOnly);
    const { titles } = await makeLibrary(writable);
    // A damaged library beside it, to open read-only too.
    await mkdir(join(writable, 'damaged'));
    await writeFile(join(writable, 'damaged', 'library.json'), '{"version": 1, "papers": [{"id": "a');
    const before = await snapshot(writable);

    mount('--bind', writable, readOnly);
    mount('-o', 'remount,bind,ro', readOnly);
    try {
      const lock = await acquireLock(readOnly, 'the paperqueue CLI');
      expect(lock).toMatchObject({ acquired: false, readOnly: true });
      const reason = lock.acquired || !lock.readOnly ? '' : lock.reason;
      expect(reason).toContain(join(readOnly, 'library.json'));
      expect(reason).toMatch(/read-only disk \(EROFS\)/);

      const store = await LibraryStore.open(readOnly, { readOnly: reason, recover: true });
      expect(store.readOnly).toBe(reason);
      expect([...store.all()].map((paper) => paper.title)).toEqual(titles);
      expect([...store.all()][0]!.note).toBe('Still here on a read-only disk.');
      await store.flush();
      await expect(store.persist()).rejects.toThrow(reason);
      await expect(store.flush()).rejects.toThrow(reason);
      await expect(store.backUpNow()).rejects.toThrow(reason);
      await expect(store.replaceAll([])).rejects.toThrow(reason);
      expect(store.size).toBe(titles.length);

      // A folder that does not exist yet on the read-only disk: read-only too, and an empty library.
      const missing = join(readOnly, 'not-made-yet');
      const none = await acquireLock(missing, 'the paperqueue CLI');
      expect(none).toMatchObject({ acquired: false, readOnly: true });
      const empty = await LibraryStore.open(missing, { readOnly: none.acquired || !none.readOnly ? '' : none.reason });
      expect(empty.size).toBe(0);

      // A damaged library is refused as it is, never moved aside.
      const damaged = join(readOnly, 'damaged');
      const refused = await LibraryStore.open(damaged, { readOnly: reason, recover: true }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(StoreLoadError);

      expect(await snapshot(readOnly)).toEqual(before);
      expect(await snapshot(writable)).toEqual(before);

      // A live holder of a read-only library is still named, so the CLI forwards to it.
      const holder = { pid: process.ppid, host: hostname(), app: 'the Paperqueue app', startedAt: '2026-12-01T10:00' };
      await writeFile(join(writable, 'library.lock'), JSON.stringify(holder));
      expect(await acquireLock(readOnly, 'the paperqueue CLI')).toEqual({ acquired: false, holder });
    } finally {
      unmount(readOnly);
    }
  });

  it('on a full disk: the lock says full, the library opens and lists; an open store fails to save, naming the file', async () => {
    const disk = await newRoot();
    mount('-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', disk);
    try {
      const dir = join(disk, 'library');
      const { store: before, titles } = await makeLibrary(dir);
      const file = join(dir, 'library.json');
      const good = await readFile(file);

      // Another program fills the disk.
      const filler = await open(join(disk, 'filler'), 'w');
      const chunk = Buffer.alloc(4096, 120);
      try {
        for (;;) await filler.write(chunk);
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
      } finally {
        await filler.close();
      }

      const lock = await acquireLock(dir, 'the paperqueue CLI');
      expect(lock).toMatchObject({ acquired: false, readOnly: true });
      const reason = lock.acquired || !lock.readOnly ? '' : lock.reason;
      expect(reason).toContain(file);
      expect(reason).toMatch(/^The disk is full: .* \(ENOSPC\)\. Your library is unchanged/);
      const store = await LibraryStore.open(dir, { readOnly: reason });
      expect([...store.all()].map((paper) => paper.title)).toEqual(titles);

      // The store opened before the disk filled: a change fails to save, the library stays as it was.
      await run(before, 'notes.save', { id: [...before.all()][1]!.id, note: 'Written to a full disk.' });
      const failure = await before.flush().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(DurableWriteError);
      expect((failure as DurableWriteError).code).toBe('ENOSPC');
      expect((failure as Error).message).toContain(file);
      expect((failure as Error).message).toMatch(/full \(ENOSPC\)\. The previous version is intact/);
      expect(await readFile(file)).toEqual(good);
      expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    } finally {
      unmount(disk);
    }
  });
});
