// The one module the renderer takes from electron/ by value: pure, shared with the core (eslint.config.js).
import { readingOrder } from '../../../electron/core/shared/reading-order';

/**
 * A text item as pdf.js gives it: marker items (marked content) carry no `str`; `dir` and `transform` place
 * right-to-left words in reading order.
 */
export type TextItemLike = { str?: string; hasEOL?: boolean; dir?: string; transform?: readonly number[] };

/**
 * The text of a page as highlight offsets count it: each item's string in reading order (readingOrder, the core's
 * own, electron/core/shared/reading-order.ts), a line feed where a line ends, nothing for marker items. The same
 * rule as the core's pageText (electron/core/pdf/page-text.ts); tests/renderer/pdf-text.test.ts and
 * pdf-rtl-order.test.ts check the two agree.
 */
export function pageText(items: readonly TextItemLike[]): string {
  return layOut(items, false).text;
}

/**
 * The page's text and where each item with a string starts in it, in the order pdf.js's TextLayer makes
 * its spans (one per item with a string, so `starts[i]` belongs to `textDivs[i]`). Right-to-left words are
 * in reading order, so on such a line `starts` do not rise from span to span.
 */
export function laidOut(items: readonly TextItemLike[]): { text: string; starts: number[] } {
  return layOut(items, true);
}

/** laidOut, remembering how a page whose right-to-left words it put in order was laid out before (drawnOrder) if `keep`. */
function layOut(items: readonly TextItemLike[], keep: boolean): { text: string; starts: number[] } {
  const strings = items.filter((item): item is TextItemLike & { str: string } => item.str !== undefined);
  const order = readingOrder(strings);
  let text = '';
  const starts: number[] = new Array<number>(strings.length);
  for (let k = 0; k < strings.length; k++) {
    const i = order ? order[k]! : k;
    starts[i] = text.length;
    text += strings[i]!.str;
    // A line's end stays where it is: only items within a line change places.
    if (strings[k]!.hasEOL) text += '\n';
  }
  if (order && keep) remember(text, strings, starts);
  return { text, starts };
}

/**
 * Offsets in a page's text as Paperqueue laid it out before right-to-left words were read in order (every
 * item in pdf.js's order), which highlights made then still count in: `drawn` is that text, and `to[i]` is
 * where its character i is now. Kept for the last pages laid out (laidOut, for the text layer and highlights; not
 * pageText, which find reads every page with) that had words to put in order.
 */
export type DrawnOrder = { drawn: string; to: Int32Array };
const drawnOrders = new Map<string, DrawnOrder>();
const DRAWN_KEPT = 64;

function remember(
  text: string,
  strings: readonly { str: string; hasEOL?: boolean }[],
  starts: readonly number[],
): void {
  let drawn = '';
  const to: number[] = [];
  // The line end after item i's slot is the character after the last item of that line, which may have moved.
  let lineEnd = 0;
  strings.forEach((item, i) => {
    drawn += item.str;
    for (let c = 0; c < item.str.length; c++) to.push(starts[i]! + c);
    lineEnd = Math.max(lineEnd, starts[i]! + item.str.length);
    if (item.hasEOL) {
      drawn += '\n';
      to.push(lineEnd);
      lineEnd += 1;
    }
  });
  drawnOrders.delete(text);
  drawnOrders.set(text, { drawn, to: Int32Array.from(to) });
  if (drawnOrders.size > DRAWN_KEPT) drawnOrders.delete(drawnOrders.keys().next().value!);
}

/** How `text` (as laidOut made it) was laid out in pdf.js's order, if its right-to-left words were put in order. */
export function drawnOrder(text: string): DrawnOrder | undefined {
  return drawnOrders.get(text);
}

/** Characters of context stored on each side of a quote (as the core keeps them). */
export const CONTEXT = 32;

/** The quote at start..end of a page's text with its context, for a new highlight. */
export function quoteAt(text: string, start: number, end: number): { quote: string; prefix: string; suffix: string } {
  return {
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
  };
}

/**
 * A highlight's passage as a person reads it: in a PDF's, a word broken at a line's end is one word again
 * ("execu-" + "tion"), every other line break a space, and an accent pdfLaTeX drew apart from its letter is on
 * it ("na¨ıve" reads "naïve"). The same rule as the core's readableQuote
 * (electron/core/text.ts), which exports and search passages use; the renderer reaches the core only by types.
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
 * composed letter a person reads and types ("naïve"): a copy of the core's (electron/core/pdf/page-text.ts),
 * which search uses. Only where Unicode has that letter: a backtick or a diaeresis before anything else stays
 * as it is. A grave accent is the ASCII backtick too, so it is joined
 * only inside a word or as a one-letter word ("tr`es", "`a la"), never before code (`make`, `a`).
 */
function joinSpacingAccents(text: string): string {
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
