import type { LibraryStore } from '../store/store';
import { round, sharedTerms } from './explain';
import { modelFor } from './model';

/** The papers most like one paper, with the terms they share. */
export async function similarPapers(
  store: LibraryStore,
  id: string,
  limit = 10,
): Promise<{ id: string; title: string; score: number; reason: string }[] | undefined> {
  const model = await modelFor(store);
  const slot = model.slot(id);
  const paper = store.get(id);
  if (slot === undefined || !paper) return undefined;
  const vector = model.vectorAt(slot);
  return model.nearest(slot, limit).map(({ slot: other, score }) => {
    const otherPaper = model.paperAt(other)!;
    const shared = sharedTerms(model, paper, vector, [other]);
    return {
      id: otherPaper.id,
      title: otherPaper.title,
      score: round(score),
      reason: shared.length ? `Shares ${shared.map((t) => `‘${t}’`).join(', ')}.` : 'Few words in common.',
    };
  });
}
