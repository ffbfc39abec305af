import { plainText } from '../core/shared/plain-text';
import { squashSpace } from '../core/shared/squash-space';

/** Pad or cut `text` to exactly `width` columns, ending a cut with an ellipsis. */
export function fit(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text + ' '.repeat(width - chars.length);
  return chars.slice(0, Math.max(0, width - 1)).join('') + '…';
}

/**
 * Aligned columns; the last column takes the remaining width and is cut to it, or, with `long` (text whose end
 * matters, such as an error's hint), wrapped under itself when `long` is 'wrap' (a terminal) or left whole ('whole':
 * a pipe or a file, where a line has no width).
 */
export function table(headers: string[], rows: string[][], totalWidth: number, long: 'cut' | 'wrap' | 'whole' = 'cut') {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const fixed = widths.slice(0, -1).reduce((sum, w) => sum + w + 2, 0);
  widths[widths.length - 1] = Math.max(20, Math.min(widths.at(-1)!, totalWidth - fixed));
  const last = (cell: string) => {
    if (long === 'whole') return cell;
    if (long === 'wrap') return wrap(cell, widths.at(-1)!).replace(/\n/g, `\n${' '.repeat(fixed)}`);
    return fit(cell, widths.at(-1)!).trimEnd();
  };
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === cells.length - 1 ? last(cell) : fit(cell, widths[i]!))).join('  ');
  return [line(headers), ...rows.map(line)].join('\n');
}

/** Wrap prose at `width` columns, keeping paragraphs. */
export function wrap(text: string, width: number, indent = ''): string {
  return text
    .split(/\n/)
    .map((paragraph) => {
      const lines: string[] = [];
      let current = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        if (current && current.length + 1 + word.length > width - indent.length) {
          lines.push(indent + current);
          current = word;
        } else current = current ? `${current} ${word}` : word;
      }
      lines.push(indent + current);
      return lines.join('\n');
    })
    .join('\n');
}

/**
 * The user's own text (a note, a comment) as written, each line moved right by `indent`: its indentation, code,
 * nested lists and aligned tables stay as they are, and lines are not wrapped. Blank lines stay empty.
 */
export function indentBlock(text: string, indent: string): string {
  return text
    .replace(/^(?:[ \t]*(?:\r\n|\r|\n))+|\s+$/g, '')
    .split(/\r\n|\r|\n/)
    .map((line) => (line.trim() ? indent + expandTabs(line.trimEnd()) : ''))
    .join('\n');
}

/**
 * Tabs as the spaces they stand for, to stops every 4 columns as Markdown reads them: moved right, a raw tab
 * would jump to the terminal's next 8-column stop, and a line indented with a tab would sit with the text.
 */
function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const char of line) out += char === '\t' ? ' '.repeat(4 - (out.length % 4)) : char;
  return out;
}

/** A paper's title as the app shows it: "Untitled" for a paper without one. */
export const titleOrUntitled = (title: string): string => (title.trim() ? title : 'Untitled');

/**
 * A stored title as a terminal reads it, on one line: its $…$ math as Unicode text, as the app's plain-text places
 * give it ("Towards $\mathcal{O}(n \log n)$ Sorting" reads "Towards 𝒪(n log n) Sorting"); --json keeps the TeX.
 */
export const titleAsRead = (title: string): string => titleOrUntitled(squashSpace(plainText(title)));

export const plural = (n: number, word: string, many = `${word}s`): string => `${n} ${n === 1 ? word : many}`;

export const day = (iso: string): string => iso.slice(0, 10);
