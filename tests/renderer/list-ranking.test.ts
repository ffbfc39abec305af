import { describe, expect, it } from 'vitest';
import { Reasons, listRanking, rankedItem, rankedOrder } from '../../renderer/src/store/list-ranking';
import type { Transport } from '../../renderer/src/transport';
import type { Ranking } from '../../renderer/src/store/types';

const ranking = (ids: string[]): Ranking => ({
  fallback: false,
  summary: 'Ranked.',
  items: ids.map((id, i) => ({ id, score: 1 - i / 10, ...(id === 'c' && { rule: 'boost' as const }) })),
});

describe("For you's order in the page", () => {
  it('puts the matching ids in the ranking order, those it does not know last in queue order', () => {
    // Queue order: a b c d e f; the ranking knows c a f b (not d and e, which came since); x matches nothing.
    expect(rankedOrder(['a', 'b', 'c', 'd', 'e', 'f'], ranking(['c', 'x', 'a', 'f', 'b']))).toEqual([
      'c',
      'a',
      'f',
      'b',
      'd',
      'e',
    ]);
    // A search: only the matching papers, still in the ranking's order.
    expect(rankedOrder(['f', 'd', 'c'], ranking(['c', 'x', 'a', 'f', 'b']))).toEqual(['c', 'f', 'd']);
    expect(rankedOrder([], ranking(['a']))).toEqual([]);
  });

  it("finds each paper's item by id, a reason that came taking the place of the item without one", () => {
    const ranked = ranking(['c', 'a']);
    const explained = { a: { id: 'a', score: 0.9, reason: 'Like what you read.' } };
    const list = listRanking(ranked, explained);
    expect(rankedItem(list, 'c')).toEqual({ id: 'c', score: 1, rule: 'boost' });
    expect(rankedItem(list, 'a')?.reason).toBe('Like what you read.');
    expect(rankedItem(list, 'z')).toBeUndefined();
    expect(rankedItem(undefined, 'a')).toBeUndefined();
  });

  it('asks for the reasons of rows that came only while their ranking is still the current one', () => {
    const asked: unknown[] = [];
    const transport = {
      invoke: (name: string, input: unknown) => {
        asked.push(input);
        return Promise.resolve({ items: [] });
      },
    } as unknown as Transport;
    const reasons = new Reasons(
      transport,
      () => undefined,
      () => undefined,
    );
    reasons.begin();
    reasons.needed = true;
    // Rows asked for under the first ranking come after a second has begun: their ids are in the old order.
    const first = reasons.forNow();
    reasons.begin();
    first(['a', 'b']);
    expect(asked).toEqual([]);
    reasons.forNow()(['c']);
    expect(asked).toEqual([{ ids: ['c'] }]);
  });
});
