import type { Paper } from '../schema';
import type { LibraryStore } from '../store/store';
import { capitalise, explainSlot, round } from './explain';
import { likenessFor } from './likeness';
import { firstModel, modelFor, readyModel, scoreInbox } from './library-model';
import type { TextModel } from './model';
import { inboxOf, inboxSlots, workOutLikeness } from './inbox-scores';
import { matchRules, type CompiledRule } from './rules';
import { signalsFor } from './signals';
import { WrittenNames } from './surface';
import { grouped } from '../text';

export { similarPapers } from './similar';

/** One paper's place in the ranking, with the line that explains it. */
export type Ranked = {
  id: string;
  /** Title and reason: for the papers explained (all unless the caller asked for fewer). */
  title?: string;
  score: number;
  reason?: string;
  /** Set when a keyword rule boosted or dimmed the paper. */
  rule?: 'boost' | 'dim';
  /** Other inbox papers with this one's title and text, left out of the ranking: it stands for them. */
  same?: number;
};

export type Ranking = {
  /** True when nothing shows the reader's interests yet, so the inbox keeps its import order. */
  fallback: boolean;
  /** One line about the ranking as a whole. */
  summary: string;
  /**
   * True while the model is still being built (a large library's first start): ask again in a moment. The
   * items are then in import order (`fallback`), or ranked by the titles alone (see rankByTitles).
   */
  learning?: boolean;
  items: Ranked[];
};

/** A rule is the reader saying so outright: it outweighs any likeness (similarities are at most 1). */
const RULE_WEIGHT = 1;
/**
 * Places within which papers with the same title and text are shown once (the pages a reader scrolls): a bound,
 * so grouping costs the same at 100,000 papers as at 2,000 (about 0.2 ms).
 */
const GROUPED_PLACES = 2000;
/** Sort keys: the score in thousandths, counted down from this bound (scores lie within ±2), then the position. */
const MAX_SCORE_THOUSANDTHS = 10_000;

/**
 * The inbox, best first: each paper scored by its likeness to what the reader kept (queued, read,
 * tagged, noted, highlighted) against its likeness to what they dismissed, then moved by the rules.
 */
export async function rankInbox(
  store: LibraryStore,
  rules: readonly CompiledRule[],
  ids?: readonly string[],
  options: { explain?: number } = {},
): Promise<Ranking> {
  // Until the model is built (seconds, in a worker thread, at a large library's first start): by the titles.
  if (!(await readyModel(store))) {
    const first = await firstModel(store);
    // None: the model came in meanwhile.
    if (!first) return rankInbox(store, rules, ids, options);
    if (!ids) await workOutLikeness(store, () => first.update().then(() => first));
    const ranking = rankWith(store, first, rules, ids, options);
    if (ranking.fallback) return ranking;
    return {
      ...ranking,
      learning: true,
      summary:
        ranking.summary.replace(/^Ranked by likeness to /, 'Ranked for now by the titles of ').replace(/\.$/, '') +
        ': refining with their abstracts, a few moments more.',
    };
  }
  // The whole inbox is worked out in slices first; a few papers by id are worked out as they are scored.
  if (!ids) await scoreInbox(store);
  return rankWith(store, await modelFor(store), rules, ids, options);
}

/** The inbox ranked with `model` (caught up with the library), its likeness worked out as needed. */
function rankWith(
  store: LibraryStore,
  model: TextModel,
  rules: readonly CompiledRule[],
  ids: readonly string[] | undefined,
  options: { explain?: number },
): Ranking {
  const signals = signalsFor(store, model);
  const inbox = (ids && inboxAmong(store, ids)) ?? inboxOf(store, model, ids);
  if (signals.positives === 0) return nothingKept(inbox, rules);
  // The whole inbox (inboxOf's array), each paper's slot known by its place; papers by id are looked up.
  const whole = ids ? undefined : inboxSlots(store, model);
  const slots = whole?.papers === inbox ? whole.slots : undefined;

  // Scores come from the likeness kept per paper between rankings; only the papers shown are explained.
  const likeness = likenessFor(model, signals);
  // One for the page: the papers kept that many reasons name are read once.
  const written = new WrittenNames();
  const items = byScore(
    inbox,
    rules,
    (paper, at) => {
      const slot = slots ? slots[at]! : (model.slot(paper.id) ?? -1);
      return slot < 0 ? 0 : likeness.score(slot);
    },
    (paper, ruleReason) => {
      const slot = model.slot(paper.id);
      return slot === undefined ? '' : explainSlot(model, signals, paper, slot, ruleReason, written);
    },
    options.explain,
  );
  return {
    fallback: false,
    summary: `Ranked by likeness to ${kept(signals.positives)} you kept, read or marked.`,
    items,
  };
}

/** "1 paper", "51,214 papers". */
function kept(positives: number): string {
  return `${grouped(positives)} paper${positives === 1 ? '' : 's'}`;
}

/** Nothing shows the reader's interests yet: the inbox in import order, moved only by the rules. */
function nothingKept(inbox: readonly Paper[], rules: readonly CompiledRule[]): Ranking {
  return {
    fallback: true,
    summary:
      'Nothing queued, read, tagged, noted or highlighted yet, so the inbox keeps its import order' +
      (rules.length ? ', moved only by your rules.' : '.'),
    items: inImportOrder(inbox, rules, 'In import order: nothing kept or read yet.'),
  };
}

