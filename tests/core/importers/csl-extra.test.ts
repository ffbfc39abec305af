import { describe, expect, it } from 'vitest';
import { toCslItems } from '../../../electron/core/exporters/csl-json';
import { cslJsonImporter } from '../../../electron/core/importers/csl-json';
import { createPaper } from '../../../electron/core/paper';
import type { Paper } from '../../../electron/core/schema';

const NOW = '2026-12-02T10:00:00.000Z';
const SOURCE = { format: 'csl-json', name: 'items.json', importedAt: NOW };

// As Zotero writes them: a translator, the day a page was read, a full publication date.
const ITEMS = [
  {
    id: 'tolstoy',
    type: 'book',
    title: 'War and Peace',
    author: [{ family: 'Tolstoy', given: 'Leo' }],
    translator: [{ family: 'Pevear', given: 'Richard' }, { literal: 'The Translators Guild' }],
    'original-date': { 'date-parts': [[1869]] },
    issued: { 'date-parts': [[2007, 10, 16]] },
    accessed: { 'date-parts': [[2026, 12, 1]] },
  },
  { id: 'plain', type: 'article-journal', title: 'A Year and Nothing More', issued: { 'date-parts': [[2020]] } },
];

const papersFrom = (text: string): Paper[] =>
  cslJsonImporter.parse(text, 'items.json').drafts.map((draft, i) => createPaper(draft, SOURCE, i, NOW));

describe('CSL name and date variables the paper has no field for', () => {
  it('are kept in extra as their JSON, and issued only when it says more than the year', () => {
    const [book, plain] = papersFrom(JSON.stringify(ITEMS));
    expect(book!.year).toBe(2007);
    expect(JSON.parse(book!.extra!['csl:translator']!)).toEqual(ITEMS[0]!.translator);
    expect(JSON.parse(book!.extra!['csl:accessed']!)).toEqual(ITEMS[0]!.accessed);
    expect(JSON.parse(book!.extra!['csl:original-date']!)).toEqual(ITEMS[0]!['original-date']);
    expect(JSON.parse(book!.extra!['csl:issued']!)).toEqual(ITEMS[0]!.issued);
    expect(plain!.extra).toBeUndefined();
  });

  it('are written back by the CSL-JSON export as they came, and come back again', () => {
    const papers = papersFrom(JSON.stringify(ITEMS));
    const [book, plain] = toCslItems(papers) as Record<string, unknown>[];
    for (const name of ['translator', 'original-date', 'issued', 'accessed']) {
      expect(book![name], name).toEqual((ITEMS[0] as Record<string, unknown>)[name]);
    }
    expect(plain!.issued).toEqual({ 'date-parts': [[2020]] });
    const again = papersFrom(JSON.stringify([book, plain]));
    expect(again.map((p) => [p.year, p.extra])).toEqual(papers.map((p) => [p.year, p.extra]));
  });

  it('a year edited since the import wins over the full date kept', () => {
    const [book] = papersFrom(JSON.stringify(ITEMS));
    const [item] = toCslItems([{ ...book!, year: 2008 }]) as Record<string, unknown>[];
    expect(item!.issued).toEqual({ 'date-parts': [[2008]] });
  });
});
