import { performance } from 'node:perf_hooks';

/**
 * Where the words of the folded titles start, by their first three letters: what lets a search while the index
 * is built (title-scan.ts) look at the papers that may match rather than through all of the folded text. A
 * search through 15 MB (100,000 papers) for a needle that starts with a space took 10–13 ms whatever it found,
 * since a space comes every few bytes; the papers with a word starting "zco" are found here at once.
 *
 * A key is a word's first three letters, each coded as CODE says (a word of one or two letters ends in 0s),
 * and what is kept is where each word starts in the folded text: every key's in one array, by key and then by
 * place (a counting sort once the titles are folded). A prefix of one or two letters is a run of keys, so the
 * words a prefix may start are one slice of that array.
 *
 * A word of four letters or more narrows its key's slice by its fourth and fifth letters: the first search
 * that asks sorts that key's words by them, then by place (a counting sort of the one key, lazily, so the
 * first start's fold and sort cost no more), and a binary search finds the run. Where the key and those
 * letters say all a word has, every word in the slice starts with it (`exact`); else a search checks each
 * one's letters where it starts.
 */

/** How many codes a letter of a key has: 0 a word's end, a–z, 0–9, and any byte past ASCII. */
const CODES = 38;
/** A byte's code: 0 for a space or a line's end; every byte past ASCII has the last (a search checks the word). */
const CODE = Uint8Array.from({ length: 256 }, (_, byte) => {
  if (byte >= 0x61 && byte <= 0x7a) return byte - 0x61 + 1;
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30 + 27;
  if (byte >= 0x80) return CODES - 1;
  return 0;
});
const SPACE = 0x20;

/**
 * The words a prefix may start: where they start, entries [from, to) of `places`. `exact`: each of them
 * starts with it, known from its letters' codes (no letter past ASCII, five letters at most).
 */
export type StartsSlice = { places: Uint32Array; from: number; to: number; exact: boolean };

/** How many codes a word's fourth and fifth letters have together (the order a key's words take once narrowed). */
const SUBS = CODES * CODES;

/** Word starts sorted between looks at the clock. */
const SORT_CHUNK = 65_536;

export class WordStarts {
  /** Each word start's key and place in the folded text, in the order folded. */
  private keys = new Uint16Array(0);
  private starts = new Uint32Array(0);
  private size = 0;
  /** Once sorted: where each key's words start in `places` (offsets[CODES ** 3] is its length). */
  private offsets: Uint32Array | undefined;
  private places = new Uint32Array(0);
  /** The sort under way: the count a key, then the next free entry a key, and how far each pass has come. */
  private sorting: { counts: Uint32Array; next: Uint32Array | undefined; done: number } | undefined;
  /** Keys whose words are in order of their fourth and fifth letters (then place), not place alone. */
  private narrowed = new Uint8Array(0);

  /**
   * Fold text[from, to) in place as `fold` says (whole lines, " word word\n"), noting where each word starts.
   * One tight loop for both: called per field or per word start, the fold of 100,000 papers took 70 ms more.
   * `expected` is how many word starts all the papers may have, for the arrays' size.
   */
  foldAndNote(text: Uint8Array, from: number, to: number, fold: Uint8Array, expected: number): void {
    // At most one word start every two bytes.
    if (this.size + ((to - from) >>> 1) + 1 > this.keys.length) this.grow(Math.max(expected, this.size + to - from));
    this.size = foldWords(text, from, to, fold, this.keys, this.starts, this.size);
  }

  /**
   * Sort the word starts by key (every paper is folded) until `deadline` (a performance.now() time): true once
   * sorted. 2.3 million word starts (100,000 papers) took 38 ms in one go.
   */
  sort(deadline: number): boolean {
    if (this.offsets) return true;
    const { keys, starts, size } = this;
    this.sorting ??= { counts: new Uint32Array(CODES ** 3 + 1), next: undefined, done: 0 };
    const sorting = this.sorting;
    while (sorting.done < size || !sorting.next) {
      const end = Math.min(size, sorting.done + SORT_CHUNK);
      if (!sorting.next) {
        const counts = sorting.counts;
        for (let i = sorting.done; i < end; i++) counts[keys[i]! + 1]!++;
        sorting.done = end;
        if (end === size) {
          for (let key = 1; key < counts.length; key++) counts[key]! += counts[key - 1]!;
          sorting.next = counts.slice(0, CODES ** 3);
          this.places = new Uint32Array(size);
          sorting.done = 0;
        }
      } else {
        const { next } = sorting;
        const places = this.places;
        for (let i = sorting.done; i < end; i++) places[next[keys[i]!]!++] = starts[i]!;
        sorting.done = end;
      }
      if (performance.now() >= deadline && (sorting.done < size || !sorting.next)) return false;
    }
    this.offsets = sorting.counts;
    this.sorting = undefined;
    this.keys = new Uint16Array(0);
    this.starts = new Uint32Array(0);
    return true;
  }

  /** True once `sort` is done. */
  get sorted(): boolean {
    return this.offsets !== undefined;
  }

  /** Word starts noted so far. */
  get count(): number {
    return this.size;
  }

