import { describe, expect, it } from 'vitest';
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

describe('the ranking kept current per changed paper', () => {
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
