import { describe, expect, it } from 'vitest';
import { matchOf, markWords } from '../../electron/core/search/snippet';
import { openTempStore, run } from './helpers';

const marked = (text: string, marks: [number, number][]) => marks.map(([s, e]) => text.slice(s, e));

describe('where a search matched, for the list', () => {
  it('marks the words a query word starts, folded as search folds them', () => {
    const text = 'Bayésian inference of pθ(Y|X) under ε-DP; BAYESIAN again';
    expect(marked(text, markWords(text, ['bayes']))).toEqual(['Bayésian', 'BAYESIAN']);
    expect(marked(text, markWords(text, ['theta']))).toEqual(['pθ']);
    expect(marked(text, markWords(text, ['epsilon', 'dp']))).toEqual(['ε', 'DP']);
    expect(markWords(text, ['ayes'])).toEqual([]);
    // Plain ASCII text takes a faster path that must mark the same words.
    const ascii = "Queues, queueing and a queue; not 'enqueue'. Queue-2 and QUEUE2.";
    expect(marked(ascii, markWords(ascii, ['queue']))).toEqual(['Queues', 'queueing', 'queue', 'Queue', 'QUEUE2']);
    expect(marked(ascii, markWords(ascii, ['queue', '2']))).toEqual([
      'Queues',
      'queueing',
      'queue',
      'Queue',
      '2',
      'QUEUE2',
    ]);
    expect(marked(ascii, markWords(ascii, ['queue'], 2))).toEqual(['Queues', 'queueing']);
    expect(marked(ascii, markWords(ascii, ['nqueue']))).toEqual([]);
  });

  it('marks a page of rows only: a request for every matching row carries no matches', async () => {
    const store = await openTempStore();
    await run(store, 'papers.add', { title: 'A reading queue', abstract: 'About queues.' });
    expect((await run(store, 'papers.rows', { text: 'queue' })).rows[0]!.match).toBeUndefined();
    expect((await run(store, 'papers.rows', { text: 'queue', limit: 200 })).rows[0]!.match?.titleMarks).toEqual([
      [10, 15],
    ]);
  });

  it('gives the title’s marks and a passage of the first other field that matched, through papers.rows', async () => {
    const store = await openTempStore();
    const abstract = `${'Background words fill the opening of this long abstract. '.repeat(4)}Here the queue of reading is studied.\n\nMore   text follows ${'and goes on '.repeat(20)}until the end.`;
    const { id } = await run(store, 'papers.add', { title: 'A reading queue', abstract, authors: ['Ada Lovelace'] });
    await run(store, 'notes.save', { id, note: 'My note mentions Welford.' });
    const other = await run(store, 'papers.add', { title: 'Nothing in the title', abstract: 'Plain.' });
    await run(store, 'annotations.add', {
      paperId: other.id,
      target: 'abstract',
      start: 0,
      end: 6,
      quote: 'Plain.',
      color: 'yellow',
      comment: 'Compare with the queue paper',
    });

    const { rows } = await run(store, 'papers.rows', { text: 'queue', limit: 200 });
    const row = rows.find((r) => r.id === id)!;
    expect(marked(row.title, row.match!.titleMarks)).toEqual(['queue']);
    const passage = row.match!.passage!;
    expect(passage.field).toBe('abstract');
    expect(passage.text.startsWith('…')).toBe(true);
    expect(passage.text.length).toBeLessThanOrEqual(182);
    expect(passage.text).not.toMatch(/\s{2}/);
    expect(marked(passage.text, passage.marks)).toEqual(['queue']);
    const commented = rows.find((r) => r.id === other.id)!;
    expect(commented.match!.passage).toMatchObject({
      field: 'highlight',
      text: 'Plain. — Compare with the queue paper',
    });

    const byNote = (await run(store, 'papers.rows', { text: 'welford', limit: 200 })).rows[0]!;
    expect(byNote.match).toEqual({
      titleMarks: [],
      passage: { field: 'note', text: 'My note mentions Welford.', marks: [[17, 24]] },
    });
    const byAuthor = (await run(store, 'papers.rows', { text: 'lovelace', limit: 200 })).rows[0]!;
    expect(byAuthor.match!.passage).toMatchObject({ field: 'authors', text: 'Ada Lovelace' });
    // Without a search, rows carry no match, and a preview of the abstract with its spaces squashed.
    const plain = (await run(store, 'papers.rows', {})).rows.find((r) => r.id === id)!;
    expect(plain.match).toBeUndefined();
    expect(plain.preview.startsWith('Background words fill')).toBe(true);
    expect(plain.preview.length).toBeLessThanOrEqual(321);
    expect(plain.preview).not.toMatch(/\s{2}|\n/);
    expect(matchOf({ ...store.get(id)! }, '   ')).toBeUndefined();
  });
});
