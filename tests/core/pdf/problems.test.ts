import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { PdfProblem, extractPdf, isPdf } from '../../../electron/core/pdf';
import { pdfBytes } from './files';

/** Deterministic noise, so a failure here is reproducible. */
function noise(length: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

/** A valid PDF of `pages` pages that all show one blank page object (PDF.js counts pages without reading them). */
function manyPages(pages: number): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${'3 0 R '.repeat(pages)}] /Count ${pages} >>`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) pdf += `${String(at).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

async function problemOf(promise: Promise<unknown>): Promise<PdfProblem> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(PdfProblem);
  return error as PdfProblem;
}

describe('isPdf', () => {
  it('finds %PDF- within the first 1024 bytes only', async () => {
    expect(isPdf(await pdfBytes('tracemonkey.pdf'))).toBe(true);
    const late = new Uint8Array(2000);
    late.set(new TextEncoder().encode('%PDF-1.4'), 1000);
    expect(isPdf(late)).toBe(true);
    late.fill(0).set(new TextEncoder().encode('%PDF-1.4'), 1020);
    expect(isPdf(late)).toBe(false);
    expect(isPdf(new TextEncoder().encode('%PDF'))).toBe(false);
    expect(isPdf(new Uint8Array(0))).toBe(false);
  });

  it('says a PNG is not a PDF', async () => {
    const png = new Uint8Array(await readFile(new URL('../../../resources/icon.png', import.meta.url)));
    expect(isPdf(png)).toBe(false);
  });
});

describe('extractPdf on files that are not readable PDFs', () => {
  it('rejects a truncated paper as MALFORMED, naming the file', async () => {
    const whole = await pdfBytes('tracemonkey.pdf');
    const problem = await problemOf(
      extractPdf(whole.slice(0, Math.floor(whole.length * 0.3)), { name: 'tracemonkey-part.pdf' }),
    );
    expect(problem.code).toBe('MALFORMED');
    expect(problem.message).toBe('tracemonkey-part.pdf is not a readable PDF: invalid PDF structure.');
  });

  it('rejects random bytes behind a %PDF- header as MALFORMED', async () => {
    const bytes = noise(20_000);
    bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
    const problem = await problemOf(extractPdf(bytes, { name: 'noise.pdf' }));
    expect(problem.code).toBe('MALFORMED');
    expect(problem.message).toMatch(/^noise\.pdf is not a readable PDF: .+\.$/);
  });

  it('rejects an empty file and a PNG as NOT_PDF without starting the reader', async () => {
    const empty = await problemOf(extractPdf(new Uint8Array(0), { name: 'zero.pdf' }));
    expect(empty).toMatchObject({ code: 'NOT_PDF', message: 'zero.pdf is empty (0 bytes), not a PDF.' });
    const png = await readFile(new URL('../../../resources/icon.png', import.meta.url));
    const notPdf = await problemOf(extractPdf(png, { name: 'icon.png' }));
    expect(notPdf).toMatchObject({
      code: 'NOT_PDF',
      message: 'icon.png is not a PDF: it does not start with "%PDF-".',
    });
  });

  it('reads up to 5,000 pages and refuses more as TOO_LARGE', async () => {
    expect((await extractPdf(manyPages(3))).pages).toEqual(['', '', '']);
    const problem = await problemOf(extractPdf(manyPages(12_000), { name: 'book.pdf' }));
    expect(problem).toMatchObject({
      code: 'TOO_LARGE',
      message: 'book.pdf has 12,000 pages; Paperqueue reads PDFs of up to 5,000.',
    });
  });

  it('names the file generically when no name is given', async () => {
    const problem = await problemOf(extractPdf(new TextEncoder().encode('%PDF-1.4\n%%EOF\n')));
    expect(problem.message).toMatch(/^The PDF is not a readable PDF: /);
  });
});
