/** A text item as pdf.js gives it: marker items (marked content) carry no `str`. */
export type TextItemLike = { str?: string; hasEOL?: boolean };

/**
 * The text of a page as highlight offsets count it: each item's string, a line feed after an item that
 * ends a line, nothing for marker items. The same rule as the core's pageText (electron/core/pdf/page-text.ts),
 * copied because the renderer imports only types from electron/; tests/renderer/pdf-text.test.ts checks the two agree.
 */
export function pageText(items: readonly TextItemLike[]): string {
  return laidOut(items).text;
}

/**
 * The page's text and where each item with a string starts in it, in the order pdf.js's TextLayer makes
 * its spans (one per item with a string, so `starts[i]` belongs to `textDivs[i]`).
 */
export function laidOut(items: readonly TextItemLike[]): { text: string; starts: number[] } {
  let text = '';
  const starts: number[] = [];
  for (const item of items) {
    if (item.str === undefined) continue;
    starts.push(text.length);
    text += item.str;
    if (item.hasEOL) text += '\n';
  }
  return { text, starts };
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
 * ("execu-" + "tion") and every other line break a space. The same rule as the core's readableQuote
 * (electron/core/text.ts), which exports and search passages use; the renderer reaches the core only by types.
 */
export function readableQuote(annotation: { target: string; quote: string }): string {
  if (annotation.target !== 'pdf') return annotation.quote;
  return (
    annotation.quote
      // A word broken in two ("execu-" + "tion"); not a compound ("state-" + "of-the-art"), which keeps its hyphen.
      .replace(/(\p{L})-\n(?=\p{Ll}\p{L}*(?![\p{L}-]))/gu, '$1')
      .replace(/-\n(?=\S)/g, '-')
      .replace(/[ \t]*\n[ \t]*/g, ' ')
      // Arabic letters a PDF stores shaped (presentation forms) as the letters a person types and searches for.
      .replace(/[\uFB50-\uFDFF\uFE70-\uFEFF]+/g, (forms) => forms.normalize('NFKC'))
  );
}
