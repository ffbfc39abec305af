import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../electron/core/pdf';
import { pageText, searchableText } from '../../../electron/core/pdf/page-text';
import { foldedWords } from '../../../electron/core/search/tokenize';
import { readableQuote } from '../../../electron/core/text';
import { pdfBytes } from './files';

describe('pageText', () => {
  it('concatenates the items and ends a line after an item with hasEOL', () => {
    expect(pageText([{ str: 'Hello', hasEOL: false }, { str: ' world', hasEOL: true }, { str: 'next' }])).toBe(
      'Hello world\nnext',
    );
  });

  it('takes nothing from marked-content markers (items without str) and keeps empty line-end items', () => {
    const marker = {} as { str?: string };
    expect(pageText([marker, { str: 'a', hasEOL: false }, { str: '', hasEOL: true }, marker, { str: 'b' }])).toBe(
      'a\nb',
    );
  });

  it('neither trims nor normalises, so offsets map onto the items in order', () => {
    const items = [{ str: '  ﬁne ' }, { str: 'x', hasEOL: true }, { str: '\t' }];
    const text = pageText(items);
    expect(text).toBe('  ﬁne x\n\t');
    expect(text.length).toBe(items.reduce((n, item) => n + item.str.length + (item.hasEOL ? 1 : 0), 0));
    expect(pageText([])).toBe('');
  });
});

describe('searchableText', () => {
  it('spells out the ligatures U+FB00 to U+FB06', () => {
    expect(searchableText('ﬁne ﬂow oﬀ eﬃcient baﬄe ﬅop ﬆar')).toBe('fine flow off efficient baffle stop star');
  });

  it('joins words hyphenated across a line end and makes other line ends spaces', () => {
    expect(searchableText('type special-\nization of\nloops')).toBe('type specialization of loops');
    expect(searchableText('dif-\nﬁcult')).toBe('difficult');
  });

  it('keeps a hyphen before a capital or a digit, without the line break', () => {
    expect(searchableText('Trace-\nMonkey and IEEE-\n754')).toBe('Trace-Monkey and IEEE-754');
  });

  it('folds Arabic presentation forms to the letters a person types', () => {
    expect(searchableText('اﻟﻌﺮﺑﻴﺔ')).toBe('العربية');
  });
});

describe('split accents in a real PDF', () => {
  it('tracemonkey.pdf page 2: pdfLaTeX\'s "na¨ıve" is found as naive and naïve, its offsets unchanged', async () => {
    const { pages } = await extractPdf(await pdfBytes('tracemonkey.pdf'));
    const page = pages[1]!;
    // The stored text is as pdf.js gives it: a diaeresis (U+00A8), then a dotless i.
    expect(page).toContain('na\u00A8\u0131ve');
    const searchable = searchableText(page);
    expect(searchable).not.toMatch(/[\u00A8\u0131]/);
    expect(searchable.match(/naïve/g)).toHaveLength(2);
    expect(pages.map(searchableText).join(' ').match(/naïve/g)).toHaveLength(3);
    expect(foldedWords(searchable)).toEqual(expect.arrayContaining(['naive']));
    expect(foldedWords(searchable)).not.toContain('na');
    expect(readableQuote({ target: 'pdf', quote: 'In\na na\u00A8\u0131ve implemen' })).toBe('In a naïve implemen');
  }, 60_000);
});
