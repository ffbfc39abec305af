import { spawnSync, type ChildProcess } from 'node:child_process';
import { chmod, chown, mkdir, open, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../electron/core/dispatch';
import type { Paper } from '../../../electron/core/schema';
import {
  DurableWriteError,
  removeStaleTempFiles,
  setDurableFs,
  writeFileDurably,
} from '../../../electron/core/store/durable-file';
import { LibraryStore } from '../../../electron/core/store/store';
import { run, tempDir } from '../helpers';
import { bundleChildren, exited, jsonLines, startChild, startProcess } from './children';
import type { DriverRequest } from './store-driver';

const ABSTRACT = 'A paper whose note must survive a full disk and a read-only folder. '.repeat(40);

let driverScript: string;
let dispose: () => Promise<void>;
beforeAll(async () => {
  const bundle = await bundleChildren({ 'store-driver': 'store-driver.ts' });
  driverScript = bundle.paths['store-driver'];
  dispose = bundle.dispose;
});
afterAll(() => dispose?.());
afterEach(() => setDurableFs(undefined));

const temps = async (dir: string) => (await readdir(dir)).filter((name) => name.endsWith('.tmp'));

/** The error a full disk gives, as Node reports it. */
const enospc = () =>
  Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });

describe('a write that fails in process (the file-system seam)', () => {
  it('disk full: the save fails visibly, library.json stays byte for byte, no temp file, the next save works', async () => {
    const dir = await tempDir();
    const file = join(dir, 'library.json');
    const store = await LibraryStore.open(dir);
    const failures: unknown[] = [];
    store.onWriteError((error) => failures.push(error));
    const paper = await run(store, 'papers.add', { title: 'Disk full, notes kept', abstract: ABSTRACT });
    await run(store, 'notes.save', { id: paper.id, note: 'Saved before the disk filled up.' });
    await store.flush();
    const good = await readFile(file);

    // The disk fills up halfway through writing the temp file: half of it really is on disk when the error comes.
    const partial: { path: string; size: number }[] = [];
    setDurableFs({
      open: async (path, flags, mode) => {
        const handle = await open(path, flags, mode);
        if (!String(path).endsWith('.tmp')) return handle;
        return new Proxy(handle, {
          get(target, key) {
            // Whole (writeFile) or in pieces (write): half of what comes is written, then the disk is full.
            if (key === 'writeFile' || key === 'write') {
              return async (content: string | Uint8Array, offset = 0, length?: number) => {
                const bytes = typeof content === 'string' ? Buffer.from(content) : content;
                const size = length ?? bytes.length - offset;
                await target.write(bytes, offset, Math.max(1, size >> 1));
                partial.push({ path: String(path), size: (await stat(path)).size });
                throw enospc();
              };
            }
            const value: unknown = Reflect.get(target, key, target);
            return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
          },
        });
      },
    });

    const during = await call({ store }, 'notes.save', { id: paper.id, note: 'Written while the disk is full.' });
    expect(during.ok).toBe(true);
    const failure = await store.flush().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(DurableWriteError);
    expect((failure as DurableWriteError).code).toBe('ENOSPC');
    expect((failure as Error).message).toBe(
      `Could not save ${file}: the disk holding ${file} is full (ENOSPC). The previous version is intact`,
    );
    expect(failures.length).toBeGreaterThanOrEqual(1);
    expect((failures[0] as Error).message).toBe((failure as Error).message);
    expect(partial.length).toBeGreaterThanOrEqual(1);
    expect(partial[0]!.size).toBeGreaterThan(0);
    expect(await readFile(file)).toEqual(good);
    expect(await temps(dir)).toEqual([]);

    // Space is back: the change made during the fault is written with the next save, and saves go on.
    setDurableFs(undefined);
    await store.flush();
    await run(store, 'papers.setStatus', { ids: [paper.id], status: 'read' });
    await store.flush();
    const reopened = (await LibraryStore.open(dir)).get(paper.id)!;
    expect(reopened).toMatchObject({ note: 'Written while the disk is full.', status: 'read' });
    expect(await temps(dir)).toEqual([]);
  });

  it('a new file that cannot be written: says why in words of the path given, and claims no earlier version', async () => {
    const dir = await tempDir();
    const failure = (path: string) =>
      writeFileDurably(path, 'x').then(
        () => undefined,
        (error: unknown) => (error as Error).message,
      );
    const missing = join(dir, 'no', 'such');
    expect(await failure(join(missing, 'x.bib'))).toBe(
      `Could not save ${join(missing, 'x.bib')}: the folder ${missing} does not exist (ENOENT)`,
    );
    await writeFile(join(dir, 'file'), '');
    expect(await failure(join(dir, 'file', 'x.bib'))).toBe(
      `Could not save ${join(dir, 'file', 'x.bib')}: ${join(dir, 'file')} is not a folder (ENOTDIR)`,
    );
    await mkdir(join(dir, 'folder.bib'));
    expect(await failure(join(dir, 'folder.bib'))).toBe(
      `Could not save ${join(dir, 'folder.bib')}: ${join(dir, 'folder.bib')} is a folder (EISDIR)`,
    );
    // A message of the system's that named the temp file names the target instead.
    setDurableFs({
      rename: (from) => {
        const message = `EXDEV: cross-device link not permitted, rename '${String(from)}'`;
        return Promise.reject(Object.assign(new Error(message), { code: 'EXDEV' }));
      },
    });
    const kept = join(dir, 'kept.bib');
    await writeFile(kept, 'old');
    expect(await failure(kept)).toBe(
      `Could not save ${kept}: EXDEV: cross-device link not permitted, rename '${kept}'. The previous version is intact`,
    );
    expect(await readFile(join(dir, 'kept.bib'), 'utf8')).toBe('old');
  });

  it('removes temp files that killed writers left behind, never those of a live process', async () => {
    const dir = await tempDir();
    const dead = startProcess(process.execPath, ['-e', '']);
    await exited(dead);
    const leftover = `.library.json.${dead.pid}.0badf00d.tmp`;
    const live = `.library.json.${process.ppid}.0000cafe.tmp`;
    const unrelated = '.library.json.tmp';
    for (const name of [leftover, live, unrelated]) await writeFile(join(dir, name), '{"version": 1, "pap');
    expect(await removeStaleTempFiles(dir)).toEqual([leftover]);
    expect((await readdir(dir)).sort()).toEqual([live, unrelated].sort());
    // The durable writer sweeps a folder by itself at its first write there.
    const other = await tempDir();
    await writeFile(join(other, leftover), 'torn');
    await writeFileDurably(join(other, 'library.json'), '{"version": 1, "papers": []}\n');
    expect(await readdir(other)).toEqual(['library.json']);
  });
});

