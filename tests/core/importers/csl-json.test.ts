import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cslJsonImporter } from '../../../electron/core/importers/csl-json';
import { fixture, corpusFile } from '../helpers';
import { withoutNames } from './without-names';

const CORPUS = corpusFile();
const read = (name: string): Promise<string> => readFile(fixture(join('csl-json', name)), 'utf8');

describe('CSL-JSON importer', () => {
  it('reads a Crossref API response: array titles, JATS abstract, HTML markup and entities reduced to text', async () => {
    const parsed = withoutNames(cslJsonImporter.parse(await read('crossref-works.json'), 'works.json'));
    expect(parsed).toMatchObject({ format: 'csl-json', sourceName: 'works.json', found: 2, problems: [] });
    expect(parsed.drafts[0]).toEqual({
      title: 'Splitting H2O with E. coli & light',
      type: 'article-journal',
      authors: ['Marie Curie', 'Ludwig van Beethoven'],
      // The "Abstract" heading is dropped and paragraphs are separated by a space.
      abstract: 'We split water – efficiently. It works at room temperature, with <5% loss.',
      year: 2019,
      venue: 'Journal of Chemistry & Biology',
      keywords: ['Chemistry', 'Biology'],
      doi: '10.1000/JCHEM.2019.42',
      url: 'http://dx.doi.org/10.1000/jchem.2019.42',
      links: [{ label: 'DOI', url: 'http://dx.doi.org/10.1000/jchem.2019.42' }],
    });
    expect(parsed.drafts[1]).toEqual({
      title: 'A preprint with only an online date',
      type: 'article',
      authors: [],
      year: 2022,
      doi: '10.1000/no-date',
    });
  });

  it('reads a Zotero-style array: citation keys, keywords, arXiv ids, editors and odd dates', async () => {
    const parsed = withoutNames(cslJsonImporter.parse(await read('zotero-items.json'), 'zotero.json'));
    expect(parsed.found).toBe(8);
    const [turing, vaswani, edited, oldPreprint, report] = parsed.drafts;
    expect(turing).toEqual({
      title: 'Computing Machinery and Intelligence',
      type: 'article-journal',
      authors: ['Alan M. Turing'],
      year: 1950,
      venue: 'Mind',
      citationKey: 'turing1950computing',
      keywords: ['artificial intelligence', 'imitation game'],
      doi: '10.1093/MIND/LIX.236.433',
    });
    expect(vaswani).toMatchObject({
      authors: ['Ashish Vaswani', 'Google Brain'],
      year: 2017,
      arxivId: '1706.03762',
      citationKey: 'vaswani2017',
      keywords: ['transformers', 'attention'],
    });
    expect(edited).toMatchObject({ authors: ['Carol Coburn'], year: 1887, citationKey: '42' });
    expect(oldPreprint).toMatchObject({ arxivId: 'hep-th/9901001', year: 1999, url: 'https://example.org/report' });
    // A report number shaped like an arXiv id is not one unless the item says it is arXiv.
    expect(report?.title).toBe('A Report Whose Number Only Looks Like arXiv');
    expect(report?.arxivId).toBeUndefined();
  });

  it('keeps an item without a title (its title empty) and reports a non-object entry', async () => {
    const parsed = withoutNames(cslJsonImporter.parse(await read('zotero-items.json'), 'zotero.json'));
    expect(parsed.drafts).toHaveLength(7);
    expect(parsed.drafts.find((d) => d.citationKey === 'untitled')).toEqual({
      title: '',
      type: 'article-journal',
      authors: ['No Title'],
      citationKey: 'untitled',
    });
    expect(parsed.problems).toEqual([{ where: 'zotero.json, item 7', message: 'not a CSL item (expected an object)' }]);
  });

  it('never keeps markup: script content is dropped, escaped markup stays as text, javascript: URLs are not links', async () => {
    const parsed = withoutNames(cslJsonImporter.parse(await read('zotero-items.json'), 'zotero.json'));
    const hostile = parsed.drafts.find((d) => d.citationKey === 'hostile');
    expect(hostile?.title).toBe('Bold <img src=x>');
    expect(hostile?.url).toBeUndefined();
    expect(hostile?.links).toBeUndefined();
  });

  it("reads Crossref's object keyed by DOI, taking the key as the DOI when the item has none", async () => {
    const parsed = withoutNames(cslJsonImporter.parse(await read('crossref-by-doi.json'), 'by-doi.json'));
    expect(parsed.found).toBe(2);
    expect(parsed.drafts).toEqual([
      {
        title: 'Keyed by its DOI',
        authors: ['Ada Lovelace'],
        year: 1843,
        doi: '10.1000/first',
        type: 'article-journal',
      },
      { title: 'Second, with its own DOI field', authors: [], doi: '10.1000/SECOND', type: 'article-journal' },
    ]);
  });

  it('reads a single item object with a BOM behind leading whitespace, and a single-work Crossref response', () => {
    const single = ' \uFEFF{"type": "article", "id": "a", "title": "Single", "number": "arXiv:2101.00001v2"}';
    expect(cslJsonImporter.sniff(single)).toBe(true);
    expect(cslJsonImporter.parse(single, 'one.json').drafts).toEqual([
      { title: 'Single', authors: [], citationKey: 'a', arxivId: '2101.00001', type: 'article' },
    ]);
    const work = JSON.stringify({
      status: 'ok',
      message: { type: 'journal-article', title: ['Work'], DOI: '10.1000/x' },
    });
    expect(cslJsonImporter.parse(work, 'work.json').drafts).toEqual([
      { title: 'Work', authors: [], doi: '10.1000/x', type: 'article-journal' },
    ]);
  });

  it('finds the year in date ranges, string parts, literal and raw dates, and skips null parts', () => {
    const items = [
      { type: 'book', title: 'Range', issued: { 'date-parts': [[2001], [2003]] } },
      { type: 'book', title: 'Null', issued: { 'date-parts': [[null]] }, published: { raw: '2005-02' } },
      { type: 'book', title: 'Circa', issued: { literal: 'ca. 1850', circa: 1 } },
      { type: 'book', title: 'Season', issued: { 'date-parts': [['1999', 13]], season: 1 } },
    ];
    const parsed = cslJsonImporter.parse(JSON.stringify(items), 'dates.json');
    expect(parsed.drafts.map((d) => d.year)).toEqual([2001, 2005, 1850, 1999]);
  });

  it('reports invalid JSON and JSON that is not CSL, without throwing', () => {
    const broken = cslJsonImporter.parse('[{"title": ', 'broken.json');
    expect(broken.drafts).toEqual([]);
    expect(broken.found).toBe(0);
    expect(broken.problems[0]?.where).toBe('broken.json');
    expect(broken.problems[0]?.message).toMatch(/^not valid JSON/);
    expect(cslJsonImporter.parse('{"version": 1, "papers": []}', 'backup.json').problems).toEqual([
      { where: 'backup.json', message: 'this JSON is not CSL-JSON (no items with a type, title or author)' },
    ]);
  });

  it('sniffs CSL-JSON shapes and refuses backups, Hugging Face daily papers and other JSON', async () => {
    expect(cslJsonImporter.sniff(await read('crossref-works.json'))).toBe(true);
    expect(cslJsonImporter.sniff(await read('zotero-items.json'))).toBe(true);
    expect(cslJsonImporter.sniff(await read('crossref-by-doi.json'))).toBe(true);
    expect(cslJsonImporter.sniff('{"version": 1, "papers": [{"id": "a", "title": "t"}]}')).toBe(false);
    expect(cslJsonImporter.sniff('[{"paper": {"id": "2401.00001", "title": "t"}, "title": "t"}]')).toBe(false);
    expect(cslJsonImporter.sniff("[\"{'paper': {'id': '2412.07730'}}\"]")).toBe(false);
    expect(cslJsonImporter.sniff('[]')).toBe(false);
    expect(cslJsonImporter.sniff('{"name": "package", "version": "1.0.0"}')).toBe(false);
    expect(cslJsonImporter.sniff('TY  - JOUR\nTI  - x\nER  -')).toBe(false);
  });
});

