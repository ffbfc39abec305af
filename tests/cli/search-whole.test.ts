import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIBRARY_VERSION } from '../../electron/core/schema';
import { serializeLibrary } from '../../electron/core/store/library-file';
import { INDEX_CACHE_MIN_PAPERS, LIBRARY_FILE_NAME } from '../../electron/core/store/store';
import { seeded, tempDir } from '../core/helpers';
import { randomPaper } from '../core/search-reference';
import { cliIn, jsonIn } from './child';

describe('a search from the command line on a library that keeps its index in a file', { timeout: 60_000 }, () => {
  it('finds what only an abstract has, on the first start (index built) and the next (index read back)', async () => {
    const data = await tempDir();
    const random = seeded(11);
    // Large enough that the app builds its index in the background and keeps it in a file, answering searches
    // from the titles meanwhile: a one-shot command must wait for the index instead.
    const papers = Array.from({ length: INDEX_CACHE_MIN_PAPERS }, (_, i) => randomPaper(random, `c${i}`));
    papers[42] = { ...papers[42]!, abstract: 'Zygomorphic flowers and their bees.' };
    await writeFile(join(data, LIBRARY_FILE_NAME), serializeLibrary({ version: LIBRARY_VERSION, papers }));

    for (const start of ['first', 'second']) {
      const listed = await jsonIn<{ id: string }[]>(data, 'list', '--search', 'zygomorphic', '--json');
      expect(
        listed.map((paper) => paper.id),
        start,
      ).toEqual(['c42']);
      const ids = await jsonIn<{ total: number; titlesOnly: boolean }>(
        data,
        'call',
        'papers.ids',
        JSON.stringify({ text: 'zygomorphic' }),
      );
      expect(ids, start).toMatchObject({ total: 1, titlesOnly: false });
      const csv = await cliIn(data, 'export', '--format', 'csv', '--search', 'zygomorphic');
      expect(csv.code, csv.stderr).toBe(0);
      const rows = csv.stdout.split('\r\n').filter((line) => line.length > 0);
      expect(rows).toHaveLength(2);
      expect(rows[1]).toContain(papers[42].title);
    }
  });
});
