import { describe, expect, it } from 'vitest';
import { openTempStore, run } from './helpers';

/*
 * A row marks what the search matched: a quoted phrase or an `author:` clause holds within one author, one tag,
 * or a highlight's quote or its comment (phrase-filter.ts, field-filter.ts), so a row never marks one across two
 * of them, and one across two takes no place of the real one further on. Through papers.rows on a real store.
 */

describe('a phrase is marked within one author, tag or part of a highlight, as search reads it', () => {
  async function library() {
    const store = await openTempStore();
    const add = async (input: { title: string; authors?: string[]; tags?: string[]; abstract?: string }) =>
      (await run(store, 'papers.add', input)).id;
    const ids = {
      names: await add({ title: 'Chen Li and the others', authors: ['Wei Chen', 'Li Wang'] }),
      big: await add({
        title: 'A large collaboration',
        authors: [...Array.from({ length: 30 }, (_, i) => [`A${i} Lee`, `Kim B${i}`]).flat(), 'Lee Kim'],
      }),
      tagged: await add({ title: 'Power laws ML: a survey', tags: ['scaling laws', 'ml'] }),
      noted: await add({ title: 'Red giant stars', abstract: 'Stars seen on the red' }),
    };
    const red = 'Stars seen on the red'.indexOf('red');
    await run(store, 'annotations.add', {
      paperId: ids.noted,
      target: 'abstract',
      start: red,
      end: red + 3,
      quote: 'red',
      comment: 'giant branch, see the figure',
    });
    const rows = async (text: string) =>
      Object.fromEntries(
        (await run(store, 'papers.rows', { text, sort: 'title', limit: 50 })).rows.map((row) => [row.id, row.match]),
      );
    return { ids, rows };
  }

  it('a phrase found in the title marks no passage across two authors', async () => {
    const { ids, rows } = await library();
    const names = await rows('"chen li"');
    expect(Object.keys(names)).toEqual([ids.names]);
    expect(names[ids.names]).toEqual({ titleMarks: [[0, 7]] });
  });

  it('nor across two tags', async () => {
    const { ids, rows } = await library();
    const tags = await rows('"laws ml"');
    expect(Object.keys(tags)).toEqual([ids.tagged]);
    expect(tags[ids.tagged]).toEqual({ titleMarks: [[6, 13]] });
    // Within one tag it is marked as before.
    expect((await rows('"scaling laws"'))[ids.tagged]?.passage).toEqual({
      field: 'tags',
      text: '#scaling laws #ml',
      marks: [[1, 13]],
    });
  });

  it("nor across a highlight's quote and its comment", async () => {
    const { ids, rows } = await library();
    const highlight = await rows('"red giant"');
    expect(Object.keys(highlight)).toEqual([ids.noted]);
    expect(highlight[ids.noted]).toEqual({ titleMarks: [[0, 9]] });
    // Within the comment it is marked as before.
    expect((await rows('"giant branch"'))[ids.noted]?.passage).toEqual({
      field: 'highlight',
      text: 'red — giant branch, see the figure',
      marks: [[6, 18]],
    });
  });

  it('the author a clause or phrase matched is named and marked, past many places across two names', async () => {
    const { ids, rows } = await library();
    const clause = await rows('author:"lee kim"');
    expect(Object.keys(clause)).toEqual([ids.big]);
    expect(clause[ids.big]?.authors).toEqual([{ at: 60, name: 'Lee Kim', marks: [[0, 7]] }]);
    const phrase = (await rows('"lee kim"'))[ids.big];
    expect(phrase?.authors).toEqual([{ at: 60, name: 'Lee Kim', marks: [[0, 7]] }]);
    // The passage shows the one real place, marked; no "Lee, Kim" across two names.
    const passage = phrase?.passage;
    expect(passage?.field).toBe('authors');
    expect(passage?.marks).toHaveLength(1);
    const [start, end] = passage!.marks[0]!;
    expect(passage?.text.slice(start, end)).toBe('Lee Kim');
    expect(passage?.text.endsWith('A29 Lee, Kim B29, Lee Kim')).toBe(true);
  });
});
