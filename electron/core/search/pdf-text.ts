import { searchableText } from '../pdf/page-text';
import { foldsPastAscii } from './phrase-places';
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
  /**
   * A paper with several PDFs: their texts end to end, in the order attached, and which is which. Absent for
   * a paper with one PDF (the common case costs nothing more): its text is that PDF's.
   */
  readonly parts?: PdfParts;
  /**
   * What each page's text is made of, found as it is packed, so that a search reading the page need not look
   * (PageKind bits); absent: unknown, the reader looks.
   */
  readonly kinds?: Uint8Array;
};

/** A page's PageKind bits: all ASCII; a letter, digit or accent past ASCII (phrase-places.ts foldsPastAscii). */
export const PAGE_ASCII = 1;
export const PAGE_FOLDS = 2;

/** What search needs to know of a page before reading it (see PdfText.kinds); undefined when not known. */
export type PageKind = { ascii: boolean; folds: boolean };

/** The PDFs of a joined text: part i is `hashes[i]`'s, pages firstPages[i] to firstPages[i + 1] (or the end). */
export type PdfParts = { readonly hashes: readonly string[]; readonly firstPages: Uint32Array };

/** One PDF's text in a joined one, as a text of its own (a view: its bytes are the joined text's). */
export type PdfPart = { readonly hash: string; readonly text: PdfText; readonly firstPage: number };

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The searchable text of `pages` (pages[i] is page i + 1 as extracted), packed. */
export function packPdfText(pages: readonly string[]): PdfText {
  const texts = pages.map(searchableText);
  // A UTF-16 unit is at most three bytes of UTF-8.
  let bytes = new Uint8Array(texts.reduce((sum, text) => sum + text.length * 3, 0));
  const ends = new Uint32Array(texts.length);
  const kinds = new Uint8Array(texts.length);
  let used = 0;
  texts.forEach((text, i) => {
    const written = encoder.encodeInto(text, bytes.subarray(used)).written;
    // A byte a character: all ASCII.
    kinds[i] = written === text.length ? PAGE_ASCII : foldsPastAscii(text) ? PAGE_FOLDS : 0;
    used += written;
    ends[i] = used;
  });
  if (used < bytes.length) bytes = bytes.slice(0, used);
  return { bytes, ends, kinds };
}

/**
 * One text of the PDFs `texts` (hash and text each, in the order attached) for search: with `named`, a
 * joined text that says which PDF each page is of; else (one PDF) that PDF's text as it is. Copies the bytes
 * once when there are several.
 */
export function joinPdfTexts(texts: readonly { hash: string; text: PdfText }[], named: boolean): PdfText | undefined {
  if (texts.length === 0) return undefined;
  if (!named && texts.length === 1) {
    const { bytes, ends } = texts[0]!.text;
    // A part of a joined text is copied out, lest it keep the whole joined text alive.
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    return { bytes: whole ? bytes : bytes.slice(), ends };
  }
  const bytes = new Uint8Array(texts.reduce((sum, { text }) => sum + text.bytes.length, 0));
  const ends = new Uint32Array(texts.reduce((sum, { text }) => sum + text.ends.length, 0));
  const kinds = texts.every(({ text }) => text.kinds) ? new Uint8Array(ends.length) : undefined;
  const firstPages = new Uint32Array(texts.length);
  let used = 0;
  let pages = 0;
  texts.forEach(({ text }, i) => {
    firstPages[i] = pages;
    bytes.set(text.bytes, used);
    for (let page = 0; page < text.ends.length; page++) ends[pages + page] = used + text.ends[page]!;
    kinds?.set(text.kinds!, pages);
    used += text.bytes.length;
    pages += text.ends.length;
  });
  return { bytes, ends, parts: { hashes: texts.map(({ hash }) => hash), firstPages }, ...(kinds && { kinds }) };
}

/** The PDFs of a joined text, each as a text of its own (views, not copies). */
export function splitPdfText(text: PdfText): PdfPart[] {
  const parts = text.parts;
  if (!parts) return [];
  return parts.hashes.map((hash, i) => {
    const firstPage = parts.firstPages[i]!;
    const end = i + 1 < parts.hashes.length ? parts.firstPages[i + 1]! : text.ends.length;
    const from = firstPage === 0 ? 0 : text.ends[firstPage - 1]!;
    const ends = text.ends.slice(firstPage, end).map((at) => at - from);
    const to = end === 0 ? 0 : text.ends[end - 1]!;
    const kinds = text.kinds?.subarray(firstPage, end);
    return {
      hash,
      firstPage,
      text: { bytes: text.bytes.subarray(from, Math.max(from, to)), ends, ...(kinds && { kinds }) },
    };
  });
}

