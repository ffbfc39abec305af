import { describe, expect, it } from 'vitest';
import { pageText as corePageText } from '../../electron/core/pdf/page-text';
import { findAll, fold } from '../../renderer/src/pdf/fold';
import { laidOut, pageText, quoteAt } from '../../renderer/src/pdf/page-text';
import { locate } from '../../renderer/src/pdf/reanchor';

const items = [
  { str: 'Trace-based compilation', hasEOL: false },
  { type: 'beginMarkedContent' },
  { str: ' of dy-', hasEOL: true },
  { str: '', hasEOL: false },
  { type: 'endMarkedContent' },
  { str: 'namic ﬁne languages', hasEOL: true },
];

describe('page text', () => {
  it('is the core’s page text, character for character', () => {
    expect(pageText(items)).toBe(corePageText(items));
    expect(pageText(items)).toBe('Trace-based compilation of dy-\nnamic ﬁne languages\n');
  });

  it('says where each text-layer span starts: one per item with a string, marker items none', () => {
    const { text, starts } = laidOut(items);
    expect(starts).toEqual([0, 23, 31, 31]);
    expect(text.slice(starts[2], starts[2]! + 5)).toBe('namic');
  });

  it('keeps 32 characters of context each side of a quote', () => {
    const text = 'a'.repeat(40) + 'QUOTE' + 'b'.repeat(40);
    expect(quoteAt(text, 40, 45)).toEqual({ quote: 'QUOTE', prefix: 'a'.repeat(32), suffix: 'b'.repeat(32) });
  });
});

describe('find', () => {
  it('folds case, ligatures, white space and a line-end hyphen, and answers in the page’s own offsets', () => {
    const text = pageText(items);
    const [hit] = findAll(text, 'DYNAMIC fine');
    expect(hit).toBeDefined();
    expect(text.slice(hit!.start, hit!.end)).toBe('dy-\nnamic ﬁne');
    expect(findAll(text, 'compilation of')).toHaveLength(1);
    expect(findAll(text, '   ')).toEqual([]);
  });

  it('finds every occurrence, not overlapping', () => {
    expect(findAll('aaa aaa', 'aa')).toEqual([
      { start: 0, end: 2 },
      { start: 4, end: 6 },
    ]);
  });

  it('maps a character astral or expanded back whole', () => {
    const text = 'x 𝒜ﬁ y';
    const [hit] = findAll(text, '𝒜fi', fold(text));
    expect(text.slice(hit!.start, hit!.end)).toBe('𝒜ﬁ');
  });
});

describe('re-anchoring a PDF highlight', () => {
  const text = 'The loop is traced. Then the loop is compiled. The loop runs.';
  const quote = 'the loop';
  const start = text.indexOf('the loop');
  const stored = { quote, prefix: 'is traced. Then ', suffix: ' is compiled.', start, end: start + quote.length };

  it('trusts the offsets when the quote is there', () => {
    expect(locate(text, stored)).toEqual({ start, end: stored.end, exact: true });
  });

  it('finds the quote again by its context when the text shifted', () => {
    const shifted = 'Header\n' + text;
    const found = locate(shifted, stored)!;
    expect(found.exact).toBe(false);
    expect(found.start).toBe(start + 7);
  });

  it('finds it when pdf.js joins the items with a line break instead of a space', () => {
    const split = text.replace('the loop', 'the\nloop');
    const found = locate(split, stored)!;
    expect(split.slice(found.start, found.end)).toBe('the\nloop');
  });

  it('gives up when the words are gone', () => {
    expect(locate('Nothing of it here.', stored)).toBeUndefined();
  });
});
