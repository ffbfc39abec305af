import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { identifierFrom, idListImporter } from '../../../electron/core/importers/id-list';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'id-list');
const read = (name: string) => readFile(join(FIXTURES, name), 'utf8');

describe('identifier list importer', () => {
  it('reads arXiv ids and URLs in every form, version stripped, each paper once', async () => {
    const parsed = idListImporter.parse(await read('ids.txt'), 'ids.txt');
    expect(parsed.format).toBe('id-list');
    expect(parsed.sourceName).toBe('ids.txt');
    expect(parsed.drafts.filter((d) => d.arxivId).map((d) => d.arxivId)).toEqual([
      '2411.01234',
      '2410.09999',
      '2409.00001',
      '2408.00002',
      'hep-th/9901001',
      '2501.05874',
      '2501.05727',
      '2402.00003',
    ]);
  });

  it('reads DOIs bare, prefixed, as doi.org URLs (percent-encoded too), quoted and comma-terminated', async () => {
    const parsed = idListImporter.parse(await read('ids.txt'), 'ids.txt');
    expect(parsed.drafts.filter((d) => d.doi).map((d) => d.doi)).toEqual([
      '10.1000/XYZ.123',
      '10.1038/nature12373',
      '10.1145/3368089.3409741',
      '10.1103/PhysRevLett.116.061102',
      '10.1002/(SICI)1097-4636',
      '10.1016/j.cell.2020.01.001',
    ]);
  });

  it('makes a placeholder draft that asks for metadata, titled and linked by its identifier', async () => {
    const parsed = idListImporter.parse(await read('ids.txt'), 'ids.txt');
    expect(parsed.drafts[0]).toEqual({
      title: 'arXiv:2411.01234',
      arxivId: '2411.01234',
      links: [{ label: 'arXiv', url: 'https://arxiv.org/abs/2411.01234' }],
      needsMetadata: true,
    });
    expect(parsed.drafts.find((d) => d.doi === '10.1038/nature12373')).toEqual({
      title: 'doi:10.1038/nature12373',
      doi: '10.1038/nature12373',
      links: [{ label: 'DOI', url: 'https://doi.org/10.1038/nature12373' }],
      needsMetadata: true,
    });
  });

  it('reports a line that is neither with its line number; duplicates and comments are silent', async () => {
    const parsed = idListImporter.parse(await read('ids.txt'), 'ids.txt');
    expect(parsed.problems).toEqual([
      {
        where: 'ids.txt, line 18',
        message: '"not an identifier at all" is neither an arXiv id nor a DOI, so it was skipped',
      },
      {
        where: 'ids.txt, line 19',
        message: '"see 10.1000/xyz for details" is neither an arXiv id nor a DOI, so it was skipped',
      },
    ]);
    expect(parsed.drafts).toHaveLength(14);
    expect(parsed.found).toBe(16);
  });

  it('sniffs lists where most lines are identifiers, not prose that mentions one', async () => {
    expect(idListImporter.sniff(await read('ids.txt'))).toBe(true);
    expect(idListImporter.sniff(await read('mostly-prose.txt'))).toBe(false);
    expect(idListImporter.sniff('# only a comment\n\n')).toBe(false);
    expect(idListImporter.sniff('@article{x, title={y}}')).toBe(false);
    expect(idListImporter.sniff('2411.01234\r\n10.1000/abc\r\n')).toBe(true);
  });

  it('reads identifiers separated by spaces, commas or semicolons on one line, as one entry each', () => {
    const text = '2401.10000 2401.10001, arXiv:2401.10002;  10.1000/xyz\n2401.10003,2401.10003\n';
    expect(idListImporter.sniff(text)).toBe(true);
    const parsed = idListImporter.parse(text, 'message.txt');
    expect(parsed.drafts.map((d) => d.arxivId ?? d.doi)).toEqual([
      '2401.10000',
      '2401.10001',
      '2401.10002',
      '10.1000/xyz',
      '2401.10003',
    ]);
    expect(parsed.problems).toEqual([]);
    // A line with anything else in it stays one line, reported whole.
    const prose = idListImporter.parse('2401.10000\n2401.10001 and 2401.10002\n', 'prose.txt');
    expect(prose.drafts).toHaveLength(1);
    expect(prose.problems).toEqual([
      {
        where: 'prose.txt, line 2',
        message: '"2401.10001 and 2401.10002" is neither an arXiv id nor a DOI, so it was skipped',
      },
    ]);
  });

  it('recognises one identifier per line and nothing looser', () => {
    expect(identifierFrom('  arXiv: 2411.01234v2 ')).toEqual({ kind: 'arxiv', id: '2411.01234' });
    expect(identifierFrom("'https://arxiv.org/pdf/2411.01234v1.pdf',")).toEqual({ kind: 'arxiv', id: '2411.01234' });
    expect(identifierFrom('<https://doi.org/10.1000/Q>')).toEqual({ kind: 'doi', id: '10.1000/Q' });
    expect(identifierFrom('10.1016/0370-2693(82)90225-4')).toEqual({
      kind: 'doi',
      id: '10.1016/0370-2693(82)90225-4',
    });
    expect(identifierFrom('https://example.com/abs/2411.01234')).toBeUndefined();
    expect(identifierFrom('2411.01234 and 2411.05678')).toBeUndefined();
    expect(identifierFrom('12345.6789')).toBeUndefined();
    expect(identifierFrom('')).toBeUndefined();
  });

  it('does not hang on a long line', () => {
    const started = Date.now();
    const parsed = idListImporter.parse(`${'10.1000/'.repeat(50_000)} x\n`, 'long.txt');
    expect(parsed.problems).toHaveLength(1);
    // A run of commas once made the trailing-comma trim quadratic (seconds per line).
    expect(idListImporter.parse(`${','.repeat(50_000)}x`, 'commas.txt').problems).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