  /**
   * The words that may start as `word` (folded, UTF-8, no space) does: all that do, and unless `exact`,
   * others (a word longer than five letters, or a letter past ASCII among its first five), each to be
   * checked where it starts. Undefined for a word no key can hold (an ASCII sign in it). Only once sorted;
   * `text` is the folded text the places are in.
   */
  slice(word: Uint8Array, text: Uint8Array): StartsSlice | undefined {
    const letters = Math.min(3, word.length);
    let low = 0;
    let exact = word.length <= 5;
    for (let i = 0; i < letters; i++) {
      const code = CODE[word[i]!]!;
      if (code === 0) return undefined;
      if (code === CODES - 1) exact = false;
      low = low * CODES + code;
    }
    // A word of fewer than three letters: every key that starts with them, a run of CODES ** (3 - letters).
    const span = CODES ** (3 - letters);
    low *= span;
    const offsets = this.offsets!;
    const slice = { places: this.places, from: offsets[low]!, to: offsets[low + span]!, exact };
    if (word.length <= 3) return slice;
    const fourth = CODE[word[3]!]!;
    const fifth = word.length > 4 ? CODE[word[4]!]! : 0;
    if (fourth === 0 || (word.length > 4 && fifth === 0)) return { ...slice, exact: false };
    if (fourth === CODES - 1 || fifth === CODES - 1) slice.exact = false;
    this.narrow(low, text);
    // Four letters: every fifth; five or more: that fifth.
    const first = fourth * CODES + fifth;
    const last = word.length > 4 ? first : first + CODES - 1;
    slice.from = this.firstFrom(text, slice.from, slice.to, first);
    slice.to = this.firstFrom(text, slice.from, slice.to, last + 1);
    return slice;
  }

  /** Put `key`'s words in order of their fourth and fifth letters (a stable counting sort), once. */
  private narrow(key: number, text: Uint8Array): void {
    if (this.narrowed.length === 0) this.narrowed = new Uint8Array(CODES ** 3);
    if (this.narrowed[key]) return;
    this.narrowed[key] = 1;
    const from = this.offsets![key]!;
    const to = this.offsets![key + 1]!;
    const places = this.places;
    const subs = new Uint16Array(to - from);
    const next = new Uint32Array(SUBS + 1);
    for (let i = from; i < to; i++) {
      const sub = subOf(text, places[i]!);
      subs[i - from] = sub;
      next[sub + 1]!++;
    }
    for (let sub = 1; sub <= SUBS; sub++) next[sub]! += next[sub - 1]!;
    const sorted = new Uint32Array(to - from);
    for (let i = from; i < to; i++) sorted[next[subs[i - from]!]!++] = places[i]!;
    places.set(sorted, from);
  }

  /** The first entry of [from, to) (a narrowed key's) whose fourth and fifth letters code `sub` or more. */
  private firstFrom(text: Uint8Array, from: number, to: number, sub: number): number {
    const places = this.places;
    while (from < to) {
      const middle = (from + to) >>> 1;
      if (subOf(text, places[middle]!) < sub) from = middle + 1;
      else to = middle;
    }
    return from;
  }

  /** Forget every word start. */
  clear(): void {
    this.keys = new Uint16Array(0);
    this.starts = new Uint32Array(0);
    this.size = 0;
    this.offsets = undefined;
    this.places = new Uint32Array(0);
    this.sorting = undefined;
    this.narrowed = new Uint8Array(0);
  }

  /** Room for `wanted` word starts: `expected` at once if that is more, as the folded buffer is made. */
  private grow(wanted: number): void {
    const length = Math.max(1024, this.keys.length * 2, Math.ceil(wanted));
    const keys = new Uint16Array(length);
    keys.set(this.keys.subarray(0, this.size));
    const starts = new Uint32Array(length);
    starts.set(this.starts.subarray(0, this.size));
    this.keys = keys;
    this.starts = starts;
  }
}

/**
 * The loop of `foldAndNote`, on its own: the number of word starts after it. A function with no property
 * access, as V8 compiled the loop in a method mid-call and then left that code at its end, every call.
 */
function foldWords(
  text: Uint8Array,
  from: number,
  to: number,
  fold: Uint8Array,
  keys: Uint16Array,
  starts: Uint32Array,
  size: number,
): number {
  let previous = SPACE;
  for (let at = from; at < to; at++) {
    const byte = fold[text[at]!]!;
    text[at] = byte;
    if (previous === SPACE && byte !== SPACE) {
      const first = CODE[byte]!;
      // The next two bytes are not folded yet: folded here (a line ends in a break, whose code is 0).
      const second = first === 0 ? 0 : CODE[fold[text[at + 1]!]!]!;
      const third = second === 0 ? 0 : CODE[fold[text[at + 2]!]!]!;
      if (first !== 0) {
        keys[size] = (first * CODES + second) * CODES + third;
        starts[size++] = at;
      }
    }
    previous = byte;
  }
  return size;
}

/**
 * The codes of the fourth and fifth letters of the word at text[at] (0 past its end), as one number; a word of
 * three letters or more (its key's third code is not 0), so the fourth byte is still the word's or its end.
 */
function subOf(text: Uint8Array, at: number): number {
  const fourth = CODE[text[at + 3]!]!;
  return fourth === 0 ? 0 : fourth * CODES + CODE[text[at + 4]!]!;
}

/** True if the word at text[at] starts with `word` (UTF-8). */
export function startsWith(text: Uint8Array, at: number, word: Uint8Array): boolean {
  for (let i = 0; i < word.length; i++) if (text[at + i] !== word[i]) return false;
  return true;
}

/** True if text[from, to) (a paper's folded line) has `needle` (" word", UTF-8). */
export function lineHas(text: Uint8Array, needle: Uint8Array, from: number, to: number): boolean {
  const length = needle.length;
  const first = needle[1]!;
  for (let at = from; at + length <= to; at++) {
    if (text[at] !== SPACE || text[at + 1] !== first) continue;
    let i = 2;
    while (i < length && text[at + i] === needle[i]) i++;
    if (i === length) return true;
  }
  return false;
}
