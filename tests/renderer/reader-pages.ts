import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pageText, type TextItemLike } from '../../renderer/src/pdf/page-text';

/**
 * Each page's text of one of the shared PDFs (../shared/pdfs) as the reader reads it: pdf.js's text items
 * joined by the reader's pageText, as its PageTexts does (marker items carry no str).
 */
export async function readerPages(name: string): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(await readFile(join(import.meta.dirname, '..', '..', '..', 'shared', 'pdfs', name)));
  const doc = await getDocument({ data, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    pages.push(pageText((await page.getTextContent()).items as TextItemLike[]));
  }
  await doc.destroy();
  return pages;
}
