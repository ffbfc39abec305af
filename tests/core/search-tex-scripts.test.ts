import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Paper } from '../../electron/core/schema';
import type { Documents } from '../../electron/core/search/build';
import { decodeCache, INDEX_CACHE_FILE_NAME } from '../../electron/core/search/index-cache';
import { TitleScan } from '../../electron/core/search/title-scan';
import { foldedWords } from '../../electron/core/search/tokenize';
import { openTempStore, run, seeded } from './helpers';
import { bare, Twin, writtenIndexCache } from './search-reference';

/* TeX math is searched as it is drawn: `$H_0$` (drawn H₀) is found by "H0", as a person types it. */

const TITLES = [
  'Measuring $H_0$ with lensed quasars',
  'The H$_{0}$ tension, revisited',
  'A $\\Lambda$CDM test with $z^2$ scaling',
  'Hubble flow at 0 redshift',
];

describe('TeX scripts in search', () => {
  it('reads a subscript or superscript as one word with its letter, and nothing outside math', () => {
    expect(foldedWords('Measuring $H_0$ with')).toEqual(['measuring', 'h0', 'with']);
    expect(foldedWords('$H_{0}$ and H$_0$ and $z^{2}$')).toEqual(['h0', 'and', 'h0', 'and', 'z2']);
    expect(foldedWords('$\\Lambda$CDM')).toEqual(['lambda', 'cdm']);
    // A script on a command stays apart, as α₁ typed "α1" folds to "alpha 1".
    expect(foldedWords('$\\alpha_1$')).toEqual(['alpha', '1']);
    // Not math: a snake_case name, prices, an escaped dollar.
    expect(foldedWords('max_len costs $5 and $10, \\$H_0\\$')).toEqual([
      'max',
      'len',
      'costs',
      '5',
      'and',
      '10',
      'h',
      '0',
    ]);
  });

  it('finds "H0" and "Lambda CDM" through a store\'s index', async () => {
    const store = await openTempStore();
    for (const title of TITLES) await run(store, 'papers.add', { title });
    const find = async (text: string) =>
      (await run(store, 'papers.rows', { text, sort: 'title' })).rows.map((row) => row.title);
    expect(await find('H0')).toEqual([TITLES[0], TITLES[1]]);
    expect(await find('h0 tension')).toEqual([TITLES[1]]);
    expect(await find('Lambda CDM')).toEqual([TITLES[2]]);
    expect(await find('z2')).toEqual([TITLES[2]]);
  });

  it('finds them through the title scan answering while the index is built', () => {
    const papers = TITLES.map((title) => ({ title, authors: [] }) as unknown as Paper);
    const docs: Documents = { count: papers.length, at: (ordinal) => papers[ordinal] };
    const scan = new TitleScan(docs);
    const found = (words: string[]) => [...scan.match(words).ordinals].sort();
    expect(found(['h0'])).toEqual([0, 1]);
    expect(scan.knows('h0')).toBe(true);
    expect(found(['lambda', 'cdm'])).toEqual([2]);
  });

  it('does not read back an index file kept before scripts were joined', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'paperqueue-tex-cache-'));
    try {
      const cachePath = join(dir, INDEX_CACHE_FILE_NAME);
      const random = seeded(7);
      const twin = new Twin(TITLES.map((title, i) => bare(random, { id: `t${i}`, title })));
      const bytes = await writtenIndexCache(twin, cachePath);
      expect(decodeCache(bytes)).toBeDefined();
      // The same file as version 2 wrote it (words "h" and "0"): refused, so it is rebuilt.
      const header = new Uint32Array(bytes.buffer, bytes.byteOffset, 2);
      header[1] = 2;
      expect(decodeCache(bytes)).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true, maxRetries: 5 });
    }
  });
});
