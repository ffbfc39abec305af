import type { StateCreator } from 'zustand';
import type { Transport } from '../transport';
import type { AppState } from './index';
import type { ImportReport, Stats } from './types';

export type LibrarySlice = {
  stats: Stats | undefined;
  /** The last import's report, shown until dismissed. */
  importReport: ImportReport | undefined;
  /** A failure the user should see (a command refused, the library unreachable). */
  error: string | undefined;
  loadStats: () => Promise<void>;
  importFile: (file: { name: string; text: () => Promise<string> }) => Promise<void>;
  dismissBanner: () => void;
  showError: (error: unknown) => void;
};

export const createLibrarySlice =
  (transport: Transport): StateCreator<AppState, [], [], LibrarySlice> =>
  (set, get) => ({
    stats: undefined,
    importReport: undefined,
    error: undefined,
    async loadStats() {
      try {
        set({ stats: await transport.invoke('stats.get', {}) });
      } catch (error) {
        get().showError(error);
      }
    },
    async importFile(file) {
      try {
        const report = await transport.invoke('library.import', { text: await file.text(), name: file.name });
        set({ importReport: report, error: undefined });
        if (report.added > 0 && report.source) get().setView({ kind: 'source', name: report.source });
      } catch (error) {
        get().showError(error);
      }
    },
    dismissBanner: () => set({ importReport: undefined, error: undefined }),
    showError: (error) => set({ error: error instanceof Error ? error.message : String(error) }),
  });
