import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPaper } from '../../../electron/core/paper';
import { LIBRARY_VERSION, type Paper, type Source } from '../../../electron/core/schema';
import { listBackups } from '../../../electron/core/store/backups';
import { serializeLibrary } from '../../../electron/core/store/library-file';
import { MIGRATIONS } from '../../../electron/core/store/migrations';
import { LibraryStore } from '../../../electron/core/store/store';
import { SEED, run, tempDir } from '../helpers';

const AT = '2026-11-30T08:00:00.000Z';
const digest: Source = { format: 'digest', name: 'Nov 30', file: 'daily.txt', importedAt: AT };
const bibtex: Source = { format: 'bibtex', name: 'refs.bib', file: 'refs.bib', importedAt: AT };

const RAW_TITLE = 'Inference Scaling scriptsizeFLaws: The Limits of LLM Resampling with Imperfect Verifiers';
const RAW_ABSTRACT =
  'Identifying how much a model {p}_{theta}(Y|X) knows about the process p(Y|X) it was trained on is important.';

/** library.json as a version-1 Paperqueue wrote it: one paper per line, under a version-1 header. */
function versionOneFile(papers: Paper[]): string {
  const text = serializeLibrary({ version: LIBRARY_VERSION, papers });
  expect(text.startsWith(`{"version":${LIBRARY_VERSION},"papers":[\n`)).toBe(true);
  return text.replace(/^\{"version":\d+,/, '{"version":1,');
}

function papersOf(store: LibraryStore): Map<string, Paper> {
  return new Map([...store.all()].map((paper) => [paper.id, paper]));
}

describe('library version 1 -> 2: TeX leftovers of digest imports', () => {
  it('recovers the TeX in titles and abstracts from digests only, and writes version 2 at the next save', async () => {
    const dir = await tempDir();
    const file = join(dir, 'library.json');
    const fromDigest = createPaper({ id: 'dig00001', title: RAW_TITLE, abstract: RAW_ABSTRACT }, digest, 1, AT);
    // The highlight lies after the TeX: its offsets move with the abstract's text.
    const quote = 'knows about the process';
    const start = RAW_ABSTRACT.indexOf(quote);
    fromDigest.annotations = [
      {
        id: 'hl000001',
        target: 'abstract',
        quote,
        prefix: RAW_ABSTRACT.slice(start - 20, start),
        suffix: RAW_ABSTRACT.slice(start + quote.length, start + quote.length + 20),
        start,
        end: start + quote.length,
        color: 'yellow',
        comment: 'Check this.',
        createdAt: AT,
        updatedAt: AT,
      },
    ];
    const fromHf = createPaper(
      { id: 'hfd00001', title: 'Private bandits', abstract: 'We study varepsilon-DP best arm identification.' },
      { ...digest, format: 'hf-daily' },
      2,
      AT,
    );
    const fromBibtex = createPaper({ id: 'bib00001', title: RAW_TITLE, abstract: RAW_ABSTRACT }, bibtex, 3, AT);
    // A digest paper with nothing to recover keeps every character, its white space too.
    const clean = createPaper(
      { id: 'cln00001', title: 'Theta Networks', abstract: 'Budgets (epsilon)  and\nbeta-VAE.' },
      digest,
      4,
      AT,
    );
    const original = versionOneFile([fromDigest, fromHf, fromBibtex, clean]);
    await writeFile(file, original);

    const store = await LibraryStore.open(dir);
    const papers = papersOf(store);
    const migrated = papers.get('dig00001')!;
    expect(migrated.title).toBe('Inference Scaling FLaws: The Limits of LLM Resampling with Imperfect Verifiers');
    expect(migrated.abstract).toBe(
      'Identifying how much a model $p_{\\theta}(Y|X)$ knows about the process p(Y|X) it was trained on is important.',
    );
    const [highlight] = migrated.annotations;
    expect(migrated.abstract.slice(highlight!.start, highlight!.end)).toBe(quote);
    expect(highlight!.start).not.toBe(start);
    expect(migrated.abstract.slice(0, highlight!.start).endsWith(highlight!.prefix)).toBe(true);
    expect(highlight).toMatchObject({ id: 'hl000001', comment: 'Check this.', quote });
    expect(migrated.updatedAt).toBe(fromDigest.updatedAt);
    expect(papers.get('hfd00001')!.abstract).toBe('We study $\\varepsilon$-DP best arm identification.');
    expect(papers.get('bib00001')).toEqual(fromBibtex);
    expect(papers.get('cln00001')).toEqual(clean);

    // Search reads the recovered text.
    const found = async (text: string) => (await run(store, 'papers.ids', { text })).ids;
    expect(await found('flaws')).toEqual(['dig00001']);
    expect(await found('scriptsizeflaws')).toEqual(['bib00001']);

    // The migrated library is written once, at open, after the backup of the version-1 file as it was, so
    // the next start reads version 2 and pays for no migration.
    await store.flush();
    const backups = await listBackups(dir);
    expect(backups).toHaveLength(1);
    expect(await readFile(backups[0]!.file, 'utf8')).toBe(original);
    expect((await readFile(file, 'utf8')).startsWith(`{"version":${LIBRARY_VERSION},"papers":[\n`)).toBe(true);

    await run(store, 'notes.save', { id: 'bib00001', note: 'Compare with the digest copy.' });
    await store.flush();
    const written = await readFile(file, 'utf8');
    expect(written.startsWith(`{"version":${LIBRARY_VERSION},"papers":[\n`)).toBe(true);
    expect(written).toBe(serializeLibrary({ version: LIBRARY_VERSION, papers: [...store.all()] }));
    const reopened = await LibraryStore.open(dir);
    expect([...reopened.all()]).toEqual([...store.all()]);
    await reopened.flush();
  });

  it('leaves a digest text alone when a highlight’s quote would be lost from it', async () => {
    const dir = await tempDir();
    const quote = '{p}_{theta}(Y|X) knows';
    const start = RAW_ABSTRACT.indexOf(quote);
    const paper = createPaper({ id: 'dig00002', title: RAW_TITLE, abstract: RAW_ABSTRACT }, digest, 1, AT);
    paper.annotations = [
      {
        id: 'hl000002',
        target: 'abstract',
        quote,
        prefix: '',
        suffix: '',
        start,
        end: start + quote.length,
        color: 'pink',
        comment: '',
        createdAt: AT,
        updatedAt: AT,
      },
    ];
    await writeFile(join(dir, 'library.json'), versionOneFile([paper]));
    const store = await LibraryStore.open(dir);
    const [opened] = [...store.all()];
    expect(opened!.abstract).toBe(RAW_ABSTRACT);
    expect(opened!.annotations).toEqual(paper.annotations);
    expect(opened!.title).toBe('Inference Scaling FLaws: The Limits of LLM Resampling with Imperfect Verifiers');
    await store.flush();
  });

  it('changes nothing in a library whose digest text was recovered at import, and is idempotent', async () => {
    const dir = await tempDir();
    const first = await LibraryStore.open(dir);
    await run(first, 'library.import', { path: SEED });
    await first.flush();
    const imported = [...first.all()];
    expect(imported.length).toBeGreaterThan(20);
    expect(imported.some((paper) => paper.title.startsWith('Inference Scaling FLaws'))).toBe(true);
    const file = join(dir, 'library.json');
    const asVersionOne = versionOneFile(imported);
    await writeFile(file, asVersionOne);
    const second = await LibraryStore.open(dir);
    expect([...second.all()]).toEqual(imported);
    await second.flush();

    // Twice over the raw seed's leftovers: the second pass finds nothing more to do.
    const raw = imported.map((paper) => ({ ...paper, title: RAW_TITLE, abstract: RAW_ABSTRACT }));
    const once = MIGRATIONS[1]!({ version: 1, papers: raw } as { version: number }) as unknown as { papers: Paper[] };
    const twice = MIGRATIONS[1]!({ version: 1, papers: once.papers } as { version: number }) as unknown as {
      papers: Paper[];
    };
    expect(once.papers[0]!.title).not.toBe(RAW_TITLE);
    expect(twice.papers).toEqual(once.papers);
  });

  it('does not let the search index cache serve the text from before the migration', async () => {
    const dir = await tempDir();
    const file = join(dir, 'library.json');
    const papers = Array.from({ length: 5000 }, (_, i) =>
      createPaper({ id: `big${String(i).padStart(5, '0')}`, title: `Paper ${i} on topic ${i % 97}` }, bibtex, i, AT),
    );
    const raw = createPaper({ id: 'dig00003', title: RAW_TITLE, abstract: RAW_ABSTRACT }, digest, 5000, AT);
    papers.push(raw);
    // The cache is built by a first open from the text as it was stored, before this Paperqueue.
    await writeFile(file, serializeLibrary({ version: LIBRARY_VERSION, papers }));
    const next = () => new Promise((resolve) => setImmediate(resolve));
    const before = await LibraryStore.open(dir);
    while (!before.catalog.search.cacheWritten) await next();
    await before.catalog.search.cacheWritten;
    expect((await run(before, 'papers.ids', { text: 'scriptsizeflaws' })).ids).toEqual(['dig00003']);
    before.catalog.dispose();
    await before.flush();

    await writeFile(file, versionOneFile(papers));
    const after = await LibraryStore.open(dir);
    while (!after.catalog.search.ready) await next();
    expect(after.catalog.search.fromCache).toBe(true);
    expect((await run(after, 'papers.ids', { text: 'scriptsizeflaws' })).ids).toEqual([]);
    expect((await run(after, 'papers.ids', { text: 'inference flaws' })).ids).toEqual(['dig00003']);
    after.catalog.dispose();
    await after.flush();
  });
});
