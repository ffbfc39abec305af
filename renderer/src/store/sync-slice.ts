import type { StateCreator } from 'zustand';
import type { Transport } from '../transport';
import type { AppState } from './index';
import type { SyncStatus } from './types';

/** How often the status line asks again: a missing drive and "synced 2 min ago" stay true without a key. */
export const SYNC_POLL_MS = 15_000;

export type SyncSlice = {
  /** The last answer of sync.status; undefined until the first. */
  sync: SyncStatus | undefined;
  /** Why the last sync.status or Sync now failed (the server gone, say). */
  syncProblem: string | undefined;
  /** A sync the person asked for is running. */
  syncing: boolean;
  /** The Sync settings dialog is open. */
  syncDialog: boolean;
  setSyncDialog: (open: boolean) => void;
  loadSync: () => Promise<void>;
  /** Sync now (the status line's and the dialog's button). */
  syncNow: () => Promise<void>;
  /** These reject with the core's message, for the dialog to show beside its fields. */
  setUpSync: (dir: string, name: string, pdfs: boolean) => Promise<void>;
  turnOffSync: () => Promise<void>;
  /** Keep the text the person chose for a note in conflict: an ordinary note edit, synced like any. */
  settleConflict: (id: string, note: string) => Promise<void>;
};

export const createSyncSlice =
  (transport: Transport): StateCreator<AppState, [], [], SyncSlice> =>
  (set, get) => ({
    sync: undefined,
    syncProblem: undefined,
    syncing: false,
    syncDialog: false,
    setSyncDialog: (open) => set({ syncDialog: open }),
    async loadSync() {
      try {
        set({ sync: await transport.invoke('sync.status', {}), syncProblem: undefined });
      } catch (error) {
        set({ syncProblem: error instanceof Error ? error.message : String(error) });
      }
    },
    async syncNow() {
      if (get().syncing) return;
      set({ syncing: true });
      try {
        set({ sync: await transport.invoke('sync.now', {}), syncProblem: undefined });
      } catch (error) {
        set({ syncProblem: error instanceof Error ? error.message : String(error) });
      } finally {
        set({ syncing: false });
      }
    },
    async setUpSync(dir, name, pdfs) {
      set({ syncing: true });
      try {
        set({ sync: await transport.invoke('sync.setup', { dir, name, pdfs }), syncProblem: undefined });
      } finally {
        set({ syncing: false });
      }
    },
    async turnOffSync() {
      set({ sync: await transport.invoke('sync.setup', { off: true }), syncProblem: undefined });
    },
    async settleConflict(id, note) {
      await transport.invoke('notes.save', { id, note });
      await get().loadSync();
    },
  });

/**
 * Keeps the status current: now, every SYNC_POLL_MS while the page is shown, and soon after any change of
 * the library (an edit waits to be synced; a merge brings devices and conflicts). Returns the stop.
 */
export function followSync(get: () => AppState, onChanged: Transport['onChanged']): () => void {
  void get().loadSync();
  let soon: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    clearTimeout(soon);
    soon = setTimeout(() => void get().loadSync(), 1_000);
  };
  const timer = setInterval(() => {
    if (document.visibilityState !== 'hidden') void get().loadSync();
  }, SYNC_POLL_MS);
  const unsubscribe = onChanged(later);
  return () => {
    clearTimeout(soon);
    clearInterval(timer);
    unsubscribe();
  };
}
