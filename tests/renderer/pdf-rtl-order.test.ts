// @vitest-environment jsdom
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageText as corePageText } from '../../electron/core/pdf/page-text';
import type { Box } from '../../renderer/src/pdf/geometry';
import { findAll } from '../../renderer/src/pdf/fold';
import { laidOut, pageText, quoteAt, readableQuote, type TextItemLike } from '../../renderer/src/pdf/page-text';
import { locate } from '../../renderer/src/pdf/reanchor';
import { boxesFor, rangeFor, selectionOffsets, tagSpans } from '../../renderer/src/pdf/text-layer-dom';

// ArabicCIDTrueType.pdf's one page (595 × 842 points): four lines, each the three words "انواع الخطوط العربية"
// ("kinds of Arabic fonts"), drawn left to right (العربية first); PDF.js gives each word in logical order.
const PDF = join(import.meta.dirname, '..', '..', '..', 'shared', 'pdfs', 'ArabicCIDTrueType.pdf');
const PAGE_HEIGHT = 842;
type Item = TextItemLike & { str: string; transform: number[]; width: number; dir: string };

/** The page's items as the reader reads them (PageTexts: getTextContent()), or unnormalised, as the core does. */
async function itemsOf(options: { disableNormalization?: boolean } = {}): Promise<Item[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(await readFile(PDF)), isEvalSupported: false, verbosity: 0 })
    .promise;
  const content = await (await doc.getPage(1)).getTextContent(options);
  await doc.destroy();
  return content.items as Item[];
}

let reader: Item[];
let unnormalised: Item[];
beforeAll(async () => {
  [reader, unnormalised] = await Promise.all([itemsOf(), itemsOf({ disableNormalization: true })]);
}, 60_000);

// jsdom lays nothing out: each span is where its item is drawn on the page (at scale 1, the page at 0, 0), and a
// range inside a span covers its share of the span's width, from the right in a right-to-left span.
const placed = new WeakMap<Element, Box>();
const rect = ({ left, top, right, bottom }: Box) =>
  ({ left, top, right, bottom, x: left, y: top, width: right - left, height: bottom - top }) as DOMRect;
const realElementRect = Object.getOwnPropertyDescriptor(Element.prototype, 'getBoundingClientRect')!;
const realRangeRect = Object.getOwnPropertyDescriptor(Range.prototype, 'getBoundingClientRect');
beforeAll(() => {
  Element.prototype.getBoundingClientRect = function (this: Element) {
    return rect(placed.get(this) ?? { left: 0, top: 0, right: PAGE_HEIGHT, bottom: PAGE_HEIGHT });
  };
  Range.prototype.getBoundingClientRect = function (this: Range) {
    const span = this.startContainer.parentElement!;
    const box = placed.get(span)!;
    const length = span.textContent.length;
    const width = box.right - box.left;
    const [from, to] = [this.startOffset / length, this.endOffset / length];
    return span.dir === 'rtl'
      ? rect({ ...box, left: box.right - to * width, right: box.right - from * width })
      : rect({ ...box, left: box.left + from * width, right: box.left + to * width });
  };
});
afterAll(() => {
  Object.defineProperty(Element.prototype, 'getBoundingClientRect', realElementRect);
  if (realRangeRect) Object.defineProperty(Range.prototype, 'getBoundingClientRect', realRangeRect);
  else delete (Range.prototype as Partial<Range>).getBoundingClientRect;
});

/** A text layer as pdf.js's TextLayer builds it: a span per item with a string (empty ones left out), <br> after a line. */
function textLayer(items: readonly Item[]) {
  const layer = document.createElement('div');
  const divs: HTMLElement[] = [];
  for (const item of items) {
    const span = document.createElement('span');
    span.textContent = item.str;
    span.dir = item.dir;
    const [, , , size, x, y] = item.transform;
    placed.set(span, { left: x!, right: x! + item.width, top: PAGE_HEIGHT - y! - size!, bottom: PAGE_HEIGHT - y! });
    divs.push(span);
    if (item.str) layer.append(span);
    if (item.hasEOL) layer.append(document.createElement('br'));
  }
  const laid = laidOut(items);
  tagSpans(divs, laid.starts);
  document.body.replaceChildren(layer);
  return { layer, divs, text: laid.text };
}

const page = rect({ left: 0, top: 0, right: 595, bottom: PAGE_HEIGHT });
/** The words (items) boxes land on, as "line:word", words counted from the left as drawn (0 = العربية). */
function wordsUnder(items: readonly Item[], boxes: readonly Box[]): string[] {
  const words = items.filter((item) => item.dir === 'rtl');
  const lines = [...new Set(words.map((item) => item.transform[5]))];
  return boxes.map((box) => {
    const under = words.filter((item) => {
      const [, , , size, x, y] = item.transform;
      const top = PAGE_HEIGHT - y! - size!;
      return (
        Math.abs(box.top - top) < 0.01 && Math.abs(box.left - x!) < 0.01 && Math.abs(box.right - x! - item.width) < 0.01
      );
    });
    if (under.length !== 1) return `not a word: ${JSON.stringify(box)}`;
    const word = under[0]!;
    const line = words.filter((w) => w.transform[5] === word.transform[5]);
    return `${lines.indexOf(word.transform[5])}:${line.indexOf(word)}`;
  });
}

