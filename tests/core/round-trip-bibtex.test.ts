import { describe, expect, it } from 'vitest';
import type { Paper } from '../../electron/core/schema';
import { fixture, openTempStore, run } from './helpers';

/** Where a work can be found and who published it: what BibTeX carries besides titles and authors. */
const found = (p: Paper) => ({
  key: p.citationKey,
  type: p.type,
  venue: p.venue,
  publisher: p.publisher,
  issue: p.issue,
  url: p.url,
  links: p.links,
});

async function imported() {
  const store = await openTempStore();
  await run(store, 'library.import', { path: fixture('bibtex/links-and-publishers.bib') });
  return store;
}

const byKey = (papers: Iterable<Paper>) =>
  [...papers].map(found).sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));

describe('addresses, links and publishers through the BibTeX export', () => {
  it('come back from export then import as they were imported', async () => {
    const store = await imported();
    const exported = await run(store, 'library.export', { format: 'bibtex' });
    if (exported.kind !== 'file') throw new Error('expected one file');
    expect(exported.content).toContain('school = {University of Examples}');
    expect(exported.content).toContain('institution = {Example Institute}');
    const copy = await openTempStore();
    const result = await run(copy, 'library.import', { text: exported.content, name: 'export.bib' });
    expect(result).toMatchObject({ added: 5, duplicates: 0, errors: [] });
    expect(byKey(copy.all())).toEqual(byKey(store.all()));
    expect(byKey(copy.all()).map((p) => p.links.length)).toEqual([0, 3, 0, 0, 1]);
  });

  it('the CSV carries each paper’s url and its other links', async () => {
    const store = await imported();
    const exported = await run(store, 'library.export', { format: 'csv' });
    if (exported.kind !== 'file') throw new Error('expected one file');
    const rows = exported.content.split('\r\n');
    expect(rows.find((row) => row.includes('A Page Cited'))).toContain(',https://example.org/page_1,');
    expect(rows.find((row) => row.includes('Sparse Attention'))).toContain(
      ',https://example.org/sparse,Code: https://github.com/example/sparse-attn; Slides & talk: https://example.org/talk,',
    );
  });
});
