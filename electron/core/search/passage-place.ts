import { phrasePlaces } from './phrases';

/*
 * Where a row's passage of a text should be, for a search of several words: where the most of them are close
 * together, a rare word counting for more than a frequent one ("sieve of Eratosthenes" shows where all three
 * are, not the first "of" of the page).
 */

/** The span the words should share: a passage's width less the context kept before its first word. */
const WINDOW_CHARS = 130;
/** Places of one word counted in a text, at most: a word that frequent is worth little anyway. */
const PLACES_PER_WORD = 200;

/** Each query word's places in a text (words starting with it, folded), in order. */
export type WordPlaces = [number, number][][];

/** The places of each of `words` in `text` (as phrasePlaces finds a word: fast on long pages). */
export function wordPlaces(text: string, words: readonly string[]): WordPlaces {
  return words.map((word) => phrasePlaces(text, [word], PLACES_PER_WORD));
}

/**
 * The best window of `places`: the start of its first place and its score, the sum of `weights` of the words in
 * it (by default, one over each word's count in this text: a word once in it weighs 1, "of" 40 times 1/40).
 * Ties go to the earlier window. Undefined when no word is there.
 */
export function bestWindow(places: WordPlaces, weights?: readonly number[]): { at: number; score: number } | undefined {
  const weight = weights ?? places.map((list) => (list.length ? 1 / list.length : 0));
  const all: [number, number][] = [];
  places.forEach((list, word) => list.forEach(([start]) => all.push([start, word])));
  if (all.length === 0) return undefined;
  all.sort((a, b) => a[0] - b[0]);
  const inWindow = new Array<number>(places.length).fill(0);
  let score = 0;
  let best = { at: all[0]![0], score: -1 };
  let from = 0;
  for (let to = 0; to < all.length; to++) {
    const [start, word] = all[to]!;
    if (inWindow[word]!++ === 0) score += weight[word]!;
    while (all[from]![0] < start - WINDOW_CHARS) {
      const left = all[from++]![1];
      if (--inWindow[left]! === 0) score -= weight[left]!;
    }
    if (score > best.score + 1e-9) best = { at: all[from]![0], score };
  }
  return best;
}

/** Where a passage of `text` should start for `words`: their best window, or -1 if none is there. */
export function passagePlace(text: string, words: readonly string[]): number {
  if (words.length === 0) return -1;
  return bestWindow(wordPlaces(text, words))?.at ?? -1;
}
