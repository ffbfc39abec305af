import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../electron/core/pdf';

/** A first page laid out like an arXiv preprint: margin stamp, two-line title, marked authors, affiliations. */
async function preprint(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([612, 792]);
  const text = (str: string, x: number, y: number, size: number): void => page.drawText(str, { x, y, size, font });
  page.drawText('arXiv:2403.12345v2  [cs.LG]  13 Mar 2024', { x: 30, y: 250, size: 20, font, rotate: degrees(90) });
  text('Learning to Read Papers', 150, 700, 17);
  text('Faster Than Ever', 200, 680, 17);
  text('Ada Lovelace', 120, 640, 11);
  text('1', 190, 645, 7);
  text(', Alan M. Turing', 194, 640, 11);
  text('2', 280, 645, 7);
  text('and Grace Hopper', 290, 640, 11);
  text('1', 385, 645, 7);
  text('1', 150, 620, 7);
  text('University of Somewhere', 155, 616, 9);
  text('2', 300, 620, 7);
  text('Example Research Lab', 305, 616, 9);
  text('{ada,grace}@example.edu', 200, 600, 9);
  text('Abstract', 280, 560, 11);
  text('We read papers faster than anyone has read them before, and we say how.', 80, 540, 10);
  return doc.save();
}

describe('identification of a preprint-like first page', () => {
  it('finds the arXiv id in the margin stamp, the title and only the people', async () => {
    const { info } = await extractPdf(await preprint(), { name: 'preprint.pdf' });
    expect(info).toEqual({
      pages: 1,
      arxivId: '2403.12345',
      title: 'Learning to Read Papers Faster Than Ever',
      titleFrom: 'first-page',
      authors: ['Ada Lovelace', 'Alan M. Turing', 'Grace Hopper'],
    });
  });
});
