import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backUp } from '../../electron/core/store/backups';
import { LibraryStore } from '../../electron/core/store/store';
import { run, tempDir } from './helpers';

async function libraryWith(titles: string[]) {
  const dir = await tempDir();
  const store = await LibraryStore.open(dir);
  for (const title of titles) await run(store, 'papers.add', { title });
  await store.flush();
  return { dir, store, ids: [...store.all()].map((paper) => paper.id) };
}

const titles = (store: LibraryStore) => [...store.all()].map((p) => p.title).sort();

/* What a damaged library.json brings back, beyond backups.test.ts: never more than it lost. */
describe('recovery of a damaged library', () => {
  it('does not bring back a paper deleted since the backup, when the file is whole but for a broken line', async () => {
    const { dir, store, ids } = await libraryWith(['One', 'Two', 'Three']);
    await backUp(dir, new Date(), true);
    await run(store, 'papers.remove', { ids: [ids[0]!] });
    await store.flush();
    const file = join(dir, 'library.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"title":"Three"', '"title":"Three'));
    const reopened = await LibraryStore.open(dir, { recover: true });
    expect(titles(reopened)).toEqual(['Three', 'Two']);
    expect(reopened.recovery).toMatchObject({ salvaged: 1, fromBackup: 1 });
  });

  it('takes a line with a broken byte from the backup rather than keep a replacement character', async () => {
    const { dir } = await libraryWith(['One', 'Café au lait']);
    await backUp(dir, new Date(), true);
    const file = join(dir, 'library.json');
    const bytes = await readFile(file);
    const at = bytes.indexOf(Buffer.from('é'));
    bytes[at + 1] = 0xff; // the second byte of "é" is no longer UTF-8
    await writeFile(file, bytes);
    const reopened = await LibraryStore.open(dir, { recover: true });
    expect(titles(reopened)).toEqual(['Café au lait', 'One']);
    expect(reopened.recovery).toMatchObject({
      salvaged: 1,
      fromBackup: 1,
      unreadable: [{ line: 3, id: [...reopened.all()].find((p) => p.title === 'Café au lait')?.id }],
    });
  });

  it('says which file could not be read, and why, when library.json is a folder; nothing is moved aside', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'library.json', 'inside'), { recursive: true });
    const opening = LibraryStore.open(dir, { recover: true });
    await expect(opening).rejects.toThrow(
      `Cannot open the library ${join(dir, 'library.json')}: it is a folder, not a file. The file was left untouched.`,
    );
    expect((await readdir(dir)).sort()).toEqual(['library.json']);
    expect(await readdir(join(dir, 'library.json'))).toEqual(['inside']);
  });

  it('leaves a damaged library of a newer Paperqueue where it is, and says so', async () => {
    const dir = await tempDir();
    const text = '{"version":99,"papers":[\n{"id":"a1b2c3d4","title":"From the future"';
    await writeFile(join(dir, 'library.json'), text);
    await expect(LibraryStore.open(dir, { recover: true })).rejects.toThrow(
      /written by a newer Paperqueue \(library version 99; this one reads up to \d+\) and is damaged/,
    );
    expect(await readFile(join(dir, 'library.json'), 'utf8')).toBe(text);
    expect((await readdir(dir)).filter((name) => name.startsWith('library.damaged-'))).toEqual([]);
  });

  it('keeps the keyword rules its first line holds, and none when it says there are none', async () => {
    const { dir, store } = await libraryWith(['One', 'Two']);
    await run(store, 'rules.add', { pattern: 'diffusion', action: 'boost' });
    await store.flush();
    await backUp(dir, new Date(), true);
    await run(store, 'rules.remove', { id: (await run(store, 'rules.list', {})).rules[0]!.id });
    await store.flush();
    const file = join(dir, 'library.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"title":"Two"', '"title":"Two'));
    const reopened = await LibraryStore.open(dir, { recover: true });
    expect(reopened.rules).toEqual([]);
    expect(titles(reopened)).toEqual(['One', 'Two']);
  });
});
