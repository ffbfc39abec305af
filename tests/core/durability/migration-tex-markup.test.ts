// Library version 4 -> 5 (QA s32 item 5): a .bib paper imported before IEEE's <tex> markup was read keeps it
// in its stored title ("X- and <tex>γ</tex>-Ray"); opening the library drops the markup, keeping what it held.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPaper } from '../../../electron/core/paper';
import { LIBRARY_VERSION, type Paper, type Source } from '../../../electron/core/schema';
import { serializeLibrary } from '../../../electron/core/store/library-file';
import { LibraryStore } from '../../../electron/core/store/store';
import { tempDir } from '../helpers';

const AT = '2026-12-01T08:00:00.000Z';
const bibtex: Source = {
  format: 'bibtex',
  name: 'jabref-testjabref.bib',
  file: 'jabref-testjabref.bib',
  importedAt: AT,
};
const digest: Source = { format: 'digest', name: 'Daily papers · Dec 1', importedAt: AT };
const STORED = 'Mixed-Signal ASICs for X- and <tex>γ</tex>-Ray Spectroscopy in Space Applications';

function versionFourFile(papers: Paper[]): string {
  return serializeLibrary({ version: LIBRARY_VERSION, papers }).replace(/^\{"version":\d+,/, '{"version":4,');
}

describe('library version 4 -> 5: <tex> markup in .bib titles and abstracts', () => {
  it('is dropped from .bib papers, keeping the text and math it held and a highlight on the title', async () => {
    const dir = await tempDir();
    const abstract = 'A <tex>$4\\times 4$</tex> pixel array reads <tex>γ</tex> rays.';
    const fromBib = createPaper({ id: 'bib00001', title: STORED, abstract }, bibtex, 1, AT);
    const quote = 'Spectroscopy';
    const start = STORED.indexOf(quote);
    fromBib.annotations = [
      {
        id: 'hl000001',
        target: 'title',
        quote,
        prefix: STORED.slice(start - 10, start),
        suffix: STORED.slice(start + quote.length, start + quote.length + 10),
        start,
        end: start + quote.length,
        color: 'yellow',
        comment: '',
        createdAt: AT,
        updatedAt: AT,
      },
    ];
    const fromDigest = createPaper({ id: 'dig00001', title: 'Markup <tex>kept</tex> as written' }, digest, 2, AT);
    await writeFile(join(dir, 'library.json'), versionFourFile([fromBib, fromDigest]));

    const store = await LibraryStore.open(dir);
    const migrated = store.get('bib00001')!;
    expect(migrated.title).toBe('Mixed-Signal ASICs for X- and γ-Ray Spectroscopy in Space Applications');
    expect(migrated.abstract).toBe('A $4\\times 4$ pixel array reads γ rays.');
    const [highlight] = migrated.annotations;
    expect(migrated.title.slice(highlight!.start, highlight!.end)).toBe(quote);
    expect(store.get('dig00001')).toEqual(fromDigest);
    await store.flush();
  });
});
