import { describe, expect, it } from 'vitest';
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
