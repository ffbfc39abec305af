import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pdfPagePlaces, wordPlaces } from '../../electron/core/search/passage-place';
import { TEX_VARIANTS } from '../../electron/core/text';
import { packPdfText, pageAt, pageKind, pageWindow } from '../../electron/core/search/pdf-text';

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
    '§',
    '🙂',
    '“🙂”',
    '————————',
    '🙂🙂🙂🙂',
  ];
  const words = ['ka', 'k', 'kap', 'var', 'varp', 'va', 'phi', 'p', 'ne', 'n', 'theta', 'x', '3', 'file', 'naive'];
  const pageOf = (tokenCount: number) =>
    fc
      .array(fc.constantFrom(...tokens), { maxLength: tokenCount })
      .chain((parts) =>
        fc
          .array(fc.constantFrom(' ', '\n', ' ', '-', ', '), { minLength: parts.length, maxLength: parts.length })
          .map((gaps) => parts.map((part, i) => part + gaps[i]).join('')),
      );
  const page = pageOf(60);
  // Long enough for places a window's reach apart, with characters of several bytes between.
  const longPage = pageOf(200);

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

  it('are the same read in the page’s bytes, and near the rarer words’ places for the words marked near', () => {
    let read = 0;
    fc.assert(
      fc.property(
        longPage,
        fc.uniqueArray(fc.constantFrom(...words), { minLength: 1, maxLength: 4 }),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        (text, query, marks) => {
          const packed = packPdfText([text]);
          const decoded = pageAt(packed, 0);
          const inBytes = pdfPagePlaces(packed, 0, query);
          const kind = pageKind(packed, 0)!;
          // Read in bytes: a page with no letter past ASCII and no TeX math, for ASCII words none of which
          // starts a letter with a TeX variant (ph, th...).
          const variantLetter = query.some((word) => [...TEX_VARIANTS.values()].some((name) => name.startsWith(word)));
          expect(inBytes !== undefined).toBe(!kind.folds && !decoded.includes('$') && !variantLetter);
          if (!inBytes) return;
          read++;
          const all = wordPlaces(decoded, query);
          expect(inBytes.places, JSON.stringify({ decoded, query })).toEqual(all);
          // Marked near (not all): only the places within a window's reach (130) of another word's, all of them.
          const near = query.map((_, w) => marks[w]!);
          if (near.every(Boolean)) near[0] = false;
          const anchors = all.filter((_, w) => !near[w]).flat();
          const nearOnly = pdfPagePlaces(packed, 0, query, near)!;
          query.forEach((_, w) => {
            const expected = near[w] ? all[w]!.filter((at) => anchors.some((a) => Math.abs(at - a) <= 130)) : all[w]!;
            const got = nearOnly.places[w]!;
            expect(
              got.filter((at) => !all[w]!.includes(at)),
              'only places read in full',
            ).toEqual([]);
            expect(
              expected.filter((at) => !got.includes(at)),
              JSON.stringify({ decoded, query, near }),
            ).toEqual([]);
          });
        },
      ),
      { numRuns: Number(process.env.PAPERQUEUE_FUZZ_RUNS) || 500 },
    );
    expect(read).toBeGreaterThan(100);
    // A window's reach is 130 characters, more bytes when some are dashes (three bytes each).
    const dashes = packPdfText([`ka ${'———————— '.repeat(10)}ne`]);
    expect(pdfPagePlaces(dashes, 0, ['ka', 'ne'], [false, true])!.places).toEqual([[0], [93]]);
  });

  it('give the window of the page a passage reads, decoded alone', () => {
    fc.assert(
      fc.property(page, fc.nat(), fc.nat({ max: 400 }), fc.nat({ max: 400 }), (text, unit, before, after) => {
        const packed = packPdfText([text]);
        const decoded = pageAt(packed, 0);
        const read = pdfPagePlaces(packed, 0, ['x']);
        if (!read || decoded.length === 0) return;
        // A place is a word's start: never inside a character of two units.
        let at = unit % decoded.length;
        if (at > 0 && decoded.charCodeAt(at) >= 0xdc00 && decoded.charCodeAt(at) < 0xe000) at--;
        const window = pageWindow(packed, 0, read, at, { before, after });
        const from = at - window.at;
        expect(window.text, JSON.stringify({ decoded, at, before, after })).toBe(
          decoded.slice(from, from + window.text.length),
        );
        expect(window.at).toBeGreaterThanOrEqual(Math.min(at, before));
        expect(window.text.length - window.at).toBeGreaterThanOrEqual(Math.min(decoded.length - at, after));
        expect(window.cut).toEqual({ before: from > 0, after: from + window.text.length < decoded.length });
      }),
      { numRuns: Number(process.env.PAPERQUEUE_FUZZ_RUNS) || 500 },
    );
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
