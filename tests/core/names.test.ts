import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPapers } from '../../electron/core/exporters/index';
import { parseImport } from '../../electron/core/importers/index';
import { authorNamesOf, displayName } from '../../electron/core/names';
import { createPaper } from '../../electron/core/paper';
import type { Paper, PersonName } from '../../electron/core/schema';
import { MIGRATIONS } from '../../electron/core/store/migrations';
import { LibraryStore } from '../../electron/core/store/store';
import { tempDir } from './helpers';

const NOW = '2026-12-02T10:00:00.000Z';
const SOURCE = { format: 'test', name: 'test', importedAt: NOW };

function papersFrom(text: string): Paper[] {
  const parsed = parseImport(text, 'auto', 'names');
  expect(parsed.problems).toEqual([]);
  return parsed.drafts.map((draft, i) => createPaper(draft, SOURCE, i, NOW));
}

const exported = (papers: Paper[], format: 'bibtex' | 'ris' | 'csl-json'): string => {
  const out = exportPapers(papers, format, { now: new Date(NOW) });
  if (out.kind !== 'file') throw new Error('expected one file');
  return out.content;
};

const ISSUE_ENTRY =
  '@article{a, title={{\\"U}ber die {T}heorie}, year=1932, author={M{\\"u}ller, Hans and von Neumann, John and ' +
  "{American Psychological Association} and King, Jr., Martin and Ludwig van Beethoven and {\\'E}mile Zola and Plato}," +
  ' editor={de la Fontaine, Jean}}';

const ISSUE_NAMES: PersonName[] = [
  { family: 'Müller', given: 'Hans' },
  { family: 'Neumann', given: 'John', particle: 'von' },
  { literal: 'American Psychological Association' },
  { family: 'King', given: 'Martin', suffix: 'Jr.' },
  { family: 'Beethoven', given: 'Ludwig', particle: 'van' },
  { family: 'Zola', given: 'Émile' },
  { family: 'Plato' },
];

describe('structured names', () => {
  it('reads BibTeX name parts (von Last, Jr, First; First von Last; a corporate name braced whole) and shows them as before', () => {
    const [paper] = papersFrom(ISSUE_ENTRY);
    expect(paper!.authorNames).toEqual(ISSUE_NAMES);
    expect(paper!.authors).toEqual([
      'Hans Müller',
      'John von Neumann',
      'American Psychological Association',
      'Martin King Jr.',
      'Ludwig van Beethoven',
      'Émile Zola',
      'Plato',
    ]);
    expect(paper!.editors).toEqual([{ family: 'Fontaine', given: 'Jean', particle: 'de la' }]);
  });

  it('writes them back: BibTeX von Last, Jr, First with organisations braced, RIS AU and ED, CSL-JSON parts', () => {
    const papers = papersFrom(ISSUE_ENTRY);
    expect(exported(papers, 'bibtex')).toContain(
      'author = {Müller, Hans and von Neumann, John and {American Psychological Association} and King, Jr., Martin and ' +
        'van Beethoven, Ludwig and Zola, Émile and Plato},\n  editor = {de la Fontaine, Jean}',
    );
    const ris = exported(papers, 'ris');
    expect(ris).toContain(
      'AU  - von Neumann, John\r\nAU  - American Psychological Association\r\nAU  - King, Martin, Jr.',
    );
    expect(ris).toContain('ED  - de la Fontaine, Jean');
    const [item] = JSON.parse(exported(papers, 'csl-json')) as Record<string, unknown>[];
    expect(item!.author).toContainEqual({ family: 'Neumann', given: 'John', 'non-dropping-particle': 'von' });
    expect(item!.author).toContainEqual({ literal: 'American Psychological Association' });
    expect(item!.editor).toEqual([{ family: 'Fontaine', given: 'Jean', 'non-dropping-particle': 'de la' }]);
  });

  it.each(['bibtex', 'ris', 'csl-json'] as const)('survives %s export and import again, part by part', (format) => {
    const papers = papersFrom(ISSUE_ENTRY);
    const again = papersFrom(exported(papers, format));
    expect(again[0]!.authorNames).toEqual(papers[0]!.authorNames);
    expect(again[0]!.authors).toEqual(papers[0]!.authors);
    expect(again[0]!.editors).toEqual(papers[0]!.editors);
  });

  it('reads RIS names with a particle and a suffix, and CSL names with both particles and a literal', () => {
    const [ris] = papersFrom('TY  - JOUR\nTI  - A RIS record\nAU  - van der Berg, Anna, Jr.\nAU  - Cocke\nER  - \n');
    expect(ris!.authorNames).toEqual([
      { family: 'Berg', given: 'Anna', particle: 'van der', suffix: 'Jr.' },
      { family: 'Cocke' },
    ]);
    expect(ris!.authors).toEqual(['Anna van der Berg Jr.', 'Cocke']);
    const csl = JSON.stringify([
      {
        type: 'book',
        title: 'A CSL item',
        author: [{ family: 'Gogh', given: 'Vincent', 'non-dropping-particle': 'van' }, { literal: 'W3C' }],
      },
    ]);
    const [item] = papersFrom(csl);
    expect(item!.authorNames).toEqual([{ family: 'Gogh', given: 'Vincent', particle: 'van' }, { literal: 'W3C' }]);
    expect(item!.authors).toEqual(['Vincent van Gogh', 'W3C']);
  });

  it('counts a stored name only while it shows as the name listed: a name edited by hand is parsed again', () => {
    const [paper] = papersFrom(ISSUE_ENTRY);
    const edited = { ...paper!, authors: ['Hans Müller', 'Jane Q. Public', ...paper!.authors.slice(2)] };
    const names = authorNamesOf(edited);
    expect(names[1]).toEqual({ family: 'Public', given: 'Jane Q.' });
    expect(names[2]).toEqual({ literal: 'American Psychological Association' });
    // A removed first author shifts the others; each keeps its structure, found by its display.
    expect(authorNamesOf({ ...paper!, authors: paper!.authors.slice(1) })).toEqual(ISSUE_NAMES.slice(1));
    expect(ISSUE_NAMES.map(displayName)).toEqual(paper!.authors);
  });
});

