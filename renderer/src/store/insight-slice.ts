import type { StateCreator } from 'zustand';
import type { Transport } from '../transport';
import type { AppState } from './index';
import type { Similar, Stats } from './types';

export type ReadingStats = NonNullable<Stats['reading']>;

export type InsightSlice = {
  /** The papers most like one paper, for its "More like this" list. */
  similar: { id: string; items: Similar } | undefined;
  loadSimilar: (id: string) => Promise<void>;
  /** Reading habits for the stats view, in this computer's time zone. */
  reading: ReadingStats | undefined;
  loadReading: () => Promise<void>;
};

export const createInsightSlice =
  (transport: Transport): StateCreator<AppState, [], [], InsightSlice> =>
  (set, get) => ({
    similar: undefined,
    async loadSimilar(id) {
      try {
        const { items } = await transport.invoke('insight.similar', { id, limit: 10 });
        // Only if the reader is still on that paper.
        if (get().selectedId === id) set({ similar: { id, items } });
      } catch (error) {
        get().showError(error);
      }
    },
    reading: undefined,
    async loadReading() {
      try {
        const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        const stats = await transport.invoke('stats.get', { reading: true, timeZone, weeks: 52 });
        set({ reading: stats.reading });
      } catch (error) {
        get().showError(error);
      }
    },
  });
