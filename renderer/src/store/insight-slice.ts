import type { StateCreator } from 'zustand';
import { isAborted, type Transport } from '../transport';
import type { AppState } from './index';
import type { CommandInput } from '../../../electron/core/dispatch';
import type { Rules, Similar, Stats } from './types';

export type ReadingStats = NonNullable<Stats['reading']>;

/** The weeks the stats view asks for at first; its subtitle and key figures count the same weeks. */
export const READING_WEEKS = 12;

/** The periods the stats view offers: weeks back from this one, or all time (from the oldest paper's week). */
export const READING_PERIODS = [
  { weeks: 12, label: 'Last 12 weeks' },
  { weeks: 26, label: 'Last 6 months' },
  { weeks: 52, label: 'Last year' },
  { weeks: 'all', label: 'All time' },
] as const;
export type ReadingPeriod = (typeof READING_PERIODS)[number]['weeks'];

export type InsightSlice = {
  /** The papers most like one paper, for its "More like this" list. */
  similar: { id: string; items: Similar } | undefined;
  /**
   * Ask for `id`'s similar papers; an answer still awaited for another paper is dropped (one such request at a
   * time: on a first start each waits for the model, and a key press a paper would pile them up).
   */
  loadSimilar: (id: string) => Promise<void>;
  /** Drop the answer awaited for `id`'s similar papers, if it is the one awaited (its pane closed). */
  dropSimilar: (id: string) => void;
  /** Reading habits for the stats view, in this computer's time zone. */
  reading: ReadingStats | undefined;
  /** The weeks the stats view shows (READING_PERIODS). */
  readingPeriod: ReadingPeriod;
  setReadingPeriod: (period: ReadingPeriod) => void;
  loadReading: () => Promise<void>;
  /** Keyword rules; these reject with the core's message so the rules dialog can show it. */
  rulesTransport: {
    list: () => Promise<Rules>;
    add: (rule: CommandInput<'rules.add'>) => Promise<unknown>;
    remove: (id: string) => Promise<unknown>;
  };
};

export const createInsightSlice =
  (transport: Transport): StateCreator<AppState, [], [], InsightSlice> =>
  (set, get) => {
    /** The similar papers awaited, and how to drop their request. */
    let awaited: { id: string; controller: AbortController } | undefined;
    return {
      similar: undefined,
      async loadSimilar(id) {
        awaited?.controller.abort();
        const asked = { id, controller: new AbortController() };
        awaited = asked;
        try {
          const { items } = await transport.invoke(
            'insight.similar',
            { id, limit: 10 },
            { signal: asked.controller.signal },
          );
          // Only if the reader is still on that paper.
          if (get().selectedId === id) set({ similar: { id, items } });
        } catch (error) {
          if (!isAborted(error)) get().showError(error);
        } finally {
          if (awaited === asked) awaited = undefined;
        }
      },
      dropSimilar(id) {
        if (awaited?.id !== id) return;
        awaited.controller.abort();
        awaited = undefined;
      },
      rulesTransport: {
        list: async () => (await transport.invoke('rules.list', {})).rules,
        add: (rule) => transport.invoke('rules.add', rule),
        remove: (id) => transport.invoke('rules.remove', { id }),
      },
      reading: undefined,
      readingPeriod: READING_WEEKS,
      setReadingPeriod(period) {
        set({ readingPeriod: period });
        void get().loadReading();
      },
      async loadReading() {
        try {
          const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
          const weeks = get().readingPeriod;
          const stats = await transport.invoke('stats.get', { reading: true, timeZone, weeks });
          // Only the answer for the period still chosen (a quick change of the choice asks twice).
          if (get().readingPeriod === weeks) set({ reading: stats.reading });
        } catch (error) {
          get().showError(error);
        }
      },
    };
  };
