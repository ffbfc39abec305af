import { describe, expect, it } from 'vitest';
import type { Paper } from '../../electron/core/schema';
import { fixture, openTempStore, run } from './helpers';

/** The fields a bibliography format can carry. */
const bibliographic = (p: Paper) => ({
  title: p.title,
  authors: p.authors,
  year: p.year,
  doi: p.doi,
  arxivId: p.arxivId,
  abstract: p.abstract,
});

async function sourceLibrary() {
  const store = await openTempStore();
  await run(store, 'library.import', { path: fixture('bibtex/sample.bib') });
  await run(store, 'papers.add', {
    title: 'Braces {BERT}, 50% & more: <script>alert(1)</script> — Größe',
    authors: ['José Müller', 'Ada Lovelace'],
    abstract: 'We test ~tildes~, $dollars$, #hashes, back\\slashes and under_scores.',
    year: 2024,
    doi: '10.1000/xyz.123',
    arxivId: '2401.01234',
  });
  return store;
}

describe('export then import gives the same papers back', () => {
  for (const format of ['bibtex', 'ris', 'csl-json'] as const) {
    it(`through ${format}`, async () => {
      const store = await sourceLibrary();
      const exported = await run(store, 'library.export', { format });
      if (exported.kind !== 'file') throw new Error('expected one file');
      const copy = await openTempStore();
      const result = await run(copy, 'library.import', { text: exported.content, name: `export.${format}` });
      expect(result).toMatchObject({ format, added: store.size, duplicates: 0, errors: [] });
      const byTitle = (papers: Iterable<Paper>) =>
        [...papers].map(bibliographic).sort((a, b) => a.title.localeCompare(b.title));
      expect(byTitle(copy.all())).toEqual(byTitle(store.all()));
    });
  }

  it('through the JSON backup, with everything: notes, highlights, tags, history', async () => {
    const store = await sourceLibrary();
    const [first] = [...store.all()];
    await run(store, 'notes.save', { id: first!.id, note: '# Mine' });
    await run(store, 'annotations.add', { paperId: first!.id, target: 'title', start: 0, end: 3, comment: 'c' });
    await run(store, 'papers.setStatus', { ids: [first!.id], status: 'read' });
    const exported = await run(store, 'library.export', { format: 'json' });
    if (exported.kind !== 'file') throw new Error('expected one file');
    const copy = await openTempStore();
    await run(copy, 'library.import', { text: exported.content });
    expect([...copy.all()]).toEqual([...store.all()]);
  });

  it('exports only what a filter selects, and markdown as one file per paper', async () => {
    const store = await openTempStore();
    await run(store, 'library.import', { path: fixture('five-papers.txt') });
    const [a, b] = [...store.all()];
    await run(store, 'papers.setStatus', { ids: [a!.id, b!.id], status: 'read' });
    const csv = await run(store, 'library.export', { format: 'csv', query: { status: 'read' } });
    expect(csv.kind === 'file' && csv.content.trim().split('\r\n')).toHaveLength(3);
    const md = await run(store, 'library.export', { format: 'markdown', ids: [a!.id] });
    expect(md.kind).toBe('folder');
    expect(md.kind === 'folder' && md.files.map((f) => f.path)).toEqual(['Alpha Learning to Read Faster.md']);
  });
});
