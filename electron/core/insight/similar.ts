import type { LibraryStore } from '../store/store';
import { round, sharedTerms } from './explain';
import { modelFor } from './library-model';
import type { TextModel } from './model';
import { WrittenNames } from './surface';

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
  const nearest = nearestTo(model, slot, limit);
  const shared = sharedTerms(
    model,
    paper,
    vector,
    nearest.map(({ slot: other }) => [other]),
    new WrittenNames(),
  );
  return nearest.map(({ slot: other, score }, k) => {
    const otherPaper = model.paperAt(other)!;
    const terms = shared[k]!;
    return {
      id: otherPaper.id,
      title: otherPaper.title,
      score: round(score),
      reason: terms.length ? `Shares ${terms.map((t) => `‘${t}’`).join(', ')}.` : 'Few words in common.',
    };
  });
}

/** Likeness by slot while the papers nearest one are found; all zeros between uses. */
let scratch = new Float32Array(0);

/** The `limit` live papers most similar to the paper in `slot`, best first (ties in the order they were met). */
function nearestTo(model: TextModel, slot: number, limit: number): { slot: number; score: number }[] {
  if (limit < 1) return [];
  if (scratch.length < model.slots) scratch = new Float32Array(model.slots);
  const scores = scratch;
  const touched: number[] = [];
  model.accumulate(model.vectorAt(slot), scores, touched);
  const best: { slot: number; score: number }[] = [];
  for (const other of touched) {
    const score = scores[other]!;
    scores[other] = 0;
    if (other === slot || !model.paperAt(other)) continue;
    if (best.length === limit) {
      if (score <= best[limit - 1]!.score) continue;
      best.pop();
    }
    // Insertion after every entry at least as good: at most `limit` entries.
    let at = best.length;
    while (at > 0 && best[at - 1]!.score < score) at--;
    best.splice(at, 0, { slot: other, score });
  }
  return best;
}
