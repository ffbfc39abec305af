import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { zipFiles } from '../../electron/core/exporters/zip';
import { openTempStore, run, tempDir } from './helpers';

const exec = promisify(execFile);
const unzip = await exec('sh', ['-c', 'command -v unzip'])
  .then(({ stdout }) => stdout.trim())
  .catch(() => '');

/*
 * QA s35 (b): the window's Markdown export was one file without front matter. Its "Markdown notes" is the CLI's
 * per-paper export (front matter for Obsidian), as one .zip a browser downloads, read back here by Info-ZIP.
 */
describe('library.export markdown as a .zip of notes', () => {
  it.skipIf(!unzip)(
    unzip
      ? 'holds one note per paper, each with its front matter, in a folder named as the export'
      : 'skipped: unzip is not installed',
    async () => {
      const store = await openTempStore();
      const a = await run(store, 'papers.add', { title: 'Graph Networks: a Survey', authors: ['Ada Lovelace'] });
      await run(store, 'papers.add', { title: 'Über Graphen', year: 2024 });
      await run(store, 'tags.set', { ids: [a.id], tags: ['graph-nn'] });
      await run(store, 'notes.save', { id: a.id, note: 'Read §2 first.' });
      const now = () => new Date('2026-12-06T10:00:00Z');
      const zipped = await run(store, 'library.export', { format: 'markdown', markdownLayout: 'zip' }, now);
      expect(zipped).toMatchObject({
        kind: 'file',
        fileName: 'paperqueue-2026-12-06.zip',
        mime: 'application/zip',
        count: 2,
      });
      const folder = await run(store, 'library.export', { format: 'markdown' }, now);
      if (zipped.kind !== 'file' || folder.kind !== 'folder') throw new Error('not a zip and a folder');

      const file = join(await tempDir(), zipped.fileName);
      await writeFile(file, Buffer.from(zipped.content, 'base64'));
      await exec(unzip, ['-tq', file]);
      const names = (await exec(unzip, ['-Z1', file])).stdout.trim().split('\n');
      expect(names).toEqual(folder.files.map((f) => `paperqueue-2026-12-06/${f.path}`));
      expect(names).toEqual([
        'paperqueue-2026-12-06/Graph Networks a Survey.md',
        'paperqueue-2026-12-06/Über Graphen.md',
      ]);
      for (const [i, name] of names.entries()) {
        const text = (await exec(unzip, ['-p', file, name])).stdout;
        expect(text).toBe(folder.files[i]!.content);
        expect(text).toMatch(/^---\ntitle: "[^"]+"\n[\s\S]*\nstatus: inbox\n[\s\S]*\n---\n/);
      }
      const first = (await exec(unzip, ['-p', file, names[0]!])).stdout;
      expect(first).toContain('tags:\n  - "graph-nn"\n');
      expect(first).toContain('Read §2 first.');
    },
  );

  /*
   * Past 65,535 notes (or 4 GiB) the archive needs Zip64's records. 70,000 notes take seconds to write and test,
   * so the limits are lowered here to three files and 24 bytes: the same code marks the fields that overflow.
   */
  it.skipIf(!unzip)(
    unzip ? 'writes Zip64 records where a count, size or offset overflows' : 'skipped: unzip is not installed',
    async () => {
      const files = [
        { path: 'notes/a.md', content: 'A short note.\n' },
        { path: 'notes/b.md', content: 'A note longer than the lowered limit of 24 bytes.\n' },
        { path: 'notes/Über.md', content: 'Third.\n' },
      ];
      const at = new Date('2026-12-06T10:00:00Z');
      const zip64 = Buffer.from(zipFiles(files, at, { files: 3, bytes: 24 }));
      const plain = Buffer.from(zipFiles(files, at));
      // The Zip64 end of central directory record and its locator, and the classic record's fields marked.
      const record = zip64.indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06]));
      const locator = zip64.indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x07]));
      expect(record).toBeGreaterThan(0);
      expect(locator).toBe(record + 56);
      expect(zip64.readBigUInt64LE(record + 32)).toBe(3n);
      expect(Number(zip64.readBigUInt64LE(locator + 8))).toBe(record);
      expect(zip64.readUInt16LE(zip64.length - 22 + 10)).toBe(0xffff);
      expect(zip64.readUInt32LE(zip64.length - 22 + 16)).toBe(0xffffffff);
      // Under the real limits the same notes make a plain zip, without them.
      expect(plain.indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(-1);
      expect(plain.readUInt16LE(plain.length - 22 + 10)).toBe(3);

      const folder = await tempDir();
      for (const [name, bytes] of [
        ['zip64.zip', zip64],
        ['plain.zip', plain],
      ] as const) {
        const file = join(folder, name);
        await writeFile(file, bytes);
        await exec(unzip, ['-tq', file]);
        expect((await exec(unzip, ['-Z1', file])).stdout.trim().split('\n')).toEqual(files.map((f) => f.path));
        for (const f of files) expect((await exec(unzip, ['-p', file, f.path])).stdout).toBe(f.content);
      }
      // Info-ZIP names the 64-bit fields it read: sizes of the long note, offsets of the notes past 24 bytes.
      const details = (await exec(unzip, ['-Zv', join(folder, 'zip64.zip')])).stdout;
      expect(details).toMatch(/ID 0x0001 \(PKWARE 64-bit sizes\)/);
    },
  );
});
