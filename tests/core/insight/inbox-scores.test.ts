import { describe, expect, it } from 'vitest';
import { inboxSlots, workOutLikeness } from '../../../electron/core/insight/inbox-scores';
import { likenessFor } from '../../../electron/core/insight/likeness';
import { TextModel } from '../../../electron/core/insight/model';
import { signalsFor } from '../../../electron/core/insight/signals';
import { LibraryStore } from '../../../electron/core/store/store';
import { generatedLibrary } from '../generated-library';

describe("the inbox's likeness, worked out in the background", { timeout: 60_000 }, () => {
  it("counts a new model's signals and lists its inbox on turns of their own, not in the turn that built it", async () => {
    const store = await LibraryStore.open((await generatedLibrary(400, 11)).dir);
    try {
      const model = new TextModel(store, { titlesOnly: true, termsPerPaper: 5 });
      await model.update();
      // Turns of the event loop, counted from the moment the model is handed over.
      let turns = 0;
      let counting = true;
      const tick = (): void => {
        if (!counting) return;
        turns++;
        setImmediate(tick);
      };
      setImmediate(tick);
      let asked = 0;
      await workOutLikeness(store, () => {
        if (++asked === 1) turns = 0;
        return Promise.resolve(model);
      });
      counting = false;
      // Asked again once the first count and the inbox's list had their turns (changes meanwhile caught up).
      expect(asked).toBe(2);
      expect(turns).toBeGreaterThanOrEqual(3);
      // And every inbox paper's likeness is worked out all the same.
      const signals = signalsFor(store, model);
      expect(signals.positives).toBeGreaterThan(0);
      const likeness = likenessFor(model, signals);
      const { slots } = inboxSlots(store, model);
      expect(slots.length).toBeGreaterThan(0);
      expect([...slots].every((slot) => slot < 0 || likeness.known(slot))).toBe(true);
    } finally {
      store.catalog.dispose();
    }
  });
});
