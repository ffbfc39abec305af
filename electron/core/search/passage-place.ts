import { mathSpans, TEX_VARIANTS } from '../text';
import { isAsciiWordCode, phrasesPlaces } from './phrase-places';
import { leadShifts, PAGE_FOLDS, pageBytes, unitOffsets, type PageKind, type PdfText } from './pdf-text';

/*
 * Where a row's passage of a text should be, for a search of several words: where the most of them are close
 * together, a rare word counting for more than a frequent one ("sieve of Eratosthenes" shows where all three
 * are, not the first "of" of the page).
 */

/** The span the words should share: a passage's width less the context kept before its first word. */
const WINDOW_CHARS = 130;
/** Places of one word counted in a text, at most: a word that frequent is worth little anyway. */
const PLACES_PER_WORD = 200;

/** Where each query word's places start in a text (words starting with it, folded), in order. */
export type WordPlaces = number[][];

/**
 * The places of each of `words` in `text` (as phrasePlaces finds a word: fast on long pages), by their starts
 * (a window is measured from start to start). A PDF's page whose packing said it has no letter past ASCII to
 * fold (most: a dash or a curly quote is a break between words) and no TeX math is read here, each word by
 * its starts in the lower-cased page: no pair made for each place, nor sorted, 5 to 9 µs less a page of the
 * bench's (of 26 to 38).
 */
export function wordPlaces(text: string, words: readonly string[], kind?: PageKind): WordPlaces {
  const plain = kind && (kind.ascii || !kind.folds) && !text.includes('$');
  const lower = plain ? text.toLowerCase() : '';
  if (!plain || lower.length !== text.length) {
    return phrasesPlaces(text, asPhrases(words), PLACES_PER_WORD, kind).map((places) => places.map(([at]) => at));
  }
  return words.map((word) => {
    if (startsVariantLetter(word)) return phrasesPlaces(text, [[word]], PLACES_PER_WORD, kind)[0]!.map(([at]) => at);
    return startsOf(text, lower, word);
  });
}

/**
 * wordPlaces of page `index` of a PDF's text, read in its bytes (pageBytes) without decoding it: for a page whose
 * packing said it has no letter past ASCII to fold, with no TeX math, and ASCII words none of which starts a
 * TeX variant's letter. Undefined for any other (decode it for wordPlaces). A page of the bench's took 19-27 µs
 * this way against 31-38 decoded, lower-cased and read (2026-12-07), and a row decodes only the page it shows.
 *
 * The words `near` marks are looked for only within a window's reach of the others' places: every window
 * with one of the others is then as it is read in full (and no other is scored higher than it would be).
 */
export function pdfPagePlaces(
  text: PdfText,
  index: number,
  words: readonly string[],
  near?: readonly boolean[],
): BytePlaces | undefined {
  const kind = text.kinds?.[index];
  if (kind === undefined || (kind & PAGE_FOLDS) !== 0) return undefined;
  if (!words.every((word) => ASCII_WORD.test(word) && !startsVariantLetter(word))) return undefined;
  const bytes = pageBytes(text, index);
  if (bytes.includes('$')) return undefined;
  const shifts = leadShifts(bytes);
  // Lower-casing a byte past 0x7f keeps it past 0x7f (Latin-1's letters), and the length.
  const lower = bytes.toLowerCase();
  const places = words.map((word, w) => (near?.[w] ? [] : startsOf(bytes, lower, word)));
  if (near) {
    const anchors = places.flat().sort((a, b) => a - b);
    // A UTF-16 unit is up to 3 bytes.
    const reach = shifts.length === 0 ? WINDOW_CHARS : 3 * WINDOW_CHARS;
    words.forEach((word, w) => {
      if (near[w]) places[w] = startsOf(bytes, lower, word, anchors, reach);
    });
  }
  return { places: unitOffsets(places, shifts), bytes, shifts };
}

/** pdfPagePlaces's answer: the places, and the page's bytes and leadShifts (pdf-text.ts), for pageWindow. */
export type BytePlaces = { places: WordPlaces; bytes: string; shifts: number[] };

const ASCII_WORD = /^[a-z0-9]+$/;

/**
 * Where the words that `word` starts begin in `text` (`lower`, its lower case of the same length), which has no
 * letter past ASCII to fold: after a character that is no ASCII letter or digit. A word read as a TeX variant
 * name ("varphi" is "phi") is only its letter's. With `anchors` (in order), only those within `reach` of one:
 * the text between their reaches is skipped.
 */
function startsOf(text: string, lower: string, word: string, anchors?: readonly number[], reach = 0): number[] {
  const starts: number[] = [];
  let at = lower.indexOf(word);
  let next = 0;
  while (at !== -1 && starts.length < PLACES_PER_WORD) {
    if (anchors) {
      while (next < anchors.length && anchors[next]! + reach < at) next++;
      if (next === anchors.length) break;
      const from = anchors[next]! - reach;
      if (at < from) {
        at = lower.indexOf(word, from);
        continue;
      }
    }
    if (!(at > 0 && isAsciiWordCode(text.charCodeAt(at - 1))) && !(lower.startsWith('var', at) && variantOf(lower, at)))
      starts.push(at);
    at = lower.indexOf(word, at + 1);
  }
  return starts;
}

/**
 * Whether `word` starts the name of a letter with a TeX variant ("ph" starts phi, which "varphi" also is): its
 * places are found as phrasePlaces finds them (its anchorsOf), with no array made for each word of each page.
 */
function startsVariantLetter(word: string): boolean {
  for (const name of TEX_VARIANTS.values()) if (name.startsWith(word)) return true;
  return false;
}

