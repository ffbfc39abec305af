import { describe, expect, it } from 'vitest';
import { inboxSlots } from '../../electron/core/insight/inbox-scores';
import { modelFor } from '../../electron/core/insight/library-model';
import type { TextModel } from '../../electron/core/insight/model';
import { Signals, signalsFor } from '../../electron/core/insight/signals';
import { STATUSES } from '../../electron/core/schema';
import type { LibraryStore } from '../../electron/core/store/store';
import { openTempStore, run, seeded } from './helpers';

/** Three topics, so likeness and unlikeness both show in the ranking. */
const TOPICS = [
  'graph neural network message passing node molecule over-smoothing edge sampling attention',
  'protein folding amino acid sequence structure membrane coevolution contact design stability',
  'privacy differential noise federated client gradient leakage membership inference audit',
].map((words) => words.split(' '));

function text(random: () => number, topic: string[], words: number): string {
  return Array.from({ length: words }, () => topic[Math.floor(random() * topic.length)]).join(' ');
}

let serial = 0;
async function addPaper(store: LibraryStore, random: () => number): Promise<string> {
  const topic = TOPICS[Math.floor(random() * TOPICS.length)]!;
  const title = `${text(random, topic, 4)} ${++serial}`;
  return (await run(store, 'papers.add', { title, abstract: text(random, topic, 30) })).id;
}

/** Each paper's slot, vector and held object, by id: what a full re-read must leave as it is. */
function snapshot(store: LibraryStore, model: TextModel) {
  return [...store.all()].map((paper) => {
    const slot = model.slot(paper.id);
    const vector = slot === undefined ? undefined : model.vectorAt(slot);
    return {
      id: paper.id,
      slot,
      same: slot !== undefined && model.paperAt(slot) === paper,
      terms: vector && [...vector.terms],
      weights: vector && [...vector.weights],
    };
  });
}

