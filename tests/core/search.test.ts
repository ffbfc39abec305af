import { describe, expect, it } from 'vitest';
import { filterPapers, queryPapers } from '../../electron/core/query';
import type { Paper } from '../../electron/core/schema';
import { isTypoOf, oneEditAway, startsWithOneSwap } from '../../electron/core/search/typo';
import { openTempStore, run, seeded } from './helpers';
import { bare, ids, query, randomListQuery, randomPaper, randomQuery, Twin } from './search-reference';

describe('search index', () => {
  it('matches word prefixes across every searched field, folded, with AND across words', () => {
    const random = seeded(1);
    const paper = (patch: Partial<Paper> & { id: string; title: string }): Paper => bare(random, patch);
    const papers = [
      paper({ id: 'bayes', title: 'Bayesian Optimisation', authors: ['Ada Lovelace'] }),
      paper({ id: 'cafe', title: 'Café Müller', abstract: 'Naïve methods' }),
      paper({ id: 'note', title: 'Plain', note: 'Read after the Welford paper' }),
      paper({ id: 'arxiv', title: 'Numbers', arxivId: '2401.12345' }),
      paper({ id: 'tag', title: 'Tagged', tags: ['Reinforcement-Learning'] }),
    ];
    const twin = new Twin(papers);
    const find = (text: string) => ids(queryPapers(twin.catalog, query({ text })));
    expect(find('bayes')).toEqual(['bayes']);
    expect(find('BAYES optim')).toEqual(['bayes']);
    expect(find('lovelace')).toEqual(['bayes']);
    expect(find('bayes welford')).toEqual([]);
    expect(find('cafe muller')).toEqual(['cafe']);
    expect(find('naive')).toEqual(['cafe']);
    expect(find('welf')).toEqual(['note']);
    expect(find('2401.12345')).toEqual(['arxiv']);
    expect(find('12345')).toEqual(['arxiv']);
    expect(find('learning')).toEqual(['tag']);
    expect(find('ayes')).toEqual([]);
    expect(find('(bayes)')).toEqual(['bayes']);
  });

  it('matches a word of five or more letters one typo away when it starts no word as typed', () => {
    const random = seeded(2);
    const paper = (id: string, title: string): Paper => bare(random, { id, title });
    const twin = new Twin([
      paper('b', 'Bayesian inference'),
      paper('m', 'A model of reading'),
      paper('g', 'Graph networks'),
    ]);
    const find = (text: string) => ids(queryPapers(twin.catalog, query({ text })));
    expect(find('bayseian')).toEqual(['b']); // swapped letters
    expect(find('bayesan')).toEqual(['b']); // a missing letter
    expect(find('bayessian')).toEqual(['b']); // an extra letter
    expect(find('bayezian')).toEqual(['b']); // a changed letter
    expect(find('bayse')).toEqual(['b']); // a prefix with swapped letters
    expect(find('infrence bayesian')).toEqual(['b']);
    expect(find('modle')).toEqual(['m']);
    expect(find('netwroks')).toEqual(['g']);
    // Short words, words with digits and two typos are taken as typed.
    expect(find('modl')).toEqual([]);
    expect(find('graph2')).toEqual([]);
    expect(find('bazesaan')).toEqual([]);
    // A word that starts some word as typed is not widened by typos.
    twin.insert(paper('r', 'Readings'));
    expect(find('reading').sort()).toEqual(['m', 'r']);
    expect(find('grape')).toEqual(['g']);
    twin.insert(paper('grape', 'Grapes of wrath'));
    expect(find('grape')).toEqual(['grape']);
    twin.remove('grape');
    expect(find('grape')).toEqual(['g']);
  });

  it('agrees with the plain reading of the filter on random libraries, queries and changes', () => {
    const random = seeded(3);
    const twin = new Twin(Array.from({ length: 60 }, () => randomPaper(random)));
    for (let round = 0; round < 400; round++) {
      twin.mutate(random);
      if (round % 4 === 0) twin.expectQuery(randomListQuery(random));
    }
  });

  it('keeps answering right while a build runs between changes, and after rebuilding', async () => {
    const random = seeded(4);
    const twin = new Twin(Array.from({ length: 700 }, () => randomPaper(random)));
    const search = twin.catalog.search;
    search.startBuild();
    for (let step = 0; !search.step(0); step++) {
      twin.mutate(random);
      twin.mutate(random);
    }
    expect(search.building).toBe(false);
    for (let i = 0; i < 20; i++) twin.expectQuery(query({ text: randomQuery(random) }));
    // Enough changes start a rebuild once they pause; searches answer from the old build and the changes
    // until it is done.
    for (let i = 0; i < 1400; i++) twin.mutate(random);
    expect(search.pendingChanges).toBeGreaterThan(1000);
    for (let i = 0; i < 10; i++) twin.expectQuery(query({ text: randomQuery(random) }));
    const started = Date.now();
    while (search.pendingChanges > 0 && Date.now() - started < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      twin.expectQuery(query({ text: randomQuery(random) }));
    }
    expect(search.pendingChanges).toBe(0);
    expect(search.building).toBe(false);
    for (let i = 0; i < 20; i++) twin.expectQuery(randomListQuery(random));
  });

  it('answers words found in most papers (kept as bitsets) the same way', async () => {
    const random = seeded(12);
    const words = ['common', 'commonplace', 'rare', 'other', 'cobalt'];
    const papers = Array.from({ length: 24_000 }, (_, i) =>
      bare(random, {
        id: `h${i}`,
        title: `${i % 5 === 0 ? 'cobalt' : i % 7 === 0 ? 'plain' : 'common'} ${i % 97 === 0 ? 'rare' : ''} ${words[i % 4]}`,
        status: i % 3 ? 'inbox' : 'read',
      }),
    );
    const twin = new Twin(papers);
    twin.catalog.warmUp();
    while (!twin.catalog.search.ready) await new Promise((resolve) => setImmediate(resolve));
    for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
    for (let round = 0; round < 3; round++) {
      for (const text of ['common', 'co', 'c', 'common rare', 'rare c', 'co other', 'cob']) {
        twin.expectQuery(query({ text, status: round === 1 ? 'read' : 'all', sort: round === 2 ? 'title' : 'queue' }));
      }
      // Changed papers leave the bitsets' answers; their current text counts.
      for (let i = 0; i < 300; i++) {
        const old = twin.papers.get(`h${Math.floor(random() * 24_000)}`)!;
        twin.replace({ ...old, title: random() < 0.5 ? 'nothing here' : 'rare common' });
      }
    }
  });

  it('builds in the background on its own and is then ready', async () => {
    const random = seeded(5);
    const twin = new Twin(Array.from({ length: 300 }, () => randomPaper(random)));
    twin.catalog.warmUp();
    expect(twin.catalog.search.ready).toBe(false);
    while (!twin.catalog.search.ready) await new Promise((resolve) => setImmediate(resolve));
    twin.expectQuery(query({ text: 'bayes' }));
  });

  it('leaves the index alone when a change keeps the searched text', () => {
    const random = seeded(13);
    const twin = new Twin(Array.from({ length: 50 }, () => randomPaper(random)));
    twin.expectQuery(query({ text: 'model' }));
    const [first, second] = [...twin.papers.values()];
    twin.replace({ ...first!, status: 'read', rank: 99, authors: [...first!.authors], tags: [...first!.tags] });
    expect(twin.catalog.search.pendingChanges).toBe(0);
    twin.replace({ ...second!, note: `${second!.note} graphs` });
    expect(twin.catalog.search.pendingChanges).toBe(1);
    twin.expectQuery(query({ text: 'graphs', status: 'read' }));
  });

  it('starts over after a reset', () => {
    const random = seeded(6);
    const twin = new Twin(Array.from({ length: 30 }, () => randomPaper(random)));
    twin.expectQuery(query({ text: 'model' }));
    const fresh = Array.from({ length: 30 }, () => randomPaper(random));
    twin.papers.clear();
    for (const paper of fresh) twin.papers.set(paper.id, paper);
    twin.catalog.reset(fresh);
    twin.expectQuery(query({ text: 'model' }));
    twin.expectQuery(query({ text: 'cafe', sort: 'title' }));
  });
});

