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

/** What each format carries of a title in parts and of where a work sits; the rest is its documented loss. */
const placed = (p: Paper) => ({
  title: p.title,
  titleParts: p.titleParts,
  volume: p.volume,
  issue: p.issue,
  pages: p.pages,
  publisher: p.publisher,
  issn: p.issn,
  isbn: p.isbn,
});

const LOSSES: Record<'bibtex' | 'ris' | 'csl-json', (keyof ReturnType<typeof placed>)[]> = {
  bibtex: [],
  // RIS has no subtitle tag, and one SN for an ISSN or an ISBN: the ISSN goes when a paper has both.
  ris: ['titleParts'],
  // CSL has no subtitle variable: the title goes joined.
  'csl-json': ['titleParts'],
};

describe('titles in parts and where a work sits, through each format', () => {
  for (const format of ['bibtex', 'ris', 'csl-json'] as const) {
    it(`through ${format}, losing only ${LOSSES[format].join(', ') || 'nothing'}`, async () => {
      const store = await openTempStore();
      await run(store, 'library.import', { path: fixture('bibtex/title-parts.bib') });
      const exported = await run(store, 'library.export', { format });
      if (exported.kind !== 'file') throw new Error('expected one file');
      const copy = await openTempStore();
      await run(copy, 'library.import', { text: exported.content, name: `export.${format}` });
      const kept = (papers: Iterable<Paper>) =>
        [...papers]
          .map((p) => {
            const fields: Partial<ReturnType<typeof placed>> = placed(p);
            for (const lost of LOSSES[format]) delete fields[lost];
            return fields;
          })
          .sort((a, b) => (a.title ?? '').localeCompare(b.title ?? ''));
      expect(kept(copy.all())).toEqual(kept(store.all()));
      // The parts were imported at all, and each format keeps the title the reader sees.
      expect([...store.all()].map((p) => p.titleParts?.subtitle).sort()).toEqual([
        'Phonons and Plasmons',
        "The Power of Introverts in a World That Can't Stop Talking",
      ]);
      expect([...copy.all()].map((p) => p.title).sort()).toEqual([
        "Quiet: The Power of Introverts in a World That Can't Stop Talking",
        'Raman Scattering in Wurtzite GaN: Phonons and Plasmons. Erratum',
      ]);
    });
  }

  it('BibTeX writes title, subtitle and titleaddon apart until the title is edited, then the title as shown', async () => {
    const store = await openTempStore();
    await run(store, 'library.import', { path: fixture('bibtex/title-parts.bib') });
    const bibtex = async () => {
      const exported = await run(store, 'library.export', { format: 'bibtex' });
      return exported.kind === 'file' ? exported.content : '';
    };
    const before = await bibtex();
    expect(before).toContain('  title = {Raman Scattering in Wurtzite {GaN}},\n  subtitle = {Phonons and Plasmons},\n');
    expect(before).toContain('  titleaddon = {Erratum},');
    expect(before).toContain('  volume = {28},\n  number = {7},\n  pages = {487–493},\n  publisher = {Wiley},');
    const raman = [...store.all()].find((p) => p.citationKey === 'harima1997')!;
    await run(store, 'papers.update', { id: raman.id, patch: { title: 'Raman Scattering in GaN, Corrected' } });
    const after = await bibtex();
    expect(after).toContain('  title = {Raman Scattering in {GaN,} Corrected},\n  author');
    expect(after).not.toContain('Phonons and Plasmons');
  });

  it('a paper imported before its parts were kept gets them from the same file imported again', async () => {
    const store = await openTempStore();
    await run(store, 'library.import', { path: fixture('bibtex/title-parts.bib') });
    const backup = await run(store, 'library.export', { format: 'json' });
    if (backup.kind !== 'file') throw new Error('expected one file');
    const old = JSON.parse(backup.content) as { papers: Record<string, unknown>[] };
    for (const paper of old.papers)
      for (const field of Object.keys(placed({} as Paper))) if (field !== 'title') delete paper[field];
    const copy = await openTempStore();
    await run(copy, 'library.import', { text: JSON.stringify(old), name: 'old.json' });
    expect([...copy.all()].some((p) => p.titleParts)).toBe(false);
    const preview = await run(copy, 'library.previewImport', { path: fixture('bibtex/title-parts.bib') });
    expect(preview.entries.map((e) => (e.kind === 'duplicate' ? e.fills : []))).toEqual([
      ['titleParts', 'publisher', 'isbn'],
      ['titleParts', 'volume', 'issue', 'pages', 'publisher', 'issn'],
    ]);
    await run(copy, 'library.import', { path: fixture('bibtex/title-parts.bib') });
    expect([...copy.all()].map(placed)).toEqual([...store.all()].map(placed));
  });
});
