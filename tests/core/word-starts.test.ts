import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startsWith, WordStarts } from '../../electron/core/search/word-starts';

const RUNS = Number(process.env.PAPERQUEUE_FUZZ_RUNS) || 100;
/** Text already folded: every byte stays as it is. */
const SAME = Uint8Array.from({ length: 256 }, (_, byte) => byte);

/** Folded lines (" word word\n" each) and their word starts, sorted. */
function noted(lines: readonly string[]): { text: Buffer; starts: WordStarts } {
  const text = Buffer.from(lines.map((line) => ` ${line}\n`).join(''));
  const starts = new WordStarts();
  starts.foldAndNote(text, 0, text.length, SAME, 0);
  expect(starts.sort(Infinity)).toBe(true);
  return { text, starts };
}

/** Where the words starting with `word` start in `text`, in order. */
function placesOf(text: Buffer, word: string): number[] {
  const needle = Buffer.from(word);
  const found: number[] = [];
  for (let at = 0; at < text.length; at++) {
    if ((at === 0 || text[at - 1] === 0x20) && startsWith(text, at, needle)) found.push(at);
  }
  return found;
}

describe('WordStarts', () => {
  it('gives a word of four or five letters exactly the words it starts, and a longer word those of its first five', () => {
    const { text, starts } = noted(['graab graac grab', 'gra graaba graabz', 'gravel grace', 'ungraab graab']);
    const slice = (word: string) => {
      const found = starts.slice(Buffer.from(word), text)!;
      return { exact: found.exact, places: [...found.places.subarray(found.from, found.to)].sort((a, b) => a - b) };
    };
    expect(slice('graab')).toEqual({ exact: true, places: placesOf(text, 'graab') });
    expect(slice('graab').places).toHaveLength(4);
    expect(slice('graa')).toEqual({ exact: true, places: placesOf(text, 'graa') });
    expect(slice('grav')).toEqual({ exact: true, places: placesOf(text, 'grav') });
    expect(slice('gra')).toEqual({ exact: true, places: placesOf(text, 'gra') });
    // Six letters: the words of its first five, each to be checked.
    expect(slice('graaba')).toEqual({ exact: false, places: placesOf(text, 'graab') });
    expect(slice('grax')).toEqual({ exact: true, places: [] });
  });

  it('finds every word a prefix starts, in any words, asked in any order', () => {
    const letter = fc.constantFrom('a', 'b', 'c', '1', 'é', 'ß');
    const word = fc.array(letter, { minLength: 1, maxLength: 8 }).map((letters) => letters.join(''));
    const line = fc.array(word, { maxLength: 6 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(word, { maxLength: 12 }), (lines, prefixes) => {
        const { text, starts } = noted(lines);
        for (const prefix of prefixes) {
          const needle = Buffer.from(prefix);
          const found = starts.slice(needle, text)!;
          const places = [...found.places.subarray(found.from, found.to)];
          const matching = places.filter((at) => startsWith(text, at, needle)).sort((a, b) => a - b);
          expect(matching, prefix).toEqual(placesOf(text, prefix));
          if (found.exact) expect(matching, prefix).toHaveLength(places.length);
          // Five ASCII letters or digits at most: the key and the fourth and fifth letters say it all.
          expect(found.exact, prefix).toBe(/^[a-z0-9]{1,5}$/.test(prefix));
        }
      }),
      { numRuns: RUNS },
    );
  });
});
