import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sameWork, whyApart } from '../../electron/core/same-work';
import { LAST_IMPORT_FILE_NAME } from '../../electron/core/importers/last-import';
import type { LibraryStore } from '../../electron/core/store/store';
import { fixture, openTempStore, run } from './helpers';

const PDFS = join(import.meta.dirname, '..', '..', '..', 'shared', 'pdfs');

const byKey = (store: LibraryStore, key: string) => [...store.all()].find((p) => p.citationKey === key);

async function library(): Promise<LibraryStore> {
  const store = await openTempStore();
  await run(store, 'library.import', { path: fixture('duplicates/library.bib') });
  return store;
}

describe('the first author of a possible duplicate, from structured names', () => {
  const title = 'Quiet Power of Introverts';

  it('compares family names without accents or case, whichever way they are written', () => {
    const a = { title, authors: ['Hans Müller'], authorNames: [{ family: 'Müller', given: 'Hans' }] };
    const b = { title, authors: ['MULLER, H.'] };
    expect(sameWork(a, b)).toBe(true);
    expect(whyApart(a, { title, authors: ['Hans Meier'] })).toEqual(['another first author (Müller and Meier)']);
  });

  it('takes the family name the source gave rather than the last word of the display', () => {
    // A family name of two words: split from the display, "Garcia Marquez" would lead with "Marquez".
    const structured = {
      title,
      authors: ['Gabriel García Márquez'],
      authorNames: [{ family: 'García Márquez', given: 'Gabriel' }],
    };
    expect(sameWork(structured, { title, authors: ['Garcia Marquez, G.'] })).toBe(true);
    expect(sameWork(structured, { title, authors: ['Juan Márquez'] })).toBe(false);
    // Without the structure, the display alone is split as before.
    expect(sameWork({ title, authors: ['Gabriel García Márquez'] }, { title, authors: ['Juan Márquez'] })).toBe(true);
  });

  it('ignores a structured name that no longer shows as the author (edited by hand since)', () => {
    const edited = { title, authors: ['Ada Lovelace'], authorNames: [{ family: 'Byron', given: 'Ada' }] };
    expect(sameWork(edited, { title, authors: ['A. Lovelace'] })).toBe(true);
  });

  it('an organisation is compared by its name', () => {
    const org = {
      title,
      authors: ['World Health Organization'],
      authorNames: [{ literal: 'World Health Organization' }],
    };
    expect(sameWork(org, { title, authors: ['World Health Organization'] })).toBe(true);
    expect(whyApart(org, { title, authors: ['Jane Doe'] })).toEqual([
      'another first author (World Health Organization and Doe)',
    ]);
  });
});

