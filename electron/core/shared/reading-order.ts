// Shared with the renderer (its one allowed value import from electron/, eslint.config.js): pure, so it imports
// nothing (no Node, no DOM, no pdf.js) and both builds include it.

/** What a PDF.js text item must have to be put in reading order: its string, line end, direction and place. */
export type OrderedItem = { str: string; hasEOL?: boolean; dir?: string; transform?: ArrayLike<number> };

/** A character PDF.js may read right to left (its bidi's R, AL and AN): a page without one has no right-to-left item. */
export const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const RIGHT_TO_LEFT_ALL = new RegExp(RIGHT_TO_LEFT.source, 'g');

// A letter: an item with one that pdf.js reads left to right is a left-to-right word (bidi's L).
const LETTER = /\p{L}/u;
const LETTERS = /\p{L}/gu;
const DIGIT = /\p{Nd}/u;

/** An item's part in the bidi algorithm: R (right to left), L (a left-to-right word), EN (a number), N (neither). */
type Kind = 'R' | 'L' | 'EN' | 'N';

function kindOf(item: OrderedItem): Kind {
  if (item.dir === 'rtl') return 'R';
  if (LETTER.test(item.str)) return 'L';
  return DIGIT.test(item.str) ? 'EN' : 'N';
}

/**
 * The order `items` are read in, as indices into them, or undefined when it is the order pdf.js gives them in,
 * as on every page without a right-to-left item. PDF.js gives each item (a word, or a run of words drawn
 * together) in logical order, but the items of a line in the order the PDF draws them, commonly left to right:
 * three Arabic words would read last word first. So each line (up to an item that ends it) with a
 * right-to-left item is read as Unicode's bidi algorithm reads it, item by item, each where it is drawn along
 * its baseline. A line whose words at both ends are right to left, or (when its ends differ) mostly in a
 * right-to-left script, is a right-to-left paragraph (its Arabic read right to left, a Latin word or a number in
 * it left to right, those runs right to left); any other a left-to-right one (runs of right-to-left items, with
 * the spaces, digits and punctuation between them, right to left), as before. A line
 * without a right-to-left item keeps pdf.js's order. The core's search text and the reader's page text both
 * read items in this order.
 */
export function readingOrder(items: readonly OrderedItem[]): number[] | undefined {
  if (!items.some((item) => item.dir === 'rtl')) return undefined;
  const order = items.map((_, i) => i);
  let first = 0;
  items.forEach((item, i) => {
    if (!item.hasEOL && i < items.length - 1) return;
    lineOrder(items, first, i, order);
    first = i + 1;
  });
  return order;
}

/** Puts items first..last (one line) in `order` in reading order, if the line has a right-to-left item. */
function lineOrder(items: readonly OrderedItem[], first: number, last: number, order: number[]): void {
  // Empty items (pdf.js's line ends, markers) keep their place: the others trade places among themselves.
  const slots: number[] = [];
  let rtl = 0;
  let ltr = 0;
  for (let i = first; i <= last; i++) {
    const { str } = items[i]!;
    if (!str) continue;
    slots.push(i);
    if (items[i]!.dir === 'rtl') rtl += (str.match(RIGHT_TO_LEFT_ALL) ?? []).length;
    else ltr += (str.match(LETTERS) ?? []).length;
  }
  if (!slots.some((i) => items[i]!.dir === 'rtl')) return;
  // Which way the line reads: as its two ends do when they agree (a right-to-left line starts on the right), else
  // as most of its letters do.
  const ends = byPlace(items, slots)
    .map((i) => kindOf(items[i]!))
    .filter((kind) => kind === 'R' || kind === 'L');
  const fromRight = ends[0] === ends.at(-1) ? ends[0] === 'R' : rtl >= ltr;
  const read = fromRight ? rightToLeftLine(items, slots) : leftToRightLine(items, slots);
  read.forEach((item, k) => (order[slots[k]!] = item));
}

/**
 * A left-to-right line's items in reading order: each run of right-to-left items (with the items between them
 * that are not left-to-right words) right to left by place, everything else where pdf.js put it.
 */
function leftToRightLine(items: readonly OrderedItem[], slots: readonly number[]): number[] {
  const read = [...slots];
  let from = -1;
  let to = -1;
  const end = () => {
    if (from >= 0 && to > from)
      read.splice(from, to - from + 1, ...byPlace(items, slots.slice(from, to + 1)).reverse());
    from = -1;
  };
  slots.forEach((i, k) => {
    const kind = kindOf(items[i]!);
    if (kind === 'R') {
      if (from < 0) from = k;
      to = k;
    } else if (kind === 'L') end();
  });
  end();
  return read;
}

/**
 * A right-to-left line's items in reading order, as the bidi algorithm reads a right-to-left paragraph: right to
 * left by place, except that each run of left-to-right words and numbers reads left to right. A space or
 * punctuation between two left-to-right words is theirs, one beside an Arabic word or a number the line's (its
 * rule N1, a number counting as right to left there); a number between two left-to-right words is one of them (W7).
 */
function rightToLeftLine(items: readonly OrderedItem[], slots: readonly number[]): number[] {
  const drawn = byPlace(items, slots).reverse();
  const kinds = drawn.map((i) => kindOf(items[i]!));
  // The nearest left-to-right word or right-to-left item before and after each (the line's ends count as R).
  const nearest = (of: readonly Kind[], counts: (kind: Kind) => boolean, step: 1 | -1): Kind[] => {
    const found: Kind[] = new Array<Kind>(of.length);
    let last: Kind = 'R';
    for (let k = step > 0 ? 0 : of.length - 1; k >= 0 && k < of.length; k += step) {
      found[k] = last;
      if (counts(of[k]!)) last = of[k]!;
    }
    return found;
  };
  const strong = (kind: Kind) => kind === 'R' || kind === 'L';
  const [strongBefore, strongAfter] = [nearest(kinds, strong, 1), nearest(kinds, strong, -1)];
  const resolved = kinds.map((kind, k) =>
    kind === 'EN' && strongBefore[k] === 'L' && strongAfter[k] === 'L' ? 'L' : kind,
  );
  const [before, after] = [nearest(resolved, (kind) => kind !== 'N', 1), nearest(resolved, (kind) => kind !== 'N', -1)];
  const leftToRight = resolved.map((kind, k) => (kind === 'N' ? before[k] === 'L' && after[k] === 'L' : kind !== 'R'));
  const read: number[] = [];
  for (let k = 0; k < drawn.length;) {
    let end = k;
    while (end < drawn.length && leftToRight[end]) end++;
    if (end === k) read.push(drawn[k++]!);
    else {
      read.push(...drawn.slice(k, end).reverse());
      k = end;
    }
  }
  return read;
}

/**
 * `run` (indices of items on one line) left to right: by where each starts along its baseline, or as given
 * (pdf.js's order, commonly the drawing order) when an item has no place.
 */
function byPlace(items: readonly OrderedItem[], run: readonly number[]): number[] {
  const along = (i: number) => {
    const t = items[i]!.transform;
    if (!t || t.length < 6) return undefined;
    const scale = Math.hypot(t[0]!, t[1]!);
    return scale > 0 ? (t[0]! * t[4]! + t[1]! * t[5]!) / scale : t[4]!;
  };
  const places = run.map(along);
  if (places.some((place) => place === undefined || !Number.isFinite(place))) return [...run];
  const at = new Map(run.map((i, k) => [i, places[k]!]));
  // A stable sort: items at one place keep their order.
  return [...run].sort((a, b) => at.get(a)! - at.get(b)!);
}
