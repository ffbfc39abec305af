import { describe, expect, it } from 'vitest';
import { modelFor } from '../../../electron/core/insight/library-model';
import { signalsFor } from '../../../electron/core/insight/signals';
import { LibraryStore } from '../../../electron/core/store/store';
import { generatedLibrary } from '../generated-library';
import { run } from '../helpers';

describe('For you after bulk changes', () => {
  it('catches up per paper after many bulk dismissals and their undos, ranking as the model counted afresh', async () => {
    const { dir } = await generatedLibrary(4000, 23);
    const store = await LibraryStore.open(dir);
    try {
      await run(store, 'insight.rank', { explain: 0 });
      const model = await modelFor(store);
      const { recounts } = signalsFor(store, model);
      const { layout } = model;
      const inbox = [...store.all()].filter((paper) => paper.status === 'inbox').map((paper) => paper.id);
      expect(inbox.length).toBeGreaterThan(1200);
      // Eleven rounds of a digest's 1,000 papers dismissed at once and put back: 22,000 papers changed in all.
      for (let round = 0; round < 11; round++) {
        const digest = inbox.slice((round % 2) * 200, (round % 2) * 200 + 1000);
        await run(store, 'papers.setStatus', { ids: digest, status: 'dismissed' });
        await run(store, 'insight.rank', { explain: 0 });
        if (round === 10) break;
        await run(store, 'papers.setStatus', { ids: digest, status: 'inbox' });
        await run(store, 'insight.rank', { explain: 0 });
      }
      const kept = await run(store, 'insight.rank', {});
      // Each bulk change was learnt paper by paper: the signals were never counted afresh, nor the slots moved.
      expect(signalsFor(store, model).recounts).toBe(recounts);
      expect(model.layout).toBe(layout);

      // A change naming no papers makes the model compare every paper, the signals recount, the likeness start over.
      store.changed({ command: 'test.recount', ids: [] });
      const fresh = await run(store, 'insight.rank', {});
      expect(signalsFor(store, model).recounts).toBeGreaterThan(recounts);
      expect(kept.items.length).toBe(inbox.length - 1000);
      expect(kept).toEqual(fresh);
    } finally {
      await store.flush();
      store.catalog.dispose();
    }
  }, 60_000);
});