/** A store in a child process (see store-driver.ts), one request at a time. */
class Driver {
  private readonly answers: { value?: unknown; thrown?: string }[] = [];
  private waiting: (() => void) | undefined;
  private stderr = '';
  constructor(readonly child: ChildProcess) {
    jsonLines(child, (line) => {
      this.answers.push(line as { value?: unknown });
      this.waiting?.();
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => (this.stderr += chunk));
    child.once('exit', () => this.waiting?.());
  }

  async send<T>(request: DriverRequest): Promise<T> {
    this.child.stdin!.write(JSON.stringify(request) + '\n');
    while (this.answers.length === 0) {
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        throw new Error(`the store driver exited: ${this.stderr}`);
      }
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
    const answer = this.answers.shift()!;
    if (answer.thrown !== undefined) throw new Error(`driver: ${answer.thrown}`);
    return answer.value as T;
  }

  async close(): Promise<void> {
    this.child.stdin!.end();
    await exited(this.child);
  }
}

type Flushed = { ok: boolean; code?: string; message?: string };

/**
 * The same story for any real fault: a library with a note, the fault arrives, a save fails visibly and
 * leaves the last good file and no temp file; the fault goes away and the change made meanwhile is saved.
 */
async function survivesFault(
  driver: Driver,
  lib: string,
  fault: { inject: () => Promise<void>; remove: () => Promise<void>; read: (file: string) => Promise<Buffer> },
  list: (dir: string) => Promise<string[]>,
  expected: RegExp,
): Promise<void> {
  await driver.send({ op: 'open', dir: lib });
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    const added = await driver.send<{ ok: boolean; value: Paper }>({
      op: 'dispatch',
      name: 'papers.add',
      input: { title: `Fault-tolerant paper ${i}`, abstract: ABSTRACT },
    });
    ids.push(added.value.id);
  }
  await driver.send({ op: 'dispatch', name: 'notes.save', input: { id: ids[0], note: 'Saved before the fault.' } });
  expect(await driver.send<Flushed>({ op: 'flush' })).toEqual({ ok: true });
  const file = join(lib, 'library.json');
  const good = await fault.read(file);

