import { groupCount, pageGroup } from './page-groups';
import { bestWindow, pdfPagePlaces, wordPlaces, type BytePlaces, type WordPlaces } from './passage-place';
import { pageAt, pageCount, pageKind, pageWindow, type PdfText } from './pdf-text';
import { PASSAGE_READS } from './snippet';

/*
 * Where on which page of a PDF a row's passage goes, for a search of several words (pdf-snippet.ts): the page
 * and place where the most of them are close together, of the pages likeliest to have them.
 */

/**
 * The page and place where most of `words` (as typed) are close together: each window scored by the words in it,
 * each word weighing one over the number of groups of pages it is on (page-groups.ts: a page each in a PDF of
 * up to 32 pages), among the pages read. Ties go to page `hinted`, then the earlier page. Undefined when one of
 * them is on no page as typed (the search read it as a typo).
 *
 * With `groups` (the index's mask of each word's groups), a page is read only if the words its group has could
 * make a better window than the best found: pages are read from the likeliest, most often one or two of a
 * PDF's pages. Without, every page is read, and the same groups are taken from what the pages have.
 */
export function bestPage(
  text: PdfText,
  words: readonly string[],
  pages: number,
  hinted: number,
  groups?: Uint32Array,
): BestPage | undefined {
  const count = pageCount(text);
  // A page read in its bytes (most) is not decoded: only the window of it that the row shows is.
  const read = new Map<number, Seen>();
  const readPage = (page: number, near?: readonly boolean[]): Seen => {
    let seen = read.get(page);
    if (!seen || (seen.near && !near)) {
      const inBytes = pdfPagePlaces(text, page - 1, words, near);
      if (inBytes) seen = { ...inBytes, near: !!near };
      else {
        const page_ = pageAt(text, page - 1);
        seen = { text: page_, places: wordPlaces(page_, words, pageKind(text, page - 1)), near: false };
      }
      read.set(page, seen);
    }
    return seen;
  };
  // The groups of the pages read (a group past them: PHRASE_PDF_BYTES).
  const readable = pages === 0 ? 0 : pages >= count ? ~0 : lowBits(pageGroup(pages - 1, count) + 1);
  const masks = groups
    ? Array.from(groups, (mask) => mask & readable)
    : words.map((_, w) => {
        let mask = 0;
        for (let page = 1; page <= pages; page++)
          if (readPage(page).places[w]!.length) mask |= 1 << pageGroup(page - 1, count);
        return mask;
      });
  // A word found nowhere as typed was read as a typo: the pages are read for its neighbours instead.
  if (masks.some((mask) => mask === 0)) return undefined;
  const weights = masks.map((mask) => 1 / groupCount(mask));
  // The frequent words, worth less all together than the rarest: looked for near the others' places only.
  const near = groups ? nearWords(weights) : undefined;
  const nearWeight = near ? weights.reduce((sum, weight, w) => (near[w] ? sum + weight : sum), 0) : 0;
  const bound = (page: number): number => {
    const group = pageGroup(page - 1, count);
    return masks.reduce((sum, mask, w) => ((mask >>> group) & 1 ? sum + weights[w]! : sum), 0);
  };
  const bounds = range(pages).map(bound);
  const order = range(pages).sort(
    (a, b) => bounds[b - 1]! - bounds[a - 1]! || +(b === hinted) - +(a === hinted) || a - b,
  );
  let best: { page: number; at: number; score: number; seen: Seen } | undefined;
  let looked = 0;
  for (const page of order) {
    const most = bounds[page - 1]!;
    if (most === 0 || (best && !couldWin(page, most, best, hinted)) || looked++ === MOST_PAGES_LOOKED) break;
    let seen = readPage(page, near);
    let window = bestWindow(seen.places, weights);
    // A window with none of the rarer words might score more read in full.
    if (seen.near && !(window && window.score > nearWeight + 1e-9))
      window = bestWindow((seen = readPage(page)).places, weights);
    if (!window) continue;
    const better = !best || window.score > best.score + 1e-9;
    const tie =
      best &&
      Math.abs(window.score - best.score) <= 1e-9 &&
      (page === hinted || (best.page !== hinted && page < best.page));
    if (better || tie) best = { page, ...window, seen };
  }
  if (!best) return undefined;
  const { page, at, seen } = best;
  if (seen.text !== undefined) return { page, text: seen.text, at };
  return { page, ...pageWindow(text, page - 1, seen, at, PASSAGE_READS) };
}

/**
 * Whether page `page`, whose words weigh `most` at best, could take the place of `best`: with a better window,
 * or an equal one that the tie gives it (the page hinted, else the earlier page). The pages after it in bestPage's
 * order weigh no more and, weighing as much, are neither hinted nor earlier: none of them could either.
 */
function couldWin(page: number, most: number, best: { page: number; score: number }, hinted: number): boolean {
  if (most > best.score + 1e-9) return true;
  if (most < best.score - 1e-9) return false;
  return page === hinted || (best.page !== hinted && page < best.page);
}

/**
 * bestPage's answer: the page (from 1), and its text or the part of it a passage reads, with the place in it
 * and whether the page goes on before or after it (passageAround's `cut`).
 */
export type BestPage = { page: number; text: string; at: number; cut?: { before: boolean; after: boolean } };

/** A page read for its words' places: its text (decoded), or its bytes (pdfPagePlaces). */
type Seen = { places: WordPlaces; near: boolean } & ({ text: string } | (BytePlaces & { text?: undefined }));

/**
 * The pages a row's passage looks at, at most: the likeliest (bestPage). Words on most pages of a PDF, none of them
 * together, made a row read every page that had them all, 3.9 pages a row for one of the bench's searches.
 */
const MOST_PAGES_LOOKED = 3;

/**
 * The words (marked true) whose weights, all together, are less than the largest: the most frequent, which a
 * page is read for only near the others' places (pdfPagePlaces). Undefined when there are none.
 */
function nearWords(weights: readonly number[]): boolean[] | undefined {
  const most = Math.max(...weights);
  const order = weights.map((_, w) => w).sort((a, b) => weights[a]! - weights[b]!);
  const near = weights.map(() => false);
  let sum = 0;
  for (const w of order) {
    if (sum + weights[w]! >= most - 1e-9) break;
    sum += weights[w]!;
    near[w] = true;
  }
  return near.some(Boolean) ? near : undefined;
}

/** A mask of the lowest `bits` bits. */
const lowBits = (bits: number): number => (bits >= 32 ? ~0 : (1 << bits) - 1);

/** Pages 1 to `count`. */
const range = (count: number): number[] => Array.from({ length: count }, (_, i) => i + 1);
