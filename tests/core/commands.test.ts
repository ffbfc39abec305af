import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { EXPORT_FORMATS } from '../../electron/core/exporters';
import { openTempStore, run, storeWithPapers, tempDir } from './helpers';

describe('dispatch', () => {
  it('refuses an unknown command, unknown keys and wrong types with INVALID_INPUT naming the field', async () => {
    const store = await openTempStore();
    expect(await dispatch({ store }, 'papers.explode', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_COMMAND' },
    });
    const extra = await dispatch({ store }, 'papers.get', { id: 'x', admin: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!extra.ok && extra.error.message).toMatch(/admin/);
    const wrong = await dispatch({ store }, 'papers.setStatus', { ids: ['x'], status: 'finished' });
    expect(!wrong.ok && wrong.error.issues?.[0]?.path).toBe('status');
    expect(await dispatch({ store }, 'papers.get', null)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('answers NOT_FOUND for a missing paper and changes nothing', async () => {
    const { store, ids } = await storeWithPapers(1);
    const result = await dispatch({ store }, 'papers.setStatus', { ids: [ids[0], 'missing1'], status: 'read' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'No paper with id "missing1".' } });
    expect(store.get(ids[0]!)?.status).toBe('inbox');
  });

  it('emits one change event per successful mutation, none for queries', async () => {
    const { store, ids } = await storeWithPapers(2);
    const events: unknown[] = [];
    store.onChange((e) => events.push(e));
    await run(store, 'papers.list', {});
    await run(store, 'papers.setStatus', { ids, status: 'queued' });
    expect(events).toEqual([{ command: 'papers.setStatus', ids }]);
  });
});

describe('papers', () => {
  it('merges a stub completed by hand into the paper it turns out to be, keeping what the reader did', async () => {
    const store = await openTempStore();
    const full = await run(store, 'papers.add', {
      title: 'Causal Probing of Language Models',
      abstract: 'Probing classifiers are widely used.',
      arxivId: '2410.09999',
    });
    await run(store, 'notes.save', { id: full.id, note: 'Read the appendix.' });
    await run(store, 'library.import', { text: '2401.00001\n', name: 'ids.txt' });
    const stub = [...store.all()].find((p) => p.arxivId === '2401.00001')!;
    await run(store, 'papers.setStatus', { ids: [stub.id], status: 'queued' });
    await run(store, 'notes.save', { id: stub.id, note: 'A colleague says this matters.' });
    await run(store, 'tags.set', { ids: [stub.id], tags: ['probing'] });

    // The reader finds the stub's real identity: it is the paper already here.
    const merged = await run(store, 'papers.update', { id: stub.id, patch: { arxivId: '2410.09999' } });
    expect(merged.id).toBe(full.id);
    expect(store.get(stub.id)).toBeUndefined();
    expect(store.size).toBe(1);
    expect(store.get(full.id)).toMatchObject({
      title: 'Causal Probing of Language Models',
      abstract: 'Probing classifiers are widely used.',
      status: 'queued',
      tags: ['probing'],
      note: 'Read the appendix.\n\nA colleague says this matters.',
    });
    expect(store.get(full.id)!.history.map((h) => h.status)).toContain('queued');

    // A paper with an abstract is no stub: a clash is refused, naming the other paper.
    const other = await run(store, 'papers.add', { title: 'Another paper', abstract: 'Its own abstract.' });
    const clash = await dispatch({ store }, 'papers.update', { id: other.id, patch: { arxivId: '2410.09999' } });
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(clash.ok || clash.error.message).toContain('“Causal Probing of Language Models”');
  });

  it('lists All papers in queue order by status: reading, queue, inbox, read, then dismissed', async () => {
    const { store, ids } = await storeWithPapers(6);
    // Dismissed and read papers keep their import rank, lower than any paper queued later.
    await run(store, 'papers.setStatus', { ids: [ids[0]!], status: 'dismissed' });
    await run(store, 'papers.setStatus', { ids: [ids[1]!], status: 'read' });
    await run(store, 'papers.setStatus', { ids: [ids[4]!, ids[2]!], status: 'queued' });
    await run(store, 'papers.setStatus', { ids: [ids[5]!], status: 'reading' });
    const expected = [ids[5], ids[4], ids[2], ids[3], ids[1], ids[0]];
    // The first query sorts the papers; once the catalog's order is built, a status change moves a paper in it.
    for (let round = 0; round < 2; round++) {
      const { papers } = await run(store, 'papers.list', { status: 'all', sort: 'queue' });
      expect(papers.map((p) => p.id)).toEqual(expected);
      const { rows } = await run(store, 'papers.rows', { status: 'all', sort: 'queue', text: 'queues' });
      expect(rows.map((p) => p.id)).toEqual(expected);
    }
    await run(store, 'papers.setStatus', { ids: [ids[0]!], status: 'inbox' });
    const { papers } = await run(store, 'papers.list', { status: 'all', sort: 'queue' });
    expect(papers.map((p) => p.id)).toEqual([ids[5], ids[4], ids[2], ids[0], ids[3], ids[1]]);
  });

  it('adds, gets and refuses a duplicate by arXiv id, DOI or title', async () => {
    const store = await openTempStore();
    const paper = await run(store, 'papers.add', { title: 'Attention Is All You Need', arxivId: 'arXiv:1706.03762v7' });
    expect(paper.arxivId).toBe('1706.03762');
    expect(await run(store, 'papers.get', { id: paper.id })).toEqual(paper);
    for (const input of [
      { title: 'Something else entirely', arxivId: 'https://arxiv.org/abs/1706.03762' },
      { title: 'attention is all you need!' },
    ]) {
      expect(await dispatch({ store }, 'papers.add', input)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    }
  });

  it('filters by status, tag and text (prefix of any word, accents folded) and sorts', async () => {
    const { store, ids } = await storeWithPapers(3);
    await run(store, 'papers.update', {
      id: ids[1]!,
      patch: { title: 'Bayésian inference for queues', authors: ['Ada Lovelace'] },
    });
    await run(store, 'tags.set', { ids: [ids[0]!, ids[1]!], tags: ['ml', 'to-read'] });
    await run(store, 'notes.save', { id: ids[2]!, note: 'Compare with **Welford** later.' });
    await run(store, 'papers.setStatus', { ids: [ids[0]!], status: 'dismissed' });

    const titles = async (q: Parameters<typeof run<'papers.list'>>[2]) =>
      (await run(store, 'papers.list', q)).papers.map((p) => p.id);
    expect(await titles({ text: 'bayes' })).toEqual([ids[1]]);
    expect(await titles({ text: 'lovelace' })).toEqual([ids[1]]);
    expect(await titles({ text: 'welford' })).toEqual([ids[2]]);
    // In queue order the dismissed paper comes after the inbox.
    expect(await titles({ tag: 'ML' })).toEqual([ids[1], ids[0]]);
    expect(await titles({ status: 'unread' })).toEqual([ids[1], ids[2]]);
    expect(await titles({ status: 'dismissed' })).toEqual([ids[0]]);
    expect(await titles({ sort: 'year' })).toEqual([ids[2], ids[1], ids[0]]);
    expect(await titles({ sort: 'title' })).toEqual([ids[1], ids[0], ids[2]]);
    const page = await run(store, 'papers.list', { offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, papers: [{ id: ids[2] }] });
  });

  it('lists light rows for the app: the same order and filter, without abstracts or notes', async () => {
    const { store, ids } = await storeWithPapers(3);
    await run(store, 'notes.save', { id: ids[1]!, note: 'a long note' });
    await run(store, 'papers.update', { id: ids[1]!, patch: { authors: ['A', 'B', 'C', 'D'] } });
    const { total, rows } = await run(store, 'papers.rows', { text: 'number 2' });
    expect(total).toBe(1);
    expect(rows[0]).toEqual(
      expect.objectContaining({ id: ids[1], authors: ['A', 'B', 'C'], authorCount: 4, hasNote: true, highlights: 0 }),
    );
    expect(rows[0]).not.toHaveProperty('abstract');
    expect(rows[0]).not.toHaveProperty('note');
  });

  it('pages a list: rows by offset and limit, the ids of a range, and rows of given ids in their order', async () => {
    const { store, ids } = await storeWithPapers(5);
    const page = await run(store, 'papers.rows', { sort: 'queue', offset: 2, limit: 2 });
    expect(page.total).toBe(5);
    expect(page.rows.map((r) => r.id)).toEqual([ids[2], ids[3]]);
    expect(await run(store, 'papers.ids', { sort: 'year', offset: 1, limit: 3 })).toEqual({
      total: 5,
      ids: [ids[3], ids[2], ids[1]],
      titlesOnly: false,
    });
    expect((await run(store, 'papers.ids', { text: 'number 4' })).ids).toEqual([ids[3]]);
    const of = await run(store, 'papers.rowsOf', { ids: [ids[4]!, 'missing1', ids[0]!] });
    expect(of.rows.map((r) => r.id)).toEqual([ids[4], ids[0]]);
    expect(await dispatch({ store }, 'papers.rowsOf', { ids: [ids[0]], extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('updates metadata, refuses an edit that would make it a duplicate, and removes', async () => {
    const { store, ids } = await storeWithPapers(2);
    const updated = await run(store, 'papers.update', { id: ids[0]!, patch: { doi: 'https://doi.org/10.1000/XYZ.1' } });
    // Kept as written; matched in any case.
    expect(updated.doi).toBe('10.1000/XYZ.1');
    const clash = await dispatch({ store }, 'papers.update', { id: ids[1]!, patch: { doi: '10.1000/xyz.1' } });
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await run(store, 'papers.remove', { ids: [ids[0]!] });
    expect(store.size).toBe(1);
  });

  it('resolves a paper by id prefix or arXiv id', async () => {
    const store = await openTempStore();
    const paper = await run(store, 'papers.add', { title: 'Resolving references', arxivId: '2401.00001' });
    expect(await run(store, 'papers.resolve', { ref: paper.id.slice(0, 5) })).toEqual({ id: paper.id });
    expect(await run(store, 'papers.resolve', { ref: 'arXiv:2401.00001v3' })).toEqual({ id: paper.id });
  });
});

describe('library import, export and stats', () => {
  it('exports a JSON backup that restores notes, highlights, tags and history into an empty library', async () => {
    const { store, ids } = await storeWithPapers(2);
    await run(store, 'notes.save', { id: ids[0]!, note: '# Summary\n\nGood.' });
    await run(store, 'annotations.add', { paperId: ids[0]!, target: 'title', start: 0, end: 5 });
    await run(store, 'tags.set', { ids: [ids[1]!], tags: ['later'] });
    await run(store, 'papers.setStatus', { ids: [ids[1]!], status: 'reading' });
    const exported = await run(store, 'library.export', { format: 'json' });
    expect(exported.count).toBe(2);

    const restored = await openTempStore();
    const result = await run(restored, 'library.import', { text: exported.content, name: exported.fileName });
    expect(result).toMatchObject({ format: 'json-backup', added: 2, duplicates: 0, errors: [] });
    expect([...restored.all()]).toEqual([...store.all()]);
  });

  it("names each format's file apart: the backup and CSL-JSON, both JSON, never share a name", async () => {
    const { store } = await storeWithPapers(1);
    const now = () => new Date('2026-11-27T12:00:00Z');
    const names: Record<string, string> = {};
    for (const format of EXPORT_FORMATS) {
      const exported = await run(store, 'library.export', { format, markdownLayout: 'combined' }, now);
      names[format] = exported.kind === 'file' ? exported.fileName : exported.folderName;
    }
    expect(names).toEqual({
      json: 'paperqueue-backup-2026-11-27.json',
      bibtex: 'paperqueue-2026-11-27.bib',
      'csl-json': 'paperqueue-2026-11-27.csl.json',
      ris: 'paperqueue-2026-11-27.ris',
      csv: 'paperqueue-2026-11-27.csv',
      markdown: 'paperqueue-2026-11-27.md',
    });
    const folder = await run(store, 'library.export', { format: 'markdown' }, now);
    expect(folder.kind === 'folder' && folder.folderName).toBe('paperqueue-2026-11-27');
  });

  it('imports what is valid from a damaged backup and names each bad entry', async () => {
    const store = await openTempStore();
    const backup = JSON.stringify({ version: 1, papers: [{ id: 'broken', title: 42 }] });
    const result = await run(store, 'library.import', { text: backup, name: 'old.json' });
    expect(result.added).toBe(0);
    expect(result.errors[0]).toMatchObject({ where: 'old.json, papers[0].title' });
  });

  it('names a missing file', async () => {
    const store = await openTempStore();
    const result = await dispatch({ store, caller: 'host' }, 'library.import', { path: '/nonexistent/digest.txt' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Cannot read /nonexistent/digest.txt: no such file.' },
    });
  });

  it('reads a file by its path only for the host (the CLI), never for the page', async () => {
    const store = await openTempStore();
    const secret = join(await tempDir(), '.env');
    await writeFile(secret, 'DB_PASSWORD=hunter2\n');
    for (const name of ['library.import', 'library.previewImport'] as const) {
      for (const options of [{ store }, { store, caller: 'page' as const }]) {
        const result = await dispatch(options, name, { path: secret, format: 'id-list' });
        expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        expect(JSON.stringify(result)).not.toContain('hunter2');
      }
    }
    // The page sends the bytes it was given instead.
    const base64 = Buffer.from('2401.00001\n').toString('base64');
    expect(await dispatch({ store }, 'library.import', { base64, name: 'ids.txt' })).toMatchObject({
      ok: true,
      value: { added: 1 },
    });
    expect(store.size).toBe(1);
  });

  it('counts papers by status, notes, highlights and sources', async () => {
    const { store, ids } = await storeWithPapers(3);
    await run(store, 'papers.setStatus', { ids: [ids[0]!], status: 'read' });
    await run(store, 'notes.save', { id: ids[1]!, note: 'x' });
    const stats = await run(store, 'stats.get', {});
    expect(stats).toMatchObject({
      total: 3,
      unread: 2,
      byStatus: { inbox: 2, queued: 0, reading: 0, read: 1, dismissed: 0 },
      notes: 1,
      annotations: 0,
      sources: [{ name: 'Added by hand', format: 'manual', count: 3 }],
    });
  });
});
