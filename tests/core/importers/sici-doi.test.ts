import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../electron/core/importers';
import { fixture, openTempStore, run } from '../helpers';

const SICI = '10.1002/(SICI)1097-4555(199707)28:7<487::AID-JRS115>3.0.CO;2-V';
const read = (name: string): Promise<string> => readFile(fixture(`sici/${name}`), 'utf8');

describe('a SICI DOI (with < > ; in its suffix) survives every importer and the export', () => {
  it('is read whole from BibTeX, RIS, CSL-JSON and a digest', async () => {
    for (const [name, format] of [
      ['sici.bib', 'bibtex'],
      ['sici.ris', 'ris'],
      ['sici-csl.json', 'csl-json'],
      ['sici-digest.txt', 'digest'],
    ] as const) {
      const parsed = parseImport(await read(name), 'auto', name);
      expect(parsed.format, name).toBe(format);
      expect(parsed.drafts[0]?.doi, name).toBe(SICI);
    }
  });

  it('is decoded from a doi.org address, where < and > are percent-escaped', async () => {
    const parsed = parseImport(await read('sici.ris'), 'auto', 'sici.ris');
    expect(parsed.drafts[1]?.doi).toBe('10.1002/(SICI)1097-4555(200101)32:1<5::AID-JRS640>3.0.CO;2-K');
  });

  it('keeps a CSL URL that holds the SICI DOI whole', async () => {
    const parsed = parseImport(await read('sici-csl.json'), 'auto', 'sici-csl.json');
    expect(parsed.drafts[0]?.url).toBe(
      'https://doi.org/10.1002/(SICI)1097-4555(199707)28:7<487::AID-JRS115>3.0.CO;2-V',
    );
  });

  it('matches as one paper across formats, and comes back whole from each export', async () => {
    const store = await openTempStore();
    await run(store, 'library.import', { path: fixture('sici/sici.bib') });
    const again = await run(store, 'library.import', { path: fixture('sici/sici-csl.json') });
    expect(again).toMatchObject({ added: 0, duplicates: 1 });
    for (const format of ['bibtex', 'ris', 'csl-json'] as const) {
      const exported = await run(store, 'library.export', { format });
      if (exported.kind !== 'file') throw new Error('expected one file');
      const parsed = parseImport(exported.content, 'auto', `export.${format}`);
      expect(
        parsed.drafts.map((d) => d.doi),
        format,
      ).toEqual([SICI]);
    }
  });
});
