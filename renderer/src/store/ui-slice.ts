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
  /** The list was scrolled: remembered for the next reload. */
  rememberScroll: (top: number) => void;
};

export const createUiSlice =
  (memory: Storage | undefined): StateCreator<AppState, [], [], UiSlice> =>
  (set) => {
    let scrollTimer: ReturnType<typeof setTimeout> | undefined;
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
      rememberScroll(top) {
        clearTimeout(scrollTimer);
        scrollTimer = setTimeout(() => remember(memory, { scrollTop: Math.round(top) }), 200);
      },
    };
  };
