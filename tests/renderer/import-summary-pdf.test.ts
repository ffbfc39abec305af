import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfSummary } from '../../renderer/src/components/import/summary';
import { openTempStore, run } from '../core/helpers';

const PDFS = join(import.meta.dirname, '..', '..', '..', 'shared', 'pdfs');

// In node, as the PDF reader's worker does not start under jsdom; the dialog says "PDF · " and this.
describe('the import preview of a single PDF', () => {
  it('says once that it becomes a new paper, and why', async () => {
    const library = await openTempStore();
    const base64 = (await readFile(join(PDFS, 'tracemonkey.pdf'))).toString('base64');
    const preview = await run(library, 'library.previewImport', { base64, name: 'tracemonkey.pdf' });
    expect(pdfSummary(preview.pdf!)).toBe('a new paper (titled from the largest text on page 1)');

    await run(library, 'library.import', { base64, name: 'tracemonkey.pdf' });
    const again = await run(library, 'library.previewImport', { base64, name: 'tracemonkey.pdf' });
    expect(pdfSummary(again.pdf!)).toBe('already in your library (the same file, by its checksum)');
    // Another copy, another name: the same file all the same.
    const copy = await run(library, 'library.previewImport', { base64, name: 'renamed.pdf' });
    expect(copy.pdf).toMatchObject({ kind: 'attach', already: true, title: again.pdf!.title });
  });
});
