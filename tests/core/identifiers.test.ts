import { describe, expect, it } from 'vitest';
import { parseArxivId, parseDoi } from '../../electron/core/identifiers';

describe('identifiers', () => {
  it('normalise arXiv ids from every usual form, version stripped', () => {
    for (const form of [
      '2411.01234',
      '2411.01234v3',
      'arXiv:2411.01234v2',
      'https://arxiv.org/abs/2411.01234v1',
      'https://arxiv.org/pdf/2411.01234v2.pdf',
      'https://arxiv.org/html/2411.01234v1',
      'https://huggingface.co/papers/2411.01234',
      'https://www.alphaxiv.org/abs/2411.01234',
      'https://www.alphaxiv.org/overview/2411.01234v4',
    ]) {
      expect(parseArxivId(form), form).toBe('2411.01234');
    }
    expect(parseArxivId('https://arxiv.org/abs/hep-th/9901001v2')).toBe('hep-th/9901001');
    expect(parseArxivId('not an id 12.34')).toBeUndefined();
  });

  it('normalise DOIs: URL prefixes, trailing punctuation; the case is kept as written (matching ignores it)', () => {
    expect(parseDoi('10.1000/ABC.123')).toBe('10.1000/ABC.123');
    expect(parseDoi('https://DOI.org/10.1000/ABC.123')).toBe('10.1000/ABC.123');
    for (const form of ['https://doi.org/10.1000/abc.123', 'doi:10.1000/abc.123,', '(10.1000/abc.123).']) {
      expect(parseDoi(form), form).toBe('10.1000/abc.123');
    }
  });

  it('keep every printable character of a DOI suffix, and end a DOI in free text at a space', () => {
    const sici = '10.1002/(SICI)1097-4555(199707)28:7<487::AID-JRS115>3.0.CO;2-V';
    expect(parseDoi(sici)).toBe(sici);
    expect(parseDoi(`doi:${sici}.`)).toBe(sici);
    expect(parseDoi(`(see ${sici}), then`)).toBe(sici);
    expect(parseDoi(`<${sici}>`)).toBe(sici);
    expect(parseDoi('https://doi.org/10.1002/(SICI)1097-4555(199707)28:7%3C487::AID-JRS115%3E3.0.CO;2-V')).toBe(sici);
    expect(parseDoi('Measured (doi:10.1000/abc.123) at 10 K')).toBe('10.1000/abc.123');
    expect(parseDoi('10.1000/a%20b')).toBe('10.1000/a%20b');
    expect(parseDoi('10.1000/.')).toBeUndefined();
  });
});
