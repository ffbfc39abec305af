import { describe, expect, it } from 'vitest';
import { searchCorrections } from '../../electron/core/query';
import type { Paper } from '../../electron/core/schema';
import { seeded } from './helpers';
import { bare, query, Twin } from './search-reference';

describe('a search read as a typo names the spellings it took', () => {
  const random = seeded(7);
  const paper = (id: string, title: string): Paper => bare(random, { id, title });

  it('offers the spellings the library has, the most common first, only for the words read as typos', () => {
    const twin = new Twin([
      paper('t1', 'Transformers for vision'),
      paper('t2', 'A transformer for text'),
      paper('t3', 'Transformer models of reading'),
      paper('f', 'Transforming signals'),
      paper('g', 'Graph networks'),
    ]);
    const corrections = (text: string) => searchCorrections(twin.catalog, query({ text }));
    // "transfromer" starts no word: a swapped pair read back as "transformer" (the start of three papers' words).
    expect(corrections('transfromer')).toEqual([{ word: 'transfromer', spellings: ['transformer'] }]);
    // A word found as typed is no typo; short words and words with digits never are; a quoted word never is.
    expect(corrections('graph transformer')).toEqual([]);
    expect(corrections('grph')).toEqual([]);
    expect(corrections('"transfromer"')).toEqual([]);
    // Only the typo of two words is named.
    expect(corrections('graph netwroks')).toEqual([{ word: 'netwroks', spellings: ['networks'] }]);
    // A word one edit from nothing has no spellings and is not named.
    expect(corrections('zzzzzz')).toEqual([]);
  });

  it('ranks spellings by how many papers have them and leaves out those only removed papers had', () => {
    const twin = new Twin([
      paper('a1', 'Modes of failure'),
      paper('a2', 'Modes and means'),
      paper('a3', 'Modes again'),
      paper('b', 'Nodes of a graph'),
    ]);
    const corrections = (text: string) => searchCorrections(twin.catalog, query({ text })).map((c) => c.spellings);
    expect(corrections('xodes')).toEqual([['modes', 'nodes']]);
    twin.remove('b');
    expect(corrections('xodes')).toEqual([['modes']]);
    // A word of a paper added since the index was built is offered too.
    twin.insert(paper('c', 'Codes for channels'));
    expect(corrections('xodes')).toEqual([['modes', 'codes']]);
  });
});
