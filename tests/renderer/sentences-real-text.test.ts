import { beforeAll, describe, expect, it } from 'vitest';
import { sentences } from '../../renderer/src/pdf/sentences';
import { readerPages } from './reader-pages';

/** tracemonkey.pdf's pages as the reader reads them: pdf.js's text items joined by the reader's pageText. */
const pages: string[] = [];

beforeAll(async () => {
  pages.push(...(await readerPages('tracemonkey.pdf')));
}, 60_000);

/** The sentences of a text as a person reads them (a line end a space). */
const said = (text: string) => sentences(text).map((s) => text.slice(s.start, s.end).replace(/\s+/g, ' '));

/** The sentence of page `page` (0-based) that holds `words`. */
function sentenceWith(page: number, words: string): string {
  const text = pages[page]!;
  const found = said(text).find((s) => s.includes(words));
  if (!found) throw new Error(`no sentence of page ${page + 1} holds "${words}"`);
  return found;
}

describe('sentences of a real paper (tracemonkey.pdf)', () => {
  it('does not end a sentence at "No." before a number, at "U.S." or at an author’s initial', () => {
    expect(sentenceWith(12, 'Project No.')).toMatch(/Microsystems under Project No\. 07-127\.$/);
    expect(sentenceWith(12, 'Government is authorized')).toBe(
      'The U.S. Government is authorized to reproduce and distribute reprints for Governmental purposes notwithstanding any copyright annotation thereon.',
    );
    expect(sentenceWith(0, 'Mohammad R.')).toContain('Mohammad R. Haghighat');
    // A reference: its authors' initials are one sentence with their names.
    expect(sentenceWith(13, 'Aho')).toBe('[6] A. Aho, R. Sethi, J. Ullman, and M. Lam.');
    expect(sentenceWith(13, 'Haghighat')).toBe('[13] J. Ha, M. R. Haghighat, S. Cong, and K. S. McKinley.');
  });

  it('reads a section’s number with its heading, and keeps the sentences that do end at a "."', () => {
    expect(sentenceWith(0, 'Introduction')).toMatch(/^1\. Introduction Dynamic languages/);
    // "C." after a word is the language, at a sentence's end.
    expect(sentenceWith(10, 'implemented in C.')).toMatch(/implemented in C\.$/);
    expect(sentenceWith(4, 'Starting a tree')).toBe('Starting a tree.');
    expect(sentenceWith(3, 'e.g., hash tables')).toMatch(/\(i\.e\., with attached type tag bits\)\.$/);
  });

  it('leaves no sentence that is only initials or a section’s number, or that ends at a short form', () => {
    const cut = pages
      .flatMap((text) => said(text))
      .filter((s) => /^(?:\[\d+\] )?(?:\p{Lu}\. ?)+$|^\d{1,2}\.$|(?:\bNo|U\.S|e\.g|i\.e|et al|Fig)\.$/u.test(s));
    expect(cut).toEqual([]);
  });
});

describe('sentences after short forms', () => {
  it('goes on past "e.g.", "et al.", "Fig." and "Dr." before a number or a capital, and past numbers like 3.5', () => {
    expect(
      said('Loops run faster, e.g. 3.5 times. Gal et al. Showed it first. See Fig. 2 Right. Dr. Smith agreed.'),
    ).toEqual([
      'Loops run faster, e.g. 3.5 times.',
      'Gal et al. Showed it first.',
      'See Fig. 2 Right.',
      'Dr. Smith agreed.',
    ]);
  });

  it('keeps offsets into the page’s own text, line ends included', () => {
    const text = 'Trace trees (Gal et al.\nThe first) grow.\nNext one.';
    expect(sentences(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'Trace trees (Gal et al.\nThe first) grow.',
      'Next one.',
    ]);
  });
});