describe('sort orders', () => {
  it('sort like sortPapers, for every key and direction, as papers come, change and go', () => {
    const random = seeded(7);
    const twin = new Twin(Array.from({ length: 80 }, () => randomPaper(random)));
    for (let round = 0; round < 300; round++) {
      twin.mutate(random);
      for (const sort of ['queue', 'added', 'title', 'year', 'updated'] as const) {
        twin.expectQuery(query({ sort, order: round % 2 ? 'desc' : undefined }));
      }
    }
  });

  it('sort a few matches the same way as a whole list', () => {
    const random = seeded(10);
    const papers = Array.from({ length: 400 }, (_, i) => {
      const paper = randomPaper(random);
      return i % 40 === 0 ? { ...paper, note: 'rareword', rank: i % 3 } : paper;
    });
    const twin = new Twin(papers);
    for (const sort of ['queue', 'added', 'title', 'year', 'updated'] as const) {
      for (const order of [undefined, 'asc', 'desc'] as const) twin.expectQuery(query({ text: 'rarew', sort, order }));
    }
  });

  it('keeps title order when many titles squeeze between the same two', () => {
    const random = seeded(8);
    const twin = new Twin([{ ...randomPaper(random), id: 'b', title: 'b' }]);
    twin.expectQuery(query({ sort: 'title' }));
    for (let i = 1; i <= 80; i++) {
      twin.insert({ ...randomPaper(random), id: `a${i}`, title: 'a'.repeat(i) });
      if (i % 10 === 0) twin.expectQuery(query({ sort: 'title', order: 'desc' }));
    }
    twin.insert({ ...randomPaper(random), id: 'A', title: 'A' });
    twin.expectQuery(query({ sort: 'title' }));
  });

  it('orders titles with accents, digits and punctuation as the collator does', () => {
    const random = seeded(9);
    const titles = [
      'Éclair',
      'eclair',
      'Part 10',
      'Part 2',
      'part 2',
      'A-b',
      'A b',
      'Ab',
      'a',
      '',
      'Ωmega',
      'zz',
      '3D',
    ];
    const twin = new Twin(titles.map((title, i) => ({ ...randomPaper(random), id: `t${i}`, title, rank: i })));
    twin.expectQuery(query({ sort: 'title' }));
    twin.expectQuery(query({ sort: 'title', order: 'desc' }));
  });
});

