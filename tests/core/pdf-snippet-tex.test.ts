import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractPdf } from '../../electron/core/pdf';
import { searchableText } from '../../electron/core/pdf/page-text';
import { pdfMatchOf } from '../../electron/core/search/pdf-snippet';
import { packPdfText } from '../../electron/core/search/pdf-text';
import { matchWords } from '../../electron/core/search/snippet';
import { foldedWords } from '../../electron/core/search/tokenize';
import { mathSpans } from '../../electron/core/text';
import { pdfPages } from './pdf/files';

const marked = (snippet: { text: string; marks: [number, number][] }) =>
  snippet.marks.map(([s, e]) => snippet.text.slice(s, e));

/**
 * A page as a browser prints an arXiv listing before MathJax has drawn its math (the TeX is on the page as
 * characters): titles from ../shared/corpus/arxiv-html's astro-ph listing, each with its number and subjects.
 */
const LISTING = [
  '[1] arXiv:2411.13582 [pdf, html, other] Title: Examining the evolution of the Supersoft X-ray Source RX J0513.9-6951',
  'Subjects: High Energy Astrophysical Phenomena (astro-ph.HE); Solar and Stellar Astrophysics (astro-ph.SR)',
  '[2] arXiv:2411.13471 [pdf, html, other] Title: The evolutionary state of the red giant star L$_2$ Puppis',
  'Subjects: Solar and Stellar Astrophysics (astro-ph.SR); Astrophysics of Galaxies (astro-ph.GA)',
  '[3] arXiv:2411.12345 [pdf, other] Title: Mapping Galactic Dust Emission and Extinction with HI, HII, and H$_2$',
  'Subjects: Astrophysics of Galaxies (astro-ph.GA)',
  '[4] arXiv:2411.13152 [pdf, html, other] Title: Reevaluating $H_0$ Tension with Non-Planck CMB and DESI BAO',
  'Joint Analysis; a local $\\mathrm{H}_0$ from Cepheids. Subjects: Cosmology and Nongalactic Astrophysics (astro-ph.CO)',
];

async function listingPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  LISTING.forEach((line, i) => page.drawText(line, { x: 20, y: 740 - i * 16, size: 7, font }));
  return doc.save();
}

let pages: string[] = [];
beforeAll(async () => {
  pages = (await extractPdf(await listingPdf(), { name: 'listing.pdf' })).pages;
}, 60_000);

describe('a PDF passage reads TeX math on its page as the index does', () => {
  it('"H0" starts the passage at the $H_0$ the index found on the page, and marks it', () => {
    const page = searchableText(pages[0]!);
    // The page holds the TeX as characters, and the index reads it as the word "h0".
    expect(page).toContain('Reevaluating $H_0$ Tension');
    expect(foldedWords(page)).toContain('h0');
    const { page: number, snippet } = pdfMatchOf(packPdfText(pages), ['h0']);
    expect(number).toBe(1);
    expect(marked(snippet)).toContain('$H_0$');
    expect(snippet.text).toContain('Reevaluating $H_0$ Tension');
    // A word the index found only as $\mathrm{H}_0$ ("L2": L$_2$), and its font command read as drawn.
    expect(marked(pdfMatchOf(packPdfText(pages), ['l2']).snippet)).toEqual(['L$_2$']);
    expect(marked(pdfMatchOf(packPdfText(pages), matchWords('h2 dust')).snippet)).toEqual(
      expect.arrayContaining(['Dust', 'H$_2$']),
    );
  });

  it('a typeset PDF has no TeX on its pages; a "$" that is a footnote mark changes no passage', async () => {
    // pdfLaTeX draws math: the page's text holds its glyphs, never the TeX.
    const latex = (await pdfPages('bug1937438_af_from_latex.pdf')).map(searchableText);
    expect(latex.join(' ')).not.toContain('$');
    // Tracemonkey marks two affiliations with "$", which pairs as a math span across the authors' names.
    const tracemonkey = await pdfPages('tracemonkey.pdf');
    const first = searchableText(tracemonkey[0]!);
    expect(mathSpans(first)[0]?.tex).toMatch(/^, Blake Kaplan.*Intel Corporation$/s);
    const { page, snippet } = pdfMatchOf(packPdfText(tracemonkey), ['kaplan']);
    expect(page).toBe(1);
    expect(marked(snippet)).toEqual(['Kaplan']);
    expect(snippet.text).toContain('Haghighat$, Blake Kaplan');
    // A name far into that "span" is shown where it is, not from the span's "$" (a passage's width before it).
    const intel = pdfMatchOf(packPdfText(tracemonkey), ['intel']).snippet;
    expect(marked(intel)).toContain('Intel');
    expect(intel.text).toContain('Intel Corporation');
  });
});
