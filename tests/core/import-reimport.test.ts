import { describe, expect, it } from 'vitest';
import type { LibraryStore } from '../../electron/core/store/store';
import { openTempStore, run } from './helpers';

const NOW = '2026-12-01T10:00:00.000Z';
const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);

/** A paper as a backup holds it, with the PDFs given by their hashes. */
function backupPaper(id: string, title: string, hashes: string[] = []) {
  const paper: Record<string, unknown> = {
    id,
    title,
    authors: [],
    abstract: '',
    links: [],
    source: { format: 'pdf', name: `${id}.pdf`, importedAt: NOW },
    status: 'inbox',
    rank: 1,
    history: [{ status: 'inbox', at: NOW }],
    tags: [],
    note: '',
    annotations: [],
    createdAt: NOW,
    updatedAt: NOW,
  };
  if (hashes.length)
    paper.attachments = hashes.map((hash) => ({ hash, name: `${id}.pdf`, size: 100, pages: 1, attachedAt: NOW }));
  return paper;
}
const backup = (...papers: object[]) => JSON.stringify({ version: 1, papers });

const exported = async (store: LibraryStore, format: 'json' | 'bibtex' | 'ris' | 'csl-json') => {
  const out = await run(store, 'library.export', { format });
  if (out.kind !== 'file') throw new Error('expected one file');
  return out.content;
};

/** Papers titled by their PDF's file name: titles too short to identify them ("empty"), one of them untitled. */
async function pdfLikeLibrary(): Promise<LibraryStore> {
  const store = await openTempStore();
  const papers = [
    backupPaper('empty001', 'empty', [HASH_A]),
    backupPaper('evaljs01', 'evaljs', [HASH_B]),
    backupPaper('hello001', 'Hello world'),
    // Another paper with the same short title and nothing else: two papers, as the person has them.
    backupPaper('hello002', 'Hello world'),
    { ...backupPaper('untitled', ''), abstract: 'An abstract is all this record has.' },
  ];
  await run(store, 'library.import', { text: backup(...papers), name: 'made.json' });
  expect(store.size).toBe(5);
  return store;
}

describe('an export imported back into its own library adds nothing', () => {
  it.each(['json', 'bibtex', 'ris', 'csl-json'] as const)('%s', async (format) => {
    const store = await pdfLikeLibrary();
    const text = await exported(store, format);
    const preview = await run(store, 'library.previewImport', { text, name: `all.${format}` });
    expect(preview).toMatchObject({ new: 0, duplicates: 5, errors: 0 });
    const result = await run(store, 'library.import', { text, name: `all.${format}` });
    expect(result).toMatchObject({ added: 0, duplicates: 5 });
    expect(store.size).toBe(5);
  });

  it('a backup paper is the library paper with its id, whatever its title became since', async () => {
    const store = await pdfLikeLibrary();
    await run(store, 'papers.update', { id: 'empty001', patch: { title: 'A Real Title Typed In Later' } });
    const preview = await run(store, 'library.previewImport', {
      text: backup(backupPaper('empty001', 'empty')),
      name: 'old.json',
    });
    expect(preview.entries).toEqual([
      { kind: 'duplicate', title: 'A Real Title Typed In Later', existingId: 'empty001', fills: [] },
    ]);
  });

  it('a paper with the PDF of a library paper is that paper, though its id and title differ', async () => {
    const store = await pdfLikeLibrary();
    const other = backup(backupPaper('elsewhr1', 'Renamed On Another Computer', [HASH_A]));
    const preview = await run(store, 'library.previewImport', { text: other, name: 'other.json' });
    expect(preview.entries).toMatchObject([{ kind: 'duplicate', existingId: 'empty001' }]);
    // But not when the two carry different DOIs: the same file was attached to two works.
    const doi = backup({ ...backupPaper('elsewhr2', 'Another Work', [HASH_A]), doi: '10.1000/another' });
    await run(store, 'papers.update', { id: 'empty001', patch: { doi: '10.1000/mine' } });
    expect((await run(store, 'library.previewImport', { text: doi, name: 'doi.json' })).new).toBe(1);
  });

  it('a PDF that several papers have names none of them, in the library or in the file', async () => {
    const store = await openTempStore();
    // A proceedings volume attached to two of its papers, in one backup: both are added.
    const volume = backup(
      backupPaper('part0001', 'First Paper', [HASH_A]),
      backupPaper('part0002', 'Second', [HASH_A]),
    );
    expect(await run(store, 'library.import', { text: volume, name: 'volume.json' })).toMatchObject({ added: 2 });
    // A third paper of that volume, from elsewhere, is neither of them.
    const third = backup(backupPaper('part0003', 'Third Paper of the Volume', [HASH_A]));
    expect(await run(store, 'library.import', { text: third, name: 'third.json' })).toMatchObject({ added: 1 });
  });
});

