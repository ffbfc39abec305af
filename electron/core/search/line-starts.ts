/* Which paper's line of TitleScan's folded buffer a byte is on: a search over the lines' starts. */

/** The ordinal whose line holds byte `at` (starts ascending, starts[count] the end). */
export function ordinalAt(starts: Uint32Array, at: number, low = 0, high = starts.length - 2): number {
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (starts[middle]! <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * The same, for a byte at or past the line of ordinal `near`: a galloping search from there, a few looks
 * when the byte is a few papers on (a word's places come in order, key by key, and by their fourth and fifth
 * letters in a narrowed key; a place before `near` is looked for from the start).
 */
export function ordinalFrom(starts: Uint32Array, at: number, near: number): number {
  if (starts[near]! > at) return ordinalAt(starts, at);
  const last = starts.length - 2;
  let low = near;
  let step = 1;
  while (low + step <= last && starts[low + step]! <= at) {
    low += step;
    step *= 2;
  }
  return ordinalAt(starts, at, low, Math.min(last, low + step - 1));
}
