// Pure: imported by the Node extraction and by the reader's text layer, so nothing from pdfjs or node here.

/** The part of a PDF.js text item (or marked-content marker, which has no `str`) that a page's text is made of. */
export type TextItemLike = { str?: string; hasEOL?: boolean };

/**
 * A page's text: every item's `str` in order, with '\n' after an item whose hasEOL is true. Nothing is trimmed or
 * normalised, so a character offset in this text maps onto the text layer's spans in the same order.
 */
export function pageText(items: readonly TextItemLike[]): string {
  let text = '';
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    text += item.str;
    if (item.hasEOL) text += '\n';
  }
  return text;
}

const LIGATURES: Record<string, string> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};

// Arabic presentation forms (the shaped letters many PDFs store) fold to the letters a person types.
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFF]+/g;

/**
 * Text for search and matching only (offsets do not survive): ligatures spelled out ("ﬁne" → "fine"), Arabic
 * presentation forms folded to letters, words hyphenated across a line end joined ("special-\nization"), other
 * line ends made spaces.
 */
export function searchableText(text: string): string {
  return (
    text
      .replace(/[\uFB00-\uFB06]/g, (ligature) => LIGATURES[ligature] ?? ligature)
      .replace(PRESENTATION_FORMS, (forms) => forms.normalize('NFKC'))
      .replace(/(\p{L})[-\u00AD\u2010]\n(?=\p{Ll})/gu, '$1')
      // Before a capital or a digit the hyphen is the word's own ("Trace-\nMonkey", "IEEE-\n754"): keep it, unbroken.
      .replace(/(\p{L})([-\u2010])\n(?=[\p{Lu}\d])/gu, '$1$2')
      .replace(/\n/g, ' ')
  );
}
