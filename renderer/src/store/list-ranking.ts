import type { Transport } from '../transport';
import type { Ranking } from './types';

/** For you in the list: the inbox's order as ranked, and the reasons of the rows that came. */

/** How soon For you asks again while its model is being built (the ranking says it is still learning). */
export const LEARNING_RETRY_MS = 1000;

export type RankedItem = Ranking['items'][number];
export type ListRanking = {
  summary: string;
  fallback: boolean;
  /** Each paper's item by id: a Map, as an object of 100,000 keys took 50 ms to make. */
  byId: ReadonlyMap<string, RankedItem>;
  explained: Record<string, RankedItem>;
};

/** A paper's place in the ranking, with its reason once its row has come. */
export function rankedItem(ranking: ListRanking | undefined, id: string): RankedItem | undefined {
  return ranking?.explained[id] ?? ranking?.byId.get(id);
}

/** The ranking as the list keeps it: each paper's item by id, and the reasons asked for so far. */
export function listRanking(ranking: Ranking, explained: Record<string, RankedItem>): ListRanking {
  return {
    summary: ranking.summary,
    fallback: ranking.fallback,
    byId: itemsById(ranking),
    explained,
  };
}

function itemsById(ranking: Ranking): Map<string, RankedItem> {
  const byId = new Map<string, RankedItem>();
  for (const item of ranking.items) byId.set(item.id, item);
  return byId;
}

/**
 * The matching ids in the ranking's order; papers the ranking does not know (yet) come last, in queue order.
 * In one pass over each, without sorting: a sort of the 100,000 ids by their places took 60 ms in the page.
 */
export function rankedOrder(ids: readonly string[], ranking: Ranking): string[] {
  const matching = new Set(ids);
  const ordered: string[] = [];
  for (const { id } of ranking.items) if (matching.delete(id)) ordered.push(id);
  if (matching.size > 0) for (const id of ids) if (matching.has(id)) ordered.push(id);
  return ordered;
}

/**
 * The reasons of a ranking, asked for as its rows come (a large inbox is explained a page at a time) and
 * kept for the ranking they belong to: an answer for an older ranking is dropped.
 */
export class Reasons {
  private ranking = 0;
  /** False for a fallback ranking (nothing kept yet), which carries every reason already. */
  needed = false;
  /** Every reason that came for the current ranking, by paper id. */
  explained: Record<string, RankedItem> = {};

  constructor(
    private readonly transport: Transport,
    private readonly came: (explained: Record<string, RankedItem>) => void,
    private readonly failed: (error: unknown) => void,
  ) {}

  /** A new ranking is on its way: reasons still to come for the last one are dropped. */
  begin(): void {
    this.ranking++;
    this.explained = {};
  }

  /**
   * What asks for reasons for the ranking current now, once the rows have come (fetchRange): by then a newer
   * ranking may have begun, and these ids in the old order are not its to explain.
   */
  forNow(): (ids: string[]) => void {
    const at = this.ranking;
    return (ids) => {
      if (at === this.ranking) this.ask(ids);
    };
  }

  ask(ids: string[]): void {
    if (!this.needed) return;
    const at = this.ranking;
    const wanted = ids.filter((id) => !this.explained[id]);
    if (!wanted.length) return;
    this.transport.invoke('insight.rank', { ids: wanted }).then(({ items }) => {
      if (at !== this.ranking) return;
      this.explained = { ...this.explained, ...Object.fromEntries(items.map((item) => [item.id, item])) };
      this.came(this.explained);
    }, this.failed);
  }
}
