import { readFile } from 'node:fs/promises';

/** The shared folder of real PDFs from PDF.js's test suite (see its README.md), relative to this repository. */
export const PDFS = new URL('../../../../shared/pdfs/', import.meta.url);

/** A fresh copy of one of the shared PDFs' bytes (extractPdf takes ownership of what it is given). */
export async function pdfBytes(name: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(new URL(name, PDFS)));
}
