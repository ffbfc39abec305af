import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../electron/core/importers';
import { decodeImportBytes } from '../../../electron/core/importers/decode';
import { fixture, openTempStore, run } from '../helpers';

const readBytes = (name: string) => decodeImportBytes(readFileSync(fixture(`line-endings/${name}`)));

describe('format detection does not depend on the line ending', () => {
  it('reads a UTF-16BE BibTeX file with classic Mac line endings (CR only) as BibTeX', async () => {
    const { text, encoding } = readBytes('bibtex-utf16be-cr.bib');
    expect(encoding).toBe('UTF-16BE');
    const parsed = parseImport(text, 'auto', 'mac.bib');
    expect(parsed).toMatchObject({ format: 'bibtex', found: 2, problems: [] });
    expect(parsed.drafts.map((d) => [d.title, d.authors, d.year])).toEqual([
      ['Line Endings of the Classic Mac OS', ['Jürgen Böhm', 'Ann Smith'], 1998],
      ['A Second Entry', ['Bo Jones'], 1999],
    ]);
    const store = await openTempStore();
    const result = await run(store, 'library.import', { path: fixture('line-endings/bibtex-utf16be-cr.bib') });
    expect(result).toMatchObject({ format: 'bibtex', added: 2 });
  });

  it('reads RIS with CR only, and UTF-16BE RIS with CRLF', () => {
    for (const name of ['ris-cr.ris', 'ris-utf16be-crlf.ris']) {
      const parsed = parseImport(readBytes(name).text, 'auto', name);
      expect(parsed.format, name).toBe('ris');
      expect(
        parsed.drafts.map((d) => [d.title, d.authors]),
        name,
      ).toEqual([['Line Endings of the Classic Mac OS', ['Jürgen Böhm']]]);
    }
  });

  // Every text fixture of every format, its line endings rewritten: the same format, the same papers.
  const folders = [
    'bibtex',
    'ris',
    'csl-json',
    'crossref',
    'hf-daily',
    'id-list',
    'text-records',
    'arxiv-listing',
    'sici',
    'untitled',
    'duplicates',
  ];
  const files = [
    ...folders.flatMap((folder) => readdirSync(fixture(folder)).map((name) => join(folder, name))),
    'digest-sample.txt',
    'five-papers.txt',
  ];
  for (const file of files) {
    it(`reads ${file} the same with LF, CRLF and CR line endings`, () => {
      const lf = readFileSync(fixture(file), 'utf8').replace(/\r\n?/g, '\n');
      const expected = parseImport(lf, 'auto', file);
      expect(expected.drafts.length + expected.problems.length, file).toBeGreaterThan(0);
      for (const ending of ['\r\n', '\r']) {
        const parsed = parseImport(lf.replace(/\n/g, ending), 'auto', file);
        expect(parsed.format, JSON.stringify(ending)).toBe(expected.format);
        expect(parsed.drafts, JSON.stringify(ending)).toEqual(expected.drafts);
      }
    });
  }
});
