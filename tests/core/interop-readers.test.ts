// Real clients read our exports back: citation-js (CSL-JSON and RIS) and Debian's JabRef (BibTeX). Titles,
// authors, years and DOIs must come back as we wrote them.
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-ris';
import { describe, expect, it } from 'vitest';
import { exportPapers } from '../../electron/core/exporters/index';
import { parseImport } from '../../electron/core/importers/index';
import { createPaper } from '../../electron/core/paper';
import type { Paper } from '../../electron/core/schema';
import { tempDir } from './helpers';

const NOW = '2026-12-02T10:00:00.000Z';
const SOURCE = { format: 'test', name: 'test', importedAt: NOW };
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'bibtex');

/** The cases (a braced {T}, particles, an organisation, a suffix, a SICI DOI, a subtitle) and sample.bib. */
const CASES = String.raw`
@article{issue, title={{\"U}ber die {T}heorie}, year=1932,
  author={M{\"u}ller, Hans and von Neumann, John and {American Psychological Association} and King, Jr., Martin},
  doi={10.1002/(SICI)1097-4555(199707)28:7<487::AID-JRS115>3.0.CO;2-V}}
@book{quiet, title={Quiet}, subtitle={The Power of Introverts in a World That Can't Stop Talking},
  author={Cain, Susan}, year=2012, publisher={Crown}, isbn={9780307352149}}
@mastersthesis{thesis, title={A Thesis on {GaN} Surfaces}, author={Franc{\r u}, Petr}, school={Charles University}, year=2019}
@inproceedings{conf, title={Attention with $\alpha$-Entmax}, author={van der Berg, Anna and Smith, John}, booktitle={Proceedings of ACL}, year=2020, doi={10.18653/v1/2020.acl-main.1}}
`;

async function papers(): Promise<Paper[]> {
  const text = CASES + (await readFile(join(FIXTURES, 'sample.bib'), 'utf8'));
  const parsed = parseImport(text, 'bibtex', 'cases.bib');
  expect(parsed.problems).toEqual([]);
  return parsed.drafts.map((draft, i) => createPaper(draft, SOURCE, i, NOW));
}

function exported(list: Paper[], format: 'bibtex' | 'ris' | 'csl-json'): string {
  const out = exportPapers(list, format, { now: new Date(NOW) });
  if (out.kind !== 'file') throw new Error('expected one file');
  return out.content;
}

/** What must come back: title, the authors as shown, the year and the DOI (DOIs compare case-insensitively). */
const essentials = (p: { title: string; authors: string[]; year?: number; doi?: string }) => ({
  title: p.title,
  authors: p.authors,
  year: p.year,
  doi: p.doi?.toLowerCase(),
});

type CslName = { family?: string; given?: string; literal?: string; suffix?: string; [key: string]: unknown };
type CslData = { title?: string; author?: CslName[]; issued?: { 'date-parts'?: number[][] }; DOI?: string };

function fromCsl(item: CslData) {
  const authors = (item.author ?? []).map((n) =>
    n.literal !== undefined
      ? n.literal
      : [n.given, n['dropping-particle'], n['non-dropping-particle'], n.family, n.suffix].filter(Boolean).join(' '),
  );
  return {
    title: (item.title ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
    authors,
    year: item.issued?.['date-parts']?.[0]?.[0],
    doi: item.DOI?.toLowerCase(),
  };
}

describe('citation-js reads our exports back', () => {
  it('CSL-JSON: titles, authors (part by part), years and DOIs as written', async () => {
    const list = await papers();
    const cite = await Cite.async(exported(list, 'csl-json'));
    const data = cite.data as CslData[];
    expect(data.map(fromCsl)).toEqual(list.map(essentials));
    expect(data[0]!.author).toEqual([
      { family: 'Müller', given: 'Hans' },
      { family: 'Neumann', given: 'John', 'non-dropping-particle': 'von' },
      { literal: 'American Psychological Association' },
      { family: 'King', given: 'Martin', suffix: 'Jr.' },
    ]);
  });

  it('RIS: titles, authors, years and DOIs as written', async () => {
    const list = await papers();
    const cite = await Cite.async(exported(list, 'ris'), { forceType: '@ris/file' });
    expect((cite.data as CslData[]).map(fromCsl)).toEqual(list.map(essentials));
  });
});

const run = promisify(execFile);
const jabref = await run('sh', ['-c', 'command -v jabref'])
  .then(({ stdout }) => stdout.trim())
  .catch(() => '');

describe('JabRef reads our BibTeX back', () => {
  // One JabRef at a time, over one file holding every case: it starts a JVM (10-20 s) and two at once clash.
  const name = jabref
    ? 'titles, authors, years and DOIs come back from JabRef as written'
    : 'skipped: jabref is not installed (apt-get install jabref, as .ci/run does)';
  it.skipIf(!jabref)(
    name,
    async () => {
      const list = await papers();
      const dir = await tempDir();
      const home = join(dir, 'home');
      await mkdir(home);
      const [input, output] = [join(dir, 'ours.bib'), join(dir, 'jabref.bib')];
      await writeFile(input, exported(list, 'bibtex'));
      await run(jabref, ['-n', '-i', `${input},bibtex`, '-o', output], {
        env: { ...process.env, HOME: home },
        timeout: 110_000,
      });
      const back = parseImport(await readFile(output, 'utf8'), 'bibtex', 'jabref.bib');
      expect(back.problems).toEqual([]);
      // JabRef writes a crossref parent after the entries that cite it: compared by title, not by place.
      const byTitle = <T extends { title: string }>(items: T[]) =>
        [...items].sort((a, b) => (a.title < b.title ? -1 : 1));
      const drafts = byTitle(back.drafts);
      expect(drafts.map((d) => essentials({ ...d, authors: d.authors ?? [] }))).toEqual(byTitle(list).map(essentials));
      // JabRef keeps the name parts and the entry types as written, too.
      expect(drafts.map((d) => [d.authorNames, d.type])).toEqual(byTitle(list).map((p) => [p.authorNames, p.type]));
    },
    120_000,
  );
});