describe('typo helpers', () => {
  it('lists the spellings one edit away', () => {
    const { prefixes, words } = oneEditAway('abc', 'abx');
    expect(prefixes).toEqual(expect.arrayContaining(['bac', 'acb', 'xbc', 'axc', 'abx', 'bbc']));
    expect(words).toEqual(expect.arrayContaining(['bc', 'ac', 'ab', 'xabc', 'abcx', 'aabc']));
    expect([...prefixes, ...words]).not.toContain('abc');
  });

  it('tells a prefix with one changed or swapped letter', () => {
    expect(startsWithOneSwap('bayesian', 'bayse')).toBe(true);
    expect(startsWithOneSwap('bayesian', 'bayzs')).toBe(true);
    expect(startsWithOneSwap('bayesian', 'bayes')).toBe(false);
    expect(startsWithOneSwap('bayesian', 'bzyzs')).toBe(false);
    expect(startsWithOneSwap('bay', 'bayse')).toBe(false);
  });

  it('tells one term the typo spellings would take, as the spellings oneEditAway lists take it', () => {
    expect(isTypoOf('bayesian', 'baysian')).toBe(true);
    expect(isTypoOf('diffusion', 'difusion')).toBe(true);
    expect(isTypoOf('bayesians', 'baysian')).toBe(false);
    const random = seeded(13);
    const text = (length: number): string => Array.from({ length }, () => 'abc'[Math.floor(random() * 3)]!).join('');
    let taken = 0;
    for (let n = 0; n < 3000; n++) {
      const word = text(3 + Math.floor(random() * 3));
      const term = text(2 + Math.floor(random() * 6));
      const { prefixes, words } = oneEditAway(word, 'abc');
      const listed = words.includes(term) || prefixes.some((prefix) => term.startsWith(prefix));
      expect(isTypoOf(term, word), `${term} for ${word}`).toBe(listed);
      if (listed) taken++;
    }
    // Both answers were asked for often.
    expect(taken).toBeGreaterThan(300);
    expect(taken).toBeLessThan(2700);
  });
});

describe('list queries through the store', () => {
  it('answer papers.rows and papers.list from the indexes, in sort order, with totals', async () => {
    const store = await openTempStore();
    for (const title of ['Bayesian queues', 'Graph models', 'Bayesian graphs'])
      await run(store, 'papers.add', { title });
    const rows = await run(store, 'papers.rows', { text: 'bayes', sort: 'title' });
    expect(rows.total).toBe(2);
    expect(rows.rows.map((r) => r.title)).toEqual(['Bayesian graphs', 'Bayesian queues']);
    const list = await run(store, 'papers.list', { text: 'bayesain grap', offset: 0, limit: 1 });
    expect(list.total).toBe(1);
    expect(list.papers[0]?.title).toBe('Bayesian graphs');
  });

  it('see every change at once: add, edit, status, note, annotation, remove', async () => {
    const store = await openTempStore();
    const { id } = await run(store, 'papers.add', { title: 'A paper on queues' });
    const find = async (text: string) => (await run(store, 'papers.rows', { text })).rows.map((r) => r.id);
    expect(await find('queues')).toEqual([id]);
    await run(store, 'papers.update', { id, patch: { title: 'A paper on stacks' } });
    expect(await find('queues')).toEqual([]);
    expect(await find('stacks')).toEqual([id]);
    await run(store, 'notes.save', { id, note: 'Compare with Welford' });
    expect(await find('welford')).toEqual([id]);
    await run(store, 'papers.setStatus', { ids: [id], status: 'read' });
    expect((await run(store, 'papers.rows', { status: 'read', text: 'stacks' })).total).toBe(1);
    expect((await run(store, 'papers.rows', { status: 'unread', text: 'stacks' })).total).toBe(0);
    await run(store, 'papers.remove', { ids: [id] });
    expect(await find('stacks')).toEqual([]);
  });

  it('scans any other list of papers, keeping its order', async () => {
    const store = await openTempStore();
    for (const title of ['Bayes two', 'Bayes one', 'Other']) await run(store, 'papers.add', { title });
    const iterator = store.all();
    const first = iterator.next().value as Paper;
    // A started iterator is not the whole library any more: it is filtered as it is.
    expect(filterPapers(iterator, query({ text: 'bayes' })).map((p) => p.title)).toEqual(['Bayes one']);
    expect(first.title).toBe('Bayes two');
    const reversed = [...store.all()].reverse();
    expect(filterPapers(reversed, query({ text: 'bayes' })).map((p) => p.title)).toEqual(['Bayes one', 'Bayes two']);
    expect(filterPapers(reversed, query({ text: 'bayse' })).map((p) => p.title)).toEqual(['Bayes one', 'Bayes two']);
  });
});
