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

describe('marks of words the search matched as typos', () => {
  it('marks a typo’s neighbours alike in ASCII text and in text beyond it', () => {
    const ascii = 'A Bayesian view; bayesians and BAYSEAN too, not Bays or bayes.';
    for (const text of [ascii, `${ascii} Café`, `Café ${ascii}`]) {
      expect(marked(text, markWords(text, [], 12, ['baysian']))).toEqual(['Bayesian', 'BAYSEAN']);
      expect(marked(text, markWords(text, ['view'], 12, ['baysian']))).toEqual(['Bayesian', 'view', 'BAYSEAN']);
      expect(marked(text, markWords(text, ['view'], 1, ['baysian']))).toEqual(['Bayesian']);
    }
  });

  it('marks the typo’s neighbours in every field, with the passage around them, through papers.rows', async () => {
    const store = await openTempStore();
    const lead = 'Opening words that come before the match and are many, so many that a passage must skip them. ';
    const inTitle = await run(store, 'papers.add', { title: 'Bayesian optimisation of queues' });
    const inAbstract = await run(store, 'papers.add', {
      title: 'Sampling',
      abstract: `${lead.repeat(3)}A Bayesian reading of score-based diffusion models.`,
    });
    const inNote = await run(store, 'papers.add', { title: 'Notes only' });
    await run(store, 'notes.save', { id: inNote.id, note: 'Compare with the Bayesian paper.' });
    const inHighlight = await run(store, 'papers.add', { title: 'Highlighted', abstract: 'Plain words.' });
    await run(store, 'annotations.add', {
      paperId: inHighlight.id,
      target: 'abstract',
      start: 0,
      end: 5,
      quote: 'Plain',
      color: 'yellow',
      comment: 'Is this Bayesian?',
    });
    const inTags = await run(store, 'papers.add', { title: 'Tagged', tags: ['bayesian'] });
    const byAuthor = await run(store, 'papers.add', { title: 'Authored', authors: ['Thomas Bayesian'] });

    const { rows } = await run(store, 'papers.rows', { text: 'baysian', limit: 200 });
    const row = (id: string) => rows.find((r) => r.id === id)!;
    expect(rows).toHaveLength(6);
    expect(marked(row(inTitle.id).title, row(inTitle.id).match!.titleMarks)).toEqual(['Bayesian']);
    for (const [paper, field, words] of [
      [inAbstract, 'abstract', ['Bayesian']],
      [inNote, 'note', ['Bayesian']],
      [inHighlight, 'highlight', ['Bayesian']],
      [inTags, 'tags', ['bayesian']],
      [byAuthor, 'authors', ['Bayesian']],
    ] as const) {
      const passage = row(paper.id).match!.passage!;
      expect(passage.field, paper.title).toBe(field);
      expect(marked(passage.text, passage.marks), paper.title).toEqual(words);
    }
    // The window is centred on the neighbour, not the start of the abstract.
    const abstract = row(inAbstract.id).match!.passage!;
    expect(abstract.text.startsWith('…')).toBe(true);
    expect(abstract.text).toContain('A Bayesian reading of score-based diffusion models.');

    // Two typos at once, one of them a missing letter: both marked.
    const two = (await run(store, 'papers.rows', { text: 'baysian difusion', limit: 200 })).rows;
    expect(two.map((r) => r.id)).toEqual([inAbstract.id]);
    const passage = two[0]!.match!.passage!;
    expect(marked(passage.text, passage.marks)).toEqual(['Bayesian', 'diffusion']);
  });

  it('marks only the words as typed when the search read the word as typed', async () => {
    const store = await openTempStore();
    const { id } = await run(store, 'papers.add', {
      title: 'Bayesian and Baysian spellings',
      abstract: 'Neither Baysian nor Bayesien is marked when bayesian is searched.',
    });
    const row = (await run(store, 'papers.rows', { text: 'bayesian', limit: 200 })).rows[0]!;
    expect(row.id).toBe(id);
    expect(marked(row.title, row.match!.titleMarks)).toEqual(['Bayesian']);
    expect(marked(row.match!.passage!.text, row.match!.passage!.marks)).toEqual(['bayesian']);
    // Searched as typed, "baysian" starts a word of the library: its neighbour "Bayesian" is not a match.
    const typed = (await run(store, 'papers.rows', { text: 'baysian', limit: 200 })).rows[0]!;
    expect(marked(typed.title, typed.match!.titleMarks)).toEqual(['Baysian']);
  });

  it('marks a typo’s neighbours in the text of a PDF, on the page the index found', async () => {
    const store = await openTempStore();
    const paper = await run(store, 'papers.add', { title: 'Sea mammals' });
    const at = store.get(paper.id)!.createdAt;
    const hash = 'c'.repeat(64);
    store.replace({
      ...store.get(paper.id)!,
      attachments: [{ hash, name: 'paper.pdf', size: 1000, pages: 3, attachedAt: at }],
    });
    store.catalog.setPdfText(paper.id, [
      'Cover page.',
      `${'Seals haul out on the ice in spring. '.repeat(5)}Pinnipeds include seals and the walrus.`,
      'Walrus again.',
    ]);
    const [row] = (await run(store, 'papers.rows', { text: 'pinipeds walrus', limit: 200 })).rows;
    expect(row!.pdfMatch!.page).toBe(2);
    const snippet = row!.pdfMatch!.snippet;
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(marked(snippet.text, snippet.marks)).toEqual(['Pinnipeds', 'walrus']);
  });
});