/**
 * The inbox best first: each paper's likeness plus its rule's score, ties in import order; the first `explained`
 * (all by default) with their title and reason. Sorted as numbers (score, then import order) without a
 * comparator: a large inbox sorts in milliseconds.
 */
function byScore(
  inbox: readonly Paper[],
  rules: readonly CompiledRule[],
  likenessOf: (paper: Paper, at: number) => number,
  reasonOf: (paper: Paper, ruleReason: string | undefined) => string,
  explained = inbox.length,
): Ranked[] {
  const count = inbox.length;
  const positions = 2 ** Math.ceil(Math.log2(count + 1));
  const keys = new Float64Array(count);
  // Each paper's likeness as computed (not rounded): papers with the same text have the very same.
  const likeness = new Float64Array(count);
  const ruled: ReturnType<typeof matchRules>[] = new Array<ReturnType<typeof matchRules>>(count);
  for (let i = 0; i < count; i++) {
    const paper = inbox[i]!;
    const rule = rules.length ? matchRules(rules, paper) : undefined;
    likeness[i] = likenessOf(paper, i);
    const score = likeness[i]! + ruleScore(rule);
    ruled[i] = rule;
    keys[i] = (MAX_SCORE_THOUSANDTHS - Math.round(score * 1000)) * positions + i;
  }
  keys.sort();
  const items: Ranked[] = [];
  // Papers with the same title and text have the same likeness to the nearest bit, and so meet in one run of a
  // score: within a run, only papers of the very same likeness are compared. Within the first GROUPED_PLACES
  // only (a lookup by number each, a fixed cost whatever the library's size); papers like nothing kept
  // (likeness 0) are not grouped.
  const run = new Map<number, { paper: Paper; item: Ranked }[]>();
  let runKey = -1;
  for (let k = 0; k < count; k++) {
    const key = keys[k]!;
    const i = key % positions;
    const paper = inbox[i]!;
    const rule = ruled[i];
    const scoreKey = (key - i) / positions;
    if (scoreKey !== runKey) {
      if (run.size) run.clear();
      runKey = scoreKey;
    }
    const compared = likeness[i]! > 0 && items.length < GROUPED_PLACES;
    const alike = compared ? run.get(likeness[i]!) : undefined;
    const twin = alike?.find((kept) => sameText(kept.paper, paper));
    if (twin) {
      twin.item.same = (twin.item.same ?? 0) + 1;
      continue;
    }
    const score = (MAX_SCORE_THOUSANDTHS - scoreKey) / 1000;
    let item: Ranked;
    if (items.length >= explained) {
      // Built as they are, not spread: one shape for the tens of thousands of them.
      item = rule ? { id: paper.id, score, rule: rule.action } : { id: paper.id, score };
    } else {
      item = {
        id: paper.id,
        title: paper.title,
        score,
        reason: reasonOf(paper, rule?.reason),
        ...(rule && { rule: rule.action }),
      };
    }
    items.push(item);
    if (compared) {
      if (alike) alike.push({ paper, item });
      else run.set(likeness[i]!, [{ paper, item }]);
    }
  }
  for (const item of items.slice(0, explained)) if (item.same && item.reason) item.reason += ` ${sameNote(item.same)}`;
  return items;
}

/**
 * Two papers that would show as one: the same title and abstract, and the same PDF or none (a PDF's text is its
 * file's). Untitled papers with no abstract are told apart by what is not compared (ids, venues).
 */
function sameText(a: Paper, b: Paper): boolean {
  if (a.title !== b.title || a.abstract !== b.abstract || !(a.title || a.abstract)) return false;
  return a.attachments?.[0]?.hash === b.attachments?.[0]?.hash;
}

/** The note on a paper that stands for `same` others: "1 more with the same title and text is left out." */
export function sameNote(same: number): string {
  return same === 1
    ? '1 more paper with the same title and text is left out.'
    : `${grouped(same)} more papers with the same title and text are left out.`;
}

/** The inbox in import order, moved only by the rules, each paper with `reason` unless a rule gives one. */
function inImportOrder(inbox: readonly Paper[], rules: readonly CompiledRule[], reason: string): Ranked[] {
  const items = inbox.map((paper, position) => {
    const rule = matchRules(rules, paper);
    const score = ruleScore(rule) - position / (inbox.length + 1) / 100;
    return {
      id: paper.id,
      title: paper.title,
      score: round(score),
      reason: rule ? capitalise(rule.reason) + '.' : reason,
      ...(rule && { rule: rule.action }),
    };
  });
  items.sort((a, b) => b.score - a.score);
  return items;
}

/**
 * The inbox papers among `ids`, in import order, found by id rather than by reading the library;
 * undefined when two share a rank, as only the library's order can then tell which comes first.
 */
function inboxAmong(store: LibraryStore, ids: readonly string[]): Paper[] | undefined {
  const papers: Paper[] = [];
  for (const id of new Set(ids)) {
    const paper = store.get(id);
    if (paper?.status === 'inbox') papers.push(paper);
  }
  papers.sort((a, b) => a.rank - b.rank);
  for (let i = 1; i < papers.length; i++) if (!(papers[i - 1]!.rank < papers[i]!.rank)) return undefined;
  return papers;
}

function ruleScore(rule: ReturnType<typeof matchRules>): number {
  return rule ? (rule.action === 'boost' ? RULE_WEIGHT : -RULE_WEIGHT) : 0;
}
