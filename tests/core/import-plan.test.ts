import { describe, expect, it } from 'vitest';
import { fixture, openTempStore, run } from './helpers';

const backup = (papers: object[]) => JSON.stringify({ version: 1, papers });
const abstract = 'Sparse attention in large transformers recovers dense quality without retraining. '.repeat(3);

describe('importing duplicates', () => {
  it('fills only empty fields of the existing paper, never its status, note, tags or highlights', async () => {
    const store = await openTempStore();
    const mine = await run(store, 'papers.add', {
      title: 'Sparse Attention Is All You Need, Mostly',
      arxivId: '2411.01234',
    });
    await run(store, 'papers.setStatus', { ids: [mine.id], status: 'reading' });
    await run(store, 'notes.save', { id: mine.id, note: 'my thoughts' });
    await run(store, 'tags.set', { ids: [mine.id], tags: ['attention'] });
    await run(store, 'papers.update', { id: mine.id, patch: { venue: 'My venue' } });

    const result = await run(store, 'library.import', { path: fixture('digest-sample.txt') });
    expect(result).toMatchObject({ added: 1, duplicates: 1, merged: 1 });
    const merged = await run(store, 'papers.get', { id: mine.id });
    expect(merged).toMatchObject({ status: 'reading', note: 'my thoughts', tags: ['attention'], venue: 'My venue' });
    expect(merged.abstract).toMatch(/^We study sparse attention/);
    expect(merged.links.map((l) => l.label)).toEqual(['Code', 'Hugging Face']);
  });

  it('gives a paper imported from a bare identifier its real title when metadata arrives', async () => {
    const store = await openTempStore();
    const now = '2026-11-26T10:00:00.000Z';
    const source = { format: 'id-list', name: 'ids.txt', importedAt: now };
    const stub = {
      id: 'stub0001',
      title: 'arXiv:2411.01234',
      arxivId: '2411.01234',
      needsMetadata: true,
      authors: [],
      abstract: '',
      links: [],
      source,
      status: 'queued',
      rank: 1,
      history: [],
      tags: [],
      note: '',
      annotations: [],
      createdAt: now,
      updatedAt: now,
    };
    await run(store, 'library.import', { text: backup([stub]), name: 'b.json' });
    await run(store, 'library.import', { path: fixture('digest-sample.txt') });
    expect(await run(store, 'papers.get', { id: 'stub0001' })).toMatchObject({
      title: 'Sparse Attention Is All You Need, Mostly',
      needsMetadata: false,
      status: 'queued',
    });
  });

  it('previews each entry as new, duplicate or error without changing the library', async () => {
    const store = await openTempStore();
    await run(store, 'papers.add', { title: 'Causal Probing (of Language Models)', abstract });
    const preview = await run(store, 'library.previewImport', { path: fixture('digest-sample.txt') });
    expect(preview).toMatchObject({
      format: 'digest',
      source: 'Daily papers · Nov 21',
      found: 3,
      new: 1,
      duplicates: 1,
      errors: 1,
    });
    expect(preview.entries.map((e) => e.kind).sort()).toEqual(['duplicate', 'error', 'new']);
    expect(preview.entries.find((e) => e.kind === 'duplicate')).toMatchObject({ fills: ['arxivId', 'links'] });
    expect(store.size).toBe(1);
  });

  it('tells duplicates that would fill in details from those that would change nothing', async () => {
    const store = await openTempStore();
    await run(store, 'library.import', { path: fixture('digest-sample.txt') });
    // The same file again: nothing new, and nothing it could add.
    const again = await run(store, 'library.previewImport', { path: fixture('digest-sample.txt') });
    expect(again).toMatchObject({ new: 0, duplicates: 2, filling: 0, errors: 1 });
    expect(again.entries.filter((e) => e.kind === 'duplicate').map((e) => e.fills)).toEqual([[], []]);

    // A bibliography entry with the year and DOI the paper lacks: that duplicate would gain them.
    const bib = '@article{sparse, title = {Sparse Attention Is All You Need, Mostly}, year = 2024, doi = {10.1000/s}}';
    const richer = await run(store, 'library.previewImport', { text: bib, name: 'refs.bib' });
    expect(richer).toMatchObject({ new: 0, duplicates: 1, filling: 1 });
    expect(richer.entries).toMatchObject([{ kind: 'duplicate', fills: ['year', 'doi', 'citationKey', 'type'] }]);

    // A DOI that already belongs to another paper is not filled in (the import leaves that paper as it is).
    const other = await run(store, 'papers.add', { title: 'A Different Paper Altogether', doi: '10.1000/taken' });
    const clash = '@misc{c, title = {Whatever}, eprint = {2410.09999}, archivePrefix = {arXiv}, doi = {10.1000/taken}}';
    const clashing = await run(store, 'library.previewImport', { text: clash, name: 'clash.bib' });
    expect(clashing).toMatchObject({ new: 0, duplicates: 1, filling: 0 });
    expect(clashing.entries).toMatchObject([{ title: 'Causal Probing (of Language Models)', fills: [] }]);
    expect(await run(store, 'library.import', { text: clash, name: 'clash.bib' })).toMatchObject({ merged: 0 });
    expect(store.get(other.id)!.doi).toBe('10.1000/taken');
  });

  it('counts a paper repeated inside one file once', async () => {
    const store = await openTempStore();
    const digest = `Nov 1\n\nThe Same Paper Twice Over\n\n${abstract}\n\nThe same paper twice over!\n\n${abstract}\n`;
    expect(await run(store, 'library.previewImport', { text: digest })).toMatchObject({ new: 1, duplicates: 1 });
    expect(await run(store, 'library.import', { text: digest })).toMatchObject({ added: 1, duplicates: 1 });
  });
});

describe('importing bytes from the app', () => {
  it('detects the encoding of a dropped file sent as base64', async () => {
    const store = await openTempStore();
    const bib = '@article{k, title = {Über Größe und Maß in Dokumenten}, year = 2020}\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bib, 'utf16le')]);
    const result = await run(store, 'library.import', { base64: utf16.toString('base64'), name: 'refs.bib' });
    expect(result).toMatchObject({ format: 'bibtex', added: 1 });
    expect([...store.all()][0]).toMatchObject({
      title: 'Über Größe und Maß in Dokumenten',
      year: 2020,
      source: { file: 'refs.bib' },
    });
  });
});

describe('a big import', () => {
  it('reports its progress between chunks and still imports every entry', async () => {
    const store = await openTempStore();
    const bib = Array.from(
      { length: 1200 },
      (_, i) => `@article{k${i}, title = {Entry number ${i} of a large bibliography}, year = 2020}`,
    ).join('\n');
    const seen: string[] = [];
    store.onProgress(({ command, done, total }) => seen.push(`${command} ${done}/${total}`));
    const result = await run(store, 'library.import', { text: bib, name: 'big.bib' });
    expect(result.added).toBe(1200);
    expect(seen).toEqual(['library.import 500/1200', 'library.import 1000/1200', 'library.import 1200/1200']);
  });
});