/** Whether the ASCII word of lower-cased text at `at` is a TeX variant name (read as its letter's word). */
function variantOf(lower: string, at: number): boolean {
  let end = at;
  while (end < lower.length && isAsciiWordCode(lower.charCodeAt(end))) end++;
  return TEX_VARIANTS.has(lower.slice(at, end));
}

/**
 * Each of `words` as a phrase of one word: the same arrays for the same words, so that phrases.ts's plan for
 * each (kept by phrase) is made once a search, not once for each page of each PDF row read.
 */
function asPhrases(words: readonly string[]): (readonly string[])[] {
  let phrases = wordPhrases.get(words);
  if (!phrases) wordPhrases.set(words, (phrases = words.map((word) => [word])));
  return phrases;
}

const wordPhrases = new WeakMap<readonly string[], (readonly string[])[]>();

/**
 * The best window of `places`: the start of its first place and its score, the sum of `weights` of the words in
 * it (by default, one over each word's count in this text: a word once in it weighs 1, "of" 40 times 1/40).
 * Ties go to the earlier window. Undefined when no word is there.
 */
export function bestWindow(places: WordPlaces, weights?: readonly number[]): { at: number; score: number } | undefined {
  const weight = weights ?? places.map((list) => (list.length ? 1 / list.length : 0));
  const { starts, words } = inOrder(places);
  if (starts.length === 0) return undefined;
  const inWindow = new Array<number>(places.length).fill(0);
  let score = 0;
  let best = { at: starts[0]!, score: -1 };
  let from = 0;
  for (let to = 0; to < starts.length; to++) {
    const start = starts[to]!;
    const word = words[to]!;
    if (inWindow[word]!++ === 0) score += weight[word]!;
    while (starts[from]! < start - WINDOW_CHARS) {
      const left = words[from++]!;
      if (--inWindow[left]! === 0) score -= weight[left]!;
    }
    if (score > best.score + 1e-9) best = { at: starts[from]!, score };
  }
  return best;
}

/**
 * The starts of all the words' places in order, and whose each is (a tie: the earlier word's first). Each word's
 * places come in order (phrase-places.ts sorts them), so they are merged, not sorted, and no pair is made for
 * each: a PDF row's page has hundreds of places of a short word.
 */
function inOrder(places: WordPlaces): { starts: number[]; words: number[] } {
  let total = 0;
  for (const list of places) total += list.length;
  const starts = new Array<number>(total);
  const words = new Array<number>(total);
  const sorted = places.every((list) => list.every((start, i) => i === 0 || list[i - 1]! <= start));
  if (!sorted) {
    const all = places.flatMap((list, word) => list.map((start) => [start, word] as const));
    all.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    all.forEach(([start, word], n) => ((starts[n] = start), (words[n] = word)));
    return { starts, words };
  }
  const next = new Array<number>(places.length).fill(0);
  for (let n = 0; n < total; n++) {
    let pick = -1;
    let least = Infinity;
    for (let word = 0; word < places.length; word++) {
      const start = places[word]![next[word]!];
      if (start !== undefined && start < least) {
        least = start;
        pick = word;
      }
    }
    starts[n] = least;
    words[n] = pick;
    next[pick]!++;
  }
  return { starts, words };
}

/** Where a passage of `text` should start for `words`: their best window, or -1 if none is there. */
export function passagePlace(text: string, words: readonly string[]): number {
  if (words.length === 0) return -1;
  return bestWindow(wordPlaces(text, words))?.at ?? -1;
}

/**
 * The TeX math spans (text.ts mathSpans, read in the whole of `text` as its marks read them) that reach into
 * the window text[from, to), as [start, end) in the window once its white space runs are one space each (as a
 * passage squashes it); a span that starts before the window starts at -1, one that ends after it at Infinity.
 * A span longer than `longest` is left out: no passage shows it whole, and such a "span" is most often two
 * dollars that are no math (a PDF's footnote marks, two prices). Empty for text without a "$" (most).
 */
export function windowMath(text: string, from: number, to: number, longest: number): [number, number][] {
  if (!text.includes('$')) return [];
  const squashed = (at: number) => text.slice(from, at).replace(/\s+/g, ' ').length;
  return mathSpans(text)
    .filter((span) => span.end > from && span.start < to && span.end - span.start <= longest)
    .map((span) => [span.start < from ? -1 : squashed(span.start), span.end > to ? Infinity : squashed(span.end)]);
}

/**
 * Where a passage of `flat` (its squashed window, `hit` the match's place there) starts when `start` is inside
 * one of the math `spans` (windowMath): back at the span's "$" when the match stays in the front half of a
 * passage of `chars`, else past the span (and the rest of the word it ends, as in $\Lambda$CDM).
 */
export function startOutsideMath(
  flat: string,
  spans: readonly [number, number][],
  start: number,
  hit: number,
  chars: number,
): number {
  for (const [s, e] of spans) {
    if (!(s < start && start < e)) continue;
    if (s >= 0 && hit - s <= chars / 2) return s;
    if (e > hit) return start;
    const space = flat.indexOf(' ', e);
    return space !== -1 && space < hit ? space + 1 : e;
  }
  return start;
}

/**
 * Where a passage from `start` ends when `end` is inside one of the math `spans`: on at the span's closing "$"
 * if the passage stays within a quarter more than `chars` (or the span holds the match), else back at the
 * space before the span, never before `hit`.
 */
export function endOutsideMath(
  flat: string,
  spans: readonly [number, number][],
  [start, end]: [number, number],
  hit: number,
  chars: number,
): number {
  for (const [s, e] of spans) {
    if (!(s < end && end < e)) continue;
    if (e <= flat.length && (e - start <= chars + chars / 4 || s <= hit)) return e;
    if (s <= hit) return end;
    const space = flat.lastIndexOf(' ', s);
    return space > hit ? space : s;
  }
  return end;
}
