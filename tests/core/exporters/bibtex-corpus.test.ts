import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, type Creator, type Entry } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { toBibtex } from '../../../electron/core/exporters/bibtex';
import { parseDoi } from '../../../electron/core/identifiers';
import { paper } from './papers';
import { corpusFile } from '../helpers';

const CORPUS = corpusFile('bibtex');

const displayName = (c: Creator): string =>
  c.name ?? [c.firstName, c.prefix, c.lastName, c.suffix].filter(Boolean).join(' ');

/** What the exporter must carry through unchanged: title, "Given Family" authors, DOI and arXiv id. */
const essentials = (entry: Entry) => ({
  title: (entry.fields.title ?? '').replace(/\s+/g, ' ').trim(),
  authors: (entry.fields.author ?? []).map(displayName),
  doi: entry.fields.doi ? parseDoi(entry.fields.doi) : undefined,
  eprint: entry.fields.eprint,
});

// Real libraries (read with the parser Zotero's Better BibTeX uses) become papers, are exported, and
// must read back the same: hundreds of accents, math, braces and odd names the unit tests did not imagine.
describe.skipIf(!existsSync(CORPUS))('BibTeX exporter on the real corpus', () => {
  it.each([
    ['bbt-unabbreviate-1436.bib', 506],
    ['jabref-testjabref.bib', 156],
    ['bbt-german-duplicate-freetext-1350.bib', 4],
    ['jabref-crossref.bib', 4],
  ])('%s: %i entries survive export and re-import', async (file, count) => {
    const original = parse(await readFile(join(CORPUS, file), 'utf8'), { english: false }).entries.map(essentials);
    expect(original).toHaveLength(count);
    const papers = original.map((e, i) =>
      paper({ id: `p${i}`, title: e.title, authors: e.authors, doi: e.doi, arxivId: e.eprint }),
    );
    const reread = parse(toBibtex(papers), { english: false });
    expect(reread.errors).toEqual([]);
    expect(reread.entries.map(essentials)).toEqual(original);
    expect(new Set(reread.entries.map((e) => e.key)).size).toBe(count);
  });

  it('keeps subscripts, suffixes and capitals of a real entry exactly', async () => {
    const text = await readFile(join(CORPUS, 'bbt-unabbreviate-1436.bib'), 'utf8');
    const original = parse(text, { english: false }).entries.map(essentials);
    const entry = original.find((e) => e.title.startsWith('Diffusion Lengths of Excited Carriers'));
    expect(entry?.title).toBe('Diffusion Lengths of Excited Carriers in CdₓZn₁₋ₓSe Quantum Wells');
    expect(entry?.authors[1]).toBe('GS Cargill III');
    const bib = toBibtex([paper({ title: entry?.title, authors: entry?.authors })]);
    expect(bib).toContain('title = {Diffusion Lengths of Excited Carriers in {CdₓZn₁₋ₓSe} Quantum Wells}');
    expect(bib).toContain('author = {Chao, L-L and Cargill, III, GS and Snoeks, E and');
  });
});
