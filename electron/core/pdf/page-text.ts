// Pure: imported by the Node extraction and by the reader's text layer, so nothing from pdfjs or node here.
import { readingOrder, RIGHT_TO_LEFT } from '../shared/reading-order';

export { RIGHT_TO_LEFT };

/**
 * The part of a PDF.js text item (or marked-content marker, which has no `str`) that a page's text is made of:
 * its string, whether a line ends after it, and, to read right-to-left words in order, its direction and place.
 */
export type TextItemLike = { str?: string; hasEOL?: boolean; dir?: string; transform?: ArrayLike<number> };

/**
 * A page's text: every item's `str` in reading order (readingOrder, electron/core/shared/reading-order.ts, which
 * the reader's page text reads items in too), with '\n' where a line ends. Nothing is trimmed or normalised.
 */
export function pageText(items: readonly TextItemLike[]): string {
  const strings = items.filter((item): item is TextItemLike & { str: string } => typeof item.str === 'string');
  const order = readingOrder(strings);
  let text = '';
  for (let k = 0; k < strings.length; k++) {
    text += strings[order ? order[k]! : k]!.str;
    // A line's end stays where it is: only items within a line change places.
    if (strings[k]!.hasEOL) text += '\n';
  }
  return text;
}

/**
 * Characters Unicode keeps only for compatibility, folded (NFKC) to the letters a person types: ligatures and
 * Hebrew forms ("ﬁ" → "fi", U+FB00–FB4F), Arabic presentation forms (the shaped letters many PDFs store,
 * U+FB50–FDFF, U+FE70–FEFF), full- and half-width forms (U+FF00–FFEF) and mathematical letters and digits
 * (LaTeX's math italic "𝑥" → "x", U+1D400–1D7FF). Other characters NFKC would change ("…", "²", the spacing
 * accents joinSpacingAccents reads) are left as they are.
 */
const COMPATIBILITY_FORMS = /[\uFB00-\uFDFF\uFE70-\uFEFF\uFF00-\uFFEF\u{1D400}-\u{1D7FF}]+/gu;

/**
 * The spacing accents pdfLaTeX's fonts draw apart from their letter (glyph names dieresis, acute, grave,
 * circumflex, tilde, macron, cedilla, caron, breve, dotaccent, ring, hungarumlaut, ogonek, as pdf.js maps
 * them, and the U+02xx modifier letters), each with the combining mark it stands for.
 */
const SPACING_ACCENTS: Record<string, string> = {
  '\u00A8': '\u0308',
  '\u00B4': '\u0301',
  '\u02CA': '\u0301',
  '\u0060': '\u0300',
  '\u02CB': '\u0300',
  '\u02C6': '\u0302',
  '\u02DC': '\u0303',
  '\u00AF': '\u0304',
  '\u02C9': '\u0304',
  '\u02D8': '\u0306',
  '\u02D9': '\u0307',
  '\u02DA': '\u030A',
  '\u02DD': '\u030B',
  '\u02C7': '\u030C',
  '\u00B8': '\u0327',
  '\u02DB': '\u0328',
};
const SPACING_ACCENT =
  /[\u00A8\u00B4\u02CA\u0060\u02CB\u02C6\u02DC\u00AF\u02C9\u02D8\u02D9\u02DA\u02DD\u02C7\u00B8\u02DB]/;
// TeX's \accent draws the accent, then the letter ("na¨ıve"); \c and \k under a capital draw the letter first ("C¸").
const ACCENT_BEFORE = new RegExp(`(${SPACING_ACCENT.source})(\\p{L})`, 'gu');
const MARK_AFTER = /(\p{L})([\u00B8\u02DB])/gu;

/** `letter` with `mark` as one composed character ("ı" + U+0308 → "ï"), or undefined when Unicode has none. */
function composed(letter: string, mark: string): string | undefined {
  const base = letter === '\u0131' ? 'i' : letter === '\u0237' ? 'j' : letter;
  const joined = (base + mark).normalize('NFC');
  return joined.length === 1 ? joined : undefined;
}

/**
 * A letter and the spacing accent a PDF drew beside it (pdfLaTeX's "na¨ıve": U+00A8, then a dotless i) as the
 * composed letter a person reads and types ("naïve"). Only where Unicode has that letter: a backtick or a
 * diaeresis before anything else stays as it is. A grave accent is the ASCII backtick too, so it is joined
 * only inside a word or as a one-letter word ("tr`es", "`a la"), never before code (`make`, `a`).
 */
export function joinSpacingAccents(text: string): string {
  if (!SPACING_ACCENT.test(text)) return text;
  return text
    .replace(ACCENT_BEFORE, (pair: string, accent: string, letter: string, at: number) => {
      if (accent === '\u0060' && !/\p{L}/u.test(text[at - 1] ?? '') && /[\p{L}`']/u.test(text[at + 2] ?? ''))
        return pair;
      return composed(letter, SPACING_ACCENTS[accent]!) ?? pair;
    })
    .replace(
      MARK_AFTER,
      (pair: string, letter: string, accent: string) => composed(letter, SPACING_ACCENTS[accent]!) ?? pair,
    );
}

/**
 * Text for search and matching only (offsets do not survive): ligatures spelled out ("ﬁne" → "fine"), Arabic
 * presentation forms, full-width and mathematical letters folded to letters (COMPATIBILITY_FORMS), split
 * accents joined to their letter ("na¨ıve" → "naïve"), words hyphenated across a line end joined
 * ("special-\nization"), other line ends made spaces. The search index and the passages it shows read this
 * text (search/pdf-text.ts); the text cache keeps the PDF's text as extracted, which the reader's highlights
 * and find work on, so nothing stored changes and no cache is read again.
 */
export function searchableText(text: string): string {
  return (
    joinSpacingAccents(text)
      .replace(COMPATIBILITY_FORMS, (forms) => forms.normalize('NFKC'))
      .replace(/(\p{L})[-\u00AD\u2010]\n(?=\p{Ll})/gu, '$1')
      // Before a capital or a digit the hyphen is the word's own ("Trace-\nMonkey", "IEEE-\n754"): keep it, unbroken.
      .replace(/(\p{L})([-\u2010])\n(?=[\p{Lu}\d])/gu, '$1$2')
      .replace(/\n/g, ' ')
  );
}
