import { seededRandom, type Vocabulary } from './data';

/** About what a 14-page paper's text layer gives: 14 pages of about 5,700 characters (80,000 in all). */
export const PDF_PAGES = 14;
const PAGE_CHARS = 5700;
const LINE_CHARS = 80;

let cumulative: Float64Array | undefined;

/** A Zipf draw over the vocabulary with its own random numbers, so a PDF's text depends on its index only. */
function zipfWith(random: () => number, size: number): number {
  if (!cumulative || cumulative.length !== size) {
    cumulative = new Float64Array(size);
    let total = 0;
    for (let r = 0; r < size; r++) cumulative[r] = total += 1 / (r + 1);
  }
  const target = random() * cumulative[size - 1]!;
  let lo = 0;
  let hi = size - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The text of PDF number `index` as extraction gives it, page by page: the library's Zipf words in
 * lines of about 80 characters, with what real text layers have: "fi" and "fl" as ligatures, a word
 * hyphenated across a line end now and then, curly quotes and dashes (so most pages are not ASCII).
 */
export function pdfPages(vocab: Vocabulary, index: number): string[] {
  const random = seededRandom(0x5eed + index * 7919);
  const words = vocab.words;
  return Array.from({ length: PDF_PAGES }, () => {
    const lines: string[] = [];
    let line = '';
    let length = 0;
    while (length < PAGE_CHARS) {
      let word = words[zipfWith(random, words.length)]!;
      const r = random();
      if (r < 0.004) word = `“${word}”`;
      else if (r < 0.006) word = `${word} —`;
      if (line.length + word.length > LINE_CHARS) {
        if (word.length > 6 && random() < 0.15) {
          lines.push(`${line} ${word.slice(0, 3)}-`);
          line = word.slice(3);
        } else {
          lines.push(line);
          line = word;
        }
      } else line = line ? `${line} ${word}` : word;
      length += word.length + 1;
    }
    lines.push(line);
    return lines.join('\n').replaceAll('fi', '\uFB01').replaceAll('fl', '\uFB02');
  });
}
