import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { PageTexts } from '../../renderer/src/pdf/page-texts';

const PDFS = join(import.meta.dirname, '..', '..', '..', 'shared', 'pdfs');
let doc: PDFDocumentProxy;

beforeAll(async () => {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  doc = await getDocument({
    data: new Uint8Array(await readFile(join(PDFS, 'tracemonkey.pdf'))),
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
}, 60_000);
afterAll(() => doc?.destroy());

/*
 * A page whose text pdf.js cannot read is drawn without a text layer, and its note says so (PdfPage.tsx):
 * not "no text layer (a scan or an image)", which a page with no text at all says.
 */
describe("a page's text that cannot be read", () => {
  it('is told apart from a page with no text', async () => {
    const texts = new PageTexts(doc);
    const readable = await texts.text(0);
    expect(readable.text.length).toBeGreaterThan(1000);
    expect(readable.unreadable).toBeFalsy();

    const page = await doc.getPage(2);
    vi.spyOn(page, 'getTextContent').mockRejectedValue(new Error('Invalid stream: a damaged content stream'));
    const failed = await new PageTexts(doc).text(1);
    expect(failed).toEqual({ text: '', starts: [], unreadable: true });
  });
});
