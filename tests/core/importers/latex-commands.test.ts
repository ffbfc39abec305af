import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bibtexImporter } from '../../../electron/core/importers/bibtex';
import { latexToText } from '../../../electron/core/importers/latex';
import { expandMacros, macrosFrom } from '../../../electron/core/importers/latex-macros';
import { fixture } from '../helpers';

describe('LaTeX that reference managers lose', () => {
  const parsed = bibtexImporter.parse(readFileSync(fixture('bibtex/latex-commands.bib'), 'utf8'), 'l.bib');
  const [gan, vectors] = parsed.drafts;

  it('applies the macros a file defines in @preamble: \\newcommand, \\providecommand, \\renewcommand, \\def', () => {
    expect(parsed.problems).toEqual([]);
    expect(gan?.authors).toEqual(['Jan Franců', 'Pavel Kočka']);
    expect(gan?.title).toBe('Growth of GaN(0001\u0304) and (0001\u0305) Films at 10 300 K');
  });

  it('writes \\bar, \\overline, \\vec, \\dot and \\hat in text as combining marks', () => {
    expect(vectors?.title).toBe('Spin Waves with k\u20d7, ṁ and n̂ in “Magnonic” Crystals');
    expect(latexToText('\\overline{12}')).toBe('1\u03052\u0305');
  });

  it('quotes \\mkbibquote and \\enquote, and keeps ~ inside \\url', () => {
    expect(vectors?.abstract).toBe('We call it “magnonic” (data at https://example.org/~lee/data).');
    expect(latexToText('\\enquote{outer \\enquote*{inner}}')).toBe('“outer ‘inner’”');
  });

  it('stops a macro that expands to itself instead of looping', () => {
    const macros = macrosFrom('\\def\\loop{a\\loop}');
    expect(expandMacros('\\loop', macros).length).toBeLessThan(100);
  });
});
