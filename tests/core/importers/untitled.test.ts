import { describe, expect, it } from 'vitest';
import { toBibtex } from '../../../electron/core/exporters/bibtex';
import { toCslItems } from '../../../electron/core/exporters/csl-json';
import { toRis } from '../../../electron/core/exporters/ris';
import { fixture, openTempStore, run } from '../helpers';

const listAll = async (store: Awaited<ReturnType<typeof openTempStore>>) =>
  (await run(store, 'papers.list', { status: 'all', sort: 'queue', offset: 0, limit: 100 })).papers;

describe('entries without a title', () => {
  it.each([
    ['untitled/apa.bib', 3, 1],
    ['untitled/records.ris', 2, 1],
    ['untitled/items.json', 2, 1],
  ])(
    '%s: every entry with something in it is imported, untitled ones with an empty title',
    async (file, untitled, titled) => {
      const store = await openTempStore();
      const preview = await run(store, 'library.previewImport', { path: fixture(file) });
      expect(preview).toMatchObject({ new: untitled + titled, untitled, duplicates: 0 });
      const result = await run(store, 'library.import', { path: fixture(file) });
      expect(result).toMatchObject({ added: untitled + titled, untitled, duplicates: 0 });
      const papers = await listAll(store);
      expect(papers.filter((p) => p.title === '')).toHaveLength(untitled);
    },
  );

  it('keeps their authors, year and key, and never takes two untitled entries for one paper', async () => {
    const store = await openTempStore();
    const result = await run(store, 'library.import', { path: fixture('untitled/apa.bib') });
    // `@misc{,}` has nothing in it: the only entry skipped.
    expect(result.errors).toEqual([
      {
        where: 'apa.bib, line 24 (@misc with no key)',
        message: 'skipped: the entry has no title, author, year, key or other field Paperqueue keeps',
      },
    ]);
    const untitled = (await listAll(store)).filter((p) => p.title === '');
    expect(untitled.map((p) => [p.citationKey, p.authors, p.year])).toEqual([
      ['apa-twitter', ['Obama, Barack'], 2009],
      ['apa-untitled-map', ['U.S. Geological Survey'], 2018],
      ['apa-untitled-map-2', ['U.S. Geological Survey'], 2018],
    ]);
    // Importing the file again adds nothing: each untitled entry is found by its key, as the titled one by its title.
    const again = await run(store, 'library.previewImport', { path: fixture('untitled/apa.bib') });
    expect(again).toMatchObject({ new: 0, duplicates: 4 });
    expect(again.entries.map((e) => e.kind === 'duplicate' && store.get(e.existingId)?.citationKey)).toEqual([
      false, // the empty entry, skipped
      'apa-twitter',
      'apa-untitled-map',
      'apa-untitled-map-2',
      'titled',
    ]);
  });

  it('an untitled entry is a duplicate by its DOI, or else by its key', async () => {
    const store = await openTempStore();
    await run(store, 'library.import', { path: fixture('untitled/items.json') });
    const again = await run(store, 'library.previewImport', { path: fixture('untitled/items.json') });
    expect(again).toMatchObject({ new: 0, duplicates: 3 });
    // Another file's untitled entry with the DOI is that paper; one with only the same key is another work.
    const other = JSON.stringify([
      { id: 'elsewhere', type: 'article-journal', DOI: '10.1234/untitled.1' },
      {
        id: 'csl-untitled',
        type: 'webpage',
        author: [{ literal: 'Someone Else' }],
        issued: { 'date-parts': [[2021]] },
      },
    ]);
    const preview = await run(store, 'library.previewImport', { text: other, name: 'other.json' });
    expect(preview.entries.map((e) => e.kind)).toEqual(['duplicate', 'new']);
  });

  it('exports no title field for an untitled paper, so nothing made up is exported', async () => {
    const store = await openTempStore();
    await run(store, 'library.import', { path: fixture('untitled/records.ris') });
    const untitled = (await listAll(store)).filter((p) => p.title === '');
    expect(untitled).toHaveLength(2);
    expect(toBibtex(untitled)).not.toMatch(/^\s*title =/m);
    expect(toRis(untitled)).not.toMatch(/^T[I1] /m);
    expect(toCslItems(untitled).every((item) => !('title' in item))).toBe(true);
  });
});
