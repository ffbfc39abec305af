import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import { foreground } from '../../electron/core/foreground';
import { queryPage } from '../../electron/core/query';
import { LIBRARY_VERSION, type Paper } from '../../electron/core/schema';
import { INDEX_CACHE_FILE_NAME } from '../../electron/core/search/index-cache';
import { serializeLibrary } from '../../electron/core/store/library-file';
import { INDEX_CACHE_MIN_PAPERS, LIBRARY_FILE_NAME, LibraryStore } from '../../electron/core/store/store';
import { seeded } from './helpers';
import { query, randomPaper, Twin } from './search-reference';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paperqueue-titles-only-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true, maxRetries: 5 });
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 2));

/**
 * A library where "zygomorphic" is only in one paper's abstract, "quokka" in one title and another's abstract:
 * large enough to keep its index in a file (INDEX_CACHE_MIN_PAPERS), so a store builds it in the background.
 */
function library(count = INDEX_CACHE_MIN_PAPERS): Paper[] {
  const random = seeded(7);
  const papers = Array.from({ length: count }, (_, i) => randomPaper(random, `t${i}`));
  papers[10] = { ...papers[10]!, abstract: 'A zygomorphic flower, studied at length.' };
  papers[20] = { ...papers[20]!, title: 'Quokka counts on Rottnest' };
  papers[30] = { ...papers[30]!, abstract: 'We met a quokka.' };
  return papers;
}

/**
 * `library()` written to the test's folder and opened as the app opens it, in a process that serves pages
 * (browser mode's server, the desktop window) or not (the CLI); closed after `body`.
 */
async function withLibrary(
  servesPages: boolean,
  body: (store: LibraryStore) => Promise<void>,
  papers = library(),
): Promise<void> {
  await writeFile(join(dir, LIBRARY_FILE_NAME), serializeLibrary({ version: LIBRARY_VERSION, papers }));
  const store = await LibraryStore.open(dir);
  foreground.servesPages = servesPages;
  try {
    await body(store);
  } finally {
    foreground.servesPages = false;
    await store.flush();
    store.catalog.dispose();
  }
}

