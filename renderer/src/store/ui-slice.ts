import type { StateCreator } from 'zustand';
import { applyTheme, remember, type Density, type Theme } from '../ui-memory';
import type { AppState } from './index';

export type UiSlice = {
  theme: Theme;
  setTheme: (theme: Theme) => void;
  density: Density;
  setDensity: (density: Density) => void;
  /** The list's scroll position to go back to once its rows have come (after a reload); then undefined. */
  restoreScroll: number | undefined;
  scrollRestored: () => void;
  /**
   * The list of `list` (listKey: a view, its sort and its search) was scrolled to `top`: remembered for the
   * next reload, and for going back to that list in this session (scrollOf).
   */
  rememberScroll: (top: number, list: string) => void;
  /** Where the list `list` was last left in this session; undefined for a list not shown since the start. */
  scrollOf: (list: string) => number | undefined;
};

/** The lists whose places are kept: the latest used (searches typed a letter at a time are lists too). */
const KEPT_PLACES = 200;

export const createUiSlice =
  (memory: Storage | undefined): StateCreator<AppState, [], [], UiSlice> =>
  (set) => {
    let scrollTimer: ReturnType<typeof setTimeout> | undefined;
    // In the order last scrolled, so the first is the one to forget.
    const places = new Map<string, number>();
    return {
      theme: 'system',
      setTheme(theme) {
        applyTheme(theme);
        remember(memory, { theme });
        set({ theme });
      },
      density: 'comfortable',
      setDensity(density) {
        remember(memory, { density });
        set({ density });
      },
      restoreScroll: undefined,
      scrollRestored: () => set({ restoreScroll: undefined }),
      rememberScroll(top, list) {
        places.delete(list);
        places.set(list, top);
        if (places.size > KEPT_PLACES) places.delete(places.keys().next().value!);
        clearTimeout(scrollTimer);
        scrollTimer = setTimeout(() => remember(memory, { scrollTop: Math.round(top) }), 200);
      },
      scrollOf: (list) => places.get(list),
    };
  };
