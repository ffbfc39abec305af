import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIBRARY_VERSION } from '../../electron/core/schema';
import { serializeLibrary } from '../../electron/core/store/library-file';
import { LIBRARY_FILE_NAME } from '../../electron/core/store/store';
import { seeded, tempDir } from '../core/helpers';
import { randomPaper } from '../core/search-reference';
import { jsonIn } from './child';

describe('a field search from the command line', { timeout: 60_000 }, () => {
  it('list --search "author:knuth" lists the papers with that author, not those naming him elsewhere', async () => {
    const data = await tempDir();
    const random = seeded(30);
    const papers = Array.from({ length: 6 }, (_, i) => randomPaper(random, `f${i}`));
    papers[1] = { ...papers[1]!, authors: ['Donald E. Knuth'], tags: ['tex'] };
    papers[2] = { ...papers[2]!, title: 'A reply to Knuth', authors: ['Ada Lovelace'], tags: [] };
    papers[3] = { ...papers[3]!, authors: ['Jan van der Berg'], tags: ['TeX'] };
    await writeFile(join(data, LIBRARY_FILE_NAME), serializeLibrary({ version: LIBRARY_VERSION, papers }));
    const ids = async (search: string) =>
      (await jsonIn<{ id: string }[]>(data, 'list', '--search', search, '--json')).map((paper) => paper.id).sort();
    expect(await ids('author:knuth')).toEqual(['f1']);
    expect(await ids('#tex author:"van der berg"')).toEqual(['f3']);
  });
});
