// @vitest-environment jsdom
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageText as corePageText, searchableText } from '../../electron/core/pdf/page-text';
import { findAll } from '../../renderer/src/pdf/fold';
import { normalisedContent } from '../../renderer/src/pdf/normalise';
import type { TextItemLike } from '../../renderer/src/pdf/page-text';
import { PageTexts } from '../../renderer/src/pdf/page-texts';

const PDFS = join(import.meta.dirname, '..', '..', '..', 'shared', 'pdfs');

async function open(name: string): Promise<PDFDocumentProxy> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(await readFile(join(PDFS, name)));
  return getDocument({ data, isEvalSupported: false, verbosity: 0 }).promise;
}

/** How often `needle` occurs in `haystack`. */
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe("the reader's find in an Arabic PDF (ArabicCIDTrueType.pdf)", () => {
  let doc: PDFDocumentProxy;
  let reader: string;
  let core: string;
  beforeAll(async () => {
    doc = await open('ArabicCIDTrueType.pdf');
    reader = await new PageTexts(doc).plain(0);
    // The core's text, which search reads: pdf.js's items unnormalised, then folded for search.
    const { items } = await (await doc.getPage(1)).getTextContent({ disableNormalization: true });
    core = searchableText(corePageText(items as TextItemLike[]));
  }, 60_000);
  afterAll(() => doc?.destroy());

  it('finds الخطوط, whose lam–khah ligature (U+FCCB) pdf.js normalises reversed, and the phrases with it', () => {
    expect(findAll(reader, 'الخطوط')).toHaveLength(4);
    expect(findAll(reader, 'انواع الخطوط')).toHaveLength(4);
    expect(findAll(reader, 'الخطوط العربية')).toHaveLength(4);
    expect(findAll(reader, 'انواع الخطوط العربية')).toHaveLength(4);
    // Never the letters reversed, as pdf.js's own normalisation gave them.
    expect(findAll(reader, 'اخلطوط')).toEqual([]);
  });

  it('finds every word, and every two and three words in a row, that the core’s search finds, as often', () => {
    const lines = core.split(/ ?\n ?/).filter(Boolean);
    const words = core.split(/\s+/).filter(Boolean);
    expect(words).toHaveLength(12);
    const phrases = new Set<string>(words);
    for (const line of lines) {
      const inLine = line.split(' ');
      for (let n = 2; n <= inLine.length; n++)
        for (let i = 0; i + n <= inLine.length; i++) phrases.add(inLine.slice(i, i + n).join(' '));
    }
    // And across a line's end, as the reader's page text reads it (the last word, then the next line's first).
    for (let l = 0; l + 1 < lines.length; l++)
      phrases.add(`${lines[l]!.split(' ').at(-1)} ${lines[l + 1]!.split(' ')[0]}`);
    for (const phrase of phrases) {
      expect(findAll(reader, phrase).length, phrase).toBe(count(core.replace(/\n/g, ' '), phrase));
      expect(findAll(reader, phrase).length, phrase).toBeGreaterThan(0);
    }
  });

  it('gives the text layer the same text: its spans read الخطوط in logical order', async () => {
    const content = await new PageTexts(doc).content(0);
    const strs = content.items.flatMap((item) => ('str' in item ? [item.str] : []));
    expect(strs.filter((str) => str.normalize('NFKC') === 'الخطوط')).toHaveLength(4);
  });
});

describe("pdf.js's normalisation, done by the reader in logical order", () => {
  it('gives every item of the left-to-right PDFs byte for byte as pdf.js’s own does', async () => {
    for (const name of [
      'tracemonkey.pdf',
      'copy_paste_ligatures.pdf',
      'bug1937438_af_from_latex.pdf',
      'hello_world_rotated.pdf',
    ]) {
      const doc = await open(name);
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const own = normalisedContent(await page.getTextContent({ disableNormalization: true }));
        expect(own, `${name} page ${n}`).toEqual(await page.getTextContent());
      }
      await doc.destroy();
    }
  }, 60_000);

  it('changes only the Arabic ligature pdf.js reverses on the Arabic page', async () => {
    const doc = await open('ArabicCIDTrueType.pdf');
    const page = await doc.getPage(1);
    const own = normalisedContent(await page.getTextContent({ disableNormalization: true })).items;
    const theirs = (await page.getTextContent()).items;
    expect(own).toHaveLength(theirs.length);
    const differ = own.flatMap((item, i) =>
      'str' in item && 'str' in theirs[i]! && item.str !== theirs[i].str ? [[item.str, theirs[i].str]] : [],
    );
    expect(differ).toEqual([...Array<string[]>(4)].map(() => ['الخﻄﻮط', 'اخلﻄﻮط']));
    await doc.destroy();
  });
});
