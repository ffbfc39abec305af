import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { toBibtex } from '../../../electron/core/exporters/bibtex';
import { bibtexImporter } from '../../../electron/core/importers/bibtex';
import type { LibraryStore } from '../../../electron/core/store/store';
import { fixture, openTempStore, run } from '../helpers';
import { paper } from './papers';

/** What BibTeX's change.case$ "t" does to a title: lower-case all but its first letter, outside braces. */
function sentenceCased(field: string): string {
  let depth = 0;
  let out = '';
  for (const [i, ch] of [...field].entries()) {
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else out += depth === 0 && i > 0 ? ch.toLowerCase() : ch;
  }
  return out;
}

const titleField = (bib: string, key: string): string =>
  new RegExp(`@\\w+\\{${key},\\n  title = \\{(.*)\\},\\n`).exec(bib)?.[1] ?? '';

async function exported() {
  const drafts = bibtexImporter.parse(await readFile(fixture('bibtex/case-protection.bib'), 'utf8'), 'c.bib').drafts;
  const papers = drafts.map((draft, i) => paper({ id: `p${i}`, ...draft, links: draft.links ?? [] }));
  return { papers, bib: toBibtex(papers) };
}

describe('BibTeX export keeps the case of a title through a style that lowers it', () => {
  it('protects the capitals of a sentence-cased title, as {T} was given', async () => {
    const { bib } = await exported();
    expect(titleField(bib, 'muller1932')).toBe('Über die {T}heorie');
    // {Navier-Stokes} was braced whole in the source, and is again; {GPUs} is an acronym.
    expect(titleField(bib, 'flow2020')).toBe('Deep learning for the {Navier-Stokes} equations on {GPUs}');
    // A style lowering the title prints it as the source had it.
    expect(sentenceCased(titleField(bib, 'muller1932'))).toBe('Über die Theorie');
    expect(sentenceCased(titleField(bib, 'flow2020'))).toBe('Deep learning for the Navier-Stokes equations on GPUs');
  });

  it('leaves a title-cased title to the style', async () => {
    const { bib } = await exported();
    expect(titleField(bib, 'vaswani2017')).toBe('Attention Is All You Need');
  });

  it('reads back the same titles, import then export then import', async () => {
    const { papers, bib } = await exported();
    const again = bibtexImporter.parse(bib, 'again.bib');
    expect(again.problems).toEqual([]);
    expect(again.drafts.map((d) => d.title)).toEqual(papers.map((p) => p.title));
    expect(again.drafts.map((d) => d.title)).toEqual([
      'Über die Theorie',
      'Deep learning for the Navier-Stokes equations on GPUs',
      'Attention Is All You Need',
    ]);
  });
});

describe('spans the source braced in a title-cased title', () => {
  const SOURCE = String.raw`@article{bayes2020, title={Using BERT and {Bayesian} Methods in {New York}},
  subtitle={A Survey of {Markov} Chains}, author={Doe, Jane}, year=2020, journal={Journal of Tests}}`;

  async function exportOf(store: LibraryStore, format: 'bibtex' | 'ris' | 'csl-json'): Promise<string> {
    const out = await run(store, 'library.export', { format });
    if (out.kind !== 'file') throw new Error('expected one file');
    return out.content;
  }

  it('are braced again on export, and come back from a BibTeX round trip', async () => {
    const store = await openTempStore();
    await run(store, 'library.import', { text: SOURCE, name: 'bayes.bib' });
    const bib = await exportOf(store, 'bibtex');
    expect(titleField(bib, 'bayes2020')).toBe('Using {BERT} and {Bayesian} Methods in {New York}');
    expect(bib).toContain('subtitle = {A Survey of {Markov} Chains}');
    expect(bib).not.toContain('@braced');
    // A style lowering the title keeps what the source braced.
    expect(sentenceCased(titleField(bib, 'bayes2020'))).toBe('Using BERT and Bayesian methods in New York');
    const copy = await openTempStore();
    await run(copy, 'library.import', { text: bib, name: 'export.bib' });
    expect(await exportOf(copy, 'bibtex')).toBe(bib);
    expect([...copy.all()].map((p) => [p.title, p.extra])).toEqual([...store.all()].map((p) => [p.title, p.extra]));
  });

  it('follow the title when it is edited, and leave RIS and CSL-JSON as they were', async () => {
    const store = await openTempStore();
    const { ids } = await run(store, 'library.import', { text: SOURCE, name: 'bayes.bib' });
    const ris = await exportOf(store, 'ris');
    expect(ris).toContain('TI  - Using BERT and Bayesian Methods in New York: A Survey of Markov Chains');
    expect(ris).not.toMatch(/[{}]|braced/);
    const csl = await exportOf(store, 'csl-json');
    expect((JSON.parse(csl) as unknown[])[0]).toMatchObject({
      title: 'Using BERT and Bayesian Methods in New York: A Survey of Markov Chains',
    });
    expect(csl).not.toContain('braced');
    await run(store, 'papers.update', { id: ids[0]!, patch: { title: 'Why Bayesian Methods Work in New York' } });
    expect(titleField(await exportOf(store, 'bibtex'), 'bayes2020')).toBe('Why {Bayesian} Methods Work in {New York}');
  });
});