  await fault.inject();
  const during = await driver.send<{ ok: boolean }>({
    op: 'dispatch',
    name: 'notes.save',
    input: { id: ids[0], note: 'Written during the fault.' },
  });
  expect(during.ok).toBe(true);
  const failed = await driver.send<Flushed>({ op: 'flush' });
  expect(failed.ok).toBe(false);
  expect(failed.message).toMatch(expected);
  expect(failed.message).toContain(file);
  const reported = await driver.send<string[]>({ op: 'writeErrors' });
  expect(reported.length).toBeGreaterThanOrEqual(1);
  expect(reported[0]).toMatch(expected);
  expect(await fault.read(file)).toEqual(good);
  expect((await list(lib)).filter((name) => name.endsWith('.tmp'))).toEqual([]);

  await fault.remove();
  expect(await driver.send<Flushed>({ op: 'flush' })).toEqual({ ok: true });
  await driver.send({ op: 'dispatch', name: 'papers.setStatus', input: { ids: [ids[0]], status: 'reading' } });
  expect(await driver.send<Flushed>({ op: 'flush' })).toEqual({ ok: true });
  const saved = JSON.parse((await fault.read(file)).toString('utf8')) as { papers: Paper[] };
  expect(saved.papers.find((p) => p.id === ids[0])).toMatchObject({
    note: 'Written during the fault.',
    status: 'reading',
  });
  expect((await list(lib)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
}

const asRoot = process.getuid?.() === 0;
/** `unshare` with a private mount namespace (as root) or a user namespace mapping us to root (otherwise). */
const UNSHARE = asRoot ? ['--mount'] : ['--user', '--map-root-user', '--mount'];

function privateTmpfsWorks(): boolean {
  if (process.platform !== 'linux') return false;
  const probe = spawnSync('unshare', [...UNSHARE, 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs "$1"', 'sh', tmpdir()]);
  return probe.status === 0;
}

function canRunAsNobody(): boolean {
  return spawnSync(process.execPath, ['-e', ''], { uid: 65534, gid: 65534 }).status === 0;
}

describe('a write that fails for real', () => {
  it('disk full: a real 256 KB tmpfs filled up by another file', async (ctx) => {
    ctx.skip(!privateTmpfsWorks(), 'no private tmpfs here (needs Linux unshare with mount or user namespaces)');
    const mountPoint = await tempDir();
    // Mounted inside the child's own mount namespace: invisible to everything else, gone when it exits.
    const child = startProcess('unshare', [
      ...UNSHARE,
      'sh',
      '-c',
      'mount -t tmpfs -o size=256k tmpfs "$1" && exec "$2" "$3"',
      'sh',
      mountPoint,
      process.execPath,
      driverScript,
    ]);
    const driver = new Driver(child);
    const ballast = join(mountPoint, 'ballast');
    const read = async (file: string) =>
      Buffer.from((await driver.send<{ base64: string }>({ op: 'read', file })).base64, 'base64');
    try {
      await survivesFault(
        driver,
        join(mountPoint, 'library'),
        {
          inject: async () => {
            const { written } = await driver.send<{ written: number }>({ op: 'fill', file: ballast });
            expect(written).toBeGreaterThan(0);
          },
          remove: () => driver.send({ op: 'remove', file: ballast }),
          read,
        },
        (dir) => driver.send<string[]>({ op: 'list', dir }),
        /Could not save .*library\.json: the disk holding .*library\.json is full \(ENOSPC\)\. The previous version is intact/,
      );
    } finally {
      await driver.close();
    }
  });

  it('permission denied: the data folder turns read-only while the library is open', async (ctx) => {
    ctx.skip(
      asRoot && !canRunAsNobody(),
      'root ignores folder permissions, and this machine cannot run the store as an unprivileged user',
    );
    const root = await tempDir();
    const lib = join(root, 'library');
    await mkdir(lib);
    const ids = asRoot ? { uid: 65534, gid: 65534 } : {};
    if (asRoot) {
      // Root writes anywhere whatever the mode, so the store runs as nobody, who owns the folder.
      await chmod(root, 0o755);
      await chown(lib, 65534, 65534);
    }
    const driver = new Driver(startChild(driverScript, [], ids));
    try {
      await survivesFault(
        driver,
        lib,
        { inject: () => chmod(lib, 0o555), remove: () => chmod(lib, 0o755), read: (file) => readFile(file) },
        (dir) => readdir(dir),
        /Could not save .*library\.json: permission to change .*library\.json was denied \(EACCES\)\. The previous version is intact/,
      );
    } finally {
      await chmod(lib, 0o755);
      await driver.close();
    }
  });
});
