import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filterPapers, queryPage } from '../../electron/core/query';
import { INDEX_CACHE_FILE_NAME } from '../../electron/core/search/index-cache';
import { openTempStore, run, seeded, tempDir } from './helpers';
import { query, randomPaper, Twin } from './search-reference';

/* `author:`, `tag:` and `#` narrow a search, through the same core path the app and the CLI take. */

describe('field clauses in a search, over a store', () => {
  async function library() {
    const store = await openTempStore();
    const add = async (title: string, authors: string[], tags: string[] = []) => {
      const { id } = await run(store, 'papers.add', { title, authors });
      if (tags.length) await run(store, 'tags.set', { ids: [id], tags });
      return id;
    };
    const ids = {
      hinton: await add('Attention in capsule networks', ['Geoffrey Hinton', 'Sara Sabour'], ['ml']),
      knuth: await add('Literate programming', ['Donald E. Knuth'], ['tex']),
      // Knuth in the title only: an author clause does not read titles.
      aboutKnuth: await add('On Knuth and attention', ['Ada Lovelace'], ['ML', 'history']),
      berg: await add('Dune attention', ['Jan van der Berg'], ['ml']),
      bergOther: await add('Der Berg van Dune', ['Berg Van', 'Der Anders']),
    };
    const find = async (text: string) =>
      (await run(store, 'papers.rows', { text, sort: 'title' })).rows.map((row) => row.id).sort();
    return { store, ids, find };
  }

  it('author: finds a word of an author name, not of the title; with free words, all must hold', async () => {
    const { ids, find } = await library();
    expect(await find('author:knuth')).toEqual([ids.knuth]);
    expect(await find('author:knu')).toEqual([ids.knuth]);
    expect(await find('knuth')).toEqual([ids.knuth, ids.aboutKnuth].sort());
    expect(await find('author:hinton attention')).toEqual([ids.hinton]);
    expect(await find('author:hinton literate')).toEqual([]);
    expect(await find('Author:"van der Berg"')).toEqual([ids.berg]);
    expect(await find('author:"van der berg')).toEqual([ids.berg]);
  });

  it('tag: and # find a tag (any case), not a word; an unknown field and an empty clause are what they were', async () => {
    const { ids, find } = await library();
    expect(await find('#ml')).toEqual([ids.hinton, ids.aboutKnuth, ids.berg].sort());
    expect(await find('tag:ML attention')).toEqual([ids.hinton, ids.aboutKnuth, ids.berg].sort());
    expect(await find('#ml #history')).toEqual([ids.aboutKnuth]);
    expect(await find('#tex')).toEqual([ids.knuth]);
    expect(await find('#t')).toEqual([]);
    expect(await find('#ml author:knuth')).toEqual([]);
    expect(await find('foo:bar')).toEqual([]);
    expect(await find('author: knuth')).toEqual([ids.knuth, ids.aboutKnuth].sort());
  });

  it('the same through a list that is not the store (filterPapers), and through papers.list', async () => {
    const { store, ids } = await library();
    const papers = [...store.all()].reverse();
    const query = { status: 'all', sort: 'queue', offset: 0 } as const;
    expect(filterPapers(papers, { ...query, text: 'author:knuth' }).map((p) => p.id)).toEqual([ids.knuth]);
    expect(filterPapers(papers, { ...query, text: '#history' }).map((p) => p.id)).toEqual([ids.aboutKnuth]);
    const list = await run(store, 'papers.list', { text: 'author:hinton' });
    expect(list.papers.map((p) => p.id)).toEqual([ids.hinton]);
  });

  it('answers a clause right while the index is built and titles answer, and once it is in', async () => {
    const random = seeded(31);
    const papers = Array.from({ length: 400 }, (_, i) => randomPaper(random, `w${i}`));
    papers[7] = { ...papers[7]!, title: 'Plain title', authors: ['Donald Knuth'], tags: ['Quokka'] };
    papers[9] = { ...papers[9]!, title: 'Quokka and Knuth', authors: ['Ada Lovelace'], tags: [] };
    const twin = new Twin(papers);
    twin.catalog.warmUp({ indexCache: join(await tempDir(), INDEX_CACHE_FILE_NAME), thread: true });
    const ids = (text: string) => queryPage(twin.catalog, query({ text })).page.map((paper) => paper.id);
    expect(twin.catalog.search.scanningTitles).toBe(true);
    // A tag is in no title: the title scan does not narrow it away.
    expect(ids('#quokka')).toEqual(['w7']);
    expect(ids('author:knuth')).toEqual(['w7']);
    while (!twin.catalog.search.ready) await new Promise((resolve) => setImmediate(resolve));
    expect(ids('#quokka')).toEqual(['w7']);
    expect(ids('tag:QUOKKA author:knuth')).toEqual(['w7']);
    expect(ids('author:knuth quokka')).toEqual(['w7']);
    await twin.catalog.search.cacheWritten;
    twin.catalog.dispose();
  });
});
