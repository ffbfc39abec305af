import { beforeAll, describe, expect, it } from 'vitest';
import { filterPapers, queryPage, queryPapers, type ListQuery } from '../../electron/core/query';
import { searchedRows } from '../../electron/core/rows';
import type { Paper } from '../../electron/core/schema';
import { Catalog } from '../../electron/core/search/catalog';
import { matchOf, matchWords } from '../../electron/core/search/snippet';
import { foldedWords, searchedFields } from '../../electron/core/search/tokenize';
import { seeded } from './helpers';
import { pdfPages } from './pdf/files';
import { bare, ids, pick, query, randomPaper, referenceFilter, Twin } from './search-reference';

let tracemonkey: string[] = [];
beforeAll(async () => {
  tracemonkey = await pdfPages('tracemonkey.pdf');
}, 60_000);

const marked = (text: string, marks: [number, number][]) => marks.map(([s, e]) => text.slice(s, e));

/** The plain reading of a phrase: some field whose folded words have the phrase's words, in order, each a prefix. */
function hasPhrase(paper: Paper, phrase: string[]): boolean {
  let found = false;
  searchedFields(paper, (text) => {
    const words = foldedWords(text);
    for (let i = 0; i + phrase.length <= words.length && !found; i++)
      found = phrase.every((word, k) => words[i + k]!.startsWith(word));
  });
  return found;
}

describe('quoted phrases in a search', () => {
  it('match only papers with the words next to each other, in order, in one field', () => {
    const random = seeded(71);
    const paper = (id: string, patch: Partial<Paper> & { title: string }): Paper => bare(random, { id, ...patch });
    const papers = [
      paper('gr', { title: 'The giant red star' }),
      paper('rg', { title: 'Luminous red giants of the bulge' }),
      paper('apart', { title: 'A red star', abstract: 'It is a giant.' }),
      paper('fields', { title: 'Notes on red', note: 'giant steps' }),
      paper('accents', { title: 'Schrödinger’s équation', abstract: 'On the Schrödinger—equation, again.' }),
      paper('note', { title: 'Plain', note: 'See the **red giant** branch.' }),
      paper('highlight', {
        title: 'Highlighted',
        annotations: [
          {
            id: 'a1',
            target: 'abstract',
            quote: 'the red giant branch',
            comment: '',
            color: 'yellow',
            createdAt: '2024-01-01T00:00:00.000Z',
          } as Paper['annotations'][number],
        ],
      }),
    ];
    const twin = new Twin(papers);
    const find = (text: string) => ids(queryPapers(twin.catalog, query({ text }))).sort();
    expect(find('giant red')).toEqual(['apart', 'fields', 'gr', 'highlight', 'note', 'rg']);
    expect(find('"giant red"')).toEqual(['gr']);
    expect(find('"red giant"')).toEqual(['highlight', 'note', 'rg']);
    // An unclosed quote is closed at the end; a phrase and a word together need both.
    expect(find('"red giant')).toEqual(['highlight', 'note', 'rg']);
    expect(find('"red giant" bulge')).toEqual(['rg']);
    expect(find('“giant red”')).toEqual(['gr']);
    // Folded as the index folds: case, accents, punctuation between the words.
    expect(find('"schrodinger equation"')).toEqual(['accents']);
    expect(find('"SCHRÖDINGER S EQUA"')).toEqual(['accents']);
    // A phrase does not run from one field into the next (title, then note).
    expect(find('"red giant steps"')).toEqual([]);
    // A quoted word is never read as a typo; unquoted, it is.
    expect(find('giamt')).toEqual(['apart', 'fields', 'gr', 'highlight', 'note', 'rg']);
    expect(find('"giamt"')).toEqual([]);
    // filterPapers (papers from elsewhere than a store) reads phrases the same way.
    expect(ids(filterPapers(papers, query({ text: '"red giant"' }))).sort()).toEqual(['highlight', 'note', 'rg']);
  });

  it('agree with the plain reading of a phrase on random papers and phrases', () => {
    const random = seeded(72);
    const papers = Array.from({ length: 300 }, () => randomPaper(random));
    const twin = new Twin(papers);
    for (let round = 0; round < 300; round++) {
      const source = pick(random, papers);
      // A run of two or three consecutive words of some field (cut to prefixes), or a random pair.
      const fieldWords = foldedWords(pick(random, [source.title, source.abstract, ...source.authors]));
      const start = Math.floor(random() * Math.max(1, fieldWords.length - 2));
      let phrase = fieldWords.slice(start, start + 2 + Math.floor(random() * 2));
      if (random() < 0.3) phrase = phrase.reverse();
      phrase = phrase.map((word) => word.slice(0, 1 + Math.floor(random() * word.length)));
      if (phrase.length < 2) continue;
      const text = `"${phrase.join(' ')}"`;
      const expected = referenceFilter(papers, query({ text: phrase.join(' ') }))
        .filter((paper) => hasPhrase(paper, phrase))
        .map((paper) => paper.id)
        .sort();
      expect(ids(queryPapers(twin.catalog, query({ text }))).sort(), text).toEqual(expected);
    }
  });

  it('mark the phrase in the row and show the passage where it is', () => {
    const random = seeded(73);
    const paper = bare(random, {
      id: 'p',
      title: 'Giant planets and red dwarfs: a red giant survey',
      abstract: `${'Filler words about stars. '.repeat(12)}Here a giant star turned red giant at last.`,
    });
    const match = matchOf(paper, '"red giant"')!;
    expect(marked(paper.title, match.titleMarks)).toEqual(['red giant']);
    expect(match.passage!.field).toBe('abstract');
    expect(marked(match.passage!.text, match.passage!.marks)).toEqual(['red giant']);
    // A loose word beside a phrase is marked wherever it is.
    const both = matchOf(paper, '"red giant" planets')!;
    expect(marked(paper.title, both.titleMarks)).toEqual(['planets', 'red giant']);
  });

  it('find a phrase in a PDF page by page, and show its passage', () => {
    const papers = [bare(seeded(74), { id: 'tm', title: 'Trace-based just-in-time type specialization' })];
    const catalog = new Catalog();
    catalog.reset(papers);
    catalog.setPdfText('tm', tracemonkey);
    const page = (text: string) => queryPage(catalog, listQuery({ text, limit: 10 }));
    expect(page('"sieve of eratosthenes"').total).toBe(1);
    expect(page('"eratosthenes of sieve"').total).toBe(0);
    const result = page('"sieve of eratosthenes"');
    const [row] = searchedRows(catalog, result, matchWords('"sieve of eratosthenes"'));
    expect(row!.pdfMatch!.page).toBe(2);
    expect(marked(row!.pdfMatch!.snippet.text, row!.pdfMatch!.snippet.marks).map((m) => m.toLowerCase())).toEqual([
      'sieve of eratosthenes',
    ]);
  });
});

const listQuery = (q: Partial<ListQuery>): ListQuery => ({ status: 'all', sort: 'queue', offset: 0, ...q });
