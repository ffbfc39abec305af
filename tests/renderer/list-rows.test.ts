import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, placesOf, type ListRows } from '../../renderer/src/store/list-rows';
import type { PaperRow } from '../../renderer/src/store/types';

const row = (id: string): PaperRow => ({ id }) as PaperRow;

/** Rows 0..length with only the pages in `loaded` there (the list's rows as they come), ids "p<position>". */
function rowsWith(length: number, loaded: readonly number[]): (PaperRow | undefined)[] {
  const rows = new Array<PaperRow | undefined>(length).fill(undefined);
  for (const page of loaded)
    for (let i = page * PAGE_SIZE; i < Math.min(length, (page + 1) * PAGE_SIZE); i++) rows[i] = row(`p${i}`);
  return rows;
}

/** The same rows, counting the places read. */
function counted(rows: (PaperRow | undefined)[]): { rows: ListRows; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(rows, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { rows: proxy, reads: () => reads };
}

describe('placesOf', () => {
  it('finds where each paper is, whatever the ids and where the screen is', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 14 }), { maxLength: 15 }),
        fc.array(fc.integer({ min: -10, max: 3100 }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 3000 }),
        (length, loaded, picked, near) => {
          const rows = rowsWith(length, loaded);
          const ids = picked.map((at) => `p${at}`);
          const expected = rows.flatMap((r, i) => (r && ids.includes(r.id) ? [[r.id, i] as const] : []));
          expect([...placesOf(rows, ids, near)].sort((a, b) => a[1] - b[1])).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("looks for a key's papers around the screen, and for the rest in one pass", () => {
    const rows = rowsWith(100_000, [0, 200, 201, 202]);
    const near = 201 * PAGE_SIZE;
    const screen = counted(rows);
    expect([...placesOf(screen.rows, [`p${near + 5}`, `p${near + 30}`], near)]).toEqual([
      [`p${near + 5}`, near + 5],
      [`p${near + 30}`, near + 30],
    ]);
    // One look of at most two pages, where a pass through every place reads 100,000.
    expect(screen.reads()).toBeLessThanOrEqual(2 * PAGE_SIZE);

    // Eight papers the rows no longer hold (an undo brings back papers that left the view): one pass for them
    // all, not one each.
    const gone = counted(rows);
    expect(
      placesOf(
        gone.rows,
        Array.from({ length: 8 }, (_, i) => `left${i}`),
        near,
      ).size,
    ).toBe(0);
    expect(gone.reads()).toBeLessThanOrEqual(2 * PAGE_SIZE + 100_000);
  });
});
