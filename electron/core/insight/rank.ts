import type { Paper } from '../schema';
import type { LibraryStore } from '../store/store';
import { TERMS_PER_PAPER, breathe, modelFor, type TextModel, type Vector } from './model';
import { matchRules, type CompiledRule } from './rules';
import { signalsFor, type SignalKind, type Signals } from './signals';
import { isPhrase, termNames } from './terms';

/** One paper's place in the ranking, with the line that explains it. */
export type Ranked = {
  id: string;
  /** Title and reason: for the papers explained (all unless the caller asked for fewer). */
  title?: string;
  score: number;
  reason?: string;
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
  options: { explain?: number } = {},
): Promise<Ranking> {
  // The whole inbox is worked out in slices first; a few papers by id are worked out as they are scored.
  if (!ids) await workOutLikeness(store);
  const model = await modelFor(store);
  const signals = signalsFor(store, model);
  const inbox = (ids && inboxAmong(store, ids)) ?? inboxOf(store, model, ids);

  if (signals.positives === 0) {
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

  // Scores come from the likeness kept per paper between rankings; only the papers shown are explained.
  // Sorted as numbers (score, then import order) without a comparator: a large inbox sorts in milliseconds.
  const likeness = likenessFor(model, signals);
  const count = inbox.length;
  const positions = 2 ** Math.ceil(Math.log2(count + 1));
  const keys = new Float64Array(count);
  const slots = new Int32Array(count);
  const ruled: ReturnType<typeof matchRules>[] = new Array<ReturnType<typeof matchRules>>(count);
  for (let i = 0; i < count; i++) {
    const paper = inbox[i]!;
    const slot = model.slot(paper.id);
    const rule = rules.length ? matchRules(rules, paper) : undefined;
    const score = (slot === undefined ? 0 : likeness.score(slot)) + ruleScore(rule);
    slots[i] = slot ?? NONE;
    ruled[i] = rule;
    keys[i] = (MAX_SCORE_THOUSANDTHS - Math.round(score * 1000)) * positions + i;
  }
  keys.sort();
  const explained = options.explain ?? count;
  const items: Ranked[] = new Array<Ranked>(count);
  for (let k = 0; k < count; k++) {
    const key = keys[k]!;
    const i = key % positions;
    const paper = inbox[i]!;
    const rule = ruled[i];
    const score = (MAX_SCORE_THOUSANDTHS - (key - i) / positions) / 1000;
    const extra = rule && { rule: rule.action };
    if (k >= explained) {
      items[k] = { id: paper.id, score, ...extra };
      continue;
    }
    const slot = slots[i]!;
    const reason = slot === NONE ? '' : explainSlot(model, signals, paper, slot, rule?.reason);
    items[k] = { id: paper.id, title: paper.title, score, reason, ...extra };
  }
  return {
    fallback: false,
    summary: `Ranked by likeness to ${signals.positives.toLocaleString('en-US')} paper${signals.positives === 1 ? '' : 's'} you kept, read or marked.`,
    items,
  };
}

/** A slice of background work: long enough to get on, short enough that other requests barely wait. */
const SLICE_MS = 25;

/**
 * Work out the likeness of every inbox paper not known yet, a slice at a time, giving the event loop a turn
 * between slices: a first ranking of a large inbox (seconds at 100,000 papers) never holds up other
 * requests. Changes that land meanwhile are caught up before each slice, as a ranking does.
 */
async function workOutLikeness(store: LibraryStore): Promise<void> {
  let inbox: Paper[] | undefined;
  let at = 0;
  for (;;) {
    const model = await modelFor(store);
    const signals = signalsFor(store, model);
    if (signals.positives === 0) return;
    const likeness = likenessFor(model, signals);
    const papers = inboxOf(store, model, undefined);
    // Where the last slice stopped, while the inbox is the same; a paper a change sent back is done when asked.
    if (papers !== inbox) [inbox, at] = [papers, 0];
    const deadline = performance.now() + SLICE_MS;
    for (; at < inbox.length; at++) {
      const slot = model.slot(inbox[at]!.id);
      if (slot === undefined || likeness.known(slot)) continue;
      if (performance.now() > deadline) break;
      likeness.score(slot);
    }
    if (at === inbox.length) return;
    await breathe();
  }
}

/** Likeness by slot while one paper is explained; all zeros between uses. */
let scratch = new Float32Array(0);

/** The line that says why `paper` (in `slot`) has its place: what it is close to, and what it shares. */
function explainSlot(
  model: TextModel,
  signals: Signals,
  paper: Paper,
  slot: number,
  ruleReason: string | undefined,
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
  return explain(model, paper, vector, near, against, ruleReason);
}

/** Sort keys: the score in thousandths, counted down from this bound (scores lie within ±2), then the position. */
const MAX_SCORE_THOUSANDTHS = 10_000;

/** Entries per paper in Likeness: its three likest kept papers, then its three likest dismissed ones. */
const BEST = 6;
const NONE = -1;

/**
 * Each inbox paper's three likest kept papers and three likest dismissed ones (their likeness times
 * their weight), kept between rankings. A triage decision changes one paper's signal: the papers that
 * counted it are worked out again, and the others only learn its new likeness (one pass over its
 * terms), so ranking a large inbox again after a change costs milliseconds rather than seconds. A new
 * paper count (an import), or signals counted afresh, starts over.
 */
class Likeness {
  private recounts = -1;
  private docs = -1;
  private read = 0;
  private valid = new Uint8Array(0);
  private readonly best: { slots: Int32Array; values: Float64Array } = {
    slots: new Int32Array(0),
    values: new Float64Array(0),
  };
  private scores = new Float32Array(0);
  private readonly touched: number[] = [];

  constructor(
    private readonly model: TextModel,
    private readonly signals: Signals,
  ) {}

  /** Catch up with the signals' changes since the last ranking. */
  catchUp(): void {
    const { model, signals } = this;
    if (signals.recounts !== this.recounts || model.size !== this.docs) {
      this.recounts = signals.recounts;
      this.docs = model.size;
      this.read = signals.changes.length;
      this.valid = new Uint8Array(model.slots);
      this.best.slots = new Int32Array(model.slots * BEST).fill(NONE);
      this.best.values = new Float64Array(model.slots * BEST);
      this.scores = new Float32Array(model.slots);
      return;
    }
    this.grow(model.slots);
    const changes = signals.changes.slice(this.read);
    this.read = signals.changes.length;
    if (changes.length === 0) return;
    const affected = new Uint8Array(this.valid.length);
    for (const { was, now } of changes) {
      if (was !== undefined) affected[was] = 1;
      if (now !== undefined) {
        affected[now] = 1;
        this.valid[now] = 0;
      }
    }
    // Papers that counted a changed one are worked out again when next asked.
    const { slots } = this.best;
    for (let q = 0; q < this.valid.length; q++) {
      if (!this.valid[q]) continue;
      for (let k = q * BEST; k < q * BEST + BEST; k++) {
        const other = slots[k]!;
        if (other !== NONE && affected[other]) {
          this.valid[q] = 0;
          break;
        }
      }
    }
    // The others learn each changed paper's likeness to them under its new signal.
    const { weightOf } = signals;
    const done = new Set<number>();
    for (const { now } of changes) {
      if (now === undefined || done.has(now) || !weightOf[now] || !model.paperAt(now)) continue;
      done.add(now);
      const weight = weightOf[now];
      this.touched.length = 0;
      model.accumulate(model.vectorAt(now), this.scores, this.touched);
      for (const q of this.touched) {
        const similarity = this.scores[q]!;
        this.scores[q] = 0;
        if (q !== now && this.valid[q]) this.insert(q, now, similarity * Math.abs(weight), weight < 0);
      }
    }
  }

  /** True if the paper in `slot` has its likeness worked out and current. */
  known(slot: number): boolean {
    return this.valid[slot] === 1;
  }

  /** The paper in `slot`'s likeness score: its likeness to what was kept, less some of that to what was dismissed. */
  score(slot: number): number {
    if (!this.valid[slot]) this.compute(slot);
    const v = this.best.values;
    const at = slot * BEST;
    // The best three of each kind, the first counting most.
    const near = (v[at]! + 0.5 * v[at + 1]! + 0.25 * v[at + 2]!) / 1.75;
    const against = (v[at + 3]! + 0.5 * v[at + 4]! + 0.25 * v[at + 5]!) / 1.75;
    return near - NEGATIVE_WEIGHT * against;
  }

  private compute(slot: number): void {
    const { model } = this;
    const { weightOf } = this.signals;
    this.best.slots.fill(NONE, slot * BEST, slot * BEST + BEST);
    this.best.values.fill(0, slot * BEST, slot * BEST + BEST);
    this.touched.length = 0;
    model.accumulate(model.vectorAt(slot), this.scores, this.touched, weightOf);
    for (const other of this.touched) {
      const similarity = this.scores[other]!;
      this.scores[other] = 0;
      if (other === slot || !model.paperAt(other)) continue;
      const weight = weightOf[other]!;
      this.insert(slot, other, similarity * Math.abs(weight), weight < 0);
    }
    this.valid[slot] = 1;
  }

  /** Put `other` among `slot`'s three likest of its kind if it is one of them. */
  private insert(slot: number, other: number, value: number, dismissed: boolean): void {
    const { slots, values } = this.best;
    const base = slot * BEST + (dismissed ? 3 : 0);
    let at = 3;
    while (at > 0 && (slots[base + at - 1] === NONE || values[base + at - 1]! < value)) at--;
    if (at === 3) return;
    for (let k = 2; k > at; k--) {
      slots[base + k] = slots[base + k - 1]!;
      values[base + k] = values[base + k - 1]!;
    }
    slots[base + at] = other;
    values[base + at] = value;
  }

  private grow(count: number): void {
    if (count <= this.valid.length) return;
    const valid = new Uint8Array(count);
    valid.set(this.valid);
    const slots = new Int32Array(count * BEST).fill(NONE);
    slots.set(this.best.slots);
    const values = new Float64Array(count * BEST);
    values.set(this.best.values);
    this.valid = valid;
    this.best.slots = slots;
    this.best.values = values;
    this.scores = new Float32Array(count);
  }
}

const likenessByModel = new WeakMap<TextModel, Likeness>();

/** The likeness kept for `model`, caught up with its signals (which must be refreshed first). */
function likenessFor(model: TextModel, signals: Signals): Likeness {
  let likeness = likenessByModel.get(model);
  if (!likeness) {
    likeness = new Likeness(model, signals);
    likenessByModel.set(model, likeness);
  }
  likeness.catchUp();
  return likeness;
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
