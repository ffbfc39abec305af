import { searchableText } from '../pdf/page-text';
import type { TermScanner } from './tokenize';

/**
 * A paper's PDF text as search keeps it: each page's searchable text (ligatures spelled out, words
 * hyphenated across lines joined, line ends made spaces), UTF-8, end to end, and where each page ends.
 * Bytes rather than strings: one character outside Latin-1 makes V8 keep a whole string at two bytes a
 * character, and a page's text is decoded only to show a row's passage.
 */
export type PdfText = {
  readonly bytes: Uint8Array;
  /** Page i is bytes[ends[i - 1] ?? 0, ends[i]). */
  readonly ends: Uint32Array;
};

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The searchable text of `pages` (pages[i] is page i + 1 as extracted), packed. */
export function packPdfText(pages: readonly string[]): PdfText {
  const texts = pages.map(searchableText);
  // A UTF-16 unit is at most three bytes of UTF-8.
  let bytes = new Uint8Array(texts.reduce((sum, text) => sum + text.length * 3, 0));
  const ends = new Uint32Array(texts.length);
  let used = 0;
  texts.forEach((text, i) => {
    used += encoder.encodeInto(text, bytes.subarray(used)).written;
    ends[i] = used;
  });
  if (used < bytes.length) bytes = bytes.slice(0, used);
  return { bytes, ends };
}

export function pageCount(text: PdfText): number {
  return text.ends.length;
}

/** The searchable text of page `index` (from 0). */
export function pageAt(text: PdfText, index: number): string {
  return decoder.decode(text.bytes.subarray(index === 0 ? 0 : text.ends[index - 1], text.ends[index]));
}

/** Read every page into `scanner`, one section each. */
export function scanPdfText(text: PdfText, scanner: TermScanner): void {
  scanner.begin();
  for (let page = 0; page < text.ends.length; page++) scanner.section(pageAt(text, page));
}
