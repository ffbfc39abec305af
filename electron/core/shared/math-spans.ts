// Shared with the renderer (eslint.config.js): pure, it imports nothing outside this folder.

/** A `$…$` or `$$…$$` span of TeX math in stored text: [start, end) includes the dollars, `tex` is inside them. */
export type MathSpan = { start: number; end: number; tex: string; display: boolean };

/**
 * The TeX math in a title or abstract, as arXiv, BibTeX and RIS write it and as the app draws it (the
 * renderer's anchor.ts follows the same rules). Pandoc's rules, so that prices stay text: an opening $
 * has a non-space after it, a closing $ a non-space before it and no digit after it, and no $ between
 * them; \$ is a dollar sign.
 */
export function mathSpans(text: string): MathSpan[] {
  const spans: MathSpan[] = [];
  let from = 0;
  while (from < text.length) {
    const open = dollarAt(text, from);
    if (open < 0) break;
    const display = text[open + 1] === '$';
    const inner = open + (display ? 2 : 1);
    const close = dollarAt(text, inner);
    if (close < 0) break;
    if (display) {
      const tex = text.slice(inner, close).trim();
      if (text[close + 1] === '$' && tex !== '') {
        spans.push({ start: open, end: close + 2, tex, display: true });
        from = close + 2;
      } else from = inner;
      continue;
    }
    const closes = close > inner && !isSpace(text[inner]!) && !isSpace(text[close - 1]!) && !isDigit(text[close + 1]);
    if (closes) {
      spans.push({ start: open, end: close + 1, tex: text.slice(inner, close), display: false });
      from = close + 1;
    } else from = close;
  }
  return spans;
}

function dollarAt(text: string, from: number): number {
  for (let at = text.indexOf('$', from); at !== -1; at = text.indexOf('$', at + 1)) {
    if (text[at - 1] !== '\\') return at;
  }
  return -1;
}

const isSpace = (char: string): boolean => /\s/.test(char);
const isDigit = (char: string | undefined): boolean => char !== undefined && char >= '0' && char <= '9';
