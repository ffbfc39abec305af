import { describe, expect, it } from 'vitest';
import { toBibtex } from '../../electron/core/exporters/bibtex';
import { toCslItems } from '../../electron/core/exporters/csl-json';
import { toRis } from '../../electron/core/exporters/ris';
import { bibtexImporter } from '../../electron/core/importers/bibtex';
import { crossrefImporter } from '../../electron/core/importers/crossref';
import { cslJsonImporter } from '../../electron/core/importers/csl-json';
import { risImporter } from '../../electron/core/importers/ris';
import type { Paper } from '../../electron/core/schema';
import { paper } from './exporters/papers';
import { openTempStore, run } from './helpers';

const ISSUE_EXAMPLE =
  '@article{a, title={{\\"U}ber die {T}heorie}, author={M{\\"u}ller, Hans and von Neumann, John}, year=1932}';

const LIBRARY = `
@article{art, title={An Article on Widget Measurement}, author={Doe, Jane}, journal={Journal of Things}, year=2001}
@book{bk, title={A Book on Widget Measurement}, author={Roe, Richard}, publisher={Press}, year=2002}
@inproceedings{conf, title={A Conference Paper on Widget Measurement}, author={Poe, Edgar}, booktitle={Proceedings of Things}, year=2003}
@phdthesis{th, title={A Thesis on Widget Measurement}, author={Moe, Anna}, school={University}, year=2004}
@incollection{ch, title={A Chapter on Widget Measurement}, author={Low, Liz}, booktitle={Collected Things}, year=2005}
@techreport{rep, title={A Report on Widget Measurement}, author={Row, Ray}, institution={Lab}, year=2006}
@online{web, title={A Web Page on Widget Measurement}, url={https://example.org/page}, year=2007}
@software{sw, title={A Program on Widget Measurement}, author={Coder, Cat}, year=2008}
@dataset{ds, title={A Data Set on Widget Measurement}, author={Data, Dan}, year=2009}
@unpublished{un, title={A Manuscript on Widget Measurement}, author={Draft, Dora}, year=2010}
@misc{pre, title={A Preprint on Widget Measurement}, author={Arx, Ivy}, eprint={2101.00001}, archivePrefix={arXiv}, year=2021}
`;

const typesByTitle = (papers: Iterable<Pick<Paper, 'title' | 'type'>>) =>
  Object.fromEntries([...papers].map((p) => [p.title, p.type]));

async function exportAll(
  store: Awaited<ReturnType<typeof openTempStore>>,
  format: 'bibtex' | 'ris' | 'csl-json' | 'json',
) {
  const exported = await run(store, 'library.export', { format });
  if (exported.kind !== 'file') throw new Error('expected one file');
  return exported.content;
}

