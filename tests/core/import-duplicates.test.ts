import { describe, expect, it } from 'vitest';
import type { LibraryStore } from '../../electron/core/store/store';
import { fixture, openTempStore, run } from './helpers';

const byKey = (store: LibraryStore, key: string) => [...store.all()].find((p) => p.citationKey === key);

describe('duplicates made precise', () => {
  it('keeps part 1 and part 2 of a series apart, in one file or two', async () => {
    const store = await openTempStore();
    const result = await run(store, 'library.import', { path: fixture('duplicates/parts.bib') });
    expect(result).toMatchObject({ added: 2, duplicates: 0 });
    expect([...store.all()].map((p) => [p.citationKey, p.issue])).toEqual([
      ['casual1', '1'],
      ['casual2', '2'],
    ]);
    // Into a library with the series' title added by hand (no issue): part 1 fills it in, part 2 stays apart.
    const other = await openTempStore();
    const mine = await run(other, 'papers.add', {
      title: 'Annoyingly Casual Titles',
      authors: ['Jane Doe'],
      year: 2019,
    });
    const preview = await run(other, 'library.previewImport', { path: fixture('duplicates/parts.bib') });
    expect(preview).toMatchObject({ new: 1, duplicates: 1, possible: 1 });
    const imported = await run(other, 'library.import', { path: fixture('duplicates/parts.bib') });
    expect(imported).toMatchObject({ added: 1, duplicates: 1, merged: 1 });
    expect(imported.possible).toEqual([
      { paperId: imported.ids[0], sameAs: mine.id, title: 'Annoyingly Casual Titles' },
    ]);
    expect(other.get(mine.id)).toMatchObject({ citationKey: 'casual1', issue: '1' });
  });

  it('keeps a review apart from the book it shares a title with, and says it may be the same', async () => {
    const store = await openTempStore();
    const preview = await run(store, 'library.previewImport', { path: fixture('duplicates/book-review.bib') });
    expect(preview).toMatchObject({ new: 2, duplicates: 1, possible: 1 });
    expect(preview.entries).toEqual([
      { kind: 'new', title: 'The Power of Habit' },
      {
        kind: 'new',
        title: 'The Power of Habit',
        entry: 2,
        authors: ['Anna Smith'],
        year: 2013,
        possible: {
          title: 'The Power of Habit',
          authors: ['Charles Duhigg'],
          year: 2012,
          why: ['another year (2012 and 2013)', 'another first author (Duhigg and Smith)'],
        },
      },
      // Same title, no year, the same first author written another way: the same book.
      // The book again: a repeat of the file's first entry, which adds it.
      { kind: 'duplicate', title: 'The Power of Habit', existingId: '', fills: [], repeatOf: 0 },
    ]);
    const result = await run(store, 'library.import', { path: fixture('duplicates/book-review.bib') });
    expect(result).toMatchObject({ added: 2, duplicates: 1, merged: 1 });
    const book = byKey(store, 'duhigg2012')!;
    const review = byKey(store, 'smith2013review')!;
    // The review keeps its own author and key; the book took the ISBN of its second record.
    expect(review).toMatchObject({ authors: ['Anna Smith'], year: 2013, venue: 'Journal of Reviews' });
    expect(book).toMatchObject({ authors: ['Charles Duhigg'], year: 2012, isbn: '978-1-4000-6928-6' });
    expect(result.possible).toEqual([{ paperId: review.id, sameAs: book.id, title: 'The Power of Habit' }]);
    // The same file again: the review is found among the papers sharing the book's title, and nothing is added.
    const again = await run(store, 'library.previewImport', { path: fixture('duplicates/book-review.bib') });
    expect(again).toMatchObject({ new: 0, duplicates: 3, possible: 0 });
    expect(await run(store, 'library.import', { path: fixture('duplicates/book-review.bib') })).toMatchObject({
      added: 0,
      duplicates: 3,
    });
    // The review, kept apart, can still be edited although another paper has its title.
    expect(await run(store, 'papers.update', { id: review.id, patch: { year: 2014 } })).toMatchObject({ year: 2014 });
  });

  it('a possible duplicate already in the library is named by its id in the preview', async () => {
    const store = await openTempStore();
    const book = await run(store, 'papers.add', {
      title: 'The Power of Habit',
      authors: ['Charles Duhigg'],
      year: 2012,
    });
    const preview = await run(store, 'library.previewImport', { path: fixture('duplicates/book-review.bib') });
    expect(preview.entries).toEqual([
      {
        kind: 'duplicate',
        title: 'The Power of Habit',
        existingId: book.id,
        fills: ['citationKey', 'publisher', 'type'],
      },
      {
        kind: 'new',
        title: 'The Power of Habit',
        entry: 2,
        authors: ['Anna Smith'],
        year: 2013,
        possible: {
          paperId: book.id,
          title: 'The Power of Habit',
          authors: ['Charles Duhigg'],
          year: 2012,
          why: ['another year (2012 and 2013)', 'another first author (Duhigg and Smith)'],
        },
      },
      {
        kind: 'duplicate',
        title: 'The Power of Habit',
        existingId: book.id,
        // A repeat of the first entry, which fills in the rest already.
        fills: ['isbn'],
        repeatOf: 0,
      },
    ]);
  });

  it('a DOI or arXiv id match is the same paper whatever the title, year or authors say', async () => {
    const store = await openTempStore();
    const first = await run(store, 'papers.add', {
      title: 'Sparse Attention, First Version',
      authors: ['Ada Lovelace'],
      year: 2023,
      arxivId: '2401.01234',
    });
    const preview = await run(store, 'library.previewImport', {
      text: '@misc{v2, title = {Sparse Attention Is Enough}, author = {Borel, Emile}, year = {2024}, eprint = {2401.01234v2}, archivePrefix = {arXiv}}',
      name: 'v2.bib',
    });
    expect(preview.entries).toEqual([
      {
        kind: 'duplicate',
        title: 'Sparse Attention, First Version',
        existingId: first.id,
        fills: ['citationKey', 'type'],
      },
    ]);
  });
});

