import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayName } from '../../electron/core/search/author-match';
import { markTerms, matchWords } from '../../electron/core/search/snippet';
import { openTempStore, run } from './helpers';

/* A searched row says which author matched, through papers.rows over a real store: the Chen past the first two. */

describe('the authors a search matched, on its rows', () => {
  async function library() {
    const store = await openTempStore();
    const add = async (title: string, authors: string[]) => (await run(store, 'papers.add', { title, authors })).id;
    const ids = {
      late: await add('Agents that plan', ['Ann Smith', 'Bo Lee', 'Cy Park', 'Wei Chen', 'Dee Chen', 'Eve Gold']),
      first: await add('Agents that talk', ['Li Chen', 'Ann Smith', 'Bo Lee']),
      none: await add('Agents alone', ['Ann Smith', 'Bo Lee', 'Cy Park']),
      big: await add(
        'A large collaboration',
        Array.from({ length: 1500 }, (_, i) => (i === 1400 ? 'Jun Chenowith' : `Member ${i}`)),
      ),
    };
    const rows = async (text: string) =>
      Object.fromEntries(
        (await run(store, 'papers.rows', { text, sort: 'title', limit: 50 })).rows.map((row) => [row.id, row.match]),
      );
    return { ids, rows };
  }

  it('author: names the first author it matched and where in the name, however far down the list', async () => {
    const { ids, rows } = await library();
    const found = await rows('author:chen agents');
    expect(Object.keys(found).sort()).toEqual([ids.late, ids.first].sort());
    expect(found[ids.late]?.authors).toEqual([{ at: 3, name: 'Wei Chen', marks: [[4, 8]] }]);
    expect(found[ids.first]?.authors).toEqual([{ at: 0, name: 'Li Chen', marks: [[3, 7]] }]);
    // A clause alone (no free words) is answered with the match too.
    const alone = await rows('author:chen');
    expect(alone[ids.big]?.authors).toEqual([{ at: 1400, name: 'Jun Chenowith', marks: [[4, 13]] }]);
    expect(alone[ids.late]?.authors?.[0]?.name).toBe('Wei Chen');
    expect(alone[ids.late]?.titleMarks).toEqual([]);
  });

  it('a free word that matches an author names it, with the clauses; a title word names none', async () => {
    const { ids, rows } = await library();
    const found = await rows('chen plan');
    expect(found[ids.late]?.authors).toEqual([{ at: 3, name: 'Wei Chen', marks: [[4, 8]] }]);
    expect(found[ids.late]?.titleMarks).toEqual([[12, 16]]);
    const both = await rows('author:"ann smith" lee');
    expect(both[ids.none]?.authors).toEqual([
      { at: 0, name: 'Ann Smith', marks: [[0, 9]] },
      { at: 1, name: 'Bo Lee', marks: [[3, 6]] },
    ]);
    // A word of the title only names no author.
    expect((await rows('agents'))[ids.none]?.authors).toBeUndefined();
  });
});

describe('the check that spares a row reading its authors', () => {
  // Names of ASCII words, a hyphen, an apostrophe, initials, TeX and accents; words that start, end or sit
  // inside name words, in any case.
  const parts = ['Chen', 'chen', 'CHEN', 'Li', 'Jean-Pierre', "O'Neil", 'Ng', 'A.', 'van', 'Mu', '$\\mu$', 'Müller'];
  const words = ['chen', 'che', 'hen', 'li', 'jean', 'pierre', 'jeanpierre', 'oneil', 'neil', 'ng', 'mu', 'muller'];
  const name = fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));

  it('never says no for names a word of the search is marked in', () => {
    let marked = 0;
    fc.assert(
      fc.property(
        fc.array(name, { minLength: 1, maxLength: 5 }),
        fc.uniqueArray(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }),
        (authors, query) => {
          const terms = matchWords(query.join(' '));
          const marks = markTerms(authors.join(', '), terms);
          if (marks.length > 0) marked++;
          if (marks.length > 0) expect(mayName(authors, terms.words), JSON.stringify({ authors, query })).toBe(true);
        },
      ),
      { numRuns: Number(process.env.PAPERQUEUE_FUZZ_RUNS) || 500 },
    );
    expect(marked).toBeGreaterThan(100);
    // And says no for plain names without the words.
    expect(mayName(['Ann Smith', 'Bo Lee'], ['chen'])).toBe(false);
    expect(mayName(['Ann Smith', 'Bo Müller'], ['chen'])).toBe(true);
  });
});
