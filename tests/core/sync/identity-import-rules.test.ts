import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeStamp } from '../../../electron/core/sync/hlc';
import { groupByIdentity, type IdentityView } from '../../../electron/core/sync/identity';
import { T0, deliver, draft, edit, importPaper, makeDevices } from './helpers';

const PDF = 'a'.repeat(64);

/** An id imported on `device` (a or b), `born` seconds in. */
const view = (id: string, device: 'a' | 'b', born: number, extra: Partial<IdentityView>): IdentityView => ({
  id,
  title: 'Untitled',
  authors: [],
  born: { hlc: makeStamp(T0 + born * 1000, 0, device.padEnd(16, '0')), seq: born + 1 },
  ...extra,
});

/** A record whose title identifies nothing, as materialize reads it. */
const loose = (id: string, device: 'a' | 'b', born: number, record: Record<string, unknown>): IdentityView => {
  const title = (record.title as string | undefined) ?? '';
  return view(id, device, born, { title, loose: { title, ...record } });
};

const sorted = (groups: Map<string, string[]>): [string, string[]][] =>
  [...groups].sort(([a], [b]) => (a < b ? -1 : 1));

describe('one paper under several ids, by the rules of a local import', () => {
  it('a PDF imported on two machines is one paper, unless their DOIs differ or two papers of one machine have it', () => {
    expect(
      sorted(
        groupByIdentity([
          view('p1', 'a', 1, { title: 'empty', pdfs: [PDF] }),
          view('p2', 'b', 2, { title: 'An Empty Document, Retitled by Hand', pdfs: [PDF] }),
        ]),
      ),
    ).toEqual([['p1', ['p1', 'p2']]]);
    expect(
      groupByIdentity([
        view('p1', 'a', 1, { pdfs: [PDF], doi: '10.1/one' }),
        view('p2', 'b', 2, { pdfs: [PDF], doi: '10.1/two' }),
      ]).size,
    ).toBe(2);
    // A proceedings volume attached to each of its papers names no one paper: only the title joins the
    // other machine's copy to its paper.
    const groups = groupByIdentity([
      view('first', 'a', 1, { title: 'The First Paper of the Proceedings', pdfs: [PDF] }),
      view('second', 'a', 2, { title: 'The Second Paper of the Proceedings', pdfs: [PDF] }),
      view('again', 'b', 3, { title: 'The First Paper of the Proceedings', pdfs: [PDF] }),
    ]);
    expect(sorted(groups)).toEqual([
      ['first', ['first', 'again']],
      ['second', ['second']],
    ]);
  });

  it('a title that identifies nothing: the same citation key and title, or without a key the same content', () => {
    const views = [
      loose('k1', 'a', 1, { title: 'Paper title', citationKey: 'InProceedings2015', year: 2015 }),
      loose('k2', 'b', 2, { title: 'Paper title', citationKey: 'inproceedings2015', year: 2015 }),
      // Another key: another record, as its file kept it.
      loose('k3', 'b', 3, { title: 'Paper title', citationKey: 'Other2015', year: 2015 }),
      // The same key, but a year tells them apart.
      loose('k4', 'b', 4, { title: 'Paper title', citationKey: 'InProceedings2015', year: 2016 }),
      loose('c1', 'a', 5, { abstract: 'Only an abstract.', year: 2001 }),
      loose('c2', 'b', 6, { abstract: 'Only an abstract.', year: 2001 }),
      loose('c3', 'b', 7, { abstract: 'Another abstract.', year: 2001 }),
      // No key and no content beyond a short title: kept apart, as before.
      view('s1', 'a', 8, { title: 'Short' }),
      view('s2', 'b', 9, { title: 'Short' }),
    ];
    const expected = [
      ['c1', ['c1', 'c2']],
      ['c3', ['c3']],
      ['k1', ['k1', 'k2']],
      ['k3', ['k3']],
      ['k4', ['k4']],
      ['s1', ['s1']],
      ['s2', ['s2']],
    ];
    expect(sorted(groupByIdentity(views))).toEqual(expected);
    fc.assert(
      fc.property(fc.shuffledSubarray(views, { minLength: views.length }), (order) => {
        expect(sorted(groupByIdentity(order))).toEqual(expected);
      }),
      { numRuns: 50 },
    );
  });

  it('regroups as the fields only such a record is told by change: the library read one paper at a time agrees', () => {
    const time = { now: T0 };
    const [laptop, desk] = makeDevices(2, time);
    const short = draft('Paper title', { citationKey: 'InProceedings2015', year: 2015 });
    const mine = importPaper(laptop!, short, T0).id;
    time.now += 1000;
    const theirs = importPaper(desk!, short, time.now).id;
    const reads = () =>
      [mine, theirs].map((id) => {
        const reading = desk!.replica.view.read(id);
        return reading.kind === 'kept' ? reading.paper?.id : reading.kind === 'alias' ? reading.kept : undefined;
      });
    // The desk has both imports; the laptop has not seen the desk's yet.
    deliver(laptop!, desk!);
    expect(desk!.replica.library().aliases).toEqual(new Map([[theirs, mine]]));
    expect(reads()).toEqual([mine, mine]);
    // Another key on the machine that holds its paper alone (one holding both changes both ids: see
    // identity-edits.test.ts): two records again, on the whole library and on the view alike.
    time.now += 1000;
    const sent = laptop!.ops.length;
    edit(laptop!, mine, (paper) => ({ ...paper, citationKey: 'Another2015' }));
    // Only the new change (all of them again would regroup by their titles).
    desk!.replica.receive(laptop!.ops.slice(sent));
    expect(desk!.replica.library().aliases).toEqual(new Map());
    expect(reads()).toEqual([mine, theirs]);
  });
});
