import { mathSpans, squashSpace } from '../text';

/**
 * A title a digest took from a Markdown line, without the Markdown: the heading's #s (and closing #s), a
 * setext underline, a list or quote marker, link and image syntax (their text stays), bold, italics and code
 * marks. Math ($…$) is left as it is (its * and _ are TeX's). Text with no Markdown is returned as it is.
 */
export function markdownTitle(title: string): string {
  if (!/[#*_`[\]>=+-]/.test(title)) return title;
  const bare = title
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/\s+#+\s*$/, '')
    // A setext heading ("Title" over "=====") read as one paragraph.
    .replace(/\s+(?:={3,}|-{3,})\s*$/, '')
    .replace(/^\s{0,3}(?:>\s*)+/, '')
    .replace(/^\s{0,3}[-*+]\s+/, '');
  let out = '';
  let last = 0;
  for (const span of mathSpans(bare)) {
    out += inline(bare.slice(last, span.start)) + bare.slice(span.start, span.end);
    last = span.end;
  }
  return squashSpace(out + inline(bare.slice(last)));
}

/** Inline Markdown out of text without math; the bounds keep a line of unmatched marks linear. */
function inline(text: string): string {
  return (
    text
      .replace(/!?\[([^\]]{0,500})\]\([^)]{0,2000}\)/g, '$1')
      .replace(/(\*\*|__)(\S(?:.{0,2000}?\S)?)\1/g, '$2')
      // One * or _ is emphasis only around a word's edges: snake_case and 2*3 stay.
      .replace(/(?<![\p{L}\p{N}\\])([*_])(?![\s*_])(.{0,2000}?[^\s\\])\1(?![\p{L}\p{N}])/gu, '$2')
      .replace(/`([^`]{1,500})`/g, '$1')
  );
}
