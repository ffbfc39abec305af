import { describe, expect, it } from 'vitest';
import { phrasePlaces, phrasesPlaces } from '../../electron/core/search/phrase-places';

/**
 * phrasesPlaces reads a text once for several phrases (a PDF page for each search word), sharing what it read
 * (the lower case, the folded words past ASCII) between them: each phrase's places must be the ones a reading of
 * its own finds (phrasePlaces), whatever the phrases before it found or stopped at (`limit`), in ASCII text, text
 * with letters past ASCII, TeX math and a letter whose lower case is longer (İ).
 */
describe('the places of several phrases in one reading of a text', () => {
  const texts = [
    'Red giants and the red-giant branch: giants, red, REDDER.',
    'Schrödinger’s ﬁeld equations: the ﬁeld of Schrödinger, a naïve café and the œuvre of Gödel; field again.',
    'Measuring $H_0$ with lensed quasars: $\\alpha$-decay and H0 again, $\\varepsilon$ small.',
    'İstanbul papers: İnce and ince, Istanbul and the field.',
    '',
  ];
  const phrases = [
    ['red'],
    ['giant'],
    ['field'],
    ['schrodinger'],
    ['cafe'],
    ['h0'],
    ['alpha'],
    ['ince'],
    ['red', 'giant'],
    ['the', 'field'],
    ['istanbul'],
    ['nowhere'],
  ];
  for (const text of texts) {
    it(`finds what phrasePlaces finds, phrase by phrase: ${JSON.stringify(text.slice(0, 30))}`, () => {
      for (const limit of [1, 3, 200]) {
        const together = phrasesPlaces(text, phrases, limit);
        expect(together).toEqual(phrases.map((phrase) => phrasePlaces(text, phrase, limit)));
      }
    });
  }
  it('finds the words past ASCII as well as the ASCII ones', () => {
    const [field, schrodinger, cafe] = phrasesPlaces(texts[1]!, [['field'], ['schrodinger'], ['cafe']], 200);
    expect(field!.map(([start, end]) => texts[1]!.slice(start, end))).toEqual(['ﬁeld', 'ﬁeld', 'field']);
    expect(schrodinger).toHaveLength(2);
    expect(cafe!.map(([start, end]) => texts[1]!.slice(start, end))).toEqual(['café']);
  });
});
