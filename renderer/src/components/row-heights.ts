/**
 * The heights of a list's rows, each an estimate until the row is drawn and measured, with their running
 * totals kept in a Fenwick tree: where a row starts and which row is at a scroll position cost O(log n) at
 * any length, and so does a measure that corrects an estimate (a running total kept in an array would move
 * every total after it: 20,000 rows, 20,000 additions a measure).
 */
export type RowHeights = {
  readonly count: number;
  /** Row `index`'s height: as measured, or as estimated. */
  height(index: number): number;
  /** Row `index`'s height as drawn; returns by how much it differs from what was held. */
  set(index: number, height: number): number;
  /** Where row `index` starts: the heights of the rows before it. `start(count)` is the whole list's height. */
  start(index: number): number;
  /** The row at `offset` from the top (the last row past the end, 0 before the start). */
  indexAt(offset: number): number;
};

export function rowHeights(count: number, estimate: (index: number) => number): RowHeights {
  const heights = new Float64Array(count);
  // tree[i] (1-based) holds the sum of the heights of rows (i - lowbit(i), i]; built in one pass.
  const tree = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) {
    heights[i] = estimate(i);
    tree[i + 1] = (tree[i + 1] ?? 0) + heights[i]!;
    const parent = i + 1 + ((i + 1) & -(i + 1));
    if (parent <= count) tree[parent] = (tree[parent] ?? 0) + tree[i + 1]!;
  }
  let top = 1;
  while (top * 2 <= count) top *= 2;

  const start = (index: number): number => {
    let sum = 0;
    for (let i = Math.min(index, count); i > 0; i -= i & -i) sum += tree[i]!;
    return sum;
  };

  return {
    count,
    height: (index) => heights[index] ?? 0,
    set(index, height) {
      const delta = height - (heights[index] ?? height);
      if (delta === 0) return 0;
      heights[index] = height;
      for (let i = index + 1; i <= count; i += i & -i) tree[i]! += delta;
      return delta;
    },
    start,
    indexAt(offset) {
      if (count === 0 || offset <= 0) return 0;
      // Down the tree: the most rows whose heights together end at or before `offset`.
      let at = 0;
      let left = offset;
      for (let step = top; step > 0; step >>= 1) {
        const next = at + step;
        if (next <= count && tree[next]! <= left) {
          at = next;
          left -= tree[next]!;
        }
      }
      return Math.min(at, count - 1);
    },
  };
}
