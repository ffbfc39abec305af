import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { foreground } from '../../electron/core/foreground';
import type { Paper } from '../../electron/core/schema';
import { INDEX_CACHE_FILE_NAME, RunningSum, decodeCache } from '../../electron/core/search/index-cache';
import { PostingReader } from '../../electron/core/search/postings';
import { turns } from '../../electron/core/turns';
import { seeded } from './helpers';
import {
  query,
  randomListQuery,
  randomPaper,
  randomQuery,
  referenceTitleFilter,
  Twin,
  type Random,
} from './search-reference';

let dir = '';
let cachePath = '';
/** Every library opened by a test: a build still writing its cache file must end before the folder is removed. */
let opened: Twin[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paperqueue-search-cache-'));
  cachePath = join(dir, INDEX_CACHE_FILE_NAME);
});
afterEach(async () => {
  for (const twin of opened) {
    // A library built anew writes its cache file a moment after it is ready.
    for (let i = 0; i < 1000 && !twin.catalog.search.fromCache && !twin.catalog.search.cacheWritten; i++) await tick();
    await twin.catalog.search.cacheWritten?.catch(() => undefined);
    twin.catalog.dispose();
  }
  opened = [];
  await rm(dir, { recursive: true, force: true, maxRetries: 5 });
});

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Open `papers` as a library does: the index built or read in the background, kept in the cache file. */
async function open(papers: readonly Paper[], changeWhileLoading?: (twin: Twin) => void): Promise<Twin> {
  const twin = new Twin([...papers]);
  opened.push(twin);
  twin.catalog.warmUp({ indexCache: cachePath });
  while (!twin.catalog.search.ready) {
    await tick();
    changeWhileLoading?.(twin);
  }
  return twin;
}

/** Wait for the cache file written after a build. */
async function saved(twin: Twin): Promise<void> {
  while (!twin.catalog.search.cacheWritten) await tick();
  await twin.catalog.search.cacheWritten;
}

describe('the background build', () => {
  it('takes turns with other background work: its steps do not go ahead of every other slice', async () => {
    const random = seeded(31);
    const twin = new Twin(Array.from({ length: 3000 }, () => randomPaper(random)));
    opened.push(twin);
    twin.catalog.warmUp({ indexCache: cachePath });
    await tick();
    let readyWhenOtherRan: boolean | undefined;
    turns.take(() => (readyWhenOtherRan = twin.catalog.search.ready));
    while (!twin.catalog.search.ready || readyWhenOtherRan === undefined) await tick();
    // Asked as `first` (meant for a thread build's fold of the titles), its steps took every turn, and the other
    // slice ran only once the index was in.
    expect(readyWhenOtherRan).toBe(false);
  });
});

function agree(twin: Twin, random: Random, count = 25): void {
  for (let i = 0; i < count; i++)
    twin.expectQuery(i % 2 ? randomListQuery(random) : query({ text: randomQuery(random) }));
}

const library = (random: Random, n: number): Paper[] => Array.from({ length: n }, () => randomPaper(random));