describe('a search while the index is still being built', { timeout: 60_000 }, () => {
  it('says it answered from the titles and authors alone, until the index is in', async () => {
    const twin = new Twin(library());
    twin.catalog.warmUp({ indexCache: join(dir, INDEX_CACHE_FILE_NAME), thread: true });
    expect(twin.catalog.search.ready).toBe(false);
    const early = queryPage(twin.catalog, query({ text: 'quokka' }));
    expect(early.titlesOnly).toBe(true);
    expect(early.page.map((paper) => paper.id)).toEqual(['t20']);
    expect(queryPage(twin.catalog, query({ text: 'zygomorphic' })).titlesOnly).toBe(true);
    // No search, nothing partial: a plain list is whole at once.
    expect(queryPage(twin.catalog, query({})).titlesOnly).toBe(false);

    while (!twin.catalog.search.ready) await tick();
    const late = queryPage(twin.catalog, query({ text: 'quokka' }));
    expect(late.titlesOnly).toBe(false);
    expect(late.page.map((paper) => paper.id).sort()).toEqual(['t20', 't30']);
    twin.catalog.dispose();
  });

  it('reads a quoted phrase in the titles and authors alone, then everywhere once the index is in', async () => {
    const papers = library();
    papers[40] = { ...papers[40]!, title: 'Quokka counts, then counts of quokka' };
    papers[50] = { ...papers[50]!, title: 'On quokka counts', abstract: 'Quokka counts again.' };
    papers[60] = { ...papers[60]!, title: 'Counts', abstract: 'Our quokka counts were low.' };
    const twin = new Twin(papers);
    twin.catalog.warmUp({ indexCache: join(dir, INDEX_CACHE_FILE_NAME), thread: true });
    const find = (text: string) => queryPage(twin.catalog, query({ text }));
    const early = find('"quokka counts"');
    expect(early.titlesOnly).toBe(true);
    expect(early.page.map((paper) => paper.id).sort()).toEqual(['t20', 't40', 't50']);
    // The words in a title, but not side by side in it: not found (t40 has "counts of quokka" too).
    expect(find('"counts quokka"').page.map((paper) => paper.id)).toEqual([]);
    while (!twin.catalog.search.ready) await tick();
    expect(
      find('"quokka counts"')
        .page.map((paper) => paper.id)
        .sort(),
    ).toEqual(['t20', 't40', 't50', 't60']);
    twin.catalog.dispose();
  });

  it('papers.rows and papers.ids say so; an export of the search has every match', async () => {
    await withLibrary(false, async (store) => {
      // Just opened, a library that keeps its index in a file: the index is being read or built meanwhile.
      expect(store.catalog.search.scanningTitles).toBe(true);
      expect(store.catalog.search.ready).toBe(false);
      const exported = await call({ store, caller: 'host' }, 'library.export', {
        format: 'json',
        query: query({ text: 'zygomorphic' }),
      });
      if (!exported.ok) throw new Error(exported.error.message);
      expect(exported.value.kind).toBe('file');
      const content = exported.value.kind === 'file' ? exported.value.content : '';
      expect((JSON.parse(content) as { papers: Paper[] }).papers.map((paper) => paper.id)).toEqual(['t10']);

      // Searched again once the index is in, the answers are whole and say so.
      const rows = await call({ store, caller: 'page' }, 'papers.rows', { text: 'quokka', limit: 50 });
      const ids = await call({ store, caller: 'page' }, 'papers.ids', { text: 'quokka' });
      if (!rows.ok || !ids.ok) throw new Error('search failed');
      expect(rows.value.titlesOnly).toBe(false);
      expect(rows.value.total).toBe(2);
      expect(ids.value).toMatchObject({ total: 2, titlesOnly: false });
    });
  });

  it('papers.rows answered before the index is in says titlesOnly, and counts only what the titles have', async () => {
    // As browser mode's server and the desktop window do: a page asks again, a one-shot command waits.
    await withLibrary(true, async (store) => {
      let early = 0;
      let whole = 0;
      for (let i = 0; i < 5000 && whole === 0; i++) {
        const rows = await call({ store, caller: 'page' }, 'papers.rows', { text: 'quokka', limit: 50 });
        if (!rows.ok) throw new Error(rows.error.message);
        // Each answer is the titles' (one paper, said to be partial) or the index's (both, and whole).
        if (rows.value.titlesOnly) {
          expect(rows.value.total).toBe(1);
          early++;
        } else {
          expect(rows.value.total).toBe(2);
          expect(store.catalog.search.ready).toBe(true);
          whole++;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(early).toBeGreaterThan(0);
      expect(whole).toBe(1);
    });
  });

  it('a host (the CLI, its command forwarded to the app holding the library) waits for the whole index', async () => {
    // The app's process serves pages; the CLI's command comes to it as a host's.
    await withLibrary(true, async (store) => {
      expect(store.catalog.search.scanningTitles).toBe(true);
      const ids = await call({ store, caller: 'host' }, 'papers.ids', { text: 'quokka' });
      if (!ids.ok) throw new Error(ids.error.message);
      expect(ids.value).toMatchObject({ total: 2, titlesOnly: false });
    });
  });

  it("a host waiting for the index built in a thread does not hold back the papers' hand-over to it", async () => {
    // 12,000 papers: the index is built in a thread, the papers handed to it in messages that hold back while a
    // request runs (one every 2 s). The host's request runs all the while it waits: without counting as waiting
    // for background work, it took about 2 s a message (the real CLI forwarded to browser mode at 100,000
    // papers gave up after 5 minutes).
    await withLibrary(
      true,
      async (store) => {
        const answered = foreground.begin();
        try {
          const ids = call({ store, caller: 'host' }, 'papers.ids', { text: 'quokka' });
          const late = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 15_000).unref());
          const first = await Promise.race([ids, late]);
          expect(first).not.toBe('late');
          const result = await ids;
          if (!result.ok) throw new Error(result.error.message);
          expect(result.value).toMatchObject({ total: 2, titlesOnly: false });
        } finally {
          answered();
        }
      },
      library(12_000),
    );
  });
});
