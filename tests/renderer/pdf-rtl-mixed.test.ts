// @vitest-environment jsdom
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageText as corePageText, searchableText } from '../../electron/core/pdf/page-text';
import { findAll } from '../../renderer/src/pdf/fold';
import { normalisedContent } from '../../renderer/src/pdf/normalise';
import { laidOut, type TextItemLike } from '../../renderer/src/pdf/page-text';
import { PageTexts } from '../../renderer/src/pdf/page-texts';
import { mixedArabicPdf } from '../core/pdf/mixed-pdf';

// The lines of mixedArabicPdf() in logical order: Latin words and a number among Arabic ones, all drawn left to right.
const LINES = [
  'انواع الخطوط PDF العربية',
  'انواع الخطوط 2024',
  'انواع Portable Document العربية',
  'انواع الخطوط العربية',
];

let doc: PDFDocumentProxy;
let reader: string;
let core: string;
beforeAll(async () => {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  doc = await getDocument({ data: await mixedArabicPdf(), isEvalSupported: false, verbosity: 0 }).promise;
  reader = await new PageTexts(doc).plain(0);
  const { items } = await (await doc.getPage(1)).getTextContent({ disableNormalization: true });
  core = corePageText(items as TextItemLike[]);
}, 60_000);
afterAll(() => doc?.destroy());

describe('a right-to-left line with Latin words or a number in it, in the reader', () => {
  it('reads in logical order, as the core’s search text does', async () => {
    expect(reader.split('\n').map((line) => line.normalize('NFKC'))).toEqual(LINES);
    // The same order as the core's: the same text once the core's is normalised as the reader's is.
    const content = normalisedContent(await (await doc.getPage(1)).getTextContent({ disableNormalization: true }));
    expect(reader).toBe(corePageText(content.items as TextItemLike[]));
    expect(laidOut(content.items as TextItemLike[]).text).toBe(reader);
  });

  it('finds a phrase across the Latin word or number, and every run of words the core’s search finds', () => {
    expect(findAll(reader, 'الخطوط PDF العربية')).toHaveLength(1);
    expect(findAll(reader, 'انواع Portable Document العربية')).toHaveLength(1);
    expect(findAll(reader, 'الخطوط 2024')).toHaveLength(1);
    expect(findAll(reader, 'العربية PDF الخطوط')).toEqual([]);
    const searched = searchableText(core);
    for (const line of LINES) {
      const words = line.split(' ');
      for (let n = 1; n <= words.length; n++)
        for (let i = 0; i + n <= words.length; i++) {
          const phrase = words.slice(i, i + n).join(' ');
          expect(findAll(reader, phrase).length, phrase).toBe(searched.split(phrase).length - 1);
        }
    }
  });
});
