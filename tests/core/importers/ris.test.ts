import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { risImporter } from '../../../electron/core/importers/ris';
import { fixture, corpusFile } from '../helpers';
import { withoutNames } from './without-names';

const CORPUS = corpusFile();
const read = (name: string): Promise<string> => readFile(fixture(join('ris', name)), 'utf8');
const readCorpus = (name: string): Promise<string> => readFile(join(CORPUS, 'ris', name), 'utf8');

describe('RIS importer', () => {
  it('reads a Zotero export with a BOM and mixed CRLF/LF line endings', async () => {
    const parsed = withoutNames(risImporter.parse(await read('zotero-bom-crlf.ris'), 'zotero.ris'));
    expect(parsed).toMatchObject({ format: 'ris', sourceName: 'zotero.ris', found: 2, problems: [] });
    expect(parsed.drafts[0]).toEqual({
      // Continuation lines of a title or abstract are hard wraps, joined with one space.
      title: 'Sparse Attention Is All You Need, Mostly',
      type: 'article-journal',
      authors: ['Ada Lovelace', 'Jan van der Berg Jr.', 'Consortium'],
      abstract: 'We study sparse attention. The method needs no retraining.',
      year: 2023,
      venue: 'Journal of Imaginary Results',
      citationKey: 'lovelace2023sparse',
      keywords: ['Computer Science - Machine Learning', 'attention', 'sparsity'],
      url: 'http://arxiv.org/abs/2301.01234v2',
      links: [
        { label: 'arXiv', url: 'http://arxiv.org/abs/2301.01234v2' },
        { label: 'arXiv', url: 'https://arxiv.org/pdf/2301.01234v2.pdf' },
      ],
      doi: '10.48550/arXiv.2301.01234',
      arxivId: '2301.01234',
    });
  });

  it('takes A1 authors, a Y1 year with empty parts, BT as venue and a DOI from a doi.org URL', async () => {
    const parsed = withoutNames(risImporter.parse(await read('zotero-bom-crlf.ris'), 'zotero.ris'));
    expect(parsed.drafts[1]).toMatchObject({
      title: 'Causal Probing of Language Models',
      authors: ['Grace Hopper'],
      year: 2021,
      venue: 'Proceedings of the Workshop',
      doi: '10.1000/XYZ.123',
      url: 'https://doi.org/10.1000/XYZ.123',
    });
    expect(parsed.drafts[1]?.arxivId).toBeUndefined();
  });

  it('splits records on a repeated TY, starts one at a tag after ER, keeps an untitled record and reports an empty one', async () => {
    const parsed = withoutNames(risImporter.parse(await read('broken.ris'), 'broken.ris'));
    expect(parsed.found).toBe(6);
    expect(parsed.drafts.map((d) => d.title)).toEqual([
      'First record ends without ER',
      'A new TY starts the second record',
      'Third record has no TY line',
      '',
      '<img src=x onerror=alert(1)> &amp; kept as text',
    ]);
    expect(parsed.drafts[3]?.abstract).toBe('A record whose title is empty is still a paper, shown as Untitled.');
    expect(parsed.problems).toEqual([
      {
        where: 'broken.ris, record 5 (line 24)',
        message: 'skipped: the entry has no title, author, year, key or other field Paperqueue keeps',
      },
    ]);
  });

  it('takes the first four-digit year among odd dates and ignores a two-digit one', async () => {
    const parsed = withoutNames(risImporter.parse(await read('broken.ris'), 'broken.ris'));
    expect(parsed.drafts[0]?.year).toBe(2001);
    expect(parsed.drafts[1]?.year).toBeUndefined();
  });

  it('keeps a blank line inside a record and skips an empty N2', async () => {
    const parsed = withoutNames(risImporter.parse(await read('broken.ris'), 'broken.ris'));
    expect(parsed.drafts[1]?.abstract).toBe('A blank line inside a record does not end it.');
  });

  it('reads one keyword per continuation line, keeping commas inside a keyword', async () => {
    const parsed = withoutNames(risImporter.parse(await read('broken.ris'), 'broken.ris'));
    expect(parsed.drafts[2]?.keywords).toEqual([
      'Health Facility Administration',
      'Joint Commission',
      'Professional Practice, Evidence-Based',
    ]);
  });

  it('reads each continuation line of an author tag as another author', () => {
    const text = 'TY  - JOUR\nTI  - T\nAU  - Harrison, Warren \nLevenshtein\n        Morris\nAU  - Doe, null\nER  -\n';
    expect(risImporter.parse(text, 'x').drafts[0]?.authors).toEqual([
      'Warren Harrison',
      'Levenshtein',
      'Morris',
      'Doe',
    ]);
  });

  it('accepts tags with no value or trailing spaces, and a BOM behind leading whitespace', () => {
    const text = ' \uFEFF\r\nTY  - JOUR \r\nTI  - Spaced title  \r\nAB  -\r\nER  -';
    const parsed = risImporter.parse(text, 'x.ris');
    expect(risImporter.sniff(text)).toBe(true);
    expect(parsed.drafts).toEqual([{ title: 'Spaced title', authors: [], type: 'article-journal' }]);
    expect(parsed.found).toBe(1);
  });

  it('strips a BOM glued to the first tag, whatever that tag is', () => {
    expect(risImporter.parse('\uFEFFTI  - Title first\r\nER  -', 'x').drafts).toEqual([
      { title: 'Title first', authors: [] },
    ]);
    expect(risImporter.sniff('\uFEFFTY  - JOUR\nTI  - x')).toBe(true);
  });

  it('reports a file with no RIS records at all, and never throws on junk', () => {
    expect(risImporter.parse('just some words\n', 'notes.txt')).toEqual({
      format: 'ris',
      sourceName: 'notes.txt',
      drafts: [],
      problems: [{ where: 'notes.txt', message: 'no RIS records found (no lines like "TY  - JOUR")' }],
      found: 0,
    });
    expect(risImporter.parse('', 'empty.ris')).toMatchObject({ drafts: [], problems: [], found: 0 });
  });

  it('stays fast on a huge single line', () => {
    const started = Date.now();
    const parsed = risImporter.parse(`TY  - JOUR\nTI  - ${'a -'.repeat(300_000)}\nER  -\n`, 'big.ris');
    expect(parsed.drafts).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('sniffs RIS from content only', async () => {
    expect(risImporter.sniff(await read('zotero-bom-crlf.ris'))).toBe(true);
    expect(risImporter.sniff(await read('broken.ris'))).toBe(true);
    expect(risImporter.sniff('@article{key, title={TY  - JOUR}}')).toBe(false);
    expect(risImporter.sniff('[{"type": "article", "title": "x"}]')).toBe(false);
    expect(risImporter.sniff('A title\n\nAn abstract - with a dash.\n')).toBe(false);
  });
});

describe.skipIf(!existsSync(CORPUS))('RIS importer on the real corpus', () => {
  it('asreview-baseline-bom-crlf.ris: 100 records, all papers, BOM and mixed line endings handled', async () => {
    const parsed = risImporter.parse(await readCorpus('asreview-baseline-bom-crlf.ris'), 'baseline.ris');
    expect(parsed.found).toBe(100);
    expect(parsed.drafts).toHaveLength(100);
    expect(parsed.problems).toEqual([]);
    const first = parsed.drafts[0];
    expect(first).toMatchObject({
      title:
        'The Value of Radiologic Interventions and 18 F-DOPA PET in Diagnosing and Localizing Focal Congenital Hyperinsulinism: Systematic Review and Meta-Analysis',
      year: 2012,
      venue: 'Molecular imaging and biology',
      doi: '10.1007/s11307-012-0572-0',
      url: 'https://lens.org/000-463-679-101-319',
      citationKey: '000-463-679-101-319',
    });
    expect(first?.authors).toEqual([
      'Björn A. Blomberg',
      'Mateen Moghbel',
      'Babak Saboury',
      'Charles A. Stanley',
      'Abass Alavi',
    ]);
    // UR, one L1 and eight L2 links, none twice.
    expect(first?.links).toHaveLength(9);
    expect(parsed.drafts.at(-1)?.title).toBe(
      'The effect of intra-arterial angiotensin II on the hepatic tumor to non-tumor blood flow ratio for radioembolization: a systematic review',
    );
    expect(parsed.drafts.filter((d) => d.abstract).length).toBe(98);
    expect(parsed.drafts.every((d) => d.doi && d.year)).toBe(true);
    expect(parsed.drafts.flatMap((d) => d.authors ?? [])).toHaveLength(648);
    expect(parsed.drafts.flatMap((d) => d.authors ?? []).filter((a) => /\bnull\b/.test(a))).toEqual([]);
  });

  it('asreview-baseline-bom-crlf.ris: an abstract running over untagged lines is joined', async () => {
    const parsed = risImporter.parse(await readCorpus('asreview-baseline-bom-crlf.ris'), 'baseline.ris');
    const draft = parsed.drafts.find((d) => d.title.startsWith('Current Evidence for Continuous Vital Signs'));
    expect(draft?.abstract).toMatch(/^Background: Continuous monitoring .* Objective: The aim of this study/);
    expect(draft?.abstract).not.toContain('\n');
  });

  it('asreview-rayyan-issue992.txt: 19 records with keywords over continuation lines', async () => {
    const parsed = risImporter.parse(await readCorpus('asreview-rayyan-issue992.txt'), 'rayyan.txt');
    expect(parsed).toMatchObject({ found: 19, problems: [] });
    expect(parsed.drafts).toHaveLength(19);
    expect(parsed.drafts[0]).toMatchObject({
      title: 'Overcoming Medication Reconciliation Challenges',
      year: 2011,
      venue: 'Joint Commission Perspectives on Patient Safety',
      citationKey: '1',
    });
    expect(parsed.drafts[0]?.keywords).toHaveLength(13);
    expect(parsed.drafts[0]?.keywords?.slice(0, 3)).toEqual([
      'Health Facility Administration',
      'Joint Commission',
      'Standards',
    ]);
    expect(parsed.drafts[1]?.keywords).toContain('Professional Practice, Evidence-Based');
    // "UR  - <Go to ISI>://WOS:…" is not a web link.
    const quarterly = parsed.drafts.find((d) => d.title === 'Quarterly change');
    expect(quarterly).toMatchObject({ doi: '10.4168/aair.2012.4.1.1', authors: ['C. S. Park'] });
    expect(quarterly?.url).toBeUndefined();
  });

  it('asreview-empty-values.ris: 4 records, the 2 without a title kept with an empty title', async () => {
    const parsed = risImporter.parse(await readCorpus('asreview-empty-values.ris'), 'empty.ris');
    expect(parsed.found).toBe(4);
    const lorem = 'Lorem ipsum dolor sit amet, consectetuer adipiscing elit.';
    expect(parsed.drafts).toEqual([
      { title: 'Title of reference', authors: [], citationKey: '1', type: 'document' },
      { title: '', authors: [], abstract: lorem, citationKey: '2', type: 'document' },
      { title: 'Title of reference', authors: [], citationKey: '3', type: 'document' },
      { title: '', authors: [], abstract: lorem, citationKey: '4', type: 'document' },
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('jabref-test1-multi-TY-continuation.ris: the broken file gives one paper and two untitled records', async () => {
    const parsed = withoutNames(
      risImporter.parse(await readCorpus('jabref-test1-multi-TY-continuation.ris'), 'test1.ris'),
    );
    // Nine TY lines in a row are one record; the TY OTHER and TY THES further down start two more.
    expect(parsed.found).toBe(3);
    expect(parsed.drafts).toEqual([
      {
        title: 'Editorial: Open Source and Empirical Software Engineering:',
        type: 'book',
        authors: ['Cocke', 'Warren Harrison', 'Levenshtein', 'Morris'],
        year: 2001,
        venue: 'Empirical Software Engineering',
        volume: '6',
        pages: '193–194',
      },
      { title: '', authors: [], venue: 'kmptnd', publisher: 'kmptnv' },
      {
        title: '',
        type: 'thesis',
        authors: [],
        abstract: 'abstract0',
        publisher: 'kmptvf',
        issn: 'kmptns',
        citationKey: '123456',
        keywords: ['keyword0', 'keyword1'],
        links: [{ label: 'DOI', url: 'http://dx.doi.org/10.1023/A:1017379030770' }],
        url: 'http://dx.doi.org/10.1023/A:1017379030770',
        doi: '10.1023/A:1017379030770',
      },
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('jabref-scopus.ris: one record with DOI, keywords and a URL with & parameters', async () => {
    const parsed = risImporter.parse(await readCorpus('jabref-scopus.ris'), 'scopus.ris');
    expect(parsed).toMatchObject({ found: 1, problems: [] });
    expect(parsed.drafts[0]).toMatchObject({
      title:
        'A transversely isotropic composite with a statistical distribution of spheroidal inclusions: A geometrical approach to overall properties',
      authors: ['S. Federico', 'A. Grillo', 'W. Herzog'],
      year: 2004,
      venue: 'Journal of the Mechanics and Physics of Solids',
      doi: '10.1016/j.jmps.2004.03.010',
      keywords: ['Composite', 'Inclusions', 'Statistical distribution', 'Transverse isotropy'],
      url: 'http://www.scopus.com/inward/record.url?eid=2-s2.0-4544289390&partnerID=40&md5=ad1a4baab95650b103a3467b787b83aa',
    });
  });

  it('claims every RIS file in the corpus and nothing else', async () => {
    const claimed: string[] = [];
    for (const folder of await readdir(CORPUS, { withFileTypes: true })) {
      if (!folder.isDirectory()) continue;
      for (const name of await readdir(join(CORPUS, folder.name))) {
        const text = await readFile(join(CORPUS, folder.name, name), 'utf8');
        if (risImporter.sniff(text)) claimed.push(`${folder.name}/${name}`);
      }
    }
    expect(claimed.sort()).toEqual([
      'ris/asreview-baseline-bom-crlf.ris',
      'ris/asreview-empty-values.ris',
      'ris/asreview-rayyan-issue992.txt',
      'ris/jabref-scopus.ris',
      'ris/jabref-test1-multi-TY-continuation.ris',
    ]);
  });
});
