import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
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
});
