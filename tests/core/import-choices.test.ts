import { describe, expect, it } from 'vitest';
import { applyImport, planImport } from '../../electron/core/import-plan';
import { undoImport } from '../../electron/core/import-undo';
import { parseImport } from '../../electron/core/importers/index';
import { createPaper } from '../../electron/core/paper';
import { LibraryStore } from '../../electron/core/store/store';
import { tempDir } from './helpers';

const NOW = '2026-12-02T10:00:00.000Z';
const LATER = '2026-12-02T11:00:00.000Z';
const SOURCE = { format: 'bibtex', name: 'refs.bib', importedAt: NOW };

async function libraryWithBook(): Promise<{ store: LibraryStore; bookId: string }> {
  const store = await LibraryStore.open(await tempDir());
  const book = createPaper(
    { title: 'Quiet Power of Introverts', authors: ['Susan Cain'], year: 2012 },
    SOURCE,
    store.nextRank(),
    NOW,
  );
  store.insert(book);
  return { store, bookId: book.id };
}

// A review of the book carries its title; another author and year tell it apart.
const REVIEW =
  '@article{review, title={Quiet Power of Introverts}, author={Roe, Rick}, year=2013, doi={10.1000/review}}';

describe('possible duplicates: kept apart by default, merged when chosen, and undoable', () => {
  it('keeps a same-titled work by another author apart, and lists it as possibly the same', async () => {
    const { store, bookId } = await libraryWithBook();
    const parsed = parseImport(REVIEW, 'bibtex', 'refs.bib');
    expect(planImport(store, parsed)).toMatchObject([
      {
        kind: 'new',
        entry: 0,
        possible: {
          paperId: bookId,
          title: 'Quiet Power of Introverts',
          authors: ['Susan Cain'],
          year: 2012,
          why: ['another year (2012 and 2013)', 'another first author (Cain and Roe)'],
        },
      },
    ]);
    const outcome = await applyImport(store, parsed, SOURCE, NOW);
    expect(outcome.added).toHaveLength(1);
    expect(outcome.possible).toEqual([
      { paperId: outcome.added[0], sameAs: bookId, title: 'Quiet Power of Introverts' },
    ]);
    expect(store.size).toBe(2);
  });

  it('merges an entry the person chose to merge, and undoing it puts the paper back as it was', async () => {
    const { store, bookId } = await libraryWithBook();
    const before = store.get(bookId);
    const parsed = parseImport(REVIEW, 'bibtex', 'refs.bib');
    const outcome = await applyImport(store, parsed, SOURCE, NOW, undefined, { merge: new Set([0]) });
    expect(outcome).toMatchObject({ added: [], duplicates: 1, merged: [bookId], possible: [] });
    expect(store.get(bookId)!.doi).toBe('10.1000/review');
    expect(undoImport(store, outcome.undo, LATER)).toEqual({ removed: [], restored: [bookId], kept: [] });
    expect({ ...store.get(bookId), updatedAt: NOW }).toEqual(before);
  });

  it('undoing an import removes the papers it added, but keeps one the person has read or noted since', async () => {
    const { store } = await libraryWithBook();
    const parsed = parseImport(
      '@article{a, title={A First Paper Title Here}, year=2020}\n@article{b, title={A Second Paper Title Here}, year=2021}',
      'bibtex',
      'refs.bib',
    );
    const outcome = await applyImport(store, parsed, SOURCE, NOW);
    const [first, second] = outcome.added;
    store.replace({ ...store.get(second!)!, status: 'read' });
    expect(undoImport(store, outcome.undo, LATER)).toEqual({ removed: [first], restored: [], kept: [second] });
    expect(store.get(first!)).toBeUndefined();
    expect(store.get(second!)?.status).toBe('read');
  });

  it('an edit since the merge wins over the undo', async () => {
    const { store, bookId } = await libraryWithBook();
    const parsed = parseImport(REVIEW, 'bibtex', 'refs.bib');
    const outcome = await applyImport(store, parsed, SOURCE, NOW, undefined, { merge: new Set([0]) });
    store.replace({ ...store.get(bookId)!, doi: '10.1000/corrected' });
    undoImport(store, outcome.undo, LATER);
    expect(store.get(bookId)!.doi).toBe('10.1000/corrected');
    expect(store.get(bookId)!.citationKey).toBeUndefined();
  });
});