/** Records whose titles identify nothing, as citation.js's test file and ASReview's have them. */
const LOREM = JSON.stringify([
  { id: 'Article', type: 'article-journal', title: 'Lorem Ipsum', author: [{ family: 'Adams' }], volume: '5' },
  { id: 'Book', type: 'book', title: 'Lorem Ipsum', author: [{ family: 'Adams' }] },
  { id: 'Misc', type: 'document', title: 'Lorem Ipsum', author: [{ family: 'Adams' }] },
]);
const RIS = ['1', '2', '3', '4']
  .map(
    (id) =>
      `TY  - GEN\nID  - ${id}\n${id === '1' || id === '3' ? 'TI  - Title of reference' : 'N2  - Lorem ipsum.'}\nER  - \n`,
  )
  .join('\n');
/** No key at all: only what they carry says which record is which. */
const KEYLESS = [
  '@article{, abstract = {25 degrees}}',
  '@article{, abstract = {25 degrees}}',
  '@article{, abstract = {30 degrees}}',
].join('\n');

describe('the same file imported twice adds nothing the second time', () => {
  it('finds records with a short title by their citation key, and keeps distinct ones apart', async () => {
    const store = await openTempStore();
    expect(await run(store, 'library.import', { text: LOREM, name: 'lorem.json' })).toMatchObject({ added: 3 });
    expect(await run(store, 'library.import', { text: LOREM, name: 'lorem.json' })).toMatchObject({
      added: 0,
      duplicates: 3,
    });
    // Another file's "Lorem Ipsum" with a key of its own, or the same key by another author, is another work.
    const other = JSON.stringify([
      { id: 'Other', type: 'book', title: 'Lorem Ipsum', author: [{ family: 'Adams' }] },
      { id: 'Book', type: 'book', title: 'Lorem Ipsum', author: [{ family: 'Brody' }] },
      { id: 'Book', type: 'book', title: 'Dolor Sit', author: [{ family: 'Adams' }] },
    ]);
    const preview = await run(store, 'library.previewImport', { text: other, name: 'other.json' });
    expect(preview.entries.map((e) => e.kind)).toEqual(['new', 'new', 'new']);
  });

  it('keeps untitled records with different keys apart, and merges a titled one into its earlier twin', async () => {
    const store = await openTempStore();
    const first = await run(store, 'library.import', { text: RIS, name: 'empty-values.ris' });
    // 1 and 3 share a title that identifies a work, and nothing tells them apart; 2 and 4 only their keys do.
    expect(first).toMatchObject({ added: 3, duplicates: 1, repeats: 1 });
    expect([...store.all()].map((p) => p.citationKey)).toEqual(['1', '2', '4']);
    expect(await run(store, 'library.import', { text: RIS, name: 'empty-values.ris' })).toMatchObject({
      added: 0,
      duplicates: 4,
    });
  });

  it('takes records without a key or title for one paper only when they carry the same', async () => {
    const store = await openTempStore();
    const first = await run(store, 'library.import', { text: KEYLESS, name: 'keyless.bib' });
    expect(first).toMatchObject({ added: 2, repeats: 1 });
    expect(await run(store, 'library.import', { text: KEYLESS, name: 'keyless.bib' })).toMatchObject({
      added: 0,
      duplicates: 3,
    });
  });
});
