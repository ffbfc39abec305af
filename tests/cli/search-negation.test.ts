import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIBRARY_VERSION } from '../../electron/core/schema';
import { serializeLibrary } from '../../electron/core/store/library-file';
import { LIBRARY_FILE_NAME } from '../../electron/core/store/store';
import { seeded, tempDir } from '../core/helpers';
import { randomPaper } from '../core/search-reference';
import { cliIn, jsonIn } from './child';

describe('a negated search from the command line', { timeout: 60_000 }, () => {
  it('list --search keeps out what -word, -"phrase", -author: and -# find; --search=-x and --search -x alike', async () => {
    const data = await tempDir();
    const random = seeded(32);
    const papers = Array.from({ length: 6 }, (_, i) => randomPaper(random, `n${i}`));
    papers[0] = { ...papers[0]!, title: 'Quokka self-attention', authors: ['Donald E. Knuth'], tags: ['ml'] };
    papers[1] = { ...papers[1]!, title: 'Quokka red giants', authors: ['Ada Lovelace'], tags: [] };
    papers[2] = { ...papers[2]!, title: 'Quokka giants, red ones', authors: ['Jan van der Berg'], tags: ['ML'] };
    papers[3] = { ...papers[3]!, title: 'Quokka in C#', authors: ['Anders Hejlsberg'], tags: ['c'] };
    await writeFile(join(data, LIBRARY_FILE_NAME), serializeLibrary({ version: LIBRARY_VERSION, papers }));
    const ids = async (...args: string[]) =>
      (await jsonIn<{ id: string }[]>(data, 'list', ...args, '--json')).map((paper) => paper.id).sort();
    expect(await ids('--search', 'quokka')).toEqual(['n0', 'n1', 'n2', 'n3']);
    expect(await ids('--search', 'quokka -#ml')).toEqual(['n1', 'n3']);
    expect(await ids('--search', 'quokka -"red giant" -author:knuth')).toEqual(['n2', 'n3']);
    // A hyphen inside a word is the word's: -self-attention is one word kept out.
    expect(await ids('--search', 'quokka -self-attention')).toEqual(['n1', 'n2', 'n3']);
    // A search of only negated terms: every other paper. Given after its option as `-x` or `=-x`.
    expect(await ids('--search', '-quokka')).toEqual(['n4', 'n5']);
    expect(await ids('--search=-quokka')).toEqual(['n4', 'n5']);
    expect(await ids('--search', '-tag:ML', '--status', 'all')).toEqual(['n1', 'n3', 'n4', 'n5']);
    const table = await cliIn(data, 'list', '--search', 'quokka -"red giant" -#ml');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/n3\s+\S+\s+\S+\s+Quokka in C#/);
    expect(table.stdout).toMatch(/^1 paper$/m);
    const help = await cliIn(data, 'list', '--help');
    expect(help.stdout).toContain('-author:NAME');
  });
});