describe('library.import: merge choices and undo', () => {
  it('says why an entry is kept apart when only an earlier entry of the file tells it from the paper', async () => {
    const store = await openTempStore();
    await run(store, 'papers.add', { title: 'Annoyingly Casual Titles', authors: ['Jane Doe'] });
    const text =
      '@article{a, title={Annoyingly Casual Titles}, author={Doe, Jane}, year=2019}\n' +
      '@article{b, title={Annoyingly Casual Titles}, author={Doe, Jane}, year=2020}';
    const preview = await run(store, 'library.previewImport', { text, name: 'two.bib' });
    expect(preview.entries[1]).toMatchObject({
      kind: 'new',
      entry: 2,
      possible: {
        why: ['an earlier entry of this file goes into it, and this one has another year (2019 and 2020)'],
      },
    });
  });

  it('merges only the entries named in merge, and keeps the others apart', async () => {
    const store = await library();
    const preview = await run(store, 'library.previewImport', { path: fixture('duplicates/choices.bib') });
    expect(preview).toMatchObject({ new: 3, possible: 2 });
    const possible = preview.entries.flatMap((e) => (e.kind === 'new' && 'possible' in e ? [e] : []));
    expect(possible.map((e) => [e.entry, e.possible.title, e.possible.why])).toEqual([
      [1, 'Quiet Power of Introverts', ['another year (2012 and 2013)', 'another first author (Cain and Roe)']],
      [2, 'Attention Is All You Need', ['another year (2017 and 2018)']],
    ]);
    const result = await run(store, 'library.import', { path: fixture('duplicates/choices.bib'), merge: [2] });
    expect(result).toMatchObject({ added: 2, duplicates: 1, merged: 1 });
    expect(result.importId).toMatch(/^[\w-]{36}$/);
    expect(store.size).toBe(4);
    expect(byKey(store, 'vaswani2017')).toMatchObject({ year: 2017, doi: '10.5555/3295222.3295349' });
    expect(byKey(store, 'roe2013review')).toMatchObject({ authors: ['Rick Roe'] });
  });

  it('refuses a merge number that is not a possible duplicate, naming it, and imports nothing', async () => {
    const store = await library();
    await expect(
      run(store, 'library.import', { path: fixture('duplicates/choices.bib'), merge: [2, 3] }),
    ).rejects.toThrow(/merge: 3 is not a possible duplicate in choices\.bib \(its possible duplicates are 1, 2\)/);
    expect(store.size).toBe(2);
  });

  it('undo takes the whole import back, once, keeping a paper read since and a field edited since', async () => {
    const store = await library();
    const result = await run(store, 'library.import', { path: fixture('duplicates/choices.bib'), merge: 'all' });
    expect(result).toMatchObject({ added: 1, duplicates: 2, merged: 2 });
    const doe = byKey(store, 'doe2020')!;
    const cain = byKey(store, 'cain2012')!;
    await run(store, 'papers.setStatus', { ids: [doe.id], status: 'reading' });
    await run(store, 'papers.update', { id: cain.id, patch: { venue: 'Edited by me' } });

    const undone = await run(store, 'library.import', { undo: result.importId! });
    // Cain's only filled-in detail (the venue) was edited since: only Vaswani's are put back.
    expect(undone.undone).toEqual({ source: 'choices.bib', removed: 0, restored: 1, kept: 1 });
    expect(byKey(store, 'vaswani2017')!.doi).toBeUndefined();
    expect(byKey(store, 'vaswani2017')!.venue).toBeUndefined();
    expect(store.get(cain.id)).toMatchObject({ venue: 'Edited by me', year: 2012 });
    expect(store.get(doe.id)?.status).toBe('reading');
    await expect(run(store, 'library.import', { undo: 'last' })).rejects.toThrow(/no import to undo/);
  });

  it('an Undo for an earlier import is refused once another came after it', async () => {
    const store = await openTempStore();
    const first = await run(store, 'library.import', { path: fixture('duplicates/library.bib') });
    await run(store, 'library.import', { path: fixture('duplicates/parts.bib') });
    await expect(run(store, 'library.import', { undo: first.importId! })).rejects.toThrow(
      /“parts\.bib” was imported after it/,
    );
    expect(store.size).toBe(4);
    expect(await run(store, 'library.import', { undo: 'last' })).toMatchObject({ undone: { removed: 2 } });
    expect(store.size).toBe(2);
  });

  it('a damaged undo record is refused with its path, and the library is left as it is', async () => {
    const store = await library();
    const file = join(store.dataDir, LAST_IMPORT_FILE_NAME);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 1, source: 'library.bib' });
    await writeFile(file, '{"version": 1, "id": ');
    await expect(run(store, 'library.import', { undo: 'last' })).rejects.toThrow(/last-import\.json is damaged/);
    expect(store.size).toBe(2);
  });
});

describe('DOIs as written, links by where they point', () => {
  it('keeps a DOI’s case, matches it whatever its case, and adds no second link to the same DOI', async () => {
    const store = await openTempStore();
    await run(store, 'library.import', { text: 'https://doi.org/10.1103/PhysRevLett.116.061102\n', name: 'ids' });
    const [paper] = [...store.all()];
    expect(paper).toMatchObject({ doi: '10.1103/PhysRevLett.116.061102' });
    const bib =
      '@article{ligo,\n  title = {Observation of Gravitational Waves from a Binary Black Hole Merger},\n' +
      '  year = {2016},\n  doi = {10.1103/physrevlett.116.061102},\n' +
      '  url = {http://dx.doi.org/10.1103/PhysRevLett.116.061102}\n}\n';
    const result = await run(store, 'library.import', { text: bib, name: 'ligo.bib' });
    expect(result).toMatchObject({ added: 0, duplicates: 1, filled: 1 });
    const filled = store.get(paper!.id)!;
    expect(filled.doi).toBe('10.1103/PhysRevLett.116.061102');
    expect(filled.links.filter((link) => /doi\.org/.test(link.url))).toHaveLength(1);
    expect(await run(store, 'papers.resolve', { ref: '10.1103/PHYSREVLETT.116.061102' })).toEqual({ id: paper!.id });
  });
});

describe('several files imported as one batch (joinImport)', () => {
  it('one Undo takes back every file of the batch, a PDF among them, and a file between them that changed nothing', async () => {
    const store = await openTempStore();
    const first = await run(store, 'library.import', { path: fixture('five-papers.txt') });
    const pdf = (await readFile(join(PDFS, 'tracemonkey.pdf'))).toString('base64');
    const second = await run(store, 'library.import', {
      base64: pdf,
      name: 'tracemonkey.pdf',
      joinImport: first.importId!,
    });
    const third = await run(store, 'library.import', {
      path: fixture('five-papers.txt'),
      joinImport: second.importId!,
    });
    expect(third.importId).toBe(second.importId);
    expect(store.size).toBe(6);
    const undone = await run(store, 'library.import', { undo: third.importId! });
    expect(undone.undone).toMatchObject({ source: 'Daily papers · Dec 1', removed: 6, files: 2 });
    expect(store.size).toBe(0);
    expect(store.attachmentRefs.has(second.pdf!.hash)).toBe(false);
  });
});
