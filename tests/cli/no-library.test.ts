import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_FOLDER } from '../../electron/core/store/backups';
import { LIBRARY_FILE_NAME } from '../../electron/core/store/store';
import { fixture, tempDir } from '../core/helpers';
import { BIN, cliIn, type Run } from './child';

/** The real CLI run in `cwd`, so a relative --data is read as a person's shell would. */
function cliAt(cwd: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const noLibrary = (verb: string, dir: string) =>
  `paperqueue ${verb}: No library at ${dir} (no library.json). Check --data or PAPERQUEUE_DATA.\n`;

describe('a --data folder with no library in it', { timeout: 120_000 }, () => {
  it('is said to hold no library by a command that only reads, which makes no folder', async () => {
    const parent = await tempDir();
    const typo = join(parent, 'typo');
    const list = await cliIn(typo, 'list');
    expect(list).toEqual({ code: 1, stdout: '', stderr: noLibrary('list', typo) });
    expect(existsSync(typo)).toBe(false);
    // A mistyped relative path, as the QA pass typed it: nothing made where the command ran.
    const get = await cliAt(parent, 'call', 'papers.get', '{"id":"5z1gp1ys"}', '--data', 'A');
    expect(get.code).toBe(1);
    expect(get.stderr).toBe(noLibrary('call', join(parent, 'A')));
    expect(await readdir(parent)).toEqual([]);
    // An empty folder that exists is no library either, and stays empty.
    const empty = await tempDir();
    for (const args of [['stats'], ['show', 'abc'], ['mark', 'abc', 'read'], ['export', '--format', 'bibtex']]) {
      const run = await cliIn(empty, ...args);
      expect(run.stderr, args.join(' ')).toBe(noLibrary(args[0]!, empty));
      expect(run.code).toBe(1);
    }
    expect(await readdir(empty)).toEqual([]);
    // With --json, the script reading stdout is told too.
    const json = await cliIn(typo, 'list', '--json');
    expect(JSON.parse(json.stdout)).toEqual({
      error: { code: 'NO_LIBRARY', message: noLibrary('list', typo).replace(/^paperqueue list: |\n$/g, '') },
    });
    expect(existsSync(typo)).toBe(false);
  });

  it('is started by the first import, which says so once; a dry run before it only reads', async () => {
    const data = join(await tempDir(), 'new-library');
    const dry = await cliIn(data, 'import', fixture('five-papers.txt'), '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/5 new, 0 duplicates, 0 errors\. Nothing was changed\./);
    expect(existsSync(data)).toBe(false);

    const first = await cliIn(data, 'import', fixture('five-papers.txt'));
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Added 5 papers/);
    expect(first.stderr).toBe(`Created a new library in ${data}.\n`);
    expect(existsSync(join(data, LIBRARY_FILE_NAME))).toBe(true);
    const again = await cliIn(data, 'import', fixture('digest-sample.txt'));
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('Created');
    expect((await cliIn(data, 'list')).stdout).toMatch(/\n7 papers\n$/);
  });

  it('keeps its backups within reach when library.json is gone: backup list and restore work', async () => {
    const data = await tempDir();
    await cliIn(data, 'import', fixture('five-papers.txt'));
    await cliIn(data, 'import', fixture('digest-sample.txt')); // backs up the five papers first
    await rm(join(data, LIBRARY_FILE_NAME));
    const list = await cliIn(data, 'backup', 'list', '--json');
    expect(list.code, list.stderr).toBe(0);
    const [newest] = JSON.parse(list.stdout) as { id: string }[];
    const restore = await cliIn(data, 'backup', 'restore', newest!.id);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/^Restored 5 papers from the backup of /);
    // The library was restored, not started empty: no "Created a new library" after it.
    expect(restore.stderr).toBe('');
    expect((await cliIn(data, 'list')).stdout).toMatch(/\n5 papers\n$/);

    // Backups carried to a folder of their own (a new machine's): the restore there says only what it restored.
    const moved = await tempDir();
    await cp(join(data, BACKUP_FOLDER), join(moved, BACKUP_FOLDER), { recursive: true });
    const there = await cliIn(moved, 'backup', 'restore', newest!.id);
    expect(there.code, there.stderr).toBe(0);
    expect(there.stdout).toMatch(/^Restored 5 papers from the backup of /);
    expect(there.stderr).toBe('');
    expect((await cliIn(moved, 'list')).stdout).toMatch(/\n5 papers\n$/);
  });
});
