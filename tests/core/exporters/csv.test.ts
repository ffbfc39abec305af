import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../electron/core/exporters/csv';
import { HOSTILE, highlight, paper } from './papers';

/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes; anything else fails the test. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] !== '"') break;
          field += '"';
          i += 2;
        } else field += text[i++];
      }
      i++;
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') {
      i++;
      continue;
    }
    if (text.slice(i, i + 2) !== '\r\n') throw new Error(`expected CRLF at ${i}`);
    i += 2;
    rows.push(row);
    row = [];
    if (i === text.length) return rows;
  }
}

const HEADER =
  'id,title,authors,year,venue,doi,arxiv_id,url,links,status,tags,added,status_changed,read_at,note_length,highlights,source';

describe('CSV exporter', () => {
  it('writes a byte-order mark, the header and one CRLF row per paper exactly', () => {
    const csv = toCsv([
      paper({ id: 'p1', title: 'Plain', authors: ['A B', 'C D'], year: 2020, venue: 'Nature', tags: ['x', 'y'] }),
    ]);
    expect(csv).toBe(
      '\uFEFF' +
        HEADER +
        '\r\n' +
        'p1,Plain,A B; C D,2020,Nature,,,,,inbox,x; y,2026-01-05T10:00:00.000Z,2026-01-05T10:00:00.000Z,,0,0,manual\r\n',
    );
  });

  it('round-trips hostile text through an RFC 4180 reader', () => {
    const multiline = paper({
      id: 'p2',
      title: 'Commas, "quotes"\nand a line break',
      note: 'ab',
      annotations: [highlight(), highlight({ id: 'a2' })],
    });
    const rows = readCsv(toCsv([HOSTILE, multiline]).slice(1));
    expect(rows.map((row) => row.length)).toEqual([17, 17, 17]);
    expect(rows[0]?.join(',')).toBe(HEADER);
    expect(rows[1]).toEqual([
      'h0st1le',
      HOSTILE.title,
      'Jürgen Müller; Anna van der Berg; José Ángel García-López; Research and Development Team',
      '2024',
      '',
      '10.1000/ab_c%d',
      '2401.01234',
      'https://arxiv.org/abs/2401.01234',
      '',
      'read',
      'to read; Café',
      '2026-01-05T10:00:00.000Z',
      '2026-03-01T08:00:00.000Z',
      '2026-02-01T09:30:00.000Z',
      String(HOSTILE.note.length),
      '2',
      'manual',
    ]);
    expect(rows[2]?.[1]).toBe('Commas, "quotes"\nand a line break');
    expect(rows[2]?.slice(14, 16)).toEqual(['2', '2']);
  });

  it('defuses spreadsheet formulas with a leading apostrophe', () => {
    const rows = readCsv(
      toCsv([
        paper({
          id: 'f1',
          title: '=HYPERLINK("http://evil","x")',
          venue: '+1',
          source: { format: 'manual', name: '@SUM(A1)', importedAt: '2026-01-05T10:00:00.000Z' },
        }),
        paper({ id: 'f2', title: '-2+3', tags: ['=cmd'] }),
        paper({ id: 'f3', title: 'a = b is fine' }),
      ]).slice(1),
    );
    expect(rows[1]?.[1]).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(rows[1]?.[4]).toBe("'+1");
    expect(rows[1]?.[16]).toBe("'@SUM(A1)");
    expect(rows[2]?.[1]).toBe("'-2+3");
    expect(rows[2]?.[10]).toBe("'=cmd");
    expect(rows[3]?.[1]).toBe('a = b is fine');
  });

  it('writes the paper’s link (its arXiv page when it has no other) and its code and project page', () => {
    const rows = readCsv(
      toCsv([
        paper({
          id: 'l1',
          arxivId: '2410.09999',
          links: [
            { label: 'Code', url: 'https://github.com/example/code' },
            { label: 'Project page', url: 'https://probe-lab.github.io/' },
          ],
        }),
      ]).slice(1),
    );
    expect(rows[1]?.slice(7, 9)).toEqual([
      'https://arxiv.org/abs/2410.09999',
      'Code: https://github.com/example/code; Project page: https://probe-lab.github.io/',
    ]);
  });

  it('writes only the header for an empty library', () => {
    expect(readCsv(toCsv([]).slice(1))).toEqual([HEADER.split(',')]);
  });
});
