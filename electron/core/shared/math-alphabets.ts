// Shared with the renderer (eslint.config.js): pure, it imports nothing outside this folder.

/**
 * The letters of TeX's math alphabets (\mathcal, \mathbb, \mathfrak, \mathbf…) in Unicode's Mathematical
 * Alphanumeric Symbols: \mathcal{O} is 𝒪, not O. Plain text has no other way to keep them apart, and
 * Chromium draws MathML's mathvariant only when it is "normal", so KaTeX's <mi mathvariant="script">O</mi>
 * shows a plain O unless its letter is this one.
 */
export type MathAlphabet =
  | 'bold'
  | 'italic'
  | 'bold-italic'
  | 'script'
  | 'bold-script'
  | 'fraktur'
  | 'bold-fraktur'
  | 'double-struck'
  | 'sans-serif'
  | 'bold-sans-serif'
  | 'sans-serif-italic'
  | 'sans-serif-bold-italic'
  | 'monospace';

/** Where each alphabet's A, a and 0 are (0 for none: its digits stay as they are). */
const STARTS: Record<MathAlphabet, readonly [number, number, number]> = {
  bold: [0x1d400, 0x1d41a, 0x1d7ce],
  italic: [0x1d434, 0x1d44e, 0],
  'bold-italic': [0x1d468, 0x1d482, 0],
  script: [0x1d49c, 0x1d4b6, 0],
  'bold-script': [0x1d4d0, 0x1d4ea, 0],
  fraktur: [0x1d504, 0x1d51e, 0],
  'bold-fraktur': [0x1d56c, 0x1d586, 0],
  'double-struck': [0x1d538, 0x1d552, 0x1d7d8],
  'sans-serif': [0x1d5a0, 0x1d5ba, 0x1d7e2],
  'bold-sans-serif': [0x1d5d4, 0x1d5ee, 0x1d7ec],
  'sans-serif-italic': [0x1d608, 0x1d622, 0],
  'sans-serif-bold-italic': [0x1d63c, 0x1d656, 0],
  monospace: [0x1d670, 0x1d68a, 0x1d7f6],
};

/** Letters Unicode had before the block, which it leaves as holes there (ℛ, ℝ, ℎ). */
const EARLIER: Partial<Record<MathAlphabet, Record<string, string>>> = {
  italic: { h: 'ℎ' },
  script: { B: 'ℬ', E: 'ℰ', F: 'ℱ', H: 'ℋ', I: 'ℐ', L: 'ℒ', M: 'ℳ', R: 'ℛ', e: 'ℯ', g: 'ℊ', o: 'ℴ' },
  fraktur: { C: 'ℭ', H: 'ℌ', I: 'ℑ', R: 'ℜ', Z: 'ℨ' },
  'double-struck': { C: 'ℂ', H: 'ℍ', N: 'ℕ', P: 'ℙ', Q: 'ℚ', R: 'ℝ', Z: 'ℤ' },
};

/** TeX's font commands by the alphabet they write in; \mathrm, \mathit, \text and the like keep plain letters. */
export const TEX_ALPHABETS: ReadonlyMap<string, MathAlphabet> = new Map([
  ['mathcal', 'script'],
  ['cal', 'script'],
  ['mathscr', 'script'],
  ['mathbb', 'double-struck'],
  ['Bbb', 'double-struck'],
  ['mathfrak', 'fraktur'],
  ['frak', 'fraktur'],
  ['mathbf', 'bold'],
  ['bf', 'bold'],
  ['boldsymbol', 'bold'],
  ['bm', 'bold'],
]);

/** `text` in `alphabet`: its ASCII letters (and digits, where the alphabet has them) become the alphabet's. */
export function inMathAlphabet(text: string, alphabet: MathAlphabet): string {
  const [upper, lower, digit] = STARTS[alphabet];
  const earlier = EARLIER[alphabet];
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const known = earlier?.[ch];
    if (known) out += known;
    else if (code >= 65 && code <= 90) out += String.fromCodePoint(upper + code - 65);
    else if (code >= 97 && code <= 122) out += String.fromCodePoint(lower + code - 97);
    else if (digit && code >= 48 && code <= 57) out += String.fromCodePoint(digit + code - 48);
    else out += ch;
  }
  return out;
}

/** Whether MathML's mathvariant `name` is one of these alphabets. */
export function isMathAlphabet(name: string): name is MathAlphabet {
  return Object.hasOwn(STARTS, name);
}