describe('library version 2 -> 3: authors structured once', () => {
  const v2Paper = (authors: unknown) => ({
    ...createPaper({ title: 'An older paper' }, SOURCE, 1, NOW),
    authors,
  });

  it('parses each display name once into authorNames, keeping the names shown', () => {
    const raw = {
      version: 2,
      papers: [
        v2Paper(['John von Neumann', 'Martin Luther King Jr.', 'OpenAI Team', 'Plato', '']),
        v2Paper([]),
        v2Paper([1, 2]),
      ],
    };
    const upgraded = MIGRATIONS[2]!(raw) as { version: number; papers: Record<string, unknown>[] };
    expect(upgraded.version).toBe(3);
    expect(upgraded.papers[0]!.authors).toEqual(raw.papers[0]!.authors);
    expect(upgraded.papers[0]!.authorNames).toEqual([
      { family: 'Neumann', given: 'John', particle: 'von' },
      { family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
      { literal: 'OpenAI Team' },
      { literal: 'Plato' },
    ]);
    // Nothing to structure, or not a list of strings (left for the schema to refuse).
    expect(upgraded.papers[1]).toEqual(raw.papers[1]);
    expect(upgraded.papers[2]).toEqual(raw.papers[2]);
  });

  it('opens a version-2 library file with its authors structured and exported as before', async () => {
    const dir = await tempDir();
    const paper = { ...v2Paper(['John von Neumann', 'American Psychological Association']), citationKey: 'k' };
    delete (paper as Partial<Paper>).authorNames;
    await writeFile(join(dir, 'library.json'), JSON.stringify({ version: 2, papers: [paper] }));
    const store = await LibraryStore.open(dir);
    const [opened] = [...store.all()];
    expect(opened!.authors).toEqual(['John von Neumann', 'American Psychological Association']);
    expect(opened!.authorNames).toEqual([
      { family: 'Neumann', given: 'John', particle: 'von' },
      { literal: 'American Psychological Association' },
    ]);
    expect(exported([opened!], 'bibtex')).toContain(
      'author = {von Neumann, John and {American Psychological Association}}',
    );
    await store.flush();
  });
});
