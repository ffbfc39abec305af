import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { arxivListingImporter } from '../../../electron/core/importers/arxiv-listing';
import { corpusFile } from '../helpers';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'arxiv-listing');
const CORPUS = corpusFile('arxiv-html');
const PASTWEEK = 'astro-ph-pastweek-2024-11-22-browser-saved.html';
const read = (dir: string, name: string) => readFile(join(dir, name), 'utf8');

describe('arXiv listing importer', () => {
  it('reads a /new listing: title without "Title:", TeX kept from MathJax, authors, subjects, abstract', async () => {
    const parsed = arxivListingImporter.parse(await read(FIXTURES, 'new-listing.html'), 'new-listing.html');
    expect(parsed.format).toBe('arxiv-listing');
    expect(parsed.sourceName).toBe('Computation and Language');
    const [first, second] = parsed.drafts;
    expect(first).toEqual({
      title: 'Scaling Laws for $\\alpha$-Entmax Attention & Friends',
      arxivId: '2411.10001',
      authors: ['Jane Doe', 'Klaus Müller'],
      abstract: 'We fit scaling laws for $\\alpha$-entmax attention.',
      keywords: ['Computation and Language (cs.CL)', 'Machine Learning (cs.LG)'],
      venue: 'ACL 2025',
      year: 2024,
      links: [
        { label: 'Code', url: 'https://github.com/example/entmax' },
        { label: 'arXiv', url: 'https://arxiv.org/abs/2411.10001' },
      ],
    });
    // The rendered MathJax spans are dropped; the TeX source from the math/tex script is kept.
    expect(second?.title).toBe('$H_0$ Without Tears');
    expect(second?.arxivId).toBe('2411.10002');
  });

  it('keeps a paper listed twice once and reports an entry with no id by its item number', async () => {
    const parsed = arxivListingImporter.parse(await read(FIXTURES, 'new-listing.html'), 'new-listing.html');
    expect(parsed.found).toBe(4);
    expect(parsed.drafts.map((d) => d.arxivId)).toEqual(['2411.10001', '2411.10002']);
    expect(parsed.problems).toEqual([
      { where: 'new-listing.html, item 4', message: 'no arXiv id in this entry, so it was skipped' },
    ]);
  });

  it('reads the older layout with relative links and old-style ids', async () => {
    const text = await read(FIXTURES, 'old-listing.html');
    expect(arxivListingImporter.sniff(text)).toBe(true);
    const parsed = arxivListingImporter.parse(text, 'old-listing.html');
    expect(parsed.problems).toEqual([]);
    expect(parsed.drafts).toEqual([
      {
        title: 'Strings on Orbifolds',
        arxivId: 'hep-th/9901001',
        authors: ['Richard Roe', 'Edgar Poe'],
        keywords: ['High Energy Physics - Theory (hep-th)'],
        year: 1999,
        links: [{ label: 'arXiv', url: 'https://arxiv.org/abs/hep-th/9901001' }],
      },
    ]);
    expect(parsed.sourceName).toBe('High Energy Physics - Theory');
  });

  it('sniffs listing pages only', async () => {
    expect(arxivListingImporter.sniff(await read(FIXTURES, 'new-listing.html'))).toBe(true);
    expect(arxivListingImporter.sniff('<html><body><dl><dt>term</dt><dd>x</dd></dl></body></html>')).toBe(false);
    expect(arxivListingImporter.sniff('Title: x\nAbstract: y')).toBe(false);
  });

  it('never throws on broken markup: an unclosed entry is still read, an empty one reported', () => {
    const unclosed = arxivListingImporter.parse(
      '<dl><dt><a href="/abs/2401.00001">arXiv:2401.00001<dd><div class="list-title">Title: Half a Page',
      'bad.html',
    );
    expect(unclosed.drafts.map((d) => [d.arxivId, d.title])).toEqual([['2401.00001', 'Half a Page']]);
    const untitled = arxivListingImporter.parse(
      '<dl><dt><a href="/abs/2401.00002">x</a></dt><dd><div class="list-title"></div></dd><dt>[2]</dt></dl>',
      'bad.html',
    );
    expect(untitled.drafts).toEqual([]);
    expect(untitled.problems).toEqual([
      { where: 'bad.html, item 1', message: 'arXiv:2401.00002 has no title, so it was skipped' },
      { where: 'bad.html, item 2', message: 'this entry has no title or authors after its id, so it was skipped' },
    ]);
    expect(arxivListingImporter.parse('', 'empty.html')).toMatchObject({ drafts: [], problems: [], found: 0 });
  });
});

describe.skipIf(!existsSync(join(CORPUS, PASTWEEK)))('arXiv listing corpus', () => {
  it(`${PASTWEEK}: 397 papers, 397 ids, names decoded, MathJax undone`, async () => {
    const text = await read(CORPUS, PASTWEEK);
    expect(arxivListingImporter.sniff(text)).toBe(true);
    const parsed = arxivListingImporter.parse(text, PASTWEEK);
    expect(parsed.sourceName).toBe('astro-ph, past week');
    expect(parsed.found).toBe(397);
    expect(parsed.drafts).toHaveLength(397);
    expect(parsed.problems).toEqual([]);
    expect(new Set(parsed.drafts.map((d) => d.arxivId)).size).toBe(397);
    // The pastweek listing carries no abstracts.
    expect(parsed.drafts.filter((d) => d.abstract)).toHaveLength(0);

    const first = parsed.drafts[0];
    expect(first?.arxivId).toBe('2411.14419');
    expect(first?.title).toBe(
      'Combining summary statistics with simulation-based inference for the 21 cm signal from the Epoch of Reionization',
    );
    expect(first?.authors).toEqual(['Benoit Semelin', 'Romain Mériot', 'Ashutosh Mishra', 'David Cornu']);
    expect(first?.keywords).toEqual(['Cosmology and Nongalactic Astrophysics (astro-ph.CO)']);

    const byId = (id: string) => parsed.drafts.find((d) => d.arxivId === id);
    expect(byId('2411.14273')?.title).toBe('Examining the evolution of the Supersoft X-ray Source RX J$0513.9-6951$');
    expect(byId('2411.14392')?.links).toEqual([
      { label: 'Code', url: 'https://github.com/Yash-10/cvt-cosmo-inference/' },
      { label: 'arXiv', url: 'https://arxiv.org/abs/2411.14392' },
    ]);
    // A cross-list from math.NA: its primary subject first, then the astro-ph one it was listed under.
    expect(byId('2411.14399')?.keywords).toEqual([
      'Numerical Analysis (math.NA)',
      'Instrumentation and Methods for Astrophysics (astro-ph.IM)',
      'General Relativity and Quantum Cosmology (gr-qc)',
      'Mathematical Physics (math-ph)',
    ]);
    expect(byId('2411.14399')?.title).toMatch(/^DiscoTEX 1\.0: Discontinuous collocation and implicit-turned-explicit/);
    expect(parsed.drafts.filter((d) => !d.keywords?.[0]?.includes('(astro-ph'))).toHaveLength(63);
    expect(parsed.drafts.filter((d) => d.venue)).toHaveLength(32);
    expect(parsed.drafts.some((d) => /MathJax|<span/.test(d.title))).toBe(false);
  });
});
