import type { Paper } from '../schema';
import type { LibraryStore } from '../store/store';
import { TERMS_PER_PAPER, modelFor, type TextModel, type Vector } from './model';
import { matchRules, type CompiledRule } from './rules';
import { signalsFor, type SignalKind } from './signals';
import { isPhrase, termNames } from './terms';

/** One paper's place in the ranking, with the line that explains it. */
export type Ranked = {
  id: string;
  title: string;
  score: number;
  reason: string;
  /** Set when a keyword rule boosted or dimmed the paper. */
  rule?: 'boost' | 'dim';
};

export type Ranking = {
  /** True when nothing shows the reader's interests yet, so the inbox keeps its import order. */
  fallback: boolean;
  /** One line about the ranking as a whole. */
  summary: string;
  items: Ranked[];
};

const KIND_WORDS: Record<SignalKind, string> = {
  read: 'you read',
  reading: 'you are reading',
  queued: 'you queued',
  noted: 'you wrote notes on',
  highlighted: 'you highlighted',
  tagged: 'you tagged',
  dismissed: 'you dismissed',
};

/** Similarity under which a paper is not called "close". */
const CLOSE = 0.08;
/** A rule is the reader saying so outright: it outweighs any likeness (similarities are at most 1). */
const RULE_WEIGHT = 1;
/** Dismissed papers count against a paper, a little less than kept ones count for it. */
const NEGATIVE_WEIGHT = 0.6;

/**
 * The inbox, best first: each paper scored by its likeness to what the reader kept (queued, read,
 * tagged, noted, highlighted) against its likeness to what they dismissed, then moved by the rules.
 */
export async function rankInbox(
  store: LibraryStore,
  rules: readonly CompiledRule[],
  ids?: readonly string[],
): Promise<Ranking> {
  const model = await modelFor(store);
  const { weightOf, kindOf, positives } = signalsFor(store, model);
  const inbox = (ids && inboxAmong(store, ids)) ?? inboxOf(store, model, ids);

  if (positives === 0) {
    const items = inbox.map((paper, position) => {
      const rule = matchRules(rules, paper);
      const score = ruleScore(rule) - position / (inbox.length + 1) / 100;
      return {
        id: paper.id,
        title: paper.title,
        score: round(score),
        reason: rule ? capitalise(rule.reason) + '.' : 'In import order: nothing kept or read yet.',
        ...(rule && { rule: rule.action }),
      };
    });
    items.sort((a, b) => b.score - a.score);
    return {
      fallback: true,
      summary:
        'Nothing queued, read, tagged, noted or highlighted yet, so the inbox keeps its import order' +
        (rules.length ? ', moved only by your rules.' : '.'),
      items,
    };
  }

  const scores = new Float32Array(model.slots);
  const touched: number[] = [];
  const items: Ranked[] = inbox.map((paper) => {
    const slot = model.slot(paper.id);
    const rule = matchRules(rules, paper);
    if (slot === undefined) return { id: paper.id, title: paper.title, score: 0, reason: '' };
    const vector = model.vectorAt(slot);
    touched.length = 0;
    model.accumulate(vector, scores, touched, weightOf);
    const near: Match[] = [];
    const against: Match[] = [];
    for (const other of touched) {
      const similarity = scores[other]!;
      scores[other] = 0;
      if (other === slot || !model.paperAt(other)) continue;
      const weight = weightOf[other]!;
      const match = { slot: other, score: similarity * Math.abs(weight), kind: kindOf[other]! };
      (weight < 0 ? against : near).push(match);
    }
    near.sort((a, b) => b.score - a.score);
    against.sort((a, b) => b.score - a.score);
    const score = topMean(near) - NEGATIVE_WEIGHT * topMean(against) + ruleScore(rule);
    return {
      id: paper.id,
      title: paper.title,
      score: round(score),
      reason: explain(model, paper, vector, near, against, rule?.reason),
      ...(rule && { rule: rule.action }),
    };
  });
  items.sort((a, b) => b.score - a.score);
  return {
    fallback: false,
    summary: `Ranked by likeness to ${positives} paper${positives === 1 ? '' : 's'} you kept, read or marked.`,
    items,
  };
}

const inboxCache = new WeakMap<TextModel, { version: number; papers: Paper[] }>();

