import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fixture, tempDir } from '../core/helpers';
import { cliIn, cliWith } from './child';

const exec = promisify(execFile);
const unzip = await exec('sh', ['-c', 'command -v unzip'])
  .then(({ stdout }) => stdout.trim())
  .catch(() => '');

/* The app's "Markdown notes" download, one .zip of a note per paper, made by the CLI too (s36). */
describe('paperqueue export --format markdown --zip', { timeout: 60_000 }, () => {
  it.skipIf(!unzip)(
    unzip
      ? 'writes the notes --out DIR writes, in one .zip inside a folder named as the export; help says so'
      : 'skipped: unzip is not installed',
    async () => {
      const data = await tempDir();
      await cliIn(data, 'import', fixture('digest-sample.txt'));
      const folder = join(data, 'vault');
      expect((await cliIn(data, 'export', '--format', 'markdown', '--out', folder)).code).toBe(0);
      const notes = (await readdir(folder)).sort();
      expect(notes.length).toBeGreaterThan(1);

      const file = join(data, 'notes.zip');
      const zipped = await cliIn(data, 'export', '--format', 'markdown', '--zip', '--out', file);
      expect(zipped).toMatchObject({
        code: 0,
        stderr: `Exported ${notes.length} papers as ${notes.length} notes in ${file}.\n`,
      });
      await exec(unzip, ['-tq', file]);
      const names = (await exec(unzip, ['-Z1', file])).stdout.trim().split('\n');
      const inside = /^paperqueue-\d{4}-\d{2}-\d{2}\//.exec(names[0]!)?.[0];
      expect(inside).toBeDefined();
      expect(names.map((name) => name.slice(inside!.length)).sort()).toEqual(notes);
      for (const note of notes) {
        const text = (await exec(unzip, ['-p', file, inside + note], { encoding: 'utf8' })).stdout;
        expect(text).toBe(await readFile(join(folder, note), 'utf8'));
      }

      // --zip names a file and goes with Markdown's notes only.
      for (const args of [
        ['--format', 'markdown', '--zip'],
        ['--format', 'markdown', '--zip', '--combined', '--out', file],
      ]) {
        const refused = await cliIn(data, 'export', ...args);
        expect(refused.code).toBe(2);
        expect(refused.stderr).toMatch(/--zip goes with --format markdown --out FILE/);
      }
      expect((await cliWith('help')).stdout).toMatch(/--zip\b[\s\S]*--zip --out FILE/);
    },
  );
});
