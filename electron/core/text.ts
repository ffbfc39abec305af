/** Lower-case, strip diacritics and fold punctuation to spaces: the form search and duplicate checks compare. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u00ad]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Key that recognises the same title written differently (case, accents, punctuation, spacing).
 * Very short titles ("Introduction") are too ambiguous to identify a paper, so they get no key.
 */
export function titleKey(title: string): string | undefined {
  const key = foldText(title);
  return key.length >= 12 ? key : undefined;
}

/** Collapse runs of whitespace (including hard line wraps) into single spaces. */
export function squashSpace(text: string): string {
  // Only runs of two or more, or a lone tab or newline: most text has none, so nothing is rebuilt.
  return text.replace(/\s{2,}|[^\S ]/g, ' ').trim();
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
