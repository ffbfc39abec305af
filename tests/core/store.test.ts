import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreLoadError } from '../../electron/core/store/library-file';
import { createPaper } from '../../electron/core/paper';
import { queryPage } from '../../electron/core/query';
import { LIBRARY_VERSION } from '../../electron/core/schema';
import { INDEX_CACHE_FILE_NAME } from '../../electron/core/search/index-cache';
import { serializeLibrary } from '../../electron/core/store/library-file';
import { INDEX_CACHE_MIN_PAPERS, LibraryStore } from '../../electron/core/store/store';
import { run, tempDir } from './helpers';

const abstract = 'We show that careful triage of a reading queue saves hours. '.repeat(5);

describe('library store', () => {
  it('starts empty without creating a file, and creates library.json on the first write', async () => {
    const dir = await tempDir();
    const store = await LibraryStore.open(dir);
    expect(store.size).toBe(0);
    expect(await readdir(dir)).toEqual([]);
    await run(store, 'papers.add', { title: 'A paper about reading queues', abstract });
    await store.flush();
    expect(await readdir(dir)).toEqual(['library.json']);
    const reopened = await LibraryStore.open(dir);
    expect([...reopened.all()].map((p) => p.title)).toEqual(['A paper about reading queues']);
  });

  it('coalesces a burst of mutations into a few writes, the latest state last, leaving no temp files', async () => {
    const dir = await tempDir();
    const store = await LibraryStore.open(dir);
    const paper = await run(store, 'papers.add', { title: 'Coalescing writes in practice', abstract });
    for (let i = 0; i < 200; i++) await run(store, 'notes.save', { id: paper.id, note: `draft ${i}` });
    await store.flush();
    expect(store.writes).toBeLessThanOrEqual(3);
    const saved = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')) as { papers: { note: string }[] };
    expect(saved.papers[0]?.note).toBe('draft 199');
    expect(await readdir(dir)).toEqual(['library.json']);
  });

  const damaged: [string, string | Buffer, RegExp][] = [
    ['an empty file', '', /library\.json: it is empty/],
    ['a truncated file', '{"version": 1, "papers": [{"id": "a', /ends too early|not valid JSON/],
    ['text that is not JSON', '{\n  "version": 1,\n  papers: []\n}', /not valid JSON at line 3, column 3/],
    ['bytes that are not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), /not UTF-8 text/],
    ['JSON without a version', '{"papers": []}', /no valid "version" field/],
    ['a newer library version', '{"version": 99, "papers": []}', /newer Paperqueue \(library version 99/],
    ['a paper missing its title', '{"version": 1, "papers": [{"id": "x"}]}', /papers\[0\]\.title/],
  ];
  for (const [what, content, message] of damaged) {
    it(`refuses ${what}, naming the file and the problem, and never overwrites it`, async () => {
      const dir = await tempDir();
      const file = join(dir, 'library.json');
      await writeFile(file, content);
      const error = await LibraryStore.open(dir).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StoreLoadError);
      expect((error as Error).message).toContain(file);
      expect((error as Error).message).toMatch(message);
      expect(await readFile(file)).toEqual(Buffer.isBuffer(content) ? content : Buffer.from(content));
    });
  }

  it('reads a library written with a UTF-8 byte order mark', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'library.json'), '\uFEFF{"version": 1, "papers": []}');
    expect((await LibraryStore.open(dir)).size).toBe(0);
  });

  it('keeps the search index in a cache file beside a big library and reads it at the next open', async () => {
    const dir = await tempDir();
    const source = { format: 'bibtex' as const, name: 'big.bib', importedAt: '2026-01-01T00:00:00.000Z' };
    const papers = Array.from({ length: INDEX_CACHE_MIN_PAPERS }, (_, i) =>
      createPaper(
        { title: `Paper ${i} on topic ${i % 97}`, abstract: `Words w${i % 1013} and z${i % 31}.` },
        source,
        i,
        source.importedAt,
      ),
    );
    await writeFile(join(dir, 'library.json'), serializeLibrary({ version: LIBRARY_VERSION, papers }));
    const next = () => new Promise((resolve) => setImmediate(resolve));
    const idle = async (store: LibraryStore, writes: boolean) => {
      while (!store.catalog.search.ready) await next();
      // The file is made in steps after the build, then written.
      while (writes && !store.catalog.search.cacheWritten) await next();
      await store.catalog.search.cacheWritten;
    };
    const ids = (store: LibraryStore) =>
      queryPage(store.catalog, { status: 'all', sort: 'queue', offset: 0, limit: 10_000, text: 'w17 topi' }).page.map(
        (paper) => paper.id,
      );
    const first = await LibraryStore.open(dir);
    await idle(first, true);
    expect(first.catalog.search.fromCache).toBe(false);
    expect(await readdir(dir)).toContain(INDEX_CACHE_FILE_NAME);
    const expected = ids(first);
    expect(expected.length).toBeGreaterThan(4);
    first.catalog.dispose();
    const second = await LibraryStore.open(dir);
    await idle(second, false);
    expect(second.catalog.search.fromCache).toBe(true);
    expect(ids(second)).toEqual(expected);
    second.catalog.dispose();
  });

  it('opened read-only, writes nothing at all (no backup, sweep, cache file or recovery) and refuses to save', async () => {
    const dir = await tempDir();
    const source = { format: 'bibtex' as const, name: 'big.bib', importedAt: '2026-01-01T00:00:00.000Z' };
    const papers = Array.from({ length: INDEX_CACHE_MIN_PAPERS }, (_, i) =>
      createPaper({ title: `Read-only paper ${i}` }, source, i, source.importedAt),
    );
    const file = join(dir, 'library.json');
    await writeFile(file, serializeLibrary({ version: LIBRARY_VERSION, papers }));
    // A temp file of a writer long dead, which a writable open would sweep.
    const leftover = `.library.json.${2 ** 22 + 12345}.0badf00d.tmp`;
    await writeFile(join(dir, leftover), '{"version": 1, "pap');
    const sentence = 'The library is read-only: a test says so. Changes cannot be saved.';
    const store = await LibraryStore.open(dir, { readOnly: sentence, recover: true });
    expect(store.readOnly).toBe(sentence);
    expect(store.size).toBe(INDEX_CACHE_MIN_PAPERS);
    while (!store.catalog.search.ready) await new Promise((resolve) => setImmediate(resolve));
    // A writable store starts writing the cache file within a few steps of the build; this one never does.
    const until = Date.now() + 500;
    while (Date.now() < until && !store.catalog.search.cacheWritten)
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(store.catalog.search.cacheWritten).toBeUndefined();
    await store.flush();
    const errors: unknown[] = [];
    store.onWriteError((error) => errors.push(error));
    store.replace({ ...papers[0]!, note: 'Never saved' });
    await expect(store.persist()).rejects.toThrow(sentence);
    expect(errors).toEqual([new Error(sentence)]);
    await expect(store.flush()).rejects.toThrow(sentence);
    await expect(store.backUpNow()).rejects.toThrow(sentence);
    await expect(store.replaceAll([])).rejects.toThrow(sentence);
    expect((await readdir(dir)).sort()).toEqual([leftover, 'library.json'].sort());
    expect(await readFile(file, 'utf8')).toBe(serializeLibrary({ version: LIBRARY_VERSION, papers }));

    // A damaged library is refused as it is, even with recover: moving it aside would be a write.
    await writeFile(file, '{"version": 1, "papers": [{"id": "a');
    const refused = await LibraryStore.open(dir, { readOnly: sentence, recover: true }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StoreLoadError);
    expect((await readdir(dir)).sort()).toEqual([leftover, 'library.json'].sort());
    // A folder with no library yet opens as an empty one.
    expect((await LibraryStore.open(join(dir, 'none'), { readOnly: sentence })).size).toBe(0);
  });
});
