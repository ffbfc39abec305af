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
});
