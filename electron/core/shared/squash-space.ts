// Shared with the renderer (eslint.config.js): pure, it imports nothing outside this folder.

/** Collapse runs of whitespace (including hard line wraps) into single spaces. */
export function squashSpace(text: string): string {
  // Only runs of two or more, or a lone tab or newline: most text has none, so nothing is rebuilt.
  return text.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}
