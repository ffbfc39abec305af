import { describe, expect, it } from 'vitest';
import { tagHolds } from '../../electron/core/search/field-filter';
import { openTempStore, run } from './helpers';

/*
 * A tag of several words ("scaling laws") is shown as `#scaling laws` on its row and in the sidebar; `#scaling`
 * and `#laws` find it, as a person reads that label. A one-word tag is still found only whole: `#ml` is not "mlops".
 */
describe('a tag of several words in a search', () => {
  async function library() {
    const store = await openTempStore();
    const add = async (title: string, tags: string[]) => {
      const { id } = await run(store, 'papers.add', { title, authors: ['A. Author'] });
      await run(store, 'tags.set', { ids: [id], tags });
      return id;
    };
    const ids = {
      laws: await add('Neural scaling laws revisited', ['Scaling Laws']),
      scaling: await add('Scaling vision transformers', ['scaling']),
      ops: await add('Serving models in production', ['mlops']),
      ml: await add('A survey of learning', ['ml', 'deep learning theory']),
    };
    const find = async (text: string) =>
      (await run(store, 'papers.rows', { text, sort: 'title' })).rows.map((row) => row.id).sort();
    return { ids, find };
  }

  it('finds a tag by any of its whole words, or words side by side, in any case', async () => {
    const { ids, find } = await library();
    expect(await find('#scaling')).toEqual([ids.laws, ids.scaling].sort());
    expect(await find('#laws')).toEqual([ids.laws]);
    expect(await find('tag:"scaling laws"')).toEqual([ids.laws]);
    expect(await find('tag:"learning theory"')).toEqual([ids.ml]);
    expect(await find('tag:"theory learning"')).toEqual([]);
    expect(await find('#theory revisited')).toEqual([]);
    expect(await find('-#scaling')).toEqual([ids.ops, ids.ml].sort());
  });

  it('a word is never a word start, and a one-word tag is still whole', async () => {
    const { ids, find } = await library();
    expect(await find('#ml')).toEqual([ids.ml]);
    expect(await find('#scal')).toEqual([]);
    expect(await find('#law')).toEqual([]);
    expect(tagHolds('mlops', 'ml')).toBe(false);
    expect(tagHolds('C++', 'c++')).toBe(true);
    expect(tagHolds('C++', 'c')).toBe(false);
  });
});