describe('entry types are read by every importer', () => {
  it('BibTeX and BibLaTeX entry types', () => {
    const drafts = bibtexImporter.parse(
      `${LIBRARY}
@inbook{ib, title={In a Book}}
@conference{cf, title={At a Conference}}
@mastersthesis{ms, title={A Masters Thesis}}
@misc{web2, title={A Link}, url={https://example.org/x}}
@misc{plain, title={Something}}
@whatever{odd, title={Odd}}`,
      'x.bib',
    ).drafts;
    expect(typesByTitle(drafts)).toEqual({
      'An Article on Widget Measurement': 'article-journal',
      'A Book on Widget Measurement': 'book',
      'A Conference Paper on Widget Measurement': 'paper-conference',
      'A Thesis on Widget Measurement': 'thesis',
      'A Chapter on Widget Measurement': 'chapter',
      'A Report on Widget Measurement': 'report',
      'A Web Page on Widget Measurement': 'webpage',
      'A Program on Widget Measurement': 'software',
      'A Data Set on Widget Measurement': 'dataset',
      'A Manuscript on Widget Measurement': 'manuscript',
      'A Preprint on Widget Measurement': 'article',
      'In a Book': 'chapter',
      'At a Conference': 'paper-conference',
      'A Masters Thesis': 'thesis',
      'A Link': 'webpage',
      Something: 'document',
      Odd: undefined,
    });
  });

  it('RIS TY', () => {
    const ris = ['JOUR', 'BOOK', 'CHAP', 'CONF', 'CPAPER', 'RPRT', 'THES', 'ELEC', 'DATA', 'COMP', 'UNPB', 'GEN', 'XYZ']
      .map((ty) => `TY  - ${ty}\r\nTI  - ${ty} title\r\nER  - \r\n`)
      .join('\r\n');
    expect(typesByTitle(risImporter.parse(ris, 'x.ris').drafts)).toEqual({
      'JOUR title': 'article-journal',
      'BOOK title': 'book',
      'CHAP title': 'chapter',
      'CONF title': 'paper-conference',
      'CPAPER title': 'paper-conference',
      'RPRT title': 'report',
      'THES title': 'thesis',
      'ELEC title': 'webpage',
      'DATA title': 'dataset',
      'COMP title': 'software',
      'UNPB title': 'manuscript',
      'GEN title': 'document',
      'XYZ title': undefined,
    });
    const preprint = 'TY  - GEN\r\nTI  - P\r\nAN  - arXiv:2101.00001\r\nER  - \r\n';
    expect(risImporter.parse(preprint, 'p.ris').drafts[0]?.type).toBe('article');
  });

  it('CSL-JSON type as it is, and Crossref types mapped to CSL', () => {
    const csl = JSON.stringify(
      ['article-journal', 'book', 'chapter', 'paper-conference', 'thesis', 'webpage', 'no-such-type'].map((type) => ({
        type,
        title: `${type} title`,
      })),
    );
    expect(typesByTitle(cslJsonImporter.parse(csl, 'x.json').drafts)).toEqual({
      'article-journal title': 'article-journal',
      'book title': 'book',
      'chapter title': 'chapter',
      'paper-conference title': 'paper-conference',
      'thesis title': 'thesis',
      'webpage title': 'webpage',
      'no-such-type title': undefined,
    });
    const works = [
      'journal-article',
      'proceedings-article',
      'book-chapter',
      'posted-content',
      'dissertation',
      'monograph',
    ];
    const crossref = JSON.stringify({
      status: 'ok',
      'message-type': 'work-list',
      message: { items: works.map((type, i) => ({ type, title: [`${type} title`], DOI: `10.1000/${i}` })) },
    });
    expect(typesByTitle(crossrefImporter.parse(crossref, 'x.json').drafts)).toEqual({
      'journal-article title': 'article-journal',
      'proceedings-article title': 'paper-conference',
      'book-chapter title': 'chapter',
      'posted-content title': 'article',
      'dissertation title': 'thesis',
      'monograph title': 'book',
    });
  });
});

