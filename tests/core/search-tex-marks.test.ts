import { describe, expect, it } from 'vitest';
import type { LibraryStore } from '../../electron/core/store/store';
import { openTempStore, run } from './helpers';

/*
 * A search reads TeX math as drawn ($H_0$ is "h0": search-tex-scripts.test.ts), and so do a row's marks and a
 * quoted phrase.
 */

const marked = (text: string, marks: readonly [number, number][] | undefined) =>
  (marks ?? []).map(([s, e]) => text.slice(s, e));

async function storeWith(papers: { title: string; abstract?: string }[]): Promise<LibraryStore> {
  const store = await openTempStore();
  for (const paper of papers) await run(store, 'papers.add', paper);
  return store;
}

async function rows(store: LibraryStore, text: string) {
  return (await run(store, 'papers.rows', { text, sort: 'title', limit: 50 })).rows;
}

describe('TeX math in marks and phrases', () => {
  it("marks the math a title's or an abstract's word matched in", async () => {
    const store = await storeWith([
      { title: 'Measuring $H_0$ with lensed quasars' },
      { title: 'The H$_{0}$ tension, revisited' },
      { title: 'Cosmic clocks', abstract: 'We find a local $H_0$ of 73 from the distance ladder.' },
    ]);
    const found = await rows(store, 'H0');
    expect(found.map((row) => row.title)).toEqual([
      'Cosmic clocks',
      'Measuring $H_0$ with lensed quasars',
      'The H$_{0}$ tension, revisited',
    ]);
    const [clocks, measuring, tension] = found;
    expect(marked(measuring!.title, measuring!.match?.titleMarks)).toEqual(['$H_0$']);
    // A script that hangs on the letter before the math: the letter and the math.
    expect(marked(tension!.title, tension!.match?.titleMarks)).toEqual(['H$_{0}$']);
    // The math only: no other word of the abstract is one edit from "h0".
    const passage = clocks!.match?.passage;
    expect(passage?.field).toBe('abstract');
    expect(marked(passage!.text, passage!.marks)).toEqual(['$H_0$']);
    // Words around the math are still marked where they are.
    const both = (await rows(store, 'measuring h0'))[0]!;
    expect(marked(both.title, both.match?.titleMarks)).toEqual(['Measuring', '$H_0$']);
  });

  it('finds a quoted phrase across math, and marks it whole', async () => {
    const store = await storeWith([
      { title: 'Measuring $H_0$ with lensed quasars' },
      { title: 'Measuring the $H_0$ tension' },
      { title: 'Ladders', abstract: 'A local H$_{0}$ measurement, with $z^2$ terms.' },
    ]);
    const titles = async (text: string) => (await rows(store, text)).map((row) => row.title);
    expect(await titles('"measuring H0"')).toEqual(['Measuring $H_0$ with lensed quasars']);
    expect(await titles('"h0 with lensed"')).toEqual(['Measuring $H_0$ with lensed quasars']);
    expect(await titles('"local h0 measurement"')).toEqual(['Ladders']);
    expect(await titles('"with z2 terms"')).toEqual(['Ladders']);
    const [row] = await rows(store, '"measuring H0"');
    expect(marked(row!.title, row!.match?.titleMarks)).toEqual(['Measuring $H_0$']);
    const [ladders] = await rows(store, '"local h0 measurement"');
    expect(marked(ladders!.match!.passage!.text, ladders!.match!.passage!.marks)).toEqual([
      'local H$_{0}$ measurement',
    ]);
  });
});
