// Import, export, import again, for each export format over ../shared/corpus (its RIS and CSL-JSON files,
// and BibTeX's small ones; round-trip-corpus.test.ts takes every BibTeX file through BibTeX): every field the
// format carries comes back equal. What a format cannot carry is named in LOSSES, each a documented loss.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPapers } from '../../electron/core/exporters/index';
import { extraLinks, linkUrl } from '../../electron/core/exporters/shared';
import { decodeImportBytes } from '../../electron/core/importers/decode';
import { parseImport } from '../../electron/core/importers/index';
import { authorNamesOf } from '../../electron/core/names';
import { createPaper } from '../../electron/core/paper';
import type { Paper } from '../../electron/core/schema';
import { corpusFile } from './helpers';

const CORPUS = corpusFile();
const SOURCE = { format: 'corpus', name: 'corpus', importedAt: '2026-12-02T00:00:00.000Z' } as const;
// BibTeX files under 20 kB: the big ones take seconds each through three formats, and BibTeX's own test has them.
const SMALL = 20_000;

function corpusFiles(): string[] {
  if (!existsSync(CORPUS)) return [];
  const list = (dir: string, keep: (name: string) => boolean) =>
    existsSync(join(CORPUS, dir))
      ? readdirSync(join(CORPUS, dir))
          .filter(keep)
          .map((name) => join(dir, name))
      : [];
  return [
    ...list('ris', () => true),
    ...list('csl-json', () => true),
    ...list('bibtex', (name) => name.endsWith('.bib') && statSync(join(CORPUS, 'bibtex', name)).size < SMALL),
  ];
}

type Format = 'bibtex' | 'ris' | 'csl-json';

/**
 * What each format cannot carry, by design (compared as undefined):
 * - RIS: the parts of the title (no subtitle tag; the title goes joined), editors' and authors' particle
 *   as a part (RIS has "von Neumann, John": the particle is taken apart again from lower-case words, so it
 *   comes back unless the source put a capitalised particle in the family name), links' labels (UR has none),
 *   and a second line of a tag the export writes itself (a second JF). A second venue tag (JO beside JF), a
 *   date beyond its year (DA) and a second SN are kept in extra and written back (ris-unused.test.ts).
 * - CSL-JSON: the parts of the title (no subtitle variable), links beyond the first address (URL is one),
 *   and the dropping/non-dropping distinction of particles. Other name and date variables (translator,
 *   accessed) and a full issued date are kept in extra as JSON and written back (importers/csl-extra.test.ts).
 * - BibTeX: links keep their labels in note; nothing named here (see round-trip-corpus.test.ts).
 * Every format: the user's note, status, history, highlights and PDFs (the JSON backup carries them); tags
 * go out as keywords.
 */
const LOSSES: Record<Format, string[]> = {
  bibtex: [],
  ris: ['titleParts', 'links'],
  'csl-json': ['titleParts', 'links'],
};

const carried = (format: Format) => (p: Paper) => {
  const all: Record<string, unknown> = {
    title: p.title,
    titleParts: p.titleParts,
    authors: p.authors,
    authorNames: authorNamesOf(p),
    editors: p.editors,
    year: p.year,
    type: p.type,
    genre: p.genre,
    language: p.language,
    venue: p.venue,
    volume: p.volume,
    issue: p.issue,
    pages: p.pages,
    publisher: p.publisher,
    issn: p.issn,
    isbn: p.isbn,
    doi: p.doi,
    arxivId: p.arxivId,
    url: linkUrl(p),
    links: extraLinks(p).map((link) => link.url),
    abstract: p.abstract,
    keywords: p.keywords,
    citationKey: p.citationKey,
    // Only this format's own fields kept verbatim come back from it.
    extra: Object.entries(p.extra ?? {}).filter(([key]) =>
      key.startsWith(`${format === 'csl-json' ? 'csl' : format}:`),
    ),
  };
  for (const lost of LOSSES[format]) delete all[lost];
  return all;
};

function papersFrom(text: string, label: string): Paper[] {
  return parseImport(text, 'auto', label).drafts.map((draft, i) => createPaper(draft, SOURCE, i, SOURCE.importedAt));
}

function exported(papers: Paper[], format: Format): string {
  const out = exportPapers(papers, format, { now: new Date(SOURCE.importedAt) });
  if (out.kind !== 'file') throw new Error('expected one file');
  return out.content;
}

const FILES = corpusFiles();

describe.skipIf(FILES.length === 0)('each export format, export then import, over ../shared/corpus', () => {
  it.each(FILES)('%s', async (file) => {
    const { text } = decodeImportBytes(await readFile(join(CORPUS, file)));
    const papers = papersFrom(text, file);
    for (const format of ['ris', 'csl-json', 'bibtex'] as const) {
      // A first trip settles what the format normalises (one venue of several, a date to its year)...
      const once = papersFrom(exported(papers, format), `${file} as ${format}`);
      expect(
        once.map((p) => p.title),
        format,
      ).toEqual(papers.map((p) => p.title));
      // ...after which every field it carries comes back equal.
      const twice = papersFrom(exported(once, format), `${file} as ${format} again`);
      expect(twice.map(carried(format)), format).toEqual(once.map(carried(format)));
    }
  });
});

describe('CSV and Markdown are written, not read back', () => {
  it('CSV carries title, authors, year, venue, DOI, arXiv id, url and links in its columns', () => {
    const [paper] = papersFrom(
      '@article{k, title={A title, with "quotes"}, author={Doe, Jane and Roe, Rick}, year=2020, journal={J}, ' +
        'doi={10.1000/x}, url={https://example.org/x}}',
      'one.bib',
    );
    const out = exportPapers([paper!], 'csv', { now: new Date(SOURCE.importedAt) });
    if (out.kind !== 'file') throw new Error('expected one file');
    const [header, row] = out.content.replace(/^\uFEFF/, '').split('\r\n');
    expect(header!.split(',').slice(0, 9)).toEqual([
      'id',
      'title',
      'authors',
      'year',
      'venue',
      'doi',
      'arxiv_id',
      'url',
      'links',
    ]);
    expect(row).toContain('"A title, with ""quotes"""');
    expect(row).toContain('Jane Doe; Rick Roe,2020,J,10.1000/x,,https://example.org/x');
  });
});
