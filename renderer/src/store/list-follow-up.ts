import type { Transport } from '../transport';
import { LEARNING_RETRY_MS } from './list-ranking';
import type { ListQuery, Ranking, View } from './types';

/**
 * How soon a search answered from the titles alone is asked again: the index of a large library is read back
 * in about a second on a second start, and built in a few on a first one.
 */
export const TITLES_ONLY_RETRY_MS = 1000;

type FollowUp = {
  answer: { ranking: Ranking | undefined; titlesOnly: boolean; empty: boolean };
  query: ListQuery;
  view: View;
  /** True while the list is still the one answered (no newer view, search or sort). */
  current: () => boolean;
  /** The whole list asked for again. */
  reload: () => void;
  set: (state: { matchesElsewhere: number | undefined }) => void;
};

/**
 * What a fresh answer for the whole list leaves to do: ask again in a moment while For you is still learning
 * (its model is being built) or the search was answered from the titles alone (the index is still being built
 * or read), while the list is still shown; and for a search that found nothing here, say whether All papers
 * has it.
 */
export async function followUp(transport: Transport, { answer, query, view, current, reload, set }: FollowUp) {
  const retry = answer.ranking?.learning ? LEARNING_RETRY_MS : answer.titlesOnly ? TITLES_ONLY_RETRY_MS : undefined;
  if (retry !== undefined)
    setTimeout(() => {
      if (current()) reload();
    }, retry);
  const everywhere = view.kind !== 'status' || view.status !== 'all';
  if (answer.empty && query.text && everywhere) {
    const { total } = await transport.invoke('papers.ids', { status: 'all', text: query.text, limit: 1 });
    if (current()) set({ matchesElsewhere: total });
  } else set({ matchesElsewhere: undefined });
}