describe('search index cache', () => {
  it('keeps a built index beside the library and answers the same from it at the next open', async () => {
    const random = seeded(21);
    const papers = library(random, 400);
    const first = await open(papers);
    expect(first.catalog.search.fromCache).toBe(false);
    await saved(first);
    first.catalog.dispose();
    // Written under a temporary name and renamed: nothing else is left beside it.
    expect(await readdir(dir)).toEqual([INDEX_CACHE_FILE_NAME]);

    const second = await open(papers);
    expect(second.catalog.search.fromCache).toBe(true);
    expect(second.catalog.search.pendingChanges).toBe(0);
    expect(second.catalog.search.stats()).toEqual(first.catalog.search.stats());
    agree(second, random);
    for (let round = 0; round < 200; round++) {
      second.mutate(random);
      if (round % 10 === 0) agree(second, random, 2);
    }
  });

  it('indexes apart the papers whose text differs from the file, and only those', async () => {
    const random = seeded(22);
    const papers = library(random, 300);
    await saved(await open(papers));

    const changed = [...papers];
    changed[5] = { ...changed[5]!, note: 'a brand new note' };
    changed[17] = { ...changed[17]!, status: 'read', rank: 99 };
    changed[40] = randomPaper(random);
    changed.push(randomPaper(random), randomPaper(random));
    const twin = await open(changed);
    expect(twin.catalog.search.fromCache).toBe(true);
    // The note, the replaced paper and the two new ones; a status change leaves the text as it was.
    expect(twin.catalog.search.pendingChanges).toBe(4);
    twin.expectQuery(query({ text: 'brand new' }));
    agree(twin, random);
  });

  it('answers right when papers change while the file is being read', async () => {
    const random = seeded(23);
    const papers = library(random, 600);
    await saved(await open(papers));
    const twin = await open(papers, (t) => t.mutate(random));
    expect(twin.catalog.search.fromCache).toBe(true);
    agree(twin, random);
  });

  it('is not waited for by a search that comes before it is read: that one scans titles and authors', async () => {
    const random = seeded(24);
    const papers = library(random, 200);
    await saved(await open(papers));
    const twin = new Twin(papers);
    twin.catalog.warmUp({ indexCache: cachePath });
    for (let i = 0; i < 5; i++) twin.expectQuery(query({ text: randomQuery(random) }), referenceTitleFilter);
    expect(twin.catalog.search.ready).toBe(false);
    while (!twin.catalog.search.ready) await tick();
    expect(twin.catalog.search.fromCache).toBe(true);
    agree(twin, random, 5);
  });

  it("checks its file between a page's requests: not while one runs that does not wait for the index, at once for one that does", async () => {
    const random = seeded(27);
    const papers = library(random, 400);
    await saved(await open(papers));
    const served = foreground.servesPages;
    foreground.servesPages = true;
    // A page's request (For you's ranking) runs while the file is read: its check waits for the request.
    let done = foreground.begin();
    try {
      const twin = new Twin([...papers]);
      opened.push(twin);
      twin.catalog.warmUp({ indexCache: cachePath });
      await sleep(300);
      expect(twin.catalog.search.ready).toBe(false);
      done();
      const until = Date.now() + 10_000;
      while (!twin.catalog.search.ready && Date.now() < until) await sleep(5);
      expect(twin.catalog.search.fromCache).toBe(true);

      // A request that waits for the whole index (a search from the CLI's host, an export): the check goes on.
      done = foreground.begin();
      const other = new Twin([...papers]);
      opened.push(other);
      other.catalog.warmUp({ indexCache: cachePath });
      await foreground.waitFor(other.catalog.search.whenReady());
      expect(other.catalog.search.fromCache).toBe(true);
      agree(other, random, 5);
    } finally {
      done();
      foreground.servesPages = served;
    }
  });

  it('builds anew, silently, from a damaged, cut short, foreign or missing file, and then rewrites it', async () => {
    const random = seeded(25);
    const papers = library(random, 300);
    await saved(await open(papers));
    const good = await readFile(cachePath);
    const flipped = Buffer.from(good);
    flipped[Math.floor(flipped.length * 0.6)]! ^= 0x10;
    const damaged = [flipped, good.subarray(0, good.length - 8), Buffer.from('not an index'), Buffer.alloc(0)];
    for (const bytes of damaged) {
      await writeFile(cachePath, bytes);
      const twin = await open(papers);
      expect(twin.catalog.search.fromCache).toBe(false);
      agree(twin, random, 5);
      await saved(twin);
      expect((await open(papers)).catalog.search.fromCache).toBe(true);
    }
    // An index of another library: every paper differs, too many to index apart.
    const other = library(random, 1500);
    await saved(await open(other));
    const twin = await open(library(random, 1500));
    expect(twin.catalog.search.fromCache).toBe(false);
    agree(twin, random, 5);
    await saved(twin);
    await rm(cachePath);
    expect((await open(papers)).catalog.search.fromCache).toBe(false);
  });

  it('builds anew from a file of version 1, whose postings were 32-bit words, and then rewrites it', async () => {
    const random = seeded(26);
    const papers = library(random, 300);
    await saved(await open(papers));
    await writeFile(cachePath, versionOne(await readFile(cachePath)));
    const twin = await open(papers);
    expect(twin.catalog.search.fromCache).toBe(false);
    agree(twin, random, 5);
    await saved(twin);
    expect((await open(papers)).catalog.search.fromCache).toBe(true);
  });
});

/** The same index as a whole, good file of version 1 (postings as words, offsets counting them) would hold it. */
function versionOne(file: Buffer): Buffer {
  const cache = decodeCache(new Uint8Array(file))!;
  const reader = new PostingReader(cache.offsets, cache.postings, false);
  const offsets = new Uint32Array(cache.termCount + 1);
  const postings: number[] = [];
  for (let t = 0; t < cache.termCount; t++) {
    reader.range(t, t + 1);
    for (let ordinal = reader.next(); ordinal >= 0; ordinal = reader.next()) postings.push(ordinal);
    offsets[t + 1] = postings.length;
  }
  const words = Uint32Array.from(postings);
  const sum = new RunningSum();
  sum.words(Uint32Array.of(cache.docCount, cache.termCount, words.length));
  for (const part of [cache.fingerprints, offsets, words]) sum.words(part);
  for (const part of [cache.covered, cache.text]) sum.bytes(part);
  const header = new Uint32Array(file.buffer, file.byteOffset, 9).slice();
  header.set(
    [1, header[2]!, cache.docCount, cache.termCount, words.length, cache.text.length, sum.a >>> 0, sum.b >>> 0],
    1,
  );
  const padded = (bytes: Uint8Array): Buffer => Buffer.concat([bytes, Buffer.alloc((4 - (bytes.length % 4)) % 4)]);
  const view = (part: Uint32Array): Buffer => Buffer.from(part.buffer, part.byteOffset, part.byteLength);
  return Buffer.concat([
    view(header),
    view(cache.fingerprints),
    view(offsets),
    view(words),
    padded(cache.covered),
    padded(cache.text),
  ]);
}
