import type { Paper } from '../schema';
import type { LibraryStore } from '../store/store';
import { likenessFor } from './likeness';
import type { TextModel } from './model';
import { breathe } from './slices';
import { signalsFor } from './signals';

/** A slice of background work: long enough to get on, short enough that other requests barely wait. */
const SLICE_MS = 25;

/**
 * Work out the likeness of every inbox paper not known yet, a slice at a time, giving the event loop a turn
 * between slices: a first ranking of a large inbox (seconds at 100,000 papers) never holds up other
 * requests. Changes that land meanwhile are caught up before each slice, as a ranking does. `modelOf` is the
 * library's model, caught up (library-model.ts's modelFor), or a first model; `stop` ends the work early once
 * true (checked before each slice).
 */
export async function workOutLikeness(
  store: LibraryStore,
  modelOf: (store: LibraryStore) => Promise<TextModel>,
  stop?: () => boolean,
): Promise<void> {
  let inbox: Paper[] | undefined;
  let at = 0;
  // The model whose first count of the signals and list of the inbox's slots were made on turns of their own.
  let counted: TextModel | undefined;
  for (;;) {
    if (stop?.()) return;
    const model = await modelOf(store);
    if (model !== counted) {
      // A model just built or taken over: its index was built in the turn that ends here (20-80 ms at 100,000
      // papers), and counting its signals afresh (about 90 ms) and listing the inbox by its slots (about 30 ms)
      // then ran in the same turn as the first scores, holding a first start's searches for 250 ms. Each now
      // has a turn of its own, and the loop asks again for the model (changes meanwhile are caught up).
      counted = model;
      await breathe();
      const signals = signalsFor(store, model);
      if (signals.positives === 0) return;
      await breathe();
      likenessFor(model, signals);
      inboxSlots(store, model);
      await breathe();
      continue;
    }
    const signals = signalsFor(store, model);
    if (signals.positives === 0) return;
    const likeness = likenessFor(model, signals);
    const { papers, slots } = inboxSlots(store, model);
    // Where the last slice stopped, while the inbox is the same; a paper a change sent back is done when asked.
    if (papers !== inbox) [inbox, at] = [papers, 0];
    const deadline = performance.now() + SLICE_MS;
    for (; at < inbox.length; at++) {
      const slot = slots[at]!;
      if (slot < 0 || likeness.known(slot)) continue;
      if (performance.now() > deadline) break;
      likeness.score(slot);
    }
    if (at === inbox.length) return;
    await breathe();
  }
}

const inboxCache = new WeakMap<TextModel, { version: number; papers: Paper[]; slots?: Int32Array; moves?: number }>();

/** Every inbox paper in import order (or those of them in `ids`); read again only after the library changed. */
export function inboxOf(store: LibraryStore, model: TextModel, ids: readonly string[] | undefined): Paper[] {
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
 * Every inbox paper in import order and its slot in `model` (-1 for none), looked up again only after a paper
 * was given or lost a slot: a ranking of the whole inbox reads its scores by place, where looking up each id
 * took 20-40 ms at 100,000 papers (a map of that size is mostly cache misses).
 */
export function inboxSlots(store: LibraryStore, model: TextModel): { papers: Paper[]; slots: Int32Array } {
  const papers = inboxOf(store, model, undefined);
  const cached = inboxCache.get(model)!;
  if (cached.slots === undefined || cached.moves !== model.slotMoves) {
    const slots = new Int32Array(papers.length);
    for (let i = 0; i < papers.length; i++) slots[i] = model.slot(papers[i]!.id) ?? -1;
    cached.slots = slots;
    cached.moves = model.slotMoves;
  }
  return { papers, slots: cached.slots };
}