describe('the ranking kept current per changed paper', () => {
  it('equals a ranking recounted from the whole library after random status changes, edits, additions and removals', async () => {
    const random = seeded(6);
    const store = await openTempStore();
    const ids: string[] = [];
    for (let i = 0; i < 120; i++) ids.push(await addPaper(store, random));
    const pick = () => ids[Math.floor(random() * ids.length)]!;
    let layouts = 0;
    let perPaper = 0;
    let lastLayout = (await modelFor(store)).layout;

    for (let step = 0; step < 80; step++) {
      const roll = random();
      if (roll < 0.45) {
        const status = STATUSES[Math.floor(random() * STATUSES.length)]!;
        await run(store, 'papers.setStatus', { ids: [pick(), pick()], status });
      } else if (roll < 0.55) {
        const topic = TOPICS[Math.floor(random() * TOPICS.length)]!;
        await run(store, 'papers.update', { id: pick(), patch: { abstract: text(random, topic, 30) } });
      } else if (roll < 0.62) {
        await run(store, 'notes.save', { id: pick(), note: random() < 0.5 ? 'worth a look' : '' });
      } else if (roll < 0.69) {
        await run(store, 'tags.set', { ids: [pick()], tags: random() < 0.5 ? ['later'] : [] });
      } else if (roll < 0.76) {
        const [id] = ids.splice(Math.floor(random() * ids.length), 1);
        await run(store, 'papers.remove', { ids: [id!] });
      } else if (roll < 0.84) {
        ids.push(await addPaper(store, random));
      } else if (roll < 0.9) {
        await run(store, 'papers.reorder', { ids: [pick()], before: pick() === ids[0] ? null : ids[0]! });
      } else if (roll < 0.93) {
        // A change naming no papers.
        await run(store, 'rules.add', { pattern: `word${step}`, action: 'boost' });
      }
      const inbox = [...store.all()].filter((p) => p.status === 'inbox').map((p) => p.id);
      const some = inbox.filter(() => random() < 0.5);

      const model = await modelFor(store);
      if (model.layout === lastLayout) perPaper++;
      else layouts++;
      const current = model.layout;
      const kept = await run(store, 'insight.rank', {});
      const keptSome = await run(store, 'insight.rank', { ids: some });
      // The whole inbox's slots, kept between rankings, are those the model gives each paper now.
      const whole = inboxSlots(store, model);
      expect([...whole.slots]).toEqual(whole.papers.map((paper) => model.slot(paper.id) ?? -1));
      const signals = signalsFor(store, model);
      const recounted = new Signals(store, model);
      recounted.refresh();
      expect(signals.positives).toBe(recounted.positives);
      expect([...signals.weightOf.subarray(0, model.slots)]).toEqual([...recounted.weightOf.subarray(0, model.slots)]);
      const before = snapshot(store, model);
      expect(before.every((p) => p.same)).toBe(true);
      expect(model.size).toBe(store.size);

      // A change naming no papers makes the model compare every paper and the signals recount.
      store.changed({ command: 'test.recount', ids: [] });
      const fresh = await run(store, 'insight.rank', {});
      const freshSome = await run(store, 'insight.rank', { ids: some });
      expect(model.layout).toBeGreaterThan(current);
      lastLayout = model.layout;
      expect(snapshot(store, model)).toEqual(before);
      expect(kept).toEqual(fresh);
      expect(keptSome).toEqual(freshSome);
      expect(keptSome.items.length).toBe(some.length);
    }
    // Most steps took the per-paper path; some rebuilt or re-read everything.
    expect(perPaper).toBeGreaterThan(40);
    expect(layouts).toBeGreaterThan(0);
  });

  it("looks up the inbox's slots again once the model placed a paper, also when asked before it caught up", async () => {
    const random = seeded(4);
    const store = await openTempStore();
    for (let i = 0; i < 20; i++) await addPaper(store, random);
    const model = await modelFor(store);
    const id = await addPaper(store, random);
    // Asked before the model caught up with the new paper: it has no slot yet.
    const before = inboxSlots(store, model);
    expect(before.slots[before.papers.findIndex((paper) => paper.id === id)]).toBe(-1);
    await model.update();
    const after = inboxSlots(store, model);
    expect(model.slot(id)).toBeGreaterThanOrEqual(0);
    expect([...after.slots]).toEqual(after.papers.map((paper) => model.slot(paper.id) ?? -1));
  });

  it('explains only the first papers when asked: the rest carry the same order, scores and rules', async () => {
    const random = seeded(9);
    const store = await openTempStore();
    for (let i = 0; i < 60; i++) await addPaper(store, random);
    const all = [...store.all()];
    await run(store, 'papers.setStatus', { ids: [all[0]!.id, all[1]!.id], status: 'read' });
    await run(store, 'papers.setStatus', { ids: [all[2]!.id], status: 'dismissed' });
    await run(store, 'rules.add', { pattern: 'privacy', action: 'boost' });
    const full = await run(store, 'insight.rank', {});
    const brief = await run(store, 'insight.rank', { explain: 5 });
    expect(brief.items.map(({ id, score, rule }) => ({ id, score, rule }))).toEqual(
      full.items.map(({ id, score, rule }) => ({ id, score, rule })),
    );
    expect(brief.items.slice(0, 5)).toEqual(full.items.slice(0, 5));
    expect(brief.items.slice(5).every((item) => item.reason === undefined && item.title === undefined)).toBe(true);
    expect(full.items.every((item) => item.reason && item.title)).toBe(true);
    // A page of them asked for by id is explained, with the scores of the whole ranking.
    const page = full.items.slice(20, 30);
    const explained = await run(store, 'insight.rank', { ids: page.map((item) => item.id) });
    expect(explained.items).toEqual(page);
  });

  it('stays in step with the model when a change lands between its catch-up and the ranking', async () => {
    const random = seeded(8);
    const store = await openTempStore();
    for (let i = 0; i < 40; i++) await addPaper(store, random);
    const [first, second] = store.all();
    await run(store, 'papers.setStatus', { ids: [first!.id, second!.id], status: 'read' });
    await run(store, 'insight.rank', {});
    const model = await modelFor(store);
    const layout = model.layout;
    // The model is current; then, before the signals are read, a paper comes and is kept, another is rewritten.
    const added = await addPaper(store, random);
    await run(store, 'papers.setStatus', { ids: [added], status: 'read' });
    await run(store, 'papers.update', { id: first!.id, patch: { abstract: text(random, TOPICS[2]!, 30) } });
    signalsFor(store, model);
    await modelFor(store);
    expect(model.layout).toBe(layout);
    const signals = signalsFor(store, model);
    const recounted = new Signals(store, model);
    recounted.refresh();
    expect(signals.positives).toBe(3);
    expect(recounted.positives).toBe(3);
    expect([...signals.weightOf.subarray(0, model.slots)]).toEqual([...recounted.weightOf.subarray(0, model.slots)]);
  });

  it('ranks and finds papers added after a ranking that had nothing to catch up', async () => {
    const random = seeded(7);
    const store = await openTempStore();
    for (let i = 0; i < 30; i++) await addPaper(store, random);
    const [first, second] = store.all();
    await run(store, 'papers.setStatus', { ids: [first!.id, second!.id], status: 'read' });
    await run(store, 'insight.rank', {});
    // A second ranking with nothing new: the model is already current.
    await run(store, 'insight.rank', {});
    const added = await run(store, 'papers.add', { title: first!.title + ' again', abstract: first!.abstract });
    const ranking = await run(store, 'insight.rank', { ids: [added.id] });
    expect(ranking.items[0]!.reason).toMatch(/^Close to/);
    const similar = await run(store, 'insight.similar', { id: added.id, limit: 1 });
    expect(similar.items[0]!.id).toBe(first!.id);
  });
});
