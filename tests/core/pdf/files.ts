import { readFile } from 'node:fs/promises';
import { extractPdf } from '../../../electron/core/pdf';

/** The shared folder of real PDFs from PDF.js's test suite (see its README.md), relative to this repository. */
export const PDFS = new URL('../../../../shared/pdfs/', import.meta.url);

/** A fresh copy of one of the shared PDFs' bytes (extractPdf takes ownership of what it is given). */
export async function pdfBytes(name: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(new URL(name, PDFS)));
}

/** Each page's text of one of the shared PDFs, extracted as an attached PDF's is (for search, snippets). */
export async function pdfPages(name: string): Promise<string[]> {
  return (await extractPdf(await pdfBytes(name))).pages;
}
