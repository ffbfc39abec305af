import { describe, expect, it } from 'vitest';
import { identify, splitAuthors } from '../../../electron/core/pdf/identify';
import { looksLikePersonName, plausibleTitle } from '../../../electron/core/pdf/plausible';
import type { RawPdf } from '../../../electron/core/pdf/pdf-worker';

/** What the worker would send for a one-page PDF with this metadata and no placed items. */
function raw(info: Record<string, string> = {}, xmp: RawPdf['xmp'] = {}): RawPdf {
  return { pages: [{ strs: [], eols: new Uint8Array() }], info, xmp };
}

describe('metadata titles', () => {
  it('keeps a real title and refuses file names, placeholders and punctuation', () => {
    expect(plausibleTitle('Attention Is All You Need')).toBe(true);
    for (const junk of [
      '',
      '  ',
      'untitled',
      'Untitled-3',
      'Microsoft Word - draft.docx',
      'paper.dvi',
      '-----',
      'ARRAY(0x2c7cf020)',
      'C:\\work\\paper',
      'main_v3_final',
    ])
      expect(plausibleTitle(junk), junk).toBe(false);
  });

  it('falls back from a junk Info title to the XMP title', () => {
    const info = identify(raw({ Title: 'Microsoft Word - draft.docx' }, { 'dc:title': 'A Real Title' }), '');
    expect(info).toMatchObject({ title: 'A Real Title', titleFrom: 'metadata' });
    expect(identify(raw({ Title: 'untitled' }), '')).toEqual({ pages: 1, authors: [] });
  });
});

describe('metadata authors', () => {
  it('splits on semicolons, commas and "and"', () => {
    expect(splitAuthors('Ada Lovelace; Alan Turing')).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(splitAuthors('Ada Lovelace, Alan Turing and Grace Hopper')).toEqual([
      'Ada Lovelace',
      'Alan Turing',
      'Grace Hopper',
    ]);
    expect(splitAuthors('Lovelace, Ada; Turing, Alan')).toEqual(['Ada Lovelace', 'Alan Turing']);
  });

  it('gives nothing for placeholders and junk', () => {
    for (const junk of ['', 'Administrator', 'ARRAY(0x2c7cf020)', 'user', 'me@example.org'])
      expect(splitAuthors(junk)).toEqual([]);
  });

  it('takes the XMP creators when the Info dictionary has none', () => {
    expect(identify(raw({}, { 'dc:creator': ['Ada Lovelace', 'Alan Turing'] }), '').authors).toEqual([
      'Ada Lovelace',
      'Alan Turing',
    ]);
  });
});

describe('names under a title', () => {
  it('accepts names and refuses affiliations, addresses and single words', () => {
    for (const name of ['Andreas Gal', 'Mohammad R. Haghighat', 'Jean-Pierre van der Berg', 'José Álvarez'])
      expect(looksLikePersonName(name), name).toBe(true);
    for (const other of [
      'Mozilla Corporation',
      'University of California',
      'Irvine',
      'Google DeepMind',
      'J. K.',
      'gal@mozilla.com',
      'Indiana University',
    ])
      expect(looksLikePersonName(other), other).toBe(false);
  });
});

describe('identifiers', () => {
  it("reads arXiv's margin stamp, new and old style", () => {
    expect(identify(raw(), 'Title\narXiv:2403.12345v2 [cs.LG] 13 Mar 2024\nAbstract').arxivId).toBe('2403.12345');
    expect(identify(raw(), 'arXiv:hep-th/9901001v1 4 Jan 1999').arxivId).toBe('hep-th/9901001');
  });

  it('does not take a cited arXiv id for the paper itself', () => {
    expect(identify(raw(), 'as shown in [3] (arXiv:1706.03762)').arxivId).toBeUndefined();
  });

  it('reads arXiv ids and DOIs from the metadata first', () => {
    const info = identify(raw({ Subject: 'arXiv:1706.03762' }, { 'prism:doi': '10.1145/1542476.1542528' }), '');
    expect(info).toMatchObject({ arxivId: '1706.03762', doi: '10.1145/1542476.1542528' });
  });

  it('reads a labelled DOI from page 1, or the only one there', () => {
    expect(identify(raw(), 'PLDI’09 DOI: 10.1145/1542476.1542528. Permission').doi).toBe('10.1145/1542476.1542528');
    expect(identify(raw(), 'https://doi.org/10.1000/XYZ-1 and more').doi).toBe('10.1000/XYZ-1');
    expect(identify(raw(), 'see 10.1000/a1 and 10.1000/b2').doi).toBeUndefined();
  });
});
