import { copyFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIBRARY_VERSION, type Paper } from '../../../electron/core/schema';
import { StoreLoadError } from '../../../electron/core/store/library-file';
import { MIGRATIONS, migrate, type Migration } from '../../../electron/core/store/migrations';
import { LibraryStore } from '../../../electron/core/store/store';
import { fixture, run, tempDir } from '../helpers';

const V1 = fixture('library/v1-library.json');

async function openV1(): Promise<{ dir: string; store: LibraryStore }> {
  const dir = await tempDir();
  await copyFile(V1, join(dir, 'library.json'));
  return { dir, store: await LibraryStore.open(dir) };
}

describe('library versions', () => {
  it('opens the version-1 fixture through every migration, keeping each field', async () => {
    const { store } = await openV1();
    expect(store.size).toBe(4);
    const [sparse, causal, bare, dismissed] = [...store.all()] as [Paper, Paper, Paper, Paper];

    expect(sparse.id).toBe('k3f9m2qa');
    expect(sparse.arxivId).toBe('2411.01234');
    expect(sparse.url).toBe('https://arxiv.org/abs/2411.01234');
    expect(sparse.title).toBe('Sparse Attention Is All You Need, Mostly');
    expect(sparse.authors).toEqual(['Mira Okafor', 'Jonas Lindqvist', 'Wei Zhang']);
    expect(sparse.abstract).toMatch(
      /^Dense attention is quadratic .* Code: https:\/\/github\.com\/example\/sparse-attn$/,
    );
    expect(sparse.year).toBe(2024);
    expect(sparse.keywords).toEqual(['cs.LG', 'cs.CL']);
    expect(sparse.links).toEqual([{ label: 'Code', url: 'https://github.com/example/sparse-attn' }]);
    expect(sparse.source).toEqual({
      format: 'digest',
      name: 'Nov 21',
      file: 'daily-papers-2026-11-21.txt',
      importedAt: '2026-11-21T08:14:03.120Z',
    });
    expect(sparse.status).toBe('read');
    expect(sparse.rank).toBe(1);
    expect(sparse.history).toEqual([
      { status: 'inbox', at: '2026-11-21T08:14:03.120Z' },
      { status: 'queued', at: '2026-11-21T09:02:11.004Z' },
      { status: 'reading', at: '2026-11-22T19:40:00.000Z' },
      { status: 'read', at: '2026-11-23T07:15:42.500+01:00' },
    ]);
    expect(sparse.tags).toEqual(['attention', 'efficiency']);
    expect(sparse.note).toBe(
      '## Why it matters\n\nTop-k sparsity *learned*, not fixed — compare with the Longformer window.\n\n' +
        '- [ ] rerun their table 3 on our data\n- cost: ⅕ of dense\n',
    );
    expect(sparse.annotations).toEqual([
      {
        id: 'a7p2x9bd',
        target: 'abstract',
        quote: 'keeps 98.7% of the quality of full attention',
        prefix: ' learned top-k sparsity pattern ',
        suffix: ' at a fifth of the cost on long-',
        start: 95,
        end: 139,
        color: 'yellow',
        comment: 'The headline number; check the variance.',
        createdAt: '2026-11-22T19:52:10.000Z',
        updatedAt: '2026-11-22T19:52:10.000Z',
      },
      {
        id: 'b4r8c1ze',
        target: 'title',
        quote: 'Mostly',
        prefix: 'arse Attention Is All You Need, ',
        suffix: '',
        start: 34,
        end: 40,
        color: 'pink',
        comment: '',
        createdAt: '2026-11-22T19:55:00.000Z',
        updatedAt: '2026-11-23T06:01:30.250Z',
      },
    ]);
    for (const a of sparse.annotations)
      expect(sparse[a.target as 'title' | 'abstract'].slice(a.start, a.end)).toBe(a.quote);
    expect(sparse.createdAt).toBe('2026-11-21T08:14:03.120Z');
    expect(sparse.updatedAt).toBe('2026-11-23T06:15:42.500Z');

    expect(causal).toMatchObject({
      id: 'c2h7w4nt',
      doi: '10.18653/v1/2024.acl-long.101',
      citationKey: 'lee2024causal',
      authors: ['Hana Lee', 'Tomás Ribeiro'],
      venue: 'ACL 2024',
      status: 'queued',
      rank: 2.5,
      note: '',
      annotations: [],
      source: { format: 'bibtex', name: 'refs.bib', file: 'refs.bib' },
    });
    expect(causal.history.map((h) => h.status)).toEqual(['inbox', 'queued']);
    expect(bare).toMatchObject({ id: 'm9d3s6yv', needsMetadata: true, title: 'arXiv:2410.99999', authors: [] });
    expect(dismissed).toMatchObject({
      title: 'A Survey of Naïve Bayes for Café Reviews — 数学',
      authors: ['Zoë Müller'],
      status: 'dismissed',
      rank: 0.5,
      tags: ['later'],
      note: 'Not relevant for the thesis.',
    });
    expect(dismissed.arxivId).toBeUndefined();
    expect(dismissed.doi).toBeUndefined();

    // Identity lookups work on what was loaded: duplicates by arXiv id and DOI are recognised.
    expect(store.findDuplicate({ arxivId: '2411.01234', title: 'x' })).toBe('k3f9m2qa');
    expect(store.findDuplicate({ doi: '10.18653/v1/2024.acl-long.101', title: 'y' })).toBe('c2h7w4nt');
  });

  it('leaves the version-1 file alone until the first change, then writes the current version with nothing lost', async () => {
    const { dir, store } = await openV1();
    const file = join(dir, 'library.json');
    expect(await readFile(file)).toEqual(await readFile(V1));
    await run(store, 'notes.save', { id: 'c2h7w4nt', note: 'Read section 4 first.' });
    await store.flush();
    const written = JSON.parse(await readFile(file, 'utf8')) as { version: number; papers: Paper[] };
    expect(written.version).toBe(LIBRARY_VERSION);
    const original = JSON.parse(await readFile(V1, 'utf8')) as { papers: Paper[] };
    const changed = written.papers.find((p) => p.id === 'c2h7w4nt')!;
    expect(changed.note).toBe('Read section 4 first.');
    // Version 3 adds each paper's authors structured (authorNames) beside the names shown, which stay.
    const withoutNames = (papers: Paper[]) => papers.map((paper) => ({ ...paper, authorNames: undefined }));
    expect(withoutNames(written.papers.filter((p) => p.id !== 'c2h7w4nt'))).toEqual(
      withoutNames(original.papers.filter((p) => p.id !== 'c2h7w4nt')),
    );
    expect(written.papers.find((p) => p.id === 'k3f9m2qa')?.authorNames).toEqual([
      { given: 'Mira', family: 'Okafor' },
      { given: 'Jonas', family: 'Lindqvist' },
      { given: 'Wei', family: 'Zhang' },
    ]);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('has a migration for every step from version 1 to the current version', () => {
    for (let version = 1; version < LIBRARY_VERSION; version++)
      expect(MIGRATIONS[version], `v${version}`).toBeDefined();
    const upgraded = migrate({ version: 1 }) as { version: number };
    expect(upgraded.version).toBe(LIBRARY_VERSION);
  });

  it('upgrades the version-1 fixture to version 2 changing nothing but the version (its text has no TeX to recover)', async () => {
    const raw = JSON.parse(await readFile(V1, 'utf8')) as { version: number; papers: Paper[] };
    expect(raw.version).toBe(1);
    expect(MIGRATIONS[1]!(raw)).toEqual({ ...raw, version: 2 });
    // A digest paper's raw leftovers are recovered; the same text from BibTeX is kept as it is.
    const [digest, bibtex] = raw.papers as [Paper, Paper];
    // (Without the fixture's highlights, whose quotes a new text would not have.)
    const leftovers = {
      title: 'Inference Scaling scriptsizeFLaws',
      abstract: 'A model {p}_{theta}(Y|X).',
      annotations: [],
    };
    const data: { version: number; papers: Paper[] } = {
      version: 1,
      papers: [
        { ...digest, ...leftovers },
        { ...bibtex, ...leftovers },
      ],
    };
    const upgraded = MIGRATIONS[1]!(data);
    expect((upgraded as typeof data).papers.map((p) => [p.source.format, p.title, p.abstract])).toEqual([
      ['digest', 'Inference Scaling FLaws', 'A model $p_{\\theta}(Y|X)$.'],
      ['bibtex', 'Inference Scaling scriptsizeFLaws', 'A model {p}_{theta}(Y|X).'],
    ]);
  });

  it('runs migrations in order, one version at a time, and refuses a broken chain', () => {
    type V1 = { version: 1; papers: { title: string }[] };
    type V2 = { version: 2; papers: { title: string; shelf: string }[] };
    type V3 = { version: 3; papers: { name: string; shelf: string }[] };
    const chain: Record<number, Migration> = {
      1: (data) => ({ version: 2, papers: (data as V1).papers.map((p) => ({ ...p, shelf: 'default' })) }),
      2: (data) => ({ version: 3, papers: (data as V2).papers.map(({ title, shelf }) => ({ name: title, shelf })) }),
    };
    const v1: V1 = { version: 1, papers: [{ title: 'Kept across versions' }] };
    expect(migrate(v1, chain, 3)).toEqual({ version: 3, papers: [{ name: 'Kept across versions', shelf: 'default' }] });
    expect(migrate({ version: 2, papers: [{ title: 'From two', shelf: 's' }] } as V2, chain, 3)).toEqual({
      version: 3,
      papers: [{ name: 'From two', shelf: 's' }],
    } satisfies V3);
    expect(migrate(v1, chain, 1)).toBe(v1);
    expect(() => migrate(v1, { 2: chain[2]! }, 3)).toThrow('There is no migration from library version 1 to 2.');
    expect(() => migrate(v1, { 1: (data) => data }, 3)).toThrow(
      'The migration from library version 1 produced version 1, not 2.',
    );
  });

  it('refuses a library from a newer Paperqueue with a clear message and leaves it untouched', async () => {
    const dir = await tempDir();
    const file = join(dir, 'library.json');
    const newer = `{"version": ${LIBRARY_VERSION + 1}, "papers": [{"id": "future01", "shelves": ["x"]}], "app": "9.0"}\n`;
    await writeFile(file, newer);
    const error = await LibraryStore.open(dir).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreLoadError);
    expect((error as Error).message).toBe(
      `Cannot open the library ${file}: it was written by a newer Paperqueue (library version ${LIBRARY_VERSION + 1}; ` +
        `this one reads up to ${LIBRARY_VERSION}). The file was left untouched.`,
    );
    expect(await readFile(file, 'utf8')).toBe(newer);
    expect(await readdir(dir)).toEqual(['library.json']);
  });

  // Recovery is for damage: a library from a newer Paperqueue is not damaged, and is never moved aside.
  it('refuses a newer library even when opened with recovery, as the app and the CLI open it', async () => {
    const dir = await tempDir();
    const file = join(dir, 'library.json');
    const newer = `{"version": ${LIBRARY_VERSION + 1}, "papers": []}\n`;
    await writeFile(file, newer);
    const error = await LibraryStore.open(dir, { recover: true }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreLoadError);
    expect(await readFile(file, 'utf8')).toBe(newer);
  });
});
