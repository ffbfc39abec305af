// IEEE's math markup in a title (QA s32 item 5): JabRef's test library has "X- and <tex>$\gamma$</tex>-Ray",
// which showed as "<tex>γ</tex>" and exported as \textless{}tex\textgreater{}. Through the real CLI.
import { describe, expect, it } from 'vitest';
import { tempDir, corpusFile } from '../core/helpers';
import { cliIn, jsonIn } from './child';

const JABREF = corpusFile('bibtex', 'jabref-testjabref.bib');

describe('a .bib title with <tex>…</tex> math', () => {
  it('reads as the math it holds, in the list and in the BibTeX export', async () => {
    const data = await tempDir();
    expect((await cliIn(data, 'import', JABREF)).code).toBe(0);
    const found = await jsonIn<{ id: string; title: string }[]>(data, 'list', '--search', 'Mixed-Signal', '--json');
    expect(found.map((paper) => paper.title)).toEqual([
      'Mixed-Signal ASICs for X- and γ-Ray Spectroscopy in Space Applications',
    ]);
    // "gamma" finds it, as it finds any γ.
    const byName = await jsonIn<{ id: string }[]>(data, 'list', '--search', 'gamma ray spectroscopy', '--json');
    expect(byName.map((paper) => paper.id)).toEqual([found[0]!.id]);

    const bib = await cliIn(data, 'export', '--format', 'bibtex', '--search', 'Mixed-Signal');
    expect(bib.code).toBe(0);
    expect(bib.stdout).toMatch(/^@inproceedings\{Gandola2019,$/m);
    const title = /^ {2}title = \{(.*)\},$/m.exec(bib.stdout)?.[1];
    expect(title).toMatch(/\{?X\}?- and (?:\$\\gamma\$|γ)-\{?R\}?ay \{?S\}?pectroscopy/);
    expect(bib.stdout).not.toMatch(/textless|textgreater|<\/?tex>/);
  }, 120_000);
});
