import { describe, expect, it } from 'vitest';
import { pageText, searchableText } from '../../../electron/core/pdf/page-text';

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
