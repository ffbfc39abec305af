import { describe, expect, it } from 'vitest';
import { readableQuote } from '../../electron/core/text';
import { readableQuote as rendererReadableQuote } from '../../renderer/src/pdf/page-text';

/* The core's and the renderer's copies (the renderer reaches the core only by types) read alike. */
describe("a highlight's passage as a person reads it", () => {
  it.each([
    ['execu-\ntion', 'execution'],
    ['the spec-\nulative trace\nof a loop', 'the speculative trace of a loop'],
    ['state-\nof-the-art', 'state-of-the-art'],
    // A compound broken at its own hyphen keeps it; a word merely ending in "well" or "self" does not.
    ['a well-\nknown self-\nattention layer', 'a well-known self-attention layer'],
    ['Well-\nknown, it-\nself', 'Well-known, itself'],
    ['a dwell-\ning, the farewell-\ning', 'a dwelling, the farewelling'],
    ['pages 3-\n5', 'pages 3-5'],
    ['Über-\nsetzung', 'Übersetzung'],
    ['line one  \n  line two', 'line one line two'],
    ['no breaks at all', 'no breaks at all'],
    // ArabicCIDTrueType.pdf's words as pdf.js gives them: shaped letters (presentation forms), and a lam-alef.
    ['\u0627\uFEDF\uFECC\uFEAE\uFE91\uFEF4\uFE94 \u0627\uFEE7\uFEEE\u0627\u0639', 'العربية انواع'],
    ['\uFEFB', 'لا'],
    // pdfLaTeX's split accents (tracemonkey.pdf's "na¨ıve": U+00A8, then a dotless i) on their letter.
    ['a na\u00A8\u0131ve imple-\nmentation', 'a naïve implementation'],
    [
      'Fran\u00B8cais, C\u00B8a, tr\u0060es, \u0060a la, Erd\u02DDos, \u02C7Cech, Schr\u00A8odinger',
      'Français, Ça, très, à la, Erdős, Čech, Schrödinger',
    ],
    // Nothing Unicode has no letter for, and a backtick before code, is touched.
    [
      'run \u0060make\u0060 or \u0060a\u0060, x\u00A8 and \u00B4 alone',
      'run \u0060make\u0060 or \u0060a\u0060, x\u00A8 and \u00B4 alone',
    ],
  ])('a PDF passage %j reads %j, in the core and the renderer', (quote, read) => {
    expect(readableQuote({ target: 'pdf', quote })).toBe(read);
    expect(rendererReadableQuote({ target: 'pdf', quote })).toBe(read);
  });

  it("leaves a title's or an abstract's passage as it is", () => {
    expect(readableQuote({ target: 'abstract', quote: 'execu-\ntion' })).toBe('execu-\ntion');
    expect(rendererReadableQuote({ target: 'title', quote: 'execu-\ntion' })).toBe('execu-\ntion');
  });
});
