import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wordPlaces } from '../../electron/core/search/passage-place';
import { packPdfText, pageAt, pageKind } from '../../electron/core/search/pdf-text';

// A PDF's page with no letter past ASCII to fold (most pages: a dash or curly quotes at most) is read for each
// word's starts alone (passage-place.ts); any other text through phrasesPlaces. Both must find the same places.
describe('the places of a row’s words on a PDF’s page', () => {
  const tokens = [
    'ka',
    'Ka',
    'KA',
    'kappa',
    'okay',
    'ka3',
    '3ka',
    'var',
    'varphi',
    'Varphi',
    'variance',
    'phi',
    'vartheta',
    'theta',
    'ne',
    'none',
    'gene',
    'new',
    '“ka”',
    'ka—ne',
    '‘var’',
    'x',
    '—',
    '“',
    '$',
    'naïve',
    'ﬁle',
  ];
  const words = ['ka', 'k', 'kap', 'var', 'varp', 'va', 'phi', 'p', 'ne', 'n', 'theta', 'x', '3', 'file', 'naive'];
  const page = fc
    .array(fc.constantFrom(...tokens), { maxLength: 60 })
    .chain((parts) =>
      fc
        .array(fc.constantFrom(' ', '\n', ' ', '-', ', '), { minLength: parts.length, maxLength: parts.length })
        .map((gaps) => parts.map((part, i) => part + gaps[i]).join('')),
    );

  it('are the same read by starts alone as through phrasesPlaces', () => {
    let plain = 0;
    fc.assert(
      fc.property(page, fc.uniqueArray(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }), (text, query) => {
        const packed = packPdfText([text]);
        const read = pageAt(packed, 0);
        const kind = pageKind(packed, 0)!;
        if ((kind.ascii || !kind.folds) && !read.includes('$')) plain++;
        expect(wordPlaces(read, query, kind), JSON.stringify({ read, query })).toEqual(wordPlaces(read, query));
      }),
      { numRuns: Number(process.env.PAPERQUEUE_FUZZ_RUNS) || 500 },
    );
    // Most of the pages drawn took the new way.
    expect(plain).toBeGreaterThan(100);
  });

  it('leave out a TeX variant name for a word it does not start, and keep it for its letter', () => {
    const packed = packPdfText(['the varphi and “variance” of phi']);
    const read = pageAt(packed, 0);
    const kind = pageKind(packed, 0)!;
    expect(kind.folds).toBe(false);
    expect(wordPlaces(read, ['var', 'phi'], kind)).toEqual([
      [read.indexOf('variance')],
      [read.indexOf('varphi'), read.lastIndexOf('phi')],
    ]);
  });
});
