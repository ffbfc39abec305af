import { mathSpans, squashSpace } from '../text';
import { latexToText, mathToText } from './latex';

/** A ~ with a space or the text's edge beside it is a tilde ("~10 Myr"), not TeX's tie ("Fig.~3", "\AA~Galaxy"). */
const LITERAL_TILDE = /(?<!\\)~(?=\s|$)|(?<=^|\s)~/g;

/**
 * A title or abstract from an arXiv listing as a person reads it. arXiv shows what the authors typed: TeX
 * outside $…$ (`{\AA}`, `It\^{o}`, `AS{\gamma}`, `3700\AA~Galaxy`, `--`) is raw on the page, and MathJax draws
 * only the math. The text between the math is read as BibTeX's is (latex.ts): Å, Itô, ASγ, a tie as a space,
 * an en dash, and a tilde beside a space kept as the "about" it means. Math the app draws (mathSpans) stays
 * TeX as it is; math it would not draw, a piece glued to digits (`J144459.2$-$604207`), becomes its Unicode
 * text rather than show its dollars. Text with no backslash, brace, tilde, dollar or TeX ligature is returned
 * as it is.
 */
export function listingText(text: string): string {
  if (!/[\\{}~$]|--|``|''/.test(text)) return text;
  const drawn = new Set(mathSpans(text).map((span) => `${span.start}:${span.end}`));
  let out = '';
  let at = 0;
  // Every unescaped $ is TeX's: arXiv's own math, or MathJax's script put back in dollars (arxiv-listing.ts).
  for (const math of text.matchAll(MATH)) {
    const end = math.index + math[0].length;
    out += plainText(text.slice(at, math.index));
    out += drawn.has(`${math.index}:${end}`) ? math[0] : mathToText(math[2]!);
    at = end;
  }
  return squashSpace(out + plainText(text.slice(at)));
}

/** $…$ or $$…$$ as TeX reads it: from an unescaped dollar to the next. */
const MATH = /(?<!\\)(\$\$?)((?:\\.|[^$\\])*?)\1/gs;

/** Text between math: a dollar that opens no math is a dollar sign, a tilde beside a space a tilde. */
function plainText(text: string): string {
  if (!/[\\{}~$]|--|``|''/.test(text)) return text;
  return latexToText(text.replace(/(?<!\\)\$/g, '\\$').replace(LITERAL_TILDE, '\\textasciitilde{}'));
}

/** A name or a journal reference from a listing: its TeX (`Jos\'e`) read, other text as it is. */
export function listingName(text: string): string {
  return text.includes('\\') ? squashSpace(latexToText(text)) : text;
}
