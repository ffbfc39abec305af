import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backUp, listBackups } from '../../electron/core/store/backups';
import { LibraryStore } from '../../electron/core/store/store';
import { run, tempDir } from './helpers';

async function libraryWith(titles: string[]) {
  const dir = await tempDir();
  const store = await LibraryStore.open(dir);
  for (const title of titles) await run(store, 'papers.add', { title });
  await store.flush();
  return { dir, store };
}

describe('backups', () => {
  it('are taken at open when the library changed since the last one, and not otherwise', async () => {
    const { dir } = await libraryWith(['A paper worth keeping safe']);
    // The backup is written in the background; flush waits for it.
    await (await LibraryStore.open(dir)).flush();
    expect(await listBackups(dir)).toHaveLength(1);
    await (await LibraryStore.open(dir)).flush();
    expect(await listBackups(dir)).toHaveLength(1);
  });

  it('at open hold the library as it was opened, even when a change follows at once', async () => {
    const { dir } = await libraryWith(['A paper worth keeping safe']);
    const before = await readFile(join(dir, 'library.json'));
    const store = await LibraryStore.open(dir);
    const [paper] = [...store.all()];
    await run(store, 'notes.save', { id: paper!.id, note: 'Changed straight after opening' });
    await store.flush();
    const [backup] = await listBackups(dir);
    expect(await readFile(backup!.file)).toEqual(before);
    expect(await readFile(join(dir, 'library.json'), 'utf8')).toContain('Changed straight after opening');
  });

  it('copy the library as the store knows it, but check a file changed behind its back before keeping it', async () => {
    const { dir, store } = await libraryWith(['A paper worth keeping safe', 'And another one']);
    await store.backUpNow();
    const [first] = await listBackups(dir);
    expect(await readFile(first!.file)).toEqual(await readFile(join(dir, 'library.json')));
    await writeFile(join(dir, 'library.json'), '{"version":1,"papers":[\n{"id":"x"}\n]}\n');
    await expect(backUp(dir, new Date(Date.now() + 1000), true)).rejects.toThrow(/library\.json.*papers\[0\]/);
    await expect(store.backUpNow()).rejects.toThrow(/library\.json/);
    expect(await listBackups(dir)).toHaveLength(1);
  });

  it('keep 3 from today and one a day for the 7 days before', async () => {
    const { dir } = await libraryWith(['A paper worth keeping safe']);
    const now = new Date('2026-11-26T18:00:00Z');
    for (let day = 12; day >= 0; day--) {
      for (const hour of [9, 12, 15, 17]) {
        const at = new Date(now.getTime() - day * 86_400_000);
        at.setUTCHours(hour);
        await backUp(dir, at, true);
      }
    }
    await backUp(dir, now, true);
    const kept = (await listBackups(dir)).map((b) => b.at.slice(0, 13));
    expect(kept).toEqual([
      '2026-11-26T18',
      '2026-11-26T17',
      '2026-11-26T15',
      ...[25, 24, 23, 22, 21, 20, 19].map((d) => `2026-11-${d}T17`),
    ]);
  });

  it('restore a damaged library at open, keeping the damaged file aside', async () => {
    const { dir, store } = await libraryWith(['The paper in the backup']);
    await backUp(dir, new Date(), true);
    await run(store, 'papers.add', { title: 'A paper after the backup' });
    await store.flush();
    await writeFile(join(dir, 'library.json'), '{"version": 1, "papers": [{"id": "x"'); // truncated
    const reopened = await LibraryStore.open(dir, { recover: true });
    expect([...reopened.all()].map((p) => p.title)).toEqual(['The paper in the backup']);
    expect(reopened.recovery?.backup).toBeDefined();
    const damaged = (await readdir(dir)).filter((name) => name.startsWith('library.damaged-'));
    expect(damaged).toHaveLength(1);
    expect(await readFile(join(dir, damaged[0]!), 'utf8')).toBe('{"version": 1, "papers": [{"id": "x"');
  });

  it('start empty when no backup is valid, and say where the damaged file went', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'library.json'), 'not json at all');
    const store = await LibraryStore.open(dir, { recover: true });
    expect(store.size).toBe(0);
    expect(store.recovery?.damagedFile).toMatch(/library\.damaged-\d{8}T\d+Z\.json$/);
    expect(store.recovery?.backup).toBeUndefined();
  });

  it('restore a chosen backup through the command table, backing up what it replaces', async () => {
    const { dir, store } = await libraryWith(['First state of the library']);
    await store.backUpNow();
    const [first] = await run(store, 'library.backups', {});
    await run(store, 'papers.add', { title: 'Second state of the library' });
    const restored = await run(store, 'library.restoreBackup', { id: first!.id });
    expect(restored.restored).toBe(1);
    expect([...store.all()].map((p) => p.title)).toEqual(['First state of the library']);
    await store.flush();
    const again = await LibraryStore.open(dir);
    expect(again.size).toBe(1);
    const backups = await listBackups(dir);
    const contents = await Promise.all(backups.map((b) => readFile(b.file, 'utf8')));
    expect(contents.some((text) => text.includes('Second state of the library'))).toBe(true);
  });
});
