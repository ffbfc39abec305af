import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filterPapers, queryPage } from '../../electron/core/query';
import { INDEX_CACHE_FILE_NAME } from '../../electron/core/search/index-cache';
import { parseSearch } from '../../electron/core/search/query-parse';
import { searchTerms } from '../../electron/core/search/phrases';
import { openTempStore, run, seeded, tempDir } from './helpers';
import { query, randomPaper, Twin } from './search-reference';

/* `-word`, `-"a phrase"`, `-author:x`, `-tag:x`, `-#x` keep papers out of a search, through the app's and CLI's path. */

describe('negated terms in a search, over a store', () => {
  async function library() {
    const store = await openTempStore();
    const add = async (title: string, authors: string[], tags: string[] = [], abstract?: string) => {
      const { id } = await run(store, 'papers.add', { title, authors, ...(abstract ? { abstract } : {}) });
      if (tags.length) await run(store, 'tags.set', { ids: [id], tags });
      return id;
    };
    const ids = {
      capsules: await add('Attention in capsule networks', ['Geoffrey Hinton'], ['ml']),
      survey: await add('Attention: a survey', ['Ada Lovelace'], ['ml', 'survey']),
      selfAttention: await add('Self-attention without tears', ['Jan van der Berg'], [], 'We study red giant stars.'),
      tsne: await add('Visualizing data using t-SNE', ['Laurens van der Maaten'], ['viz']),
      giant: await add('A giant red star, seen with attention', ['Donald Knuth']),
      csharp: await add('Generics in C# and F#', ['Anders Hejlsberg'], ['languages']),
    };
    const find = async (text: string) =>
      (await run(store, 'papers.rows', { text, sort: 'title' })).rows.map((row) => row.id).sort();
    return { store, ids, find };
  }

  it('-word keeps out the papers with that word in their own fields; with other words, those must still hold', async () => {
    const { ids, find } = await library();
    expect(await find('attention')).toEqual([ids.capsules, ids.survey, ids.selfAttention, ids.giant].sort());
    expect(await find('attention -capsule')).toEqual([ids.survey, ids.selfAttention, ids.giant].sort());
    expect(await find('attention -capsule -survey')).toEqual([ids.selfAttention, ids.giant].sort());
    // Read in every field a word is found in: "red" is in one paper's abstract and another's title.
    expect(await find('attention -red')).toEqual([ids.capsules, ids.survey].sort());
    // A word no paper has keeps nothing out.
    expect(await find('attention -quokka')).toEqual(await find('attention'));
  });

  it('-"a phrase" keeps out the papers with the phrase, not those with its words apart', async () => {
    const { ids, find } = await library();
    // The abstract "red giant stars" has the phrase; the title "A giant red star" has its words apart.
    expect(await find('attention -"red giant"')).toEqual([ids.capsules, ids.survey, ids.giant].sort());
    // A quote left open is closed at the end, as for a phrase that is looked for.
    expect(await find('attention -"red gia')).toEqual([ids.capsules, ids.survey, ids.giant].sort());
  });

  it('-author:, -tag: and -# keep out the papers with that author or tag', async () => {
    const { ids, find } = await library();
    expect(await find('attention -author:hinton')).toEqual([ids.survey, ids.selfAttention, ids.giant].sort());
    expect(await find('attention -author:"van der Berg"')).toEqual([ids.capsules, ids.survey, ids.giant].sort());
    expect(await find('attention -tag:survey')).toEqual([ids.capsules, ids.selfAttention, ids.giant].sort());
    expect(await find('attention -#ML')).toEqual([ids.selfAttention, ids.giant].sort());
    // "survey" is a word of a title and a tag: -#survey reads only the tags, -survey every field.
    expect(await find('attention -#survey')).toEqual(await find('attention -tag:survey'));
    // An empty negated clause, what a person is in the middle of typing, keeps nothing out.
    for (const typing of ['attention -', 'attention -author:', 'attention -#', 'attention -"', 'attention -tag:""']) {
      expect(await find(typing)).toEqual(await find('attention'));
    }
  });

  it('only negated terms: every paper of the view but theirs, counted as the list counts', async () => {
    const { store, ids, find } = await library();
    const all = Object.values(ids).sort();
    expect(await find('-attention')).toEqual([ids.tsne, ids.csharp].sort());
    expect(await find('-#ml -author:knuth')).toEqual(
      all.filter((id) => ![ids.capsules, ids.survey, ids.giant].includes(id)),
    );
    const page = await run(store, 'papers.rows', { text: '-#ml', sort: 'title', limit: 2 });
    expect(page.total).toBe(4);
    expect(page.rows).toHaveLength(2);
    // Within a view: a status, a sidebar tag.
    await run(store, 'papers.setStatus', { ids: [ids.tsne, ids.survey], status: 'read' });
    const rows = async (q: object) => (await run(store, 'papers.rows', { sort: 'title', ...q })).rows.map((r) => r.id);
    expect(await rows({ text: '-survey', status: 'read' })).toEqual([ids.tsne]);
    expect(await rows({ text: '-capsule', tag: 'ml' })).toEqual([ids.survey]);
  });

  it('a hyphen inside a word, a lone dash and two dashes are words, and find what they found before; -self-attention negates', async () => {
    const { ids, find } = await library();
    expect(await find('self-attention')).toEqual([ids.selfAttention]);
    expect(await find('t-SNE')).toEqual([ids.tsne]);
    // A dash before a term negates it, the hyphens inside it are its own.
    expect(await find('attention -self-attention')).toEqual([ids.capsules, ids.survey, ids.giant].sort());
    expect(await find('attention - tears')).toEqual([ids.selfAttention]);
    expect(await find('--attention tears')).toEqual([ids.selfAttention]);
    expect(parseSearch('self-attention t-SNE - x -- y').not).toBeUndefined();
    expect(searchTerms('self-attention t-SNE').words).toEqual(['self', 'attention', 't', 'sne']);
  });

  it('a # is a tag only at the start of a term: C#, F#, issue#12 and "a"#b are words', async () => {
    const { ids, find } = await library();
    expect(await find('C# generics')).toEqual([ids.csharp]);
    expect(await find('F# -#ml')).toEqual([ids.csharp]);
    expect(parseSearch('C# F# issue#12').tags).toEqual([]);
    // A # right after a closing quote is not where a term starts: its word is looked for, not a tag.
    expect(parseSearch('"red giant"#ml').tags).toEqual([]);
    expect(searchTerms('"red giant"#ml').words).toEqual(['red', 'giant', 'ml']);
    // A tag is the whole tag, a word the start of a word anywhere (tags are indexed too): "lang" tells them apart.
    expect(await find('"Generics"#lang')).toEqual([ids.csharp]);
    expect(await find('"Generics" #lang')).toEqual([]);
    expect(await find('"Generics" #languages')).toEqual([ids.csharp]);
  });

  it('a row marks the search words, never a negated one', async () => {
    const { store, ids } = await library();
    const { rows } = await run(store, 'papers.rows', { text: 'star -"red giant" -seen', sort: 'title', limit: 50 });
    expect(rows.map((row) => row.id)).toEqual([]);
    // "red giants" is in no paper: both with "star" (one in its abstract: "red giant stars") are found.
    const marked = await run(store, 'papers.rows', { text: 'star -"red giants"', sort: 'title', limit: 50 });
    expect(marked.rows.map((row) => row.id)).toEqual([ids.giant, ids.selfAttention]);
    const title = marked.rows[0]!.title;
    const marks = marked.rows[0]!.match!.titleMarks.map(([s, e]) => title.slice(s, e));
    // "red" and "giant" are in the title, apart; only "star" was searched for.
    expect(marks).toEqual(['star']);
  });

  it('the same through a list that is not the store (filterPapers)', async () => {
    const { store, ids } = await library();
    const papers = [...store.all()].reverse();
    const q = { status: 'all', sort: 'title', offset: 0 } as const;
    const idsOf = (text: string) => filterPapers(papers, { ...q, text }).map((p) => p.id);
    expect(idsOf('attention -capsule -#survey -"red giant"')).toEqual([ids.giant]);
    expect(idsOf('-attention').sort()).toEqual([ids.tsne, ids.csharp].sort());
  });

  it('keeps a negated tag out while the index is built and titles answer, and once it is in', async () => {
    const random = seeded(41);
    const papers = Array.from({ length: 400 }, (_, i) => randomPaper(random, `w${i}`));
    papers[7] = { ...papers[7]!, title: 'Quokka habits', authors: ['Donald Knuth'], tags: ['Marsupial'] };
    papers[9] = { ...papers[9]!, title: 'Quokka and Knuth', authors: ['Ada Lovelace'], tags: [] };
    const twin = new Twin(papers);
    twin.catalog.warmUp({ indexCache: join(await tempDir(), INDEX_CACHE_FILE_NAME), thread: true });
    const answer = (text: string) => queryPage(twin.catalog, query({ text }));
    const ids = (text: string) => answer(text).page.map((paper) => paper.id);
    expect(twin.catalog.search.scanningTitles).toBe(true);
    expect(ids('quokka -#marsupial')).toEqual(['w9']);
    expect(ids('quokka -author:knuth')).toEqual(['w9']);
    expect(answer('-#marsupial').total).toBe(399);
    expect(answer('-#marsupial').titlesOnly).toBe(true);
    while (!twin.catalog.search.ready) await new Promise((resolve) => setImmediate(resolve));
    expect(ids('quokka -#marsupial')).toEqual(['w9']);
    expect(ids('quokka -tag:MARSUPIAL -knuth')).toEqual([]);
    expect(answer('-#marsupial').total).toBe(399);
    expect(answer('-quokka').total).toBe(398);
    await twin.catalog.search.cacheWritten;
    twin.catalog.dispose();
  });
});