describe('entry types are written by every exporter', () => {
  const typed = (type: Paper['type'], venue?: string) => paper({ type, title: `T ${type}`, ...(venue && { venue }) });

  it('BibTeX writes the entry type, with the venue where the type wants it', () => {
    const out = toBibtex([
      typed('article-journal', 'Journal'),
      typed('book'),
      typed('chapter', 'The Book'),
      typed('paper-conference', 'Some Meeting'),
      typed('report'),
      typed('thesis'),
      typed('webpage'),
      typed('dataset'),
      typed('software'),
      typed('manuscript'),
      typed('article'),
      typed('map'),
    ]);
    const kinds = [...out.matchAll(/^@(\w+)\{/gm)].map((m) => m[1]);
    expect(kinds).toEqual([
      'article',
      'book',
      'incollection',
      'inproceedings',
      'techreport',
      'phdthesis',
      'online',
      'dataset',
      'software',
      'unpublished',
      'misc',
      'misc',
    ]);
    expect(out).toContain('journal = {Journal}');
    expect(out).toContain('booktitle = {The Book}');
    expect(out).toContain('booktitle = {Some Meeting}');
  });

  it('RIS writes TY and CSL-JSON writes type', () => {
    const papers = [typed('article-journal'), typed('book'), typed('chapter'), typed('thesis'), typed('software')];
    expect([...toRis(papers).matchAll(/^TY {2}- (\w+)/gm)].map((m) => m[1])).toEqual([
      'JOUR',
      'BOOK',
      'CHAP',
      'THES',
      'COMP',
    ]);
    expect(toCslItems(papers).map((item) => item.type)).toEqual([
      'article-journal',
      'book',
      'chapter',
      'thesis',
      'software',
    ]);
  });

  it('a paper without a type exports as before: its kind guessed from its venue', () => {
    const untyped = [
      paper({ venue: 'Nature' }),
      paper({ venue: 'Proceedings of ICML' }),
      paper({ arxivId: '2101.00001' }),
    ];
    expect([...toBibtex(untyped).matchAll(/^@(\w+)\{/gm)].map((m) => m[1])).toEqual([
      'article',
      'inproceedings',
      'misc',
    ]);
    expect([...toRis(untyped).matchAll(/^TY {2}- (\w+)/gm)].map((m) => m[1])).toEqual(['JOUR', 'CPAPER', 'GEN']);
    expect(toCslItems(untyped).map((item) => item.type)).toEqual(['article-journal', 'paper-conference', 'article']);
  });
});

describe('entry types survive a round trip', () => {
  it("the issue's @article comes back from the BibTeX export as @article", async () => {
    const store = await openTempStore();
    await run(store, 'library.import', { text: ISSUE_EXAMPLE, name: 'a.bib' });
    expect([...store.all()][0]?.type).toBe('article-journal');
    expect(await exportAll(store, 'bibtex')).toMatch(/^@article\{a,$/m);
  });

  for (const format of ['bibtex', 'ris', 'csl-json'] as const) {
    it(`BibTeX, then ${format} out and in again, keeps every type`, async () => {
      const store = await openTempStore();
      await run(store, 'library.import', { text: LIBRARY, name: 'lib.bib' });
      const copy = await openTempStore();
      await run(copy, 'library.import', { text: await exportAll(store, format), name: `export.${format}` });
      expect(typesByTitle(copy.all())).toEqual(typesByTitle(store.all()));
      expect(typesByTitle(copy.all())).toMatchObject({
        'An Article on Widget Measurement': 'article-journal',
        'A Book on Widget Measurement': 'book',
        'A Conference Paper on Widget Measurement': 'paper-conference',
        'A Thesis on Widget Measurement': 'thesis',
      });
      if (format === 'bibtex') {
        const again = await exportAll(copy, 'bibtex');
        for (const kind of ['article', 'book', 'inproceedings', 'phdthesis'])
          expect(again).toMatch(new RegExp(`^@${kind}\\{`, 'm'));
      }
    });
  }

  it('a paper imported before it had a type gets it from the same file imported again', async () => {
    const store = await openTempStore();
    await run(store, 'library.import', { text: LIBRARY, name: 'lib.bib' });
    const backup = JSON.parse(await exportAll(store, 'json')) as { papers: Record<string, unknown>[] };
    for (const old of backup.papers) delete old.type;
    const copy = await openTempStore();
    await run(copy, 'library.import', { text: JSON.stringify(backup), name: 'old.json' });
    expect([...copy.all()].some((p) => p.type)).toBe(false);
    const preview = await run(copy, 'library.previewImport', { text: LIBRARY, name: 'lib.bib' });
    expect(preview.entries.every((e) => e.kind === 'duplicate' && e.fills.includes('type'))).toBe(true);
    await run(copy, 'library.import', { text: LIBRARY, name: 'lib.bib' });
    expect(typesByTitle(copy.all())).toEqual(typesByTitle(store.all()));
  });
});
