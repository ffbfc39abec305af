import { joinSpacingAccents } from './pdf/page-text';

export { mathSpans, type MathSpan } from './shared/math-spans';
export { shortTitle } from './shared/plain-text';
export { squashSpace } from './shared/squash-space';

/** Lower-case, strip diacritics and fold punctuation to spaces: the form search and duplicate checks compare. */
export function foldText(text: string): string {
  let folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u00ad]/g, '')
    .toLowerCase();
  // Most text has neither: a plain scan is cheaper than the look-around patterns.
  if (GREEK.test(folded)) folded = folded.replace(LONE_GREEK, (letter) => ` ${GREEK_NAMES[letter] ?? letter} `);
  if (folded.includes('var')) folded = folded.replace(TEX_VARIANT, '$1');
  return folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * A Greek letter standing alone (θ, pθ, ε-DP) is a symbol, read as its name, so "theta" finds θ and
 * "θ" finds theta or \theta; a run of Greek letters is a Greek word and stays as it is. NFKD has already
 * made ϵ ϑ ϕ ϖ ϱ µ the plain letters.
 */
const GREEK = /[\u03b1-\u03c9]/;
const LONE_GREEK = /(?<![\u03b1-\u03c9])[\u03b1-\u03c9](?![\u03b1-\u03c9])/g;
const GREEK_NAMES: Record<string, string> = Object.fromEntries(
  'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma sigma tau upsilon phi chi psi omega'
    .split(' ')
    .map((name, i) => [String.fromCharCode(0x3b1 + i), name]),
);
/** TeX's variant letters (\varepsilon, \vartheta) are the same letter to a reader. */
const TEX_VARIANT = /(?<![\p{L}\p{N}])var(epsilon|theta|phi|pi|rho|sigma)(?![\p{L}\p{N}])/gu;

/** The TeX names foldText reads as another letter's name, and that name: varepsilon -> epsilon. */
export const TEX_VARIANTS: ReadonlyMap<string, string> = new Map(
  ['epsilon', 'theta', 'phi', 'pi', 'rho', 'sigma'].map((name) => [`var${name}`, name]),
);

/**
 * Key that recognises the same title written differently (case, accents, punctuation, spacing).
 * Very short titles ("Introduction") are too ambiguous to identify a paper, so they get no key.
 */
export function titleKey(title: string): string | undefined {
  const key = foldText(title);
  return key.length >= 12 ? key : undefined;
}

/** Convert a character offset into a 1-based line and column. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/**
 * `n` with its thousands grouped as English writes them ("51,214"): what toLocaleString('en-US') gives, for an
 * integer (as a count is) without loading the process's locale data on first use (20-30 ms in a fresh process, which For
 * you's first ranking paid for its summary).
 */
export function grouped(n: number): string {
  // String() writes -0 as "0" and 1e21 on in exponent notation.
  if (!Number.isInteger(n) || Object.is(n, -0) || Math.abs(n) >= 1e21) return n.toLocaleString('en-US');
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * A highlight's passage as a person reads it. A PDF's passage keeps the page's line breaks (its offsets count
 * them); read, a word broken at a line's end is one word again ("execu-" + "tion"), every other line break
 * is a space, Arabic letters stored shaped (presentation forms) are the letters a person types, and an accent
 * pdfLaTeX drew apart from its letter is on it ("na¨ıve" reads "naïve"). The renderer has its own copy (renderer/src/pdf/page-text.ts): it reaches the core only by types.
 */
export function readableQuote(annotation: { target: string; quote: string }): string {
  if (annotation.target !== 'pdf') return annotation.quote;
  return (
    joinSpacingAccents(annotation.quote)
      // A word broken in two ("execu-" + "tion"); not a compound ("state-" + "of-the-art"), which keeps its hyphen,
      // nor one whose first part is a word English hyphenates ("well-" + "known", "self-" + "attention").
      .replace(/(\p{L})(?<!(?<!\p{L})(?:[Ww]ell|[Ss]elf))-\n(?=\p{Ll}\p{L}*(?![\p{L}-]))/gu, '$1')
      .replace(/-\n(?=\S)/g, '-')
      .replace(/[ \t]*\n[ \t]*/g, ' ')
      // Arabic letters a PDF stores shaped (presentation forms) as the letters a person types and searches for.
      .replace(/[\uFB50-\uFDFF\uFE70-\uFEFF]+/g, (forms) => forms.normalize('NFKC'))
  );
}

/** An ISO time to the minute, as messages give it: "2026-12-05 15:33 UTC". */
export function utcMinute(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}
