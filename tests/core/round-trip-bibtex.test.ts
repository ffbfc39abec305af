import { describe, expect, it } from 'vitest';
import type { Paper } from '../../electron/core/schema';
import { fixture, openTempStore, run } from './helpers';

/** Where a work can be found and who published it: what BibTeX carries besides titles and authors. */
const found = (p: Paper) => ({
  key: p.citationKey,
  type: p.type,
  venue: p.venue,
  publisher: p.publisher,
  issue: p.issue,
  url: p.url,
  links: p.links,
});

async function imported() {
  const store = await openTempStore();
  await run(store, 'library.import', { path: fixture('bibtex/links-and-publishers.bib') });
  return store;
}

const byKey = (papers: Iterable<Paper>) =>
  [...papers].map(found).sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));

describe('addresses, links and publishers through the BibTeX export', () => {
  it('come back from export then import as they were imported', async () => {
    const store = await imported();
    const exported = await run(store, 'library.export', { format: 'bibtex' });
    if (exported.kind !== 'file') throw new Error('expected one file');
    expect(exported.content).toContain('school = {University of Examples}');
    expect(exported.content).toContain('institution = {Example Institute}');
    const copy = await openTempStore();
    const result = await run(copy, 'library.import', { text: exported.content, name: 'export.bib' });
    expect(result).toMatchObject({ added: 5, duplicates: 0, errors: [] });
    expect(byKey(copy.all())).toEqual(byKey(store.all()));
    expect(byKey(copy.all()).map((p) => p.links.length)).toEqual([0, 3, 0, 0, 1]);
  });

  it('the CSV carries each paper’s url and its other links', async () => {
    const store = await imported();
    const exported = await run(store, 'library.export', { format: 'csv' });
    if (exported.kind !== 'file') throw new Error('expected one file');
    const rows = exported.content.split('\r\n');
    expect(rows.find((row) => row.includes('A Page Cited'))).toContain(',https://example.org/page_1,');
    expect(rows.find((row) => row.includes('Sparse Attention'))).toContain(
      ',https://example.org/sparse,Code: https://github.com/example/sparse-attn; Slides & talk: https://example.org/talk,',
    );
  });
});

describe('a field read under two names, or an eprint that is no arXiv id', () => {
  const SOURCE_BIB = String.raw`
@article{proc2020, title={Fields Read Under Two Names}, author={Roe, Rick}, year=2020, journal={AIP Conf. Proc.},
  booktitle={TIM 19 Physics Conference}, language={german}, langid={ngerman}, number={3}, issue={Spring}}
@inproceedings{inproc2021, title={A Talk Printed in a Journal}, author={Doe, Jane}, year=2021,
  journaltitle={Journal of Talks}, booktitle={Proceedings of the Meeting}}
@article{nl2014, title={Nanowires with an Eprint That Is a DOI Address}, author={Mata, Maria de la}, year=2014,
  journal={Nano Letters}, eprint={http://dx.doi.org/10.1021/nl503273j}}
@misc{pm2019, title={A Record with a PubMed Id}, year=2019, eprint={31234567}, eprinttype={pubmed}}
`;

  it('keeps the value the paper did not take in extra, and the export writes both back', async () => {
    const store = await openTempStore();
    await run(store, 'library.import', { text: SOURCE_BIB, name: 'two-names.bib' });
    const exported = await run(store, 'library.export', { format: 'bibtex' });
    if (exported.kind !== 'file') throw new Error('expected one file');
    for (const field of [
      'journal = {AIP Conf. Proc.}',
      'booktitle = {TIM 19 Physics Conference}',
      'language = {german}',
      'langid = {ngerman}',
      'number = {3}',
      'issue = {Spring}',
      'journal = {Journal of Talks}',
      'booktitle = {Proceedings of the Meeting}',
      'eprint = {http://dx.doi.org/10.1021/nl503273j}',
      'eprint = {31234567}',
      'eprinttype = {pubmed}',
    ]) {
      expect(exported.content).toContain(field);
    }
    const copy = await openTempStore();
    await run(copy, 'library.import', { text: exported.content, name: 'export.bib' });
    const kept = (papers: Iterable<Paper>) =>
      [...papers]
        .map((p) => ({ key: p.citationKey, venue: p.venue, issue: p.issue, language: p.language, extra: p.extra }))
        .sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));
    expect(kept(copy.all())).toEqual(kept(store.all()));
  });
});

describe('a publisher beside a school or institution, and howpublished beside a journal', () => {
  const SOURCE_BIB = String.raw`
@phdthesis{thesis2001, title={A Thesis With Two Publishers}, author={Doe, Jane}, year=2001,
  school={University of Examples}, publisher={ProQuest}}
@book{book2002, title={A Book With an Institution}, author={Doe, Jane}, year=2002, publisher={Example Press},
  institution={Example Institute}}
@techreport{report2003, title={A Report With a School}, author={Doe, Jane}, year=2003, institution={Example Lab},
  school={Example School}, publisher={Lab Press}}
@misc{poster2004, title={A Poster Printed in a Journal}, author={Doe, Jane}, year=2004, journal={Journal of Posters},
  howpublished={Poster at the Meeting}}
@misc{page2005, title={A Page With Two Addresses}, author={Doe, Jane}, year=2005, url={https://example.org/a},
  howpublished={\url{https://example.org/b}}}
`;

  it('keeps the value the paper did not take in extra, and the export writes each under its name', async () => {
    const store = await openTempStore();
    await run(store, 'library.import', { text: SOURCE_BIB, name: 'publishers.bib' });
    const kept = (papers: Iterable<Paper>) =>
      [...papers]
        .map((p) => ({ key: p.citationKey, venue: p.venue, publisher: p.publisher, url: p.url, extra: p.extra }))
        .sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));
    // The paper's publisher is the one the entry type's styles print: a thesis's school, a report's institution.
    expect(kept(store.all()).map((p) => [p.key, p.publisher, p.venue, p.extra])).toEqual([
      ['book2002', 'Example Press', undefined, { 'bibtex:institution': 'Example Institute' }],
      [
        'page2005',
        undefined,
        undefined,
        { 'bibtex:@type': 'misc', 'bibtex:howpublished': String.raw`\url{https://example.org/b}` },
      ],
      ['poster2004', undefined, 'Journal of Posters', { 'bibtex:howpublished': 'Poster at the Meeting' }],
      ['report2003', 'Example Lab', undefined, { 'bibtex:school': 'Example School', 'bibtex:publisher': 'Lab Press' }],
      ['thesis2001', 'University of Examples', undefined, { 'bibtex:publisher': 'ProQuest' }],
    ]);
    const exported = await run(store, 'library.export', { format: 'bibtex' });
    if (exported.kind !== 'file') throw new Error('expected one file');
    for (const field of [
      'school = {University of Examples}',
      'publisher = {ProQuest}',
      'publisher = {Example Press}',
      'institution = {Example Institute}',
      'institution = {Example Lab}',
      'school = {Example School}',
      'publisher = {Lab Press}',
      'journal = {Journal of Posters}',
      'howpublished = {Poster at the Meeting}',
      'url = {https://example.org/a}',
      String.raw`howpublished = {\url{https://example.org/b}}`,
    ]) {
      expect(exported.content).toContain(field);
    }
    const copy = await openTempStore();
    await run(copy, 'library.import', { text: exported.content, name: 'export.bib' });
    expect(kept(copy.all())).toEqual(kept(store.all()));
  });
});
