import { describe, expect, it } from 'vitest';
import { fixture, tempDir } from '../core/helpers';
import { cliIn, jsonIn } from './child';

describe('paperqueue import --dry-run with entries without a title', () => {
  it('names each "Untitled" rather than leaving its row blank', async () => {
    const data = await tempDir();
    const dry = await cliIn(data, 'import', fixture('untitled/apa.bib'), '--dry-run');
    expect(dry.code).toBe(0);
    const rows = dry.stdout.split('\n').filter((line) => /^new /.test(line));
    expect(rows.map((row) => row.replace(/\s+/g, ' ').trim())).toEqual([
      'new Untitled',
      'new Untitled',
      'new Untitled',
      'new A Titled Entry Between Untitled Ones',
    ]);
  }, 60_000);

  it('says a duplicate of an entry earlier in the same file is one, rather than printing an empty id', async () => {
    const data = await tempDir();
    const dry = await cliIn(data, 'import', fixture('duplicates/book-review.bib'), '--dry-run');
    expect(dry.stdout).toMatch(/duplicate +The Power of Habit \(= an entry earlier in this file\)\n/);
  }, 60_000);

  it('and the import says so, not that the paper was already in the library', async () => {
    const data = await tempDir();
    const done = await cliIn(data, 'import', fixture('duplicates/book-review.bib'));
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('1 entry of the file repeated an earlier one and went into its paper.');
    expect(done.stdout).not.toContain('already in the library');
    const again = await cliIn(data, 'import', fixture('duplicates/book-review.bib'), '--json');
    // Imported again: the first entry is the library's paper, the second still a repeat of it in the file (7964a7e).
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, repeats: 1 });
  }, 60_000);
});

describe('paperqueue list and show with a paper without a title', () => {
  it('print "Untitled" where the title would be, as the app does', async () => {
    const data = await tempDir();
    expect((await cliIn(data, 'import', fixture('untitled/apa.bib'))).code).toBe(0);
    const list = await cliIn(data, 'list', '--sort', 'title');
    const titles = list.stdout
      .split('\n')
      .slice(1)
      .filter((line) => /^\S+\s+inbox\s/.test(line))
      .map((line) => line.replace(/^\S+\s+inbox\s+\S+\s+/, '').trim());
    expect(titles.filter((title) => title === 'Untitled')).toHaveLength(3);
    expect(titles).toContain('A Titled Entry Between Untitled Ones');
    const papers = await jsonIn<{ id: string; title: string; citationKey?: string }[]>(data, 'list', '--json');
    const untitled = papers.find((p) => p.citationKey === 'apa-untitled-map')!;
    expect(untitled.title).toBe('');
    const show = await cliIn(data, 'show', untitled.id);
    expect(show.stdout.split('\n')[0]).toBe('Untitled');
    expect(show.stdout).toContain('Authors:');
  }, 60_000);
});
