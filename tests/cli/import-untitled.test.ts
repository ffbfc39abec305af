import { describe, expect, it } from 'vitest';
import { fixture, tempDir } from '../core/helpers';
import { cliIn } from './child';

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
});