describe('Arabic (right-to-left) words in the reader', () => {
  it('are in logical order in the page text find, highlights and copying read: each line right to left', () => {
    const lines = laidOut(reader).text.split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      const words = line.split(' ');
      expect(words).toHaveLength(3);
      // انواع first, العربية last (in the letters PDF.js gives: presentation forms, and its own fold of ﳋ).
      expect(words[0]).toBe('اﻧﻮاع');
      expect(words[2]).toBe('اﻟﻌﺮﺑﻴﺔ');
    }
    // The same text as the core's, which search reads and highlight offsets count in.
    expect(laidOut(reader).text).toBe(corePageText(reader));
    expect(laidOut(unnormalised).text).toBe(corePageText(unnormalised));
  });

  it('are found typed in logical order, and find’s boxes land on those words', () => {
    const { layer, text } = textLayer(unnormalised);
    const hits = findAll(text, 'انواع الخطوط');
    expect(hits).toHaveLength(4);
    // On every line the two words on the right (انواع, then الخطوط), never العربية; spaces are too thin to box.
    expect(hits.map((hit) => wordsUnder(unnormalised, boxesFor(layer, page, hit.start, hit.end)).sort())).toEqual([
      ['0:1', '0:2'],
      ['1:1', '1:2'],
      ['2:1', '2:2'],
      ['3:1', '3:2'],
    ]);
    expect(findAll(text, 'الخطوط انواع')).toEqual([]);
    // A passage selected from a hit (select-sentence) covers those words in the layer, and only them.
    const range = rangeFor(layer, hits[0]!.start, hits[0]!.end)!;
    expect(range.toString()).toBe('اﳋﻄﻮط اﻧﻮاع');
  });

  it('are found across a line’s end as the reader reads its items: the last word of a line, then the next’s first', () => {
    const { layer, text } = textLayer(reader);
    const hits = findAll(text, 'العربية انواع');
    expect(hits).toHaveLength(3);
    expect(wordsUnder(reader, boxesFor(layer, page, hits[1]!.start, hits[1]!.end))).toEqual(['1:0', '2:2']);
  });

  it('make a highlight of the words selected, its passage in logical order, its rects on those words', () => {
    const { layer, divs, text } = textLayer(unnormalised);
    // The second line's two words on the right, selected in the layer (its spans are in drawing order).
    const line = divs.filter((span) => placed.get(span)!.top === placed.get(divs[6]!)!.top && span.dir === 'rtl');
    const range = document.createRange();
    range.setStart(line[1]!.firstChild!, 0);
    range.setEnd(line[2]!.firstChild!, line[2]!.textContent.length);
    const offsets = selectionOffsets(layer, range)!;
    const quote = quoteAt(text, offsets.start, offsets.end).quote;
    expect(readableQuote({ target: 'pdf', quote })).toBe('انواع الخطوط');
    expect(wordsUnder(unnormalised, boxesFor(layer, page, offsets.start, offsets.end)).sort()).toEqual(['1:1', '1:2']);
  });

  it('keep a highlight made before, at its stored offsets in the text as it was laid out then, on its words', () => {
    const { layer, text } = textLayer(unnormalised);
    // The page's text as Paperqueue laid it out before: every item in PDF.js's order (العربية first).
    const before = unnormalised.map((item) => item.str + (item.hasEOL ? '\n' : '')).join('');
    const lines = before.split('\n');
    const lineStart = (n: number) => lines.slice(0, n).reduce((sum, l) => sum + l.length + 1, 0);
    const stored = (start: number, end: number) => ({ ...quoteAt(before, start, end), start, end });
    // الخطوط انواع on the third line (as it read then), and الخطوط alone on the second (each line has one).
    const two = stored(lineStart(2) + lines[2]!.indexOf('اﳋﻄﻮط'), lineStart(2) + lines[2]!.length);
    expect(two.quote).toBe('اﳋﻄﻮط اﻧﻮاع');
    const one = stored(lineStart(1) + lines[1]!.indexOf('اﳋﻄﻮط'), lineStart(1) + lines[1]!.indexOf(' اﻧﻮاع'));
    expect(one.quote).toBe('اﳋﻄﻮط');
    const foundTwo = locate(text, two)!;
    expect(foundTwo.exact).toBe(true);
    expect(text.slice(foundTwo.start, foundTwo.end)).toBe('اﻧﻮاع اﳋﻄﻮط');
    expect(wordsUnder(unnormalised, boxesFor(layer, page, foundTwo.start, foundTwo.end)).sort()).toEqual([
      '2:1',
      '2:2',
    ]);
    // Find reading a long book's every page (pageText) between two layouts does not lose how this page was laid out.
    for (let n = 0; n < 200; n++) pageText(unnormalised.map((item) => ({ ...item, str: `${item.str}${n}` })));
    const foundOne = locate(text, one)!;
    expect(foundOne.exact).toBe(true);
    expect(text.slice(foundOne.start, foundOne.end)).toBe('اﳋﻄﻮط');
    expect(wordsUnder(unnormalised, boxesFor(layer, page, foundOne.start, foundOne.end))).toEqual(['1:1']);
  });
});

describe('left-to-right text in the reader', () => {
  it('is laid out byte for byte as before: tracemonkey.pdf’s every page, each item after the one before', async () => {
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const data = new Uint8Array(await readFile(join(PDF, '..', 'tracemonkey.pdf')));
    const doc = await getDocument({ data, isEvalSupported: false, verbosity: 0 }).promise;
    expect(doc.numPages).toBe(14);
    for (let n = 1; n <= doc.numPages; n++) {
      const items = (await (await doc.getPage(n)).getTextContent()).items as TextItemLike[];
      let text = '';
      const starts: number[] = [];
      for (const item of items) {
        if (item.str === undefined) continue;
        starts.push(text.length);
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      expect(laidOut(items), `page ${n}`).toEqual({ text, starts });
    }
    await doc.destroy();
  }, 60_000);
});
