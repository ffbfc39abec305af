import { open, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPaper } from '../../../electron/core/paper';
import { LIBRARY_VERSION, type Source } from '../../../electron/core/schema';
import { backUp, listBackups } from '../../../electron/core/store/backups';
import { LibraryFileAdapter, serializeLibrary } from '../../../electron/core/store/library-file';
import { tempDir } from '../helpers';

/*
 * A library of an older version is migrated as it is read, and its lines' places are not kept. The backup of
 * the file as opened used to read and check it whole again, on the event loop: at 100,000 papers a second
 * window asked for during that waited about 3 s. The adapter validated that very file; its backup copies it.
 */
const AT = '2026-11-30T08:00:00.000Z';
const digest: Source = { format: 'digest', name: 'Nov 30', file: 'daily.txt', importedAt: AT };

async function versionOneLibrary(): Promise<string> {
  const dir = await tempDir();
  const papers = [1, 2, 3].map((n) => createPaper({ id: `dig0000${n}`, title: `Paper ${n}` }, digest, n, AT));
  const text = serializeLibrary({ version: LIBRARY_VERSION, papers }).replace(/^\{"version":\d+,/, '{"version":1,');
  await writeFile(join(dir, 'library.json'), text);
  return dir;
}

describe('the backup of a library migrated as it was opened', () => {
  it('copies the file the store validated, without reading it whole again', async () => {
    const dir = await versionOneLibrary();
    const file = join(dir, 'library.json');
    // A whole second, which utimes can set again exactly.
    const when = new Date('2026-11-30T09:00:00Z');
    await utimes(file, when, when);
    const adapter = new LibraryFileAdapter(file);
    await adapter.read();
    expect(adapter.migratedFrom).toBe(1);
    expect(adapter.identity).toBeDefined();

    // The same file (inode, size, modification time), its bytes changed in place: a backup that copies the
    // validated file as it is keeps these bytes; one that reads and checks it again refuses them.
    const before = await stat(file);
    expect(before.mtimeMs).toBe(when.getTime());
    const bytes = await readFile(file);
    const marker = Buffer.from('Paper 2');
    const at = bytes.indexOf(marker);
    const handle = await open(file, 'r+');
    await handle.write(Buffer.from('Paper"2'), 0, marker.length, at);
    await handle.close();
    await utimes(file, when, when);
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);

    const made = await backUp(dir, new Date('2026-12-01T10:00:00Z'), false, adapter.identity);
    expect(made).toBeDefined();
    const [backup] = await listBackups(dir);
    expect((await readFile(backup!.file)).includes('Paper"2')).toBe(true);
  });

  it('still reads and checks a file that is not the one validated', async () => {
    const dir = await versionOneLibrary();
    const file = join(dir, 'library.json');
    const adapter = new LibraryFileAdapter(file);
    await adapter.read();
    // Replaced by another (broken) file after the store read it: never kept as a backup.
    await writeFile(file, '{"version":1,"papers":[\n{"id":');
    await expect(backUp(dir, new Date('2026-12-01T10:00:00Z'), false, adapter.identity)).rejects.toThrow();
    expect(await listBackups(dir)).toEqual([]);
  });
});
