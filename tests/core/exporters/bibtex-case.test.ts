import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { toBibtex } from '../../../electron/core/exporters/bibtex';
import { bibtexImporter } from '../../../electron/core/importers/bibtex';
import { fixture } from '../helpers';
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
    expect(titleField(bib, 'flow2020')).toBe('Deep learning for the {N}avier-{S}tokes equations on {GPUs}');
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
