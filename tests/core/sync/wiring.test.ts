import { cp, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LibraryStore } from '../../../electron/core/store/store';
import { attachSync, detachSync, setUpSync, syncStatus } from '../../../electron/core/sync/attach';
import { deviceDir, newDevice } from '../../../electron/core/sync/device';
import { localSyncDir } from '../../../electron/core/sync/settings';
import { bundleChildren, exited, jsonLines, startChild } from '../durability/children';
import { run, tempDir } from '../helpers';

let holder: string;
let dispose: () => Promise<void>;
beforeAll(async () => {
  const bundle = await bundleChildren({ 'hold-device': '../sync/hold-device.ts' });
  holder = bundle.paths['hold-device'];
  dispose = bundle.dispose;
});
afterAll(() => dispose?.());

/** Every file under `dir` with its text: what "untouched" is checked against. */
async function contents(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[path.slice(dir.length)] = await readFile(path, 'utf8');
  }
  return out;
}

async function library(dir: string): Promise<LibraryStore> {
  return LibraryStore.open(dir);
}

describe('sync wired to a library', () => {
  it('refuses a second data folder that claims the same device while another process writes its files', async () => {
    const [first, copy, shared] = await Promise.all([tempDir(), tempDir(), tempDir()]);
    const store = await library(first);
    await run(store, 'papers.add', { title: 'A Paper Before Sync' });
    await setUpSync(store, shared, 'Laptop');
    await detachSync(store);
    await store.flush();
    // A copied data folder: the same settings, so the same device id.
    await cp(localSyncDir(first), localSyncDir(copy), { recursive: true });

    const child = startChild(holder, [first]);
    await new Promise<void>((resolve) => jsonLines(child, () => resolve()));
    const device = (await syncStatus(store)) as { device: { id: string } };
    const before = await contents(deviceDir(shared, device.device.id));

    const other = await library(copy);
    const session = (await attachSync(other))!;
    await run(other, 'papers.add', { title: 'Written in the Copy' });
    await expect(session.syncNow()).rejects.toThrow(/in use by Paperqueue \(data folder .*\(process \d+/);
    const status = await syncStatus(other);
    expect(status).toMatchObject({ folderState: 'in-use', waiting: 2 });
    // The copy's change waits in its own data folder; the device's files are as the holder left them.
    expect(await contents(deviceDir(shared, device.device.id))).toEqual(before);
    child.stdin!.end();
    expect(await exited(child)).toBe(0);
    await detachSync(other);
    await other.flush();
  }, 60_000);

  it('leaves a sync folder written by a newer Paperqueue untouched and says so', async () => {
    const [data, shared] = await Promise.all([tempDir(), tempDir()]);
    const newer = newDevice('From the future');
    await mkdir(deviceDir(shared, newer.id), { recursive: true });
    await writeFile(join(deviceDir(shared, newer.id), 'device.json'), JSON.stringify({ ...newer, format: 99 }));
    const before = await contents(shared);
    const store = await library(data);
    await expect(setUpSync(store, shared, 'Laptop')).rejects.toThrow(/written by a newer Paperqueue/);
    expect(await contents(shared)).toEqual(before);
    await store.flush();
  });

  it('records changes made while the folder is newer and resumes once it is readable', async () => {
    const [data, shared] = await Promise.all([tempDir(), tempDir()]);
    const store = await library(data);
    const session = await setUpSync(store, shared, 'Laptop');
    const future = newDevice('From the future');
    const file = join(deviceDir(shared, future.id), 'device.json');
    await mkdir(deviceDir(shared, future.id), { recursive: true });
    await writeFile(file, JSON.stringify({ ...future, format: 99 }));
    const { id } = await run(store, 'papers.add', { title: 'Kept While Refused' });
    await expect(session.syncNow()).rejects.toThrow(/newer Paperqueue/);
    expect(await syncStatus(store)).toMatchObject({ folderState: 'newer', waiting: 2 });
    await writeFile(file, JSON.stringify(future));
    await session.syncNow();
    expect(await syncStatus(store)).toMatchObject({ folderState: 'ok', waiting: 0 });
    expect(store.get(id)?.title).toBe('Kept While Refused');
    await detachSync(store);
    await store.flush();
  });
});
