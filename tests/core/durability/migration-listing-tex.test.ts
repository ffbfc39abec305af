import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPaper } from '../../../electron/core/paper';
import { LIBRARY_VERSION, type Paper, type Source } from '../../../electron/core/schema';
import { serializeLibrary } from '../../../electron/core/store/library-file';
import { LibraryStore } from '../../../electron/core/store/store';
import { run, tempDir } from '../helpers';

const AT = '2026-11-30T08:00:00.000Z';
const listing: Source = { format: 'arxiv-listing', name: 'astro-ph, past week', file: 'l.html', importedAt: AT };
const bibtex: Source = { format: 'bibtex', name: 'refs.bib', file: 'refs.bib', importedAt: AT };
const RAW_TITLE = '131 and 304 {\\AA} Emission Variability Increases Hours Prior to Solar Flare Onset';

function versionThreeFile(papers: Paper[]): string {
  return serializeLibrary({ version: LIBRARY_VERSION, papers }).replace(/^\{"version":\d+,/, '{"version":3,');
}

describe('library version 3 -> 4: TeX outside math in arXiv listing imports', () => {
  it('reads the TeX of listing papers only, keeping their math and a highlight beside the change', async () => {
    const dir = await tempDir();
    const abstract = 'We see ~10 Myr old {\\AA}-scale knots at $z \\sim 2$ in It\\^{o} form.';
    const fromListing = createPaper({ id: 'lst00001', title: RAW_TITLE, abstract }, listing, 1, AT);
    const quote = 'old';
    const start = abstract.indexOf(quote);
    fromListing.annotations = [
      {
        id: 'hl000001',
        target: 'abstract',
        quote,
        prefix: abstract.slice(start - 10, start),
        suffix: abstract.slice(start + 3, start + 13),
        start,
        end: start + 3,
        color: 'yellow',
        comment: '',
        createdAt: AT,
        updatedAt: AT,
      },
    ];
    const fromBibtex = createPaper({ id: 'bib00001', title: RAW_TITLE }, bibtex, 2, AT);
    await writeFile(join(dir, 'library.json'), versionThreeFile([fromListing, fromBibtex]));

    const store = await LibraryStore.open(dir);
    const papers = new Map([...store.all()].map((paper) => [paper.id, paper]));
    const migrated = papers.get('lst00001')!;
    expect(migrated.title).toBe('131 and 304 Å Emission Variability Increases Hours Prior to Solar Flare Onset');
    expect(migrated.abstract).toBe('We see ~10 Myr old Å-scale knots at $z \\sim 2$ in Itô form.');
    expect(migrated.abstract.slice(migrated.annotations[0]!.start, migrated.annotations[0]!.end)).toBe(quote);
    expect(papers.get('bib00001')).toEqual(fromBibtex);
    expect((await run(store, 'papers.ids', { text: 'itô' })).ids).toEqual(['lst00001']);
    await store.flush();
  });
});