describe('a mark in a formula tells two titles apart', () => {
  // Title keys drop combining marks, so these pairs share a key; only the first two pairs are distinct works.
  const MARKS = String.raw`
@article{gan0001, title={Growth of GaN(0001) Films on Sapphire}, author={Doe, Jane}, year=2001, journal={J. Cryst.}}
@article{gan0001bar, title={Growth of GaN(000\bar{1}) Films on Sapphire}, author={Doe, Jane}, year=2001, journal={J. Cryst.}}
@article{k, title={Dispersion at k Near the Zone Edge}, author={Roe, Rick}, year=2010}
@article{kvec, title={Dispersion at \vec{k} Near the Zone Edge}, author={Roe, Rick}, year=2010}
@article{zywiec, title={{\.Z}ywiec and T{\=o}ky{\=o} Breweries, Compared}, author={Nowak, Jan}, year=2015}
@article{zywiec-ascii, title={Zywiec and Tokyo Breweries, Compared}, author={Nowak, Jan}, year=2015}
@article{etude, title={{\'E}tude des Films Minces}, author={Martin, Paul}, year=1999}
@article{etude-ascii, title={Etude des films minces}, author={Martin, Paul}, year=1999}
`;

  it('keeps GaN(0001) and GaN(0001̄) apart as possible duplicates, while accents in words still match', async () => {
    const store = await openTempStore();
    const preview = await run(store, 'library.previewImport', { text: MARKS, name: 'marks.bib' });
    expect(preview).toMatchObject({ new: 6, duplicates: 2, possible: 2 });
    expect(preview.entries.map((entry) => ('possible' in entry ? entry.possible?.why : entry.kind))).toEqual([
      'new',
      ['another mark in a formula (“GaN(0001)” and “GaN(0001̄)”)'],
      'new',
      ['another mark in a formula (“k” and “k⃗”)'],
      'new',
      'duplicate',
      'new',
      'duplicate',
    ]);
    const result = await run(store, 'library.import', { text: MARKS, name: 'marks.bib' });
    expect(result).toMatchObject({ added: 6, duplicates: 2 });
    expect(result.possible.map((p) => p.title)).toEqual([
      'Growth of GaN(0001) Films on Sapphire',
      'Dispersion at k Near the Zone Edge',
    ]);
    expect(byKey(store, 'gan0001bar')?.title).toBe('Growth of GaN(0001̄) Films on Sapphire');
    expect(byKey(store, 'kvec')?.title).toBe('Dispersion at k⃗ Near the Zone Edge');
  });

  it('a paper already in the library is offered for a merge, kept apart unless chosen', async () => {
    const store = await openTempStore();
    const mine = await run(store, 'papers.add', {
      title: 'Growth of GaN(0001) Films on Sapphire',
      authors: ['Jane Doe'],
      year: 2001,
    });
    const bar = MARKS.split('\n')[2]!;
    const preview = await run(store, 'library.previewImport', { text: bar, name: 'bar.bib' });
    expect(preview.entries).toEqual([
      {
        kind: 'new',
        title: 'Growth of GaN(0001̄) Films on Sapphire',
        entry: 1,
        authors: ['Jane Doe'],
        year: 2001,
        possible: {
          paperId: mine.id,
          title: 'Growth of GaN(0001) Films on Sapphire',
          authors: ['Jane Doe'],
          year: 2001,
          why: ['another mark in a formula (“GaN(0001)” and “GaN(0001̄)”)'],
        },
      },
    ]);
    expect(await run(store, 'library.import', { text: bar, name: 'bar.bib' })).toMatchObject({ added: 1 });
    expect(store.size).toBe(2);
    const other = await openTempStore();
    const theirs = await run(other, 'papers.add', { title: mine.title, authors: ['Jane Doe'], year: 2001 });
    const merged = await run(other, 'library.import', { text: bar, name: 'bar.bib', merge: [1] });
    expect(merged).toMatchObject({ added: 0, merged: 1 });
    expect(other.get(theirs.id)).toMatchObject({ citationKey: 'gan0001bar' });
  });
});
