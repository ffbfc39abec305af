import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeCache, INDEX_CACHE_FILE_NAME } from '../../electron/core/search/index-cache';
import type { Paper } from '../../electron/core/schema';
import { TitleScan } from '../../electron/core/search/title-scan';
import { foldedWords } from '../../electron/core/search/tokenize';
import type { LibraryStore } from '../../electron/core/store/store';
import { openTempStore, run, seeded, tempDir } from './helpers';
import { bare, Twin, writtenIndexCache } from './search-reference';

/*
 * A search reads TeX math as drawn ($H_0$ is "h0": search-tex-scripts.test.ts), and so do a row's marks, a quoted
 * phrase and font commands ($\mathrm{H}_0$ is drawn H₀ too).
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

describe('TeX math in marks, phrases and font commands', () => {
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

  it('reads font commands as the letters they draw', async () => {
    const titles = [
      'Roman $\\mathrm{H}_0$ first',
      'Switch $\\rm H_0$ second',
      'Group ${\\rm H}_0$ third',
      'Text $\\text{H}_0$ fourth',
      'Calligraphic $\\mathcal{L}_2$ norms',
      'Effective $T_{\\rm eff}$ and $T_\\mathrm{eff}$',
    ];
    const store = await storeWith(titles.map((title) => ({ title })));
    const found = async (text: string) => (await rows(store, text)).map((row) => row.title);
    expect(await found('H0')).toEqual([titles[2], titles[0], titles[1], titles[3]]);
    expect(await found('L2')).toEqual([titles[4]]);
    expect(await found('teff')).toEqual([titles[5]]);
    expect(await found('"roman h0 first"')).toEqual([titles[0]]);
    const [roman] = await rows(store, 'roman h0');
    expect(marked(roman!.title, roman!.match?.titleMarks)).toEqual(['Roman', '$\\mathrm{H}_0$']);
    // A font command's name is not a word of the text: it is not drawn.
    expect(await found('mathrm')).toEqual([]);
  });

  it('reads a font command as its letters, word by word and in the title scan', () => {
    expect(foldedWords('$\\mathrm{H}_0$ ${\\rm H}_{0}$ $\\mathcal L_2$ $\\boldsymbol{x}^2$')).toEqual([
      'h0',
      'h0',
      'l2',
      'x2',
    ]);
    // A command before stays a command; a unit's letters stay words; a group of other commands is left alone.
    expect(foldedWords('$\\alpha\\rm H$ $\\mathrm{km\\,s^{-1}}$ $\\left\\{ x \\right\\}$')).toEqual([
      'alpha',
      'h',
      'km',
      's',
      '1',
      'left',
      'x',
      'right',
    ]);
    const papers = ['Roman $\\mathrm{H}_0$ first', 'Plain H 0'].map(
      (title) => ({ title, authors: [] }) as unknown as Paper,
    );
    const scan = new TitleScan({ count: papers.length, at: (ordinal) => papers[ordinal] });
    expect([...scan.match(['h0']).ordinals]).toEqual([0]);
  });

  it('does not read back an index file kept before font commands were read as their letters', async () => {
    const cachePath = join(await tempDir(), INDEX_CACHE_FILE_NAME);
    const random = seeded(11);
    const twin = new Twin([bare(random, { id: 'r', title: 'Roman $\\mathrm{H}_0$ first' })]);
    const bytes = await writtenIndexCache(twin, cachePath);
    expect(decodeCache(bytes)).toBeDefined();
    // The same file as version 3 wrote it (words "mathrm", "h" and "0"): refused, so it is rebuilt.
    new Uint32Array(bytes.buffer, bytes.byteOffset, 2)[1] = 3;
    expect(decodeCache(bytes)).toBeUndefined();
  });
});
