import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../electron/core/importers';
import { fixture, openTempStore, run } from '../helpers';
import { withoutNames } from './without-names';

const read = (name: string): Promise<string> => readFile(fixture(`crossref/${name}`), 'utf8');

describe('Crossref API JSON', () => {
  it('reads one work (api.crossref.org/works/DOI): subtitle, organisation author, JATS abstract, SICI DOI', async () => {
    const parsed = withoutNames(parseImport(await read('work.json'), 'auto', 'work.json'));
    expect(parsed).toMatchObject({ format: 'crossref', found: 1, problems: [] });
    expect(parsed.drafts[0]).toEqual({
      title: 'Raman scattering in wurtzite GaN: phonons, plasmons and the (0001) face',
      type: 'article-journal',
      titleParts: { main: 'Raman scattering in wurtzite GaN', subtitle: 'phonons, plasmons and the (0001) face' },
      authors: ['Hiroshi Harima', 'Shin-ichi Nakashima', 'The GaN Consortium'],
      abstract: 'Raman spectra of GaN layers grown on the (0001\u0305) face were measured at 10–300 K.',
      year: 1997,
      venue: 'Journal of Raman Spectroscopy',
      volume: '28',
      issue: '7',
      pages: '487-493',
      publisher: 'Wiley',
      issn: '0377-0486',
      keywords: ['Spectroscopy', 'General Materials Science'],
      language: 'en',
      url: 'http://dx.doi.org/10.1002/(sici)1097-4555(199707)28:7<487::aid-jrs115>3.0.co;2-v',
      links: [
        { label: 'DOI', url: 'http://dx.doi.org/10.1002/(sici)1097-4555(199707)28:7<487::aid-jrs115>3.0.co;2-v' },
      ],
      doi: '10.1002/(SICI)1097-4555(199707)28:7<487::AID-JRS115>3.0.CO;2-V',
    });
  });

  it('reads a work list: a book under its publisher, with its editors; an organisation among the authors', async () => {
    const parsed = withoutNames(parseImport(await read('works-search.json'), 'auto', 'search.json'));
    expect(parsed).toMatchObject({ format: 'crossref', found: 2, problems: [] });
    expect(parsed.drafts.map((d) => [d.title, d.authors, d.year, d.venue, d.doi])).toEqual([
      [
        'Pediatric Palliative Care',
        ['Betty R. Ferrell'],
        2015,
        'Oxford University Press (OUP)',
        '10.1093/med/9780190244187.001.0001',
      ],
      [
        'Growth of GaN on the (0001) face',
        ['Ana García', 'MOCVD Working Group'],
        2004,
        'Journal of Crystal Growth',
        '10.1016/j.jcrysgro.2004.01.021',
      ],
    ]);
  });

  it('reads several responses saved in one array, and an object keyed by doi.org address', async () => {
    for (const name of ['saved-responses.json', 'keyed-by-doi-url.json']) {
      const parsed = withoutNames(parseImport(await read(name), 'auto', name));
      expect(parsed.format, name).toBe('crossref');
      expect(parsed.problems, name).toEqual([]);
      expect(
        parsed.drafts.map((d) => [d.title, d.doi, d.year]),
        name,
      ).toEqual([
        ['How the Mind Hurts and Heals the Body', '10.1037/0003-066x.59.1.29', 2004],
        ['ImageNet classification with deep convolutional neural networks', '10.1145/3065386', 2017],
      ]);
    }
  });

  it('imports a response through the command, and leaves plain CSL-JSON to the CSL reader', async () => {
    const store = await openTempStore();
    const result = await run(store, 'library.import', { path: fixture('crossref/works-search.json') });
    expect(result).toMatchObject({ format: 'crossref', added: 2, errors: [] });
    const csl = parseImport(await readFile(fixture('csl-json/zotero-items.json'), 'utf8'), 'auto', 'z.json');
    expect(csl.format).toBe('csl-json');
  });
});
