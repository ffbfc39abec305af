import type { Paper } from '../schema';
import { shortTitle } from '../text';
import { TERMS_PER_PAPER, type TextModel, type Vector } from './model';
import { PRODUCT_UNIT } from './weigh';
import type { SignalKind, Signals } from './signals';
import type { WrittenNames } from './surface';
import { isGeneric } from './generic-words';
import { isPhrase, termNames } from './terms';

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

/** Likeness by slot while one paper is explained; all zeros between uses. */
let scratch = new Float32Array(0);

/**
 * The line that says why `paper` (in `slot`) has its place: what it is close to, and what it shares
 * (named through `written`, which a page of reasons shares).
 */
export function explainSlot(
  model: TextModel,
  signals: Signals,
  paper: Paper,
  slot: number,
  ruleReason: string | undefined,
  written: WrittenNames,
): string {
  const { weightOf, kindOf } = signals;
  const vector = model.vectorAt(slot);
  if (scratch.length < model.slots) scratch = new Float32Array(model.slots);
  const scores = scratch;
  const touched: number[] = [];
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
  return explain(model, paper, vector, near, against, ruleReason, written);
}

type Match = { slot: number; score: number; kind: SignalKind };

export function capitalise(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}

/** A score as shown: to the thousandth. */
export function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

function explain(
  model: TextModel,
  paper: Paper,
  vector: Vector,
  near: Match[],
  against: Match[],
  ruleReason: string | undefined,
  written: WrittenNames,
): string {
  const parts: string[] = [];
  if (ruleReason) parts.push(ruleReason);
  const close = near.filter((n) => n.score >= CLOSE);
  const unlike = against.filter((n) => n.score >= CLOSE);
  if (close.length) {
    const kinds = new Set(close.map((n) => n.kind));
    const words = kinds.size === 1 ? KIND_WORDS[[...kinds][0]!] : 'you kept';
    // Each title once: papers with the same title ("Lorem Ipsum" four times) are named by the first.
    const titles = [...new Set(close.map((n) => `“${shortTitle(model.paperAt(n.slot)?.title ?? '')}”`))];
    parts.push(
      `close to ${close.length === 1 ? 'a paper' : `${close.length} papers`} ${words}: ${titles.slice(0, 2).join(', ')}` +
        (titles.length > 2 ? ', …' : ''),
    );
    const [shared] = sharedTerms(model, paper, vector, [close.slice(0, 3).map((n) => n.slot)], written);
    if (shared?.length) parts.push(`shares ${shared.map((t) => `‘${t}’`).join(', ')}`);
  }
  if (unlike.length && (!close.length || unlike[0]!.score > close[0]!.score)) {
    parts.push(
      `like ${unlike.length === 1 ? 'a paper' : `${unlike.length} papers`} you dismissed: “${shortTitle(
        model.paperAt(unlike[0]!.slot)?.title ?? '',
      )}”`,
    );
  }
  if (!parts.length) return 'Not close to anything you kept.';
  return capitalise(parts.join('; ')) + '.';
}

/**
 * Per group of papers (by slot), the terms `vector` (of `paper`) shares most with them, phrases first,
 * each named through `written` as `paper` and that group write it most. The paper's text is read once
 * for all groups. Words that carry no topic ("end", "open": generic-words.ts) are never named.
 */
export function sharedTerms(
  model: TextModel,
  paper: Paper,
  vector: Vector,
  groups: readonly (readonly number[])[],
  written: WrittenNames,
  limit = 3,
): string[][] {
  return sharedTopics(model, paper, vector, groups, written, limit).map(({ terms }) => terms);
}

/**
 * As sharedTerms, with each group's topical likeness (the part of its similarity with `vector` that comes
 * from terms carrying a topic: the cosine without the generic words' products) and how many such terms it shares.
 */
export function sharedTopics(
  model: TextModel,
  paper: Paper,
  vector: Vector,
  groups: readonly (readonly number[])[],
  written: WrittenNames,
  limit = 3,
): { terms: string[]; topical: number; topics: number }[] {
  // Per term of the paper's vector (by position), its weight times theirs, summed over the group.
  const mine = new Map<number, number>();
  for (let i = 0; i < TERMS_PER_PAPER && vector.weights[i]! > 0; i++) mine.set(vector.terms[i]!, i);
  const shared = new Float64Array(TERMS_PER_PAPER);
  const bests = groups.map((slots) => {
    shared.fill(0);
    for (const slot of slots) {
      const other = model.vectorAt(slot);
      for (let k = 0; k < TERMS_PER_PAPER && other.weights[k]! > 0; k++) {
        const i = mine.get(other.terms[k]!);
        if (i !== undefined) shared[i]! += other.weights[k]! * vector.weights[i]! * PRODUCT_UNIT;
      }
    }
    const best: [number, number][] = [];
    for (let i = 0; i < TERMS_PER_PAPER; i++) if (shared[i]! > 0) best.push([vector.terms[i]!, shared[i]!]);
    return best.sort((a, b) => b[1] - a[1]);
  });
  const wanted = new Set(bests.flatMap((best) => best.map(([term]) => term)));
  // Stems ("statistical propertie"): the model hashes them, and termNames gives them back.
  const stems = wanted.size ? termNames(`${paper.title}\n${paper.abstract}`, wanted) : new Map<number, string>();
  return bests.map((all, g) => {
    // A term the text does not name back (none should) is counted as a topic.
    const topics = all.filter(([term]) => {
      const name = stems.get(term);
      return name === undefined || !isGeneric(name);
    });
    const topical = topics.reduce((sum, [, product]) => sum + product, 0) / groups[g]!.length;
    const words = topics
      .slice(0, limit * 3)
      .map(([term]) => stems.get(term))
      .filter((name): name is string => Boolean(name));
    // A phrase says more than its words: keep phrases, and words not already in a kept phrase.
    const phrases = joinPhrases(words.filter(isPhrase));
    const singles = words.filter((w) => !isPhrase(w) && !phrases.some((p) => p.split(' ').includes(w)));
    const terms = [...phrases, ...singles].slice(0, limit);
    return {
      terms: terms.length ? written.names(terms, [paper, ...groups[g]!.map((slot) => model.paperAt(slot)!)]) : terms,
      topical,
      topics: topics.length,
    };
  });
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
