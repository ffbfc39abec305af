import type { LibraryStore } from '../store/store';
import { round, sharedTopics } from './explain';
import { modelFor } from './library-model';
import type { TextModel } from './model';
import { WrittenNames } from './surface';

/**
 * Topical likeness (see sharedTopics) under which a paper is not called close: "More like this" then says that
 * no paper is. Chosen from each paper's nearest ones in the seed and corpus libraries (the QA library of 279
 * papers): papers truly on one subject (two on differential privacy, on COVID-19, on inference-time compute)
 * score 0.09 and up once the generic words are left out, most of them above 0.13; pairs below 0.09 met on a
 * stray word or two ("long-horizon", "variation"). Between 0.09 and 0.13 both are found: the floor keeps the
 * related ones. A single shared word needs ONE_TERM_FLOOR: unrelated pairs on one word ("dynamic", "string",
 * "evolution") reach 0.19, as a short title's few words weigh much each.
 */
export const LIKENESS_FLOOR = 0.09;
/** The floor for a paper that shares a single topical term: one word alone rarely makes two papers alike. */
export const ONE_TERM_FLOOR = 0.2;
/** Candidates read per paper shown: a near paper whose likeness was mostly generic words makes room for the next. */
const CANDIDATES_PER_ITEM = 3;

/**
 * The papers most like one paper, with the terms they share: at most `limit`, each at least LIKENESS_FLOOR alike
 * by the terms that carry a topic (that likeness is the score shown); none when no paper is close.
 */
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
  // A paper's own likeness is at least its topical one: none below the floor can pass it.
  const nearest = nearestTo(model, slot, limit * CANDIDATES_PER_ITEM).filter(({ score }) => score >= LIKENESS_FLOOR);
  const shared = sharedTopics(
    model,
    paper,
    vector,
    nearest.map(({ slot: other }) => [other]),
    new WrittenNames(),
  );
  return nearest
    .map(({ slot: other }, k) => ({ paper: model.paperAt(other)!, ...shared[k]! }))
    .filter(({ topical, topics }) => topical >= (topics > 1 ? LIKENESS_FLOOR : ONE_TERM_FLOOR))
    .sort((a, b) => b.topical - a.topical)
    .slice(0, limit)
    .map(({ paper: otherPaper, terms, topical }) => ({
      id: otherPaper.id,
      title: otherPaper.title,
      score: round(topical),
      reason: `Shares ${terms.map((t) => `‘${t}’`).join(', ')}.`,
    }));
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
