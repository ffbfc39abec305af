import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { emptyPageNote, hasFormFields } from '../../renderer/src/pdf/empty-page';
import { PageTexts } from '../../renderer/src/pdf/page-texts';

const PDFS = join(import.meta.dirname, '..', '..', '..', 'shared', 'pdfs');
const docs: PDFDocumentProxy[] = [];

async function open(name: string): Promise<PDFDocumentProxy> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({
    data: new Uint8Array(await readFile(join(PDFS, name))),
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  docs.push(doc);
  return doc;
}

let evaljs: PDFDocumentProxy;
let tracemonkey: PDFDocumentProxy;
beforeAll(async () => {
  evaljs = await open('evaljs.pdf');
  tracemonkey = await open('tracemonkey.pdf');
}, 60_000);
afterAll(() => Promise.all(docs.map((d) => d.destroy())));

/* QA s33 item 15c: evaljs.pdf, a form with empty fields, was labelled "no text layer (a scan or an image)". */
describe('the note on a page with no text', () => {
  it('says a form page has form fields, not that it is a scan', async () => {
    const laid = await new PageTexts(evaljs).text(0);
    expect(laid.text.trim()).toBe('');
    expect(await hasFormFields(await evaljs.getPage(1))).toBe(true);
    expect(emptyPageNote('form')).toBe('This page has no text, only form fields');
    expect(emptyPageNote('form')).not.toMatch(/scan/);
  });

  it('keeps the other notes, and a page of text has no fields', async () => {
    expect(await hasFormFields(await tracemonkey.getPage(1))).toBe(false);
    expect(emptyPageNote('picture')).toBe('This page has no text layer (a scan or an image)');
    expect(emptyPageNote('unreadable')).toMatch(/could not be read/);
    // A page whose annotations cannot be read is taken as no form.
    expect(await hasFormFields({ getAnnotations: () => Promise.reject(new Error('broken')) })).toBe(false);
  });
});
