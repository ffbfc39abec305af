import { describe, expect, it } from 'vitest';
import { LibraryStore } from '../../electron/core/store/store';
import { generatedLibrary } from './generated-library';
import { run } from './helpers';

describe('a bulk change of tags', () => {
  it('reads only the changed papers’ tags into the index, and the tag is found as before', async () => {
    const { dir } = await generatedLibrary(1500, 31);
    const store = await LibraryStore.open(dir);
    try {
      const search = store.catalog.search;
      const found = async (text: string) =>
        new Set((await run(store, 'papers.ids', { status: 'all', sort: 'queue', offset: 0, text })).ids);
      expect((await found('tag:bulkx')).size).toBe(0);
      const before = search.tagsReread;
      const ids = [...store.all()].slice(100, 1300).map((paper) => paper.id);
      await run(store, 'tags.set', { ids, tags: ['bulkx', 'Scaling laws'], mode: 'add' });

      // Each tagged paper's tags were read, and nothing else: no paper is indexed apart, no rebuild is due.
      expect(search.tagsReread - before).toBe(ids.length);
      expect(search.pendingChanges).toBe(0);
      expect(search.unread).toBe(0);
      for (const text of ['tag:bulkx', '#bulkx', 'bulkx', 'bulk', '#scaling', 'tag:"scaling laws"']) {
        expect(await found(text), text).toEqual(new Set(ids));
      }
      const others = await found('-#bulkx');
      expect(others.size).toBe(store.size - ids.length);
      for (const id of ids) expect(others.has(id)).toBe(false);

      // A paper edited since (indexed apart) keeps its tags' words; one untagged or removed loses them.
      const [edited, untagged, removed] = ids;
      await run(store, 'papers.update', { id: edited!, patch: { title: 'Quokka habits' } });
      await run(store, 'tags.set', { ids: [untagged!], tags: [], mode: 'replace' });
      await run(store, 'papers.remove', { ids: [removed!] });
      expect(await found('quokka bulkx')).toEqual(new Set([edited]));
      expect(await found('#bulkx')).toEqual(new Set(ids.slice(0, 1).concat(ids.slice(3))));
      expect(search.pendingChanges).toBe(2);
    } finally {
      await store.flush();
      store.catalog.dispose();
    }
  });
});
