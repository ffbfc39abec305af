import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, tempDir } from '../core/helpers';
import { cliIn } from './child';

const cli = cliIn;

type Listed = { title: string; year?: number; doi?: string; authors: string[] };
const listed = async (data: string) =>
  (JSON.parse((await cli(data, 'list', '--json')).stdout) as Listed[])
    .map((p) => `${p.title} · ${p.authors[0]} · ${p.year}${p.doi ? ` · ${p.doi}` : ''}`)
    .sort();

describe('paperqueue import --merge and undo-import', () => {
  it('numbers the possible duplicates, merges the ones named, and undo-import takes the import back', async () => {
    const data = await tempDir();
    expect((await cli(data, 'import', fixture('duplicates/library.bib'))).code).toBe(0);
    const before = await listed(data);

    const dry = await cli(data, 'import', fixture('duplicates/choices.bib'), '--dry-run');
    expect(dry.stdout).toContain('2 possible duplicates, kept apart unless --merge names them:');
    expect(dry.stdout).toMatch(/ {2}1\. “Quiet Power of Introverts”, Rick Roe, 2013\n {5}possibly the same as “Quiet/);
    expect(dry.stdout).toContain('same title, but another year (2017 and 2018)');

    const wrong = await cli(data, 'import', fixture('duplicates/choices.bib'), '--merge', '2,5');
    expect(wrong).toMatchObject({ code: 1, stdout: '' });
    expect(wrong.stderr).toMatch(/merge: 5 is not a possible duplicate in choices\.bib .*nothing was imported/);
    expect((await cli(data, 'import', fixture('duplicates/choices.bib'), '--merge', 'two')).code).toBe(2);

    const imported = await cli(data, 'import', fixture('duplicates/choices.bib'), '--merge', '2');
    expect(imported.stdout).toContain('Added 2 papers from "choices.bib".');
    expect(imported.stdout).toContain('Kept 1 possible duplicate apart');
    expect(imported.stdout).toContain('"paperqueue undo-import" takes this import back.');
    expect(await listed(data)).toEqual([
      'A Paper Nobody Has Yet · Jane Doe · 2020',
      'Attention Is All You Need · Ashish Vaswani · 2017 · 10.5555/3295222.3295349',
      'Quiet Power of Introverts · Rick Roe · 2013',
      'Quiet Power of Introverts · Susan Cain · 2012',
    ]);

    const undone = await cli(data, 'undo-import');
    expect(undone.stdout).toBe(
      'Took back the import of “choices.bib”: removed 2 papers, put back the details of 1 paper.\n',
    );
    expect(await listed(data)).toEqual(before);
    const again = await cli(data, 'undo-import');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/no import to undo/);
  }, 120_000);

  it('undo-import of an import whose every paper was worked on since says so, not "removed 0 papers"', async () => {
    const data = await tempDir();
    const file = join(data, 'one.bib');
    await writeFile(file, '@article{one,\n  title = {A Paper Read Right After Its Import},\n  year = {2024}\n}\n');
    expect((await cli(data, 'import', file)).code).toBe(0);
    const [paper] = JSON.parse((await cli(data, 'list', '--json')).stdout) as { id: string }[];
    expect((await cli(data, 'mark', paper!.id, 'read')).code).toBe(0);
    const undone = await cli(data, 'undo-import');
    expect(undone.stdout).toBe(
      'Took back the import of “one.bib”.\nKept 1 paper it added that you have read, noted, tagged or highlighted since.\n',
    );
  }, 60_000);

  it('--merge all merges every possible duplicate, and --help documents the flags', async () => {
    const data = await tempDir();
    await cli(data, 'import', fixture('duplicates/library.bib'));
    const result = JSON.parse(
      (await cli(data, 'import', fixture('duplicates/choices.bib'), '--merge', 'all', '--json')).stdout,
    ) as { added: number; merged: number; possible: unknown[] };
    expect(result).toMatchObject({ added: 1, merged: 2, possible: [] });
    const help = await cli(data, 'import', '--help');
    expect(help.stdout).toContain('[--merge all|none|N,N]');
    expect((await cli(data, 'help')).stdout).toContain('undo-import [--json]');
  }, 60_000);
});
