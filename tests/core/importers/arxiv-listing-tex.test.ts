import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toBibtex } from '../../../electron/core/exporters/bibtex';
import { toCsv } from '../../../electron/core/exporters/csv';
import { toMarkdownCombined } from '../../../electron/core/exporters/markdown';
import { arxivListingImporter } from '../../../electron/core/importers/arxiv-listing';
import { listingText } from '../../../electron/core/importers/listing-tex';
import { createPaper } from '../../../electron/core/paper';
import type { Source } from '../../../electron/core/schema';
import { corpusFile } from '../helpers';

const CORPUS = corpusFile('arxiv-html');
const PASTWEEK = 'astro-ph-pastweek-2024-11-22-browser-saved.html';
const AT = '2026-12-05T08:00:00.000Z';

describe('TeX outside math in an arXiv listing', () => {
  it('reads accents, symbols, ties and dashes; keeps math as TeX and a tilde beside a space as a tilde', () => {
    expect(listingText('star L$_2$ Puppis, $\\gamma$ Doradus, J1444$-$6042')).toBe(
      'star L$_2$ Puppis, $\\gamma$ Doradus, J1444-6042',
    );
    expect(listingText('131 and 304 {\\AA} Emission')).toBe('131 and 304 Å Emission');
    expect(listingText('It\\^{o}, Stratonovich')).toBe('Itô, Stratonovich');
    expect(listingText('EW $\\sim 3700$\\AA~Galaxy at $z \\sim 0.8$ -- Analog')).toBe(
      'EW $\\sim 3700$Å Galaxy at $z \\sim 0.8$ – Analog',
    );
    expect(listingText('ages of ~10 Myr and masses ~ 5 M, see Fig.~3')).toBe(
      'ages of ~10 Myr and masses ~ 5 M, see Fig. 3',
    );
    // A tie inside math is TeX's, left for the app to draw.
    expect(listingText('at $a~b$ and $f(R,\\cal{A})$')).toBe('at $a~b$ and $f(R,\\cal{A})$');
    expect(listingText('Plain title, nothing to read')).toBe('Plain title, nothing to read');
  });
});

describe.skipIf(!existsSync(join(CORPUS, PASTWEEK)))(`${PASTWEEK}: titles as a person reads them`, () => {
  it('imports decoded titles, which CSV, Markdown and BibTeX write as valid text', async () => {
    const parsed = arxivListingImporter.parse(await readFile(join(CORPUS, PASTWEEK), 'utf8'), PASTWEEK);
    const byId = (id: string) => parsed.drafts.find((d) => d.arxivId === id)!;
    expect(byId('2411.12704').title).toBe(
      '131 and 304 Å Emission Variability Increases Hours Prior to Solar Flare Onset',
    );
    expect(byId('2411.12465').title).toBe('Itô, Stratonovich, and zoom-in schemes in stochastic inflation');
    // Math the app draws stays TeX; math it would not (glued to digits) is read as text.
    expect(byId('2411.13388').title).toBe('The evolutionary state of the red giant star L$_2$ Puppis');
    expect(parsed.drafts.filter((d) => d.title.endsWith('SRGA J144459.2-604207'))).toHaveLength(2);
    const eelg = parsed.drafts.find((d) => d.title.startsWith('EELG1002'))!;
    expect(eelg.title).toBe(
      'EELG1002: A Record-Breaking [OIII]+H$\\beta$ EW $\\sim 3700$Å Galaxy at $z \\sim 0.8$ – Analog of Early Galaxies?',
    );
    // No TeX command or group is left outside math in any title.
    const outsideMath = (t: string) => t.replace(/\$[^$]*\$/g, '');
    expect(parsed.drafts.filter((d) => /[\\{}~]/.test(outsideMath(d.title))).map((d) => d.title)).toEqual([]);

    const source: Source = { format: 'arxiv-listing', name: 'astro-ph, past week', file: PASTWEEK, importedAt: AT };
    const papers = parsed.drafts.map((draft, i) => createPaper(draft, source, i + 1, AT));
    const bib = toBibtex(papers);
    expect(bib).not.toContain('\\textbackslash');
    expect(bib).toContain('title = {131 and 304 Å Emission Variability Increases Hours Prior to Solar Flare Onset}');
    expect(bib).toMatch(/title = \{It\S*ô, \{S\}tratonovich/);
    expect(bib).toContain('{$\\sim 3700$}Å Galaxy');
    const csv = toCsv(papers);
    expect(csv).toContain('131 and 304 Å Emission');
    expect(csv).toContain('"Itô, Stratonovich, and zoom-in schemes in stochastic inflation"');
    expect(csv).toContain('measured by the Tibet ASγ experiment');
    expect(csv).not.toMatch(/\\AA|\\\^|\{\\gamma\}/);
    const markdown = toMarkdownCombined(papers, new Date(AT));
    expect(markdown).toContain('131 and 304 Å Emission');
    expect(markdown).not.toContain('{\\AA}');
  });
});
