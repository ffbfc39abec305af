import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIBRARY_VERSION } from '../../electron/core/schema';
import { serializeLibrary } from '../../electron/core/store/library-file';
import { LIBRARY_FILE_NAME } from '../../electron/core/store/store';
import { seeded, tempDir } from '../core/helpers';
import { randomPaper } from '../core/search-reference';
import { cliIn, cliWith } from './child';

/** A library of papers with the given ids, titled "Paper 1", "Paper 2"… */
async function libraryWithIds(ids: string[]): Promise<string> {
  const data = await tempDir();
  const random = seeded(5);
  const papers = ids.map((id, i) => ({ ...randomPaper(random, id), title: `Paper ${i + 1}` }));
  await writeFile(join(data, LIBRARY_FILE_NAME), serializeLibrary({ version: LIBRARY_VERSION, papers }));
  return data;
}

describe('what the CLI says when it cannot do what it was asked', { timeout: 60_000 }, () => {
  it('names the papers an ambiguous id prefix fits, for every command that takes an id', async () => {
    const data = await libraryWithIds([
      'e2a00001',
      'e2b00002',
      'e2c00003',
      'e2d00004',
      'e2e00005',
      'e2f00006',
      'zz000007',
    ]);
    const ambiguous =
      '"e2" is ambiguous: 6 papers\' ids start with it (e2a00001 “Paper 1”, e2b00002 “Paper 2”, e2c00003 “Paper 3”, ' +
      'e2d00004 “Paper 4”, e2e00005 “Paper 5” and 1 more); give more of the id.\n';
    for (const args of [
      ['show', 'e2'],
      ['mark', 'e2', 'read'],
      ['note', 'e2', '--text', 'x'],
      ['similar', 'e2'],
    ]) {
      const run = await cliIn(data, ...args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toBe(`paperqueue ${args[0]}: ${ambiguous}`);
    }
    expect((await cliIn(data, 'show', 'e2b')).stdout).toMatch(/^Paper 2\n/);
    // Too short to trust even when it fits one paper: said so, and which paper it fits.
    expect((await cliIn(data, 'show', 'zz')).stderr).toBe(
      'paperqueue show: "zz" is too short for an id: give at least 3 characters (zz000007 “Paper 7”).\n',
    );
    expect((await cliIn(data, 'show', 'qqq')).stderr).toBe('paperqueue show: No paper with id "qqq".\n');
  });

  it('says a PDF to attach does not exist, naming it, as import does', async () => {
    const data = await libraryWithIds(['a0000001']);
    const missing = join(data, 'missing.pdf');
    for (const args of [
      ['attach', 'a0000001', missing],
      ['import', missing],
    ]) {
      const run = await cliIn(data, ...args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toBe(`paperqueue ${args[0]}: Cannot read ${missing}: no such file.\n`);
    }
  });

  it('says where a .json file stops being JSON, naming the file, instead of reading it as a digest', async () => {
    const data = await libraryWithIds(['a0000001']);
    const file = join(data, 'broken.json');
    await writeFile(file, 'not json {');
    const run = await cliIn(data, 'import', file);
    expect(run.code).toBe(1);
    // The problem is the answer: no "Added 0 papers" before it.
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'paperqueue import: broken.json: not valid JSON at line 1, column 2. Nothing was imported.\n',
    );
    await writeFile(file, '{\n  "version": 1,\n  "papers": [\n    {"id": "x",}\n  ]\n}');
    expect((await cliIn(data, 'import', file, '--dry-run')).stdout).toContain(
      'broken.json: not valid JSON at line 4, column 16 (Expected double-quoted property name)',
    );
  });

  it('names each problem of a file nothing could be imported from, and claims no import', async () => {
    const data = await libraryWithIds(['a0000001']);
    const file = join(data, 'empty-items.csl.json');
    await writeFile(file, '[{"type": "article"}, {"type": "book"}]');
    const run = await cliIn(data, 'import', file);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const skipped = 'skipped: the entry has no title, author, year, key or other field Paperqueue keeps';
    expect(run.stderr).toBe(
      'paperqueue import: nothing was imported; 2 problems:\n' +
        `  empty-items.csl.json, item 1: ${skipped}\n  empty-items.csl.json, item 2: ${skipped}\n`,
    );
  });

  it('takes --data before the command as after it', async () => {
    const data = await libraryWithIds(['a0000001']);
    const run = await cliWith('--data', data, 'list');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^a0000001 {2}\S+ +\S+ {2}Paper 1$/m);
    expect(await cliWith('--data')).toMatchObject({
      code: 2,
      stderr: "paperqueue: option '--data <value>' argument missing\n",
    });
  });

  it('says an export into a folder that does not exist names that folder, and claims no earlier version', async () => {
    const data = await libraryWithIds(['a0000001']);
    const out = join(data, 'no', 'such', 'folder', 'x.bib');
    const run = await cliIn(data, 'export', '--format', 'bibtex', '--out', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `paperqueue export: Could not save ${out}: the folder ${join(data, 'no', 'such', 'folder')} does not exist (ENOENT)\n`,
    );
  });

  it('says what --weeks takes, whether a negative number is written --weeks -3 or --weeks=-3', async () => {
    const data = await libraryWithIds(['a0000001']);
    for (const args of [['--weeks', '-3'], ['--weeks=-3']]) {
      const run = await cliIn(data, 'stats', ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toBe('paperqueue stats: --weeks takes a whole number of weeks from 1 to 520, not "-3".\n');
    }
    // A value left out before the next option is said to be missing, not "ambiguous".
    expect((await cliIn(data, 'stats', '--weeks', '--json')).stderr).toMatch(
      /^paperqueue stats: Option '--weeks <value>' argument missing\n/,
    );
    // A mistyped option after one that takes a value is refused, not taken as the value: the note is kept.
    await cliIn(data, 'note', 'a0000001', '--text', 'kept');
    const typo = await cliIn(data, 'note', 'a0000001', '--text', '--dat', '/elsewhere');
    expect(typo.code).toBe(2);
    expect((await cliIn(data, 'show', 'a0000001', '--json')).stdout).toMatch(/"note": ?"kept"/);
    // A value that starts with one dash is the value: a note may begin as a list.
    await cliIn(data, 'note', 'a0000001', '--text', '- first point');
    expect((await cliIn(data, 'show', 'a0000001', '--json')).stdout).toMatch(/"note": ?"- first point"/);
  });
});