describe.skipIf(!existsSync(CORPUS))('CSL-JSON importer on the real corpus', () => {
  it('citation-js-bibtex-csl.json: 16 items, all papers', async () => {
    const text = await readFile(join(CORPUS, 'csl-json', 'citation-js-bibtex-csl.json'), 'utf8');
    const parsed = withoutNames(cslJsonImporter.parse(text, 'bibtex-csl.json'));
    expect(parsed).toMatchObject({ found: 16, problems: [] });
    expect(parsed.drafts).toHaveLength(16);
    expect(parsed.drafts[0]).toEqual({
      title: 'Lorem Ipsum',
      type: 'article-journal',
      authors: ['Alice Adams', 'Bob Brody'],
      year: 2020,
      venue: 'The BibTeX Journal',
      volume: '5',
      issue: '6',
      pages: '200-210',
      citationKey: 'Article',
    });
    // Proceedings have editors only; a book with authors keeps its authors.
    expect(parsed.drafts.find((d) => d.citationKey === 'Proceedings')?.authors).toEqual(['Carol Coburn']);
    expect(parsed.drafts.find((d) => d.citationKey === 'Book')?.authors).toEqual(['Alice Adams', 'Bob Brody']);
    expect(parsed.drafts.at(-1)).toEqual({
      title: 'Review and identification of the cuckoo bees of central Europe (Hymenoptera: Halictidae: Sphecodes)',
      type: 'article-journal',
      authors: ['Petr Bogusch', 'Jakub Straka'],
      year: 2012,
      venue: 'Zootaxa',
      volume: '3311',
      issue: '1',
      pages: '1-41',
      citationKey: 'loir:B6',
    });
  });

  it('claims the CSL-JSON file in the corpus and no other file', async () => {
    const claimed: string[] = [];
    for (const folder of await readdir(CORPUS, { withFileTypes: true })) {
      if (!folder.isDirectory()) continue;
      for (const name of await readdir(join(CORPUS, folder.name))) {
        const text = await readFile(join(CORPUS, folder.name, name), 'utf8');
        if (cslJsonImporter.sniff(text)) claimed.push(`${folder.name}/${name}`);
      }
    }
    expect(claimed).toEqual(['csl-json/citation-js-bibtex-csl.json']);
  });
});
