import { describe, expect, it } from 'vitest';
import { toCslItems, toCslJson } from '../../../electron/core/exporters/csl-json';
import { splitName } from '../../../electron/core/exporters/shared';
import { HOSTILE, paper } from './papers';

describe('splitName', () => {
  it.each([
    ['Ada Lovelace', { family: 'Lovelace', given: 'Ada' }],
    ['José Ángel García-López', { family: 'García-López', given: 'José Ángel' }],
    ['Anna van der Berg', { family: 'Berg', given: 'Anna', particle: 'van der' }],
    ['Ludwig van Beethoven', { family: 'Beethoven', given: 'Ludwig', particle: 'van' }],
    ['Van Morrison', { family: 'Morrison', given: 'Van' }],
    ['Martin Luther King Jr.', { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }],
    ['Smith, John', { family: 'Smith', given: 'John' }],
    ['de la Cruz, Maria', { family: 'Cruz', given: 'Maria', particle: 'de la' }],
    ['King, Jr., Martin', { family: 'King', given: 'Martin', suffix: 'Jr.' }],
    ['Smith, John, III', { family: 'Smith', given: 'John', suffix: 'III' }],
    ['  Grace   Hopper ', { family: 'Hopper', given: 'Grace' }],
    ['Plato', { literal: 'Plato' }],
    ['The ATLAS Collaboration', { literal: 'The ATLAS Collaboration' }],
    ['Research and Development Team', { literal: 'Research and Development Team' }],
    ['Anand Kumar', { family: 'Kumar', given: 'Anand' }],
  ])('%s', (display, expected) => {
    expect(splitName(display)).toEqual(expected);
  });
});

describe('CSL-JSON exporter', () => {
  it('writes a journal article exactly', () => {
    const items = toCslItems([
      paper({
        title: 'Deep Learning',
        authors: ['Yann LeCun', 'Anna van der Berg', 'OpenAI Team'],
        year: 2015,
        venue: 'Nature',
        doi: '10.1038/nature14539',
        url: 'https://www.nature.com/articles/nature14539',
        abstract: 'Abstract text.',
        keywords: ['ml', 'ML'],
        tags: ['classic', 'deep learning'],
      }),
    ]);
    expect(items).toEqual([
      {
        id: 'lecun2015deep',
        type: 'article-journal',
        title: 'Deep Learning',
        author: [
          { family: 'LeCun', given: 'Yann' },
          { family: 'Berg', given: 'Anna', 'non-dropping-particle': 'van der' },
          { literal: 'OpenAI Team' },
        ],
        issued: { 'date-parts': [[2015]] },
        'container-title': 'Nature',
        DOI: '10.1038/nature14539',
        URL: 'https://www.nature.com/articles/nature14539',
        abstract: 'Abstract text.',
        keyword: 'ml, classic, deep learning',
      },
    ]);
  });

  it('writes an arXiv preprint as "article" with number and archive, and keeps hostile text as text', () => {
    const [item] = JSON.parse(toCslJson([HOSTILE])) as Record<string, unknown>[];
    expect(item).toMatchObject({
      id: 'muller2024strasse',
      type: 'article',
      // CSL text is rich text: markup characters are written as entities so they stay text.
      title: escapeMarkup(HOSTILE.title),
      abstract: escapeMarkup(HOSTILE.abstract),
      number: 'arXiv:2401.01234',
      archive: 'arXiv',
      URL: 'https://arxiv.org/abs/2401.01234',
      DOI: '10.1000/ab_c%d',
      keyword: 'cs.CL, Natural language, to read, Café',
    });
    expect(item).not.toHaveProperty('container-title');
    expect(item).not.toHaveProperty('note');
  });

  it('writes conference papers as paper-conference and leaves out what is unknown', () => {
    expect(toCslItems([paper({ title: 'X', venue: 'ICLR 2024' })])).toEqual([
      { id: 'x', type: 'paper-conference', title: 'X', author: [], 'container-title': 'ICLR 2024' },
    ]);
  });

  it('gives ids that are unique and equal to the BibTeX keys', () => {
    const items = toCslItems([paper({ id: 'a', citationKey: 'k1' }), paper({ id: 'b', citationKey: 'k1' })]);
    expect(items.map((item) => item.id)).toEqual(['k1', 'plaintitle']);
  });

  it('is pretty-printed JSON with a trailing newline', () => {
    expect(toCslJson([])).toBe('[]\n');
  });
});

function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
