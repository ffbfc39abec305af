import { describe, expect, it } from 'vitest';
import { toRis } from '../../../electron/core/exporters/ris';
import { HOSTILE, paper } from './papers';

/** Records as lists of [tag, value], read the way RIS readers do: one "XX  - value" per line, ER ends a record. */
function readRis(text: string): [string, string][][] {
  const records: [string, string][][] = [];
  let current: [string, string][] = [];
  for (const line of text.split('\r\n')) {
    if (line === '') continue;
    const match = /^([A-Z][A-Z0-9]) {2}- ?(.*)$/.exec(line);
    if (!match) throw new Error(`not a RIS line: ${line}`);
    if (match[1] === 'ER') {
      records.push(current);
      current = [];
    } else current.push([match[1]!, match[2]!]);
  }
  return records;
}

describe('RIS exporter', () => {
  it('writes a journal article exactly, with CRLF line endings', () => {
    const ris = toRis([
      paper({
        title: 'Deep Learning',
        authors: ['Yann LeCun', 'Anna van der Berg', 'Martin Luther King Jr.'],
        year: 2015,
        venue: 'Nature',
        doi: '10.1038/nature14539',
        abstract: 'Line one.\nLine two.',
        tags: ['classic'],
      }),
    ]);
    expect(ris).toBe(
      [
        'TY  - JOUR',
        'TI  - Deep Learning',
        'AU  - LeCun, Yann',
        'AU  - van der Berg, Anna',
        'AU  - King, Martin Luther, Jr.',
        'PY  - 2015',
        'JO  - Nature',
        'DO  - 10.1038/nature14539',
        'AB  - Line one. Line two.',
        'KW  - classic',
        'ID  - lecun2015deep',
        'ER  - ',
        '',
        '',
      ].join('\r\n'),
    );
    expect(ris.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes preprints as GEN and conference papers as CPAPER with the venue in T2', () => {
    const records = readRis(toRis([HOSTILE, paper({ title: 'C', venue: 'CVPR 2024' })]));
    expect(records).toHaveLength(2);
    expect(records[0]).toEqual([
      ['TY', 'GEN'],
      ['TI', HOSTILE.title],
      ['AU', 'Müller, Jürgen'],
      ['AU', 'van der Berg, Anna'],
      ['AU', 'García-López, José Ángel'],
      ['AU', 'Research and Development Team'],
      ['PY', '2024'],
      ['DO', '10.1000/ab_c%d'],
      ['UR', 'https://arxiv.org/abs/2401.01234'],
      ['AB', HOSTILE.abstract],
      ['KW', 'cs.CL'],
      ['KW', 'Natural language'],
      ['KW', 'to read'],
      ['KW', 'Café'],
      ['ID', 'muller2024strasse'],
      ['AN', 'arXiv:2401.01234'],
    ]);
    expect(records[1]).toContainEqual(['TY', 'CPAPER']);
    expect(records[1]).toContainEqual(['T2', 'CVPR 2024']);
  });

  it('flattens line breaks and control characters so no value can start a fake tag', () => {
    const records = readRis(toRis([paper({ title: 'Safe\r\nER  - \r\nTY  - JOUR\u0000x' })]));
    expect(records).toHaveLength(1);
    expect(records[0]?.[1]).toEqual(['TI', 'Safe ER - TY - JOUR x']);
  });

  it('does not export the personal note', () => {
    expect(toRis([HOSTILE])).not.toMatch(/My thoughts|^N1/m);
  });
});