/** Where page `index` (from 0) of `text` starts, counted from the start of its own PDF's text. */
export function offsetInPdf(text: PdfText, index: number): number {
  const start = index === 0 ? 0 : text.ends[index - 1]!;
  const parts = text.parts;
  if (!parts) return start;
  let first = 0;
  for (const page of parts.firstPages) if (page <= index) first = page;
  return start - (first === 0 ? 0 : text.ends[first - 1]!);
}

export function pageCount(text: PdfText): number {
  return text.ends.length;
}

/** The searchable text of page `index` (from 0). */
export function pageAt(text: PdfText, index: number): string {
  return decoder.decode(text.bytes.subarray(index === 0 ? 0 : text.ends[index - 1], text.ends[index]));
}

/**
 * Page `index` (from 0) of `text` as its bytes, one character a byte (Latin-1): an ASCII page's text, and any
 * other's ASCII characters among bytes past 0x7f (leadShifts and unitOffsets map a place back). A fifth of
 * decoding's time: most pages have a dash or a curly quote, which makes the decoded text two bytes a character.
 */
export function pageBytes(text: PdfText, index: number): string {
  const from = index === 0 ? 0 : text.ends[index - 1]!;
  const { buffer, byteOffset } = text.bytes;
  return Buffer.from(buffer, byteOffset + from, text.ends[index]! - from).toString('latin1');
}

/**
 * Where pageBytes's string `bytes` has a character of several bytes, and how many fewer UTF-16 units it is
 * than bytes (one; two for three or four bytes): pairs of [byte offset, shift], in order. Empty for ASCII.
 */
export function leadShifts(bytes: string): number[] {
  const shifts: number[] = [];
  LEAD_BYTES.lastIndex = 0;
  for (let m = LEAD_BYTES.exec(bytes); m; m = LEAD_BYTES.exec(bytes)) {
    shifts.push(m.index, bytes.charCodeAt(m.index) >= 0xe0 ? 2 : 1);
  }
  return shifts;
}

/** The first byte of a UTF-8 character of two to four bytes. */
const LEAD_BYTES = /[\xc0-\xff]/g;

/** `places` (each list in order) in a page's bytes as offsets in its decoded text (`shifts`: leadShifts). */
export function unitOffsets(places: number[][], shifts: readonly number[]): number[][] {
  if (shifts.length === 0) return places;
  return places.map((list) => {
    let next = 0;
    let shift = 0;
    return list.map((at) => {
      for (; next < shifts.length && shifts[next]! < at; next += 2) shift += shifts[next + 1]!;
      return at - shift;
    });
  });
}

/**
 * The part of page `index` (from 0) of `text` from `reach.before` UTF-16 units before the page's unit `at` to
 * `reach.after` after it (or the page's ends), decoded: its text, `at` in it, and whether the page goes on
 * before and after it (as passageAround's `cut`). `bytes` and `shifts` are the page's pageBytes and leadShifts.
 * A row's passage decodes this, not its page of thousands of characters.
 */
export function pageWindow(
  text: PdfText,
  index: number,
  page: { bytes: string; shifts: readonly number[] },
  at: number,
  reach: { before: number; after: number },
): { text: string; at: number; cut: { before: boolean; after: boolean } } {
  const { bytes, shifts } = page;
  const byteOf = (unit: number): number => {
    let shift = 0;
    for (let next = 0; next < shifts.length && shifts[next]! - shift < unit; next += 2) shift += shifts[next + 1]!;
    return unit + shift;
  };
  const continues = (byte: number): boolean => byte < bytes.length && (bytes.charCodeAt(byte) & 0xc0) === 0x80;
  let from = at > reach.before ? byteOf(at - reach.before) : 0;
  while (from > 0 && continues(from)) from--;
  let to = Math.min(bytes.length, byteOf(at + reach.after));
  while (continues(to)) to++;
  const pageFrom = index === 0 ? 0 : text.ends[index - 1]!;
  // The units before the window: its bytes less the shifts of the characters there.
  let unitsBefore = from;
  for (let next = 0; next < shifts.length && shifts[next]! < from; next += 2) unitsBefore -= shifts[next + 1]!;
  const window = decoder.decode(text.bytes.subarray(pageFrom + from, pageFrom + to));
  return { text: window, at: at - unitsBefore, cut: { before: from > 0, after: to < bytes.length } };
}

/** What page `index` (from 0) of `text` is made of, if its packing said. */
export function pageKind(text: PdfText, index: number): PageKind | undefined {
  const kind = text.kinds?.[index];
  return kind === undefined ? undefined : { ascii: (kind & PAGE_ASCII) !== 0, folds: (kind & PAGE_FOLDS) !== 0 };
}

/** Read every page into `scanner`, one section each. */
export function scanPdfText(text: PdfText, scanner: TermScanner): void {
  scanner.begin();
  for (let page = 0; page < text.ends.length; page++) scanner.section(pageAt(text, page));
}
