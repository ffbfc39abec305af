import { looksLikePersonName, plausibleTitle } from './plausible';
import type { FirstPage, PlacedItem } from './pdf-worker';

/** The title found on page 1 and the index of the first item after it. */
export type PageTitle = { title: string; end: number };

const MAX_TITLE = 400;

/**
 * The title on page 1: the first run of consecutive items in the largest upright text of the page's upper part
 * (a smaller size is tried when the largest is a lone letter, a number or a logo).
 */
export function titleFromPage(page: FirstPage): PageTitle | undefined {
  const [, bottom = 0, , top = 0] = page.view;
  const upper = bottom + (top - bottom) * 0.45;
  const isText = (item: PlacedItem): boolean => item.upright && /\p{L}/u.test(item.str) && item.size > 0;
  const sizes = [...new Set(page.items.filter((i) => isText(i) && i.y >= upper).map((i) => round(i.size)))];
  sizes.sort((a, b) => b - a);
  for (const size of sizes.slice(0, 3)) {
    const start = page.items.findIndex((i) => isText(i) && i.y >= upper && sameSize(i.size, size));
    const run = [page.items[start]!];
    let end = start + 1;
    for (; end < page.items.length; end++) {
      const item = page.items[end]!;
      if (item.str.trim() === '') continue;
      const previous = run.at(-1)!;
      if (!item.upright || !sameSize(item.size, size) || Math.abs(previous.y - item.y) > size * 2.5) break;
      run.push(item);
    }
    const title = titleLines(run).join(' ');
    const words = title.split(' ').filter((w) => /\p{L}/u.test(w)).length;
    if (words >= 2 && title.length <= MAX_TITLE && plausibleTitle(title)) return { title, end };
  }
  return undefined;
}

const STOP =
  /^\s*(abstract|a\s?b\s?s\s?t\s?r\s?a\s?c\s?t|introduction|keywords|index terms|summary|1\.?\s+introduction)\b/i;
const FOOTNOTE_MARKS = /[∗*†‡§¶#$+⋆♯♭&\d\u00B9\u00B2\u00B3\u2070-\u209F]/g;
const MAX_AUTHOR_LINES = 12;
const MAX_AUTHORS = 60;

/**
 * Best-effort authors from the lines below the title: the parts of those lines (split at commas, "and", markers
 * and wide gaps) that read as a person's name. Affiliations, e-mail addresses and anything doubtful are left out.
 */
export function authorsBelowTitle(page: FirstPage, found: PageTitle): string[] {
  const [, bottom = 0, , top = 0] = page.view;
  const items = page.items.slice(found.end).filter((i) => i.upright);
  // The names' size is that of the first words under the title (a lone footnote mark is not a word).
  const size = items.find((i) => (i.str.match(/\p{L}/gu) ?? []).length >= 3)?.size;
  if (!size) return [];
  const lowest = (top - bottom) * 0.4;
  const firstY = items.find((i) => i.str.trim() !== '')?.y ?? 0;
  const lines: string[] = [];
  let line = '';
  let last: PlacedItem | undefined;
  for (const item of items) {
    if (item.str.trim() === '') {
      if (item.str !== '') line += item.str;
    } else {
      if (STOP.test(item.str) || firstY - item.y > lowest || item.size > size * 1.3) break;
      const newLine = last !== undefined && Math.abs(last.y - item.y) > size * 0.9;
      if (newLine) {
        lines.push(line);
        line = '';
        if (lines.length >= MAX_AUTHOR_LINES) break;
      }
      // Smaller text (affiliation marks) and wide gaps separate names.
      if (item.size < size * 0.85) line += '|';
      else {
        if (last && !newLine && item.x - (last.x + last.width) > size) line += '|';
        line += item.str;
        last = item;
      }
    }
    if (item.hasEOL) line += '|';
  }
  lines.push(line);
  const names: string[] = [];
  for (const text of lines) {
    // Running prose (the abstract without its heading) ends the author block.
    if ((text.match(/(^|\s)\p{Ll}/gu) ?? []).length >= 8) break;
    if (/@|https?:|www\./i.test(text)) continue;
    for (const part of text.split(/[|,;]|\band\b|\s&\s|\s{3,}/)) {
      const name = part.replace(FOOTNOTE_MARKS, ' ').replace(/\s+/g, ' ').trim();
      if (looksLikePersonName(name) && !names.includes(name)) names.push(name);
    }
  }
  return names.slice(0, MAX_AUTHORS);
}

/**
 * The title's lines as they are read. PDF.js gives each line's items left to right as they are drawn, so a
 * line whose words are mostly right-to-left (Arabic, Hebrew) is read from its right end. Presentation forms
 * (Arabic letters as drawn, ligatures) become the letters a person types, and a line that only repeats the one
 * before it (a specimen page, a title set twice) is not more title.
 */
function titleLines(run: readonly PlacedItem[]): string[] {
  const lines: PlacedItem[][] = [];
  for (const item of run) {
    const line = lines.at(-1);
    if (line && Math.abs(line[0]!.y - item.y) < item.size * 0.5) line.push(item);
    else lines.push([item]);
  }
  const out: string[] = [];
  for (const line of lines) {
    const words = line.filter((i) => /\p{L}/u.test(i.str));
    const rtl = words.filter((i) => i.rtl).length;
    const read = rtl * 2 > words.length ? [...line].sort((a, b) => b.x - a.x) : line;
    const text = read
      .map((i) => i.str)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim()
      .normalize('NFKC');
    if (text && text !== out.at(-1)) out.push(text);
  }
  return out;
}

function round(size: number): number {
  return Math.round(size * 10) / 10;
}

function sameSize(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(0.3, b * 0.03);
}
