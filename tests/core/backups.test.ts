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

  it('keep every paper a damaged file still has, and take only what it lost from the backup', async () => {
    const { dir, store } = await libraryWith(['One', 'Two', 'Three', 'Four', 'Five']);
    await backUp(dir, new Date(), true);
    const ids = [...store.all()].map((p) => p.id);
    await run(store, 'papers.update', { id: ids[1]!, patch: { title: 'Two, renamed after the backup' } });
    await run(store, 'papers.add', { title: 'Six, added after the backup' });
    await store.flush();
    const file = join(dir, 'library.json');
    const lines = (await readFile(file, 'utf8')).split('\n');
    // The fourth paper's line gains a stray quote in its middle; the rest of the file is whole.
    const fourth = lines.findIndex((line) => line.includes('"Four"'));
    lines[fourth] = lines[fourth]!.replace('"title":', '"title":"');
    await writeFile(file, lines.join('\n'));
    const reopened = await LibraryStore.open(dir, { recover: true });
    expect([...reopened.all()].map((p) => p.title).sort()).toEqual(
      ['Five', 'Four', 'One', 'Six, added after the backup', 'Three', 'Two, renamed after the backup'].sort(),
    );
    expect(reopened.recovery).toMatchObject({
      salvaged: 5,
      fromBackup: 1,
      unreadable: [{ line: fourth + 1, id: ids[3] }],
    });
    expect(reopened.recovery?.summary).toMatch(
      new RegExp(
        `^The library file could not be read: it is not valid JSON.*\\. It was moved to .*library\\.damaged-\\d{8}T\\d+Z\\.json\\. ` +
          `The library now holds 5 papers read from it and 1 paper it had lost from the backup of \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\. ` +
          `That paper is as it was then: notes, highlights, statuses and reading places changed on them since could not be recovered\\. ` +
          `Its unreadable line ${fourth + 1} \\(paper ${ids[3]}\\) came back from the backup\\.$`,
      ),
    );
    // What it wrote opens as it is, with nothing to recover.
    expect((await LibraryStore.open(dir, { recover: true })).recovery).toBeUndefined();
  });

  it('name the lines of a damaged file that no backup has, and keep the rest without a backup', async () => {
    const { dir, store } = await libraryWith(['One', 'Two', 'Three']);
    await store.flush();
    const file = join(dir, 'library.json');
    const text = await readFile(file, 'utf8');
    // Cut in the middle of the third paper's line: its paper, and the file's end, are gone.
    await writeFile(file, text.slice(0, text.indexOf('"Three"') - 10));
    const reopened = await LibraryStore.open(dir, { recover: true });
    expect([...reopened.all()].map((p) => p.title)).toEqual(['One', 'Two']);
    expect(reopened.recovery).toMatchObject({ salvaged: 2, fromBackup: 0, unreadable: [{ line: 4 }] });
    expect(reopened.recovery?.backup).toBeUndefined();
    expect(reopened.recovery?.summary).toMatch(
      /The library now holds 2 papers read from it\. Line 4 could not be read and is in no backup: it is kept in the moved file\.$/,
    );
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
