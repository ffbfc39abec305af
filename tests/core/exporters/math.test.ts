import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { exportPapers } from '../../../electron/core/exporters';
import { toBibtex } from '../../../electron/core/exporters/bibtex';
import { toCslJson } from '../../../electron/core/exporters/csl-json';
import { toCsv } from '../../../electron/core/exporters/csv';
import { fileNameFor, markdownText, toMarkdownFiles } from '../../../electron/core/exporters/markdown';
import { toRis } from '../../../electron/core/exporters/ris';
import { bibtexImporter } from '../../../electron/core/importers/bibtex';
import { cslJsonImporter } from '../../../electron/core/importers/csl-json';
import { risImporter } from '../../../electron/core/importers/ris';
import { paper } from './papers';

// Math as the digest importer stores it (issue 13), and math that LaTeX could not take as it is.
const MATH = paper({
  title: 'Bounds for $\\Theta_{\\epsilon}(\\log n)$ under $\\varepsilon$-DP',
  authors: ['Ada Lovelace'],
  year: 2025,
  abstract:
    'A model $p_{\\theta}(Y|X)$ is $\\tilde{\\Omega}(T^{1/3})$ off when $a<b$; <b>not bold</b>, $5 and $10, and $50%$ stays text.',
});

describe('exports write math (issue 13)', () => {
  it('BibTeX: as $…$ TeX, braced whole in the title, never \\textbraceleft', () => {
    const bib = toBibtex([MATH]);
    expect(bib).toContain('  title = {Bounds for {$\\Theta_{\\epsilon}(\\log n)$} under {$\\varepsilon$}{-DP}},\n');
    expect(bib).toContain(
      '  abstract = {A model $p_{\\theta}(Y|X)$ is $\\tilde{\\Omega}(T^{1/3})$ off when $a<b$; ' +
        '\\textless{}b\\textgreater{}not bold\\textless{}/b\\textgreater{}, \\$5 and \\$10, and \\$50\\%\\$ stays text.}',
    );
    expect(bib).not.toContain('textbrace');
    // Better BibTeX's parser reads every field whole (raw: its own LaTeX conversion knows no \\log).
    const [entry] = parse(bib, { english: false, raw: true }).entries;
    expect(entry?.fields.title).toBe('Bounds for {$\\Theta_{\\epsilon}(\\log n)$} under {$\\varepsilon$}{-DP}');
  });

  it('BibTeX: the same title and abstract come back from our own importer, a lone symbol as its letter', () => {
    const [back] = bibtexImporter.parse(toBibtex([MATH]), 'x.bib').drafts;
    expect(back?.title).toBe('Bounds for $\\Theta_{\\epsilon}(\\log n)$ under ε-DP');
    expect(back?.abstract).toBe(MATH.abstract);
  });

  it('CSV: math as Unicode text, since a spreadsheet cannot draw it', () => {
    expect(toCsv([MATH])).toContain(',Bounds for Θ_ϵ(log n) under ε-DP,');
  });

  it('Markdown: $…$ for Obsidian to draw in the note, Unicode in the file name and the title property', () => {
    expect(fileNameFor(MATH.title)).toBe('Bounds for Θ_ϵ(log n) under ε-DP');
    const [file] = toMarkdownFiles([MATH]);
    expect(file?.path).toBe('Bounds for Θ_ϵ(log n) under ε-DP.md');
    expect(file?.content).toContain('\ntitle: "Bounds for Θ_ϵ(log n) under ε-DP"\n');
    expect(file?.content).toContain('\n# Bounds for $\\Theta_{\\epsilon}(\\log n)$ under $\\varepsilon$-DP\n');
    // A < inside math is TeX, not the start of an HTML tag; outside it is escaped as before.
    expect(markdownText('when $a<b$ and <b>x</b>')).toBe('when $a<b$ and &lt;b>x&lt;/b>');
  });

  it('RIS and CSL-JSON: $…$ TeX as arXiv and Zotero write it, so an import gives the same text back', () => {
    const ris = toRis([MATH]);
    expect(ris).toContain('TI  - Bounds for $\\Theta_{\\epsilon}(\\log n)$ under $\\varepsilon$-DP\r\n');
    const [fromRis] = risImporter.parse(ris, 'x.ris').drafts;
    expect([fromRis?.title, fromRis?.abstract]).toEqual([MATH.title, MATH.abstract]);
    const [fromCsl] = cslJsonImporter.parse(toCslJson([MATH]), 'x.json').drafts;
    expect([fromCsl?.title, fromCsl?.abstract]).toEqual([MATH.title, MATH.abstract]);
  });

  it('every format writes the digest leftovers no more', () => {
    const formats = ['bibtex', 'csl-json', 'ris', 'csv', 'markdown'] as const;
    for (const format of formats) {
      const out = exportPapers([MATH], format, { now: new Date('2026-01-01T00:00:00Z') });
      const text = out.kind === 'file' ? out.content : out.files.map((f) => f.path + f.content).join('\n');
      expect(text, format).not.toMatch(/textbrace|\{p\}_\{theta\}|(?<![\\\w])varepsilon/);
    }
  });
});
