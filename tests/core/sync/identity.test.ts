import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeStamp } from '../../../electron/core/sync/hlc';
import { groupByIdentity, type IdentityView } from '../../../electron/core/sync/identity';
import { T0 } from './helpers';

const view = (id: string, born: number, extra: Partial<IdentityView>): IdentityView => ({
  id,
  title: 'Untitled',
  authors: [],
  born: { hlc: makeStamp(T0 + born, 0, 'a000000000000000'), seq: born + 1 },
  ...extra,
});

const sorted = (groups: Map<string, string[]>): [string, string[]][] =>
  [...groups].sort(([a], [b]) => (a < b ? -1 : 1));

describe('one paper under several ids', () => {
  const views = [
    view('p3', 3, { title: 'Hybrid clocks in practice', arxivId: '2001.00001' }),
    view('p1', 1, { title: 'Another title', arxivId: '2001.00001', doi: '10.1/a' }),
    view('p2', 2, { title: 'A third spelling', doi: '10.1/A' }),
    view('p4', 4, { title: 'Replicated libraries, revisited', year: 2020, authors: ['Grace Hopper'] }),
    view('p5', 0, { title: 'Replicated Libraries: Revisited', authors: ['G. Hopper'] }),
    view('p6', 6, { title: 'Replicated libraries, revisited', year: 2021 }),
    view('p7', 7, { title: 'Replicated libraries, revisited', doi: '10.1/other' }),
    view('p8', 8, { title: 'Short' }),
    view('p9', 9, { title: 'Short' }),
  ];

  it('groups by arXiv id and DOI (through each other), and by title when nothing tells them apart', () => {
    expect(sorted(groupByIdentity(views))).toEqual([
      ['p1', ['p1', 'p2', 'p3']],
      // p5 (no year) matches p4 (2020) and p6 (2021), which differ: the first match by birth wins, p6 stays apart.
      ['p5', ['p5', 'p4', 'p7']],
      ['p6', ['p6']],
      ['p8', ['p8']],
      ['p9', ['p9']],
    ]);
  });

  it('a different DOI keeps a title match apart', () => {
    const groups = groupByIdentity([
      view('x', 1, { title: 'Replicated libraries, revisited', doi: '10.1/one' }),
      view('y', 2, { title: 'Replicated libraries, revisited', doi: '10.1/two' }),
    ]);
    expect(groups.size).toBe(2);
  });

  it('gives the same groups and kept ids whatever order the papers come in', () => {
    const expected = sorted(groupByIdentity(views));
    fc.assert(
      fc.property(fc.shuffledSubarray(views, { minLength: views.length }), (order) => {
        expect(sorted(groupByIdentity(order))).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });
});
