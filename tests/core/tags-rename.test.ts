import { describe, expect, it } from 'vitest';
import { call } from '../../electron/core/dispatch';
import type { ChangeEvent } from '../../electron/core/store/store';
import { LibraryStore } from '../../electron/core/store/store';
import { detachSync } from '../../electron/core/sync/attach';
import { openTempStore, run, tempDir } from './helpers';

async function tagged(store: LibraryStore, tags: string[][]): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, paperTags] of tags.entries()) {
    const { id } = await run(store, 'papers.add', { title: `Paper ${i}` });
    if (paperTags.length) await run(store, 'tags.set', { ids: [id], tags: paperTags });
    ids.push(id);
  }
  return ids;
}

/*
 * QA s35 (a): a tag on 300 papers could only be renamed by untagging and tagging each paper again.
 */
describe('tags.rename', () => {
  it('renames the tag in any case on every paper that has it, in its place, in one change', async () => {
    const store = await openTempStore();
    const ids = await tagged(store, [['to-read', 'gnn'], ['GNN'], ['other'], [' gnn ', 'later']]);
    const events: ChangeEvent[] = [];
    store.onChange((event) => events.push(event));

    const result = await run(store, 'tags.rename', { from: 'Gnn', to: 'graph-nn' });
    expect(result).toMatchObject({ updated: 3, tag: 'graph-nn', merged: false });
    expect(ids.map((id) => store.get(id)!.tags)).toEqual([
      ['to-read', 'graph-nn'],
      ['graph-nn'],
      ['other'],
      ['graph-nn', 'later'],
    ]);
    // One change event (one write), naming each paper changed: what sync records tags.set's changes from.
    expect(events).toEqual([{ command: 'tags.rename', ids: [ids[0], ids[1], ids[3]] }]);
    expect(await run(store, 'tags.list', {})).toEqual([
      { tag: 'graph-nn', count: 3 },
      { tag: 'later', count: 1 },
      { tag: 'other', count: 1 },
      { tag: 'to-read', count: 1 },
    ]);
    await store.flush();
    const reopened = await LibraryStore.open(store.dataDir, { readOnly: 'test' });
    expect(reopened.get(ids[3]!)!.tags).toEqual(['graph-nn', 'later']);

    // Its answer undoes it, as a window's `u` sends it (tags.set, mode replace, a group of papers at a time).
    for (const { ids: group, tags } of result.before) await run(store, 'tags.set', { ids: group, tags });
    expect(ids.map((id) => store.get(id)!.tags)).toEqual([['to-read', 'gnn'], ['GNN'], ['other'], ['gnn', 'later']]);
  });

  it('merges into a tag that exists, keeping its spelling, each paper with the tag once', async () => {
    const store = await openTempStore();
    const ids = await tagged(store, [['gnn', 'Graph-NN'], ['gnn'], ['Graph-NN']]);
    const result = await run(store, 'tags.rename', { from: 'gnn', to: 'graph-nn' });
    expect(result).toMatchObject({ updated: 2, tag: 'Graph-NN', merged: true });
    expect(ids.map((id) => store.get(id)!.tags)).toEqual([['Graph-NN'], ['Graph-NN'], ['Graph-NN']]);
    expect(await run(store, 'tags.list', {})).toEqual([{ tag: 'Graph-NN', count: 3 }]);
    // The same tag in another case is spelled anew everywhere.
    expect(await run(store, 'tags.rename', { from: 'graph-nn', to: 'GNN' })).toMatchObject({
      updated: 3,
      tag: 'GNN',
      merged: false,
    });
    expect(await run(store, 'tags.list', {})).toEqual([{ tag: 'GNN', count: 3 }]);
  });

  it('refuses a tag no paper has, changing nothing', async () => {
    const store = await openTempStore();
    await tagged(store, [['ml']]);
    const events: ChangeEvent[] = [];
    store.onChange((event) => events.push(event));
    const result = await call({ store }, 'tags.rename', { from: 'gnn', to: 'ml' });
    expect(result).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No paper is tagged “gnn”.' } });
    expect(events).toEqual([]);
  });

  it('reaches another machine through sync as each paper’s tags, with a tag added there meanwhile kept', async () => {
    const [laptopDir, deskDir, shared] = await Promise.all([tempDir(), tempDir(), tempDir()]);
    const [laptop, desk] = await Promise.all([LibraryStore.open(laptopDir), LibraryStore.open(deskDir)]);
    const ids = await tagged(laptop, [['gnn'], ['gnn', 'survey']]);
    await run(laptop, 'sync.setup', { dir: shared, name: 'Laptop' });
    await run(desk, 'sync.setup', { dir: shared, name: 'Desk' });
    expect(desk.get(ids[0]!)!.tags).toEqual(['gnn']);

    await run(laptop, 'tags.rename', { from: 'gnn', to: 'graph-nn' });
    await run(desk, 'tags.set', { ids: [ids[0]!], tags: ['later'], mode: 'add' });
    await run(laptop, 'sync.now', {});
    await run(desk, 'sync.now', {});
    await run(laptop, 'sync.now', {});
    for (const store of [laptop, desk]) {
      expect([...store.get(ids[0]!)!.tags].sort()).toEqual(['graph-nn', 'later']);
      expect([...store.get(ids[1]!)!.tags].sort()).toEqual(['graph-nn', 'survey']);
    }
    await Promise.all([detachSync(laptop), detachSync(desk)]);
    await Promise.all([laptop.flush(), desk.flush()]);
  }, 30_000);
});