/** Every inbox paper in import order (or those of them in `ids`); read again only after the library changed. */
function inboxOf(store: LibraryStore, model: TextModel, ids: readonly string[] | undefined): Paper[] {
  let cached = inboxCache.get(model);
  if (cached?.version !== model.version) {
    const papers: Paper[] = [];
    for (const paper of store.all()) if (paper.status === 'inbox') papers.push(paper);
    papers.sort((a, b) => a.rank - b.rank);
    cached = { version: model.version, papers };
    inboxCache.set(model, cached);
  }
  if (!ids) return cached.papers;
  const wanted = new Set(ids);
  return cached.papers.filter((p) => wanted.has(p.id));
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

type Match = { slot: number; score: number; kind: SignalKind };

function capitalise(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}

/** The best three similarities, the first counting most. */
function topMean(list: { score: number }[]): number {
  return ((list[0]?.score ?? 0) + 0.5 * (list[1]?.score ?? 0) + 0.25 * (list[2]?.score ?? 0)) / 1.75;
}

function ruleScore(rule: ReturnType<typeof matchRules>): number {
  return rule ? (rule.action === 'boost' ? RULE_WEIGHT : -RULE_WEIGHT) : 0;
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

function explain(
  model: TextModel,
  paper: Paper,
  vector: Vector,
  near: Match[],
  against: Match[],
  ruleReason: string | undefined,
): string {
  const parts: string[] = [];
  if (ruleReason) parts.push(ruleReason);
  const close = near.filter((n) => n.score >= CLOSE);
  const unlike = against.filter((n) => n.score >= CLOSE);
  if (close.length) {
    const kinds = new Set(close.map((n) => n.kind));
    const words = kinds.size === 1 ? KIND_WORDS[[...kinds][0]!] : 'you kept';
    const titles = close.slice(0, 2).map((n) => `“${shorten(model.paperAt(n.slot)?.title ?? '')}”`);
    parts.push(
      `close to ${close.length === 1 ? 'a paper' : `${close.length} papers`} ${words}: ${titles.join(', ')}` +
        (close.length > 2 ? ', …' : ''),
    );
    const shared = sharedTerms(
      model,
      paper,
      vector,
      close.slice(0, 3).map((n) => n.slot),
    );
    if (shared.length) parts.push(`shares ${shared.map((t) => `‘${t}’`).join(', ')}`);
  }
  if (unlike.length && (!close.length || unlike[0]!.score > close[0]!.score)) {
    parts.push(
      `like ${unlike.length === 1 ? 'a paper' : `${unlike.length} papers`} you dismissed: “${shorten(
        model.paperAt(unlike[0]!.slot)?.title ?? '',
      )}”`,
    );
  }
  if (!parts.length) return 'Not close to anything you kept.';
  return capitalise(parts.join('; ')) + '.';
}

/** The terms `vector` shares most with the papers in `slots`, as words, phrases first. */
export function sharedTerms(model: TextModel, paper: Paper, vector: Vector, slots: number[], limit = 3): string[] {
  const weightOf = new Map<number, number>();
  for (const slot of slots) {
    const other = model.vectorAt(slot);
    const theirs = new Map<number, number>();
    for (let i = 0; i < TERMS_PER_PAPER && other.weights[i]! > 0; i++) theirs.set(other.terms[i]!, other.weights[i]!);
    for (let i = 0; i < TERMS_PER_PAPER && vector.weights[i]! > 0; i++) {
      const w = theirs.get(vector.terms[i]!);
      if (w) weightOf.set(vector.terms[i]!, (weightOf.get(vector.terms[i]!) ?? 0) + w * vector.weights[i]!);
    }
  }
  const best = [...weightOf].sort((a, b) => b[1] - a[1]).slice(0, limit * 3);
  const names = termNames(`${paper.title}\n${paper.abstract}`, new Set(best.map(([term]) => term)));
  const words = best.map(([term]) => names.get(term)).filter((name): name is string => Boolean(name));
  // A phrase says more than its words: keep phrases, and words not already in a kept phrase.
  const phrases = joinPhrases(words.filter(isPhrase));
  const singles = words.filter((w) => !isPhrase(w) && !phrases.some((p) => p.split(' ').includes(w)));
  return [...phrases, ...singles].slice(0, limit);
}

/** Overlapping phrases become one: "graph neural" and "neural network" → "graph neural network". */
function joinPhrases(phrases: string[]): string[] {
  const out = [...phrases];
  for (let merged = true; merged;) {
    merged = false;
    for (let i = 0; i < out.length && !merged; i++) {
      for (let j = 0; j < out.length && !merged; j++) {
        const a = out[i]!.split(' ');
        const b = out[j]!.split(' ');
        if (i === j || a.at(-1) !== b[0]) continue;
        out[i] = [...a, ...b.slice(1)].join(' ');
        out.splice(j, 1);
        merged = true;
      }
    }
  }
  return out;
}

function shorten(title: string): string {
  return title.length > 60 ? `${title.slice(0, 57).trimEnd()}…` : title;
}

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
