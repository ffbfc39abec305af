import type { StateCreator } from 'zustand';
import type { Transport } from '../transport';
import type { AppState } from './index';
import { loadedBetween, positionOf, sameValue } from './list-rows';
import type { Paper } from './types';

export type Overlay = 'shortcuts' | 'triage';

export type SelectionSlice = {
  /** A full-window mode over the list: the shortcut sheet or one-paper-at-a-time triage. */
  overlay: Overlay | undefined;
  setOverlay: (overlay: Overlay | undefined) => void;
  /** The paper shown in the detail panel (the keyboard's cursor). */
  selectedId: string | undefined;
  /** The whole paper of selectedId, loaded when it is selected and whenever the library changes. */
  detail: Paper | undefined;
  loadDetail: () => Promise<void>;
  /** Papers picked for a bulk action (Ctrl/Cmd-click, Shift-click). */
  checked: string[];
  select: (id: string | undefined) => void;
  /** Ctrl/Cmd-click: add or remove one paper from the picked set. */
  toggleChecked: (id: string) => void;
  /** Shift-click: pick every paper between the cursor and this one. */
  checkRange: (id: string) => void;
  clearChecked: () => void;
  /** Move the cursor by `delta` rows (keyboard navigation). */
  step: (delta: number) => void;
};

export const createSelectionSlice =
  (transport: Transport): StateCreator<AppState, [], [], SelectionSlice> =>
  (set, get) => {
    /** Counts the details asked for: only the latest answer is shown (see loadDetail). */
    let detailAsked = 0;
    return {
      overlay: undefined,
      setOverlay: (overlay) => set({ overlay }),
      selectedId: undefined,
      detail: undefined,
      async loadDetail() {
        const id = get().selectedId;
        // Answers can come in another order than asked (over HTTP, each on a connection of its own): one asked
        // before a change and answered after the one asked after it would show the paper as it was.
        const asked = ++detailAsked;
        if (!id) return set({ detail: undefined });
        try {
          const paper = await transport.invoke('papers.get', { id });
          if (asked !== detailAsked) return;
          // The same paper as shown (the echo of a change made here): kept as it is, so nothing is drawn again.
          if (get().selectedId === id && !sameValue(get().detail, paper)) set({ detail: paper });
        } catch {
          // Removed meanwhile (another window, the CLI): the list refresh drops it.
          if (asked === detailAsked && get().selectedId === id) set({ detail: undefined, selectedId: undefined });
        }
      },
      checked: [],
      // The same empty list when nothing was picked: the list need not look at the picked papers again.
      select: (selectedId) => set((state) => ({ selectedId, checked: state.checked.length ? [] : state.checked })),
      toggleChecked(id) {
        const { checked, selectedId } = get();
        // The paper open in the detail panel counts as picked when a second one is added.
        const base = checked.length === 0 && selectedId && selectedId !== id ? [selectedId] : checked;
        set({ checked: base.includes(id) ? base.filter((c) => c !== id) : [...base, id], selectedId: id });
      },
      checkRange(id) {
        const { papers, selectedId } = get();
        const from = positionOf(papers, selectedId);
        const to = positionOf(papers, id);
        if (from === -1 || to === -1) return set({ selectedId: id, checked: [] });
        const [lo, hi] = from < to ? [from, to] : [to, from];
        const here = loadedBetween(papers, lo, hi + 1);
        if (here) return set({ checked: here.map((p) => p.id) });
        // The range runs over rows that have not come: their ids are enough.
        get()
          .idsBetween(lo, hi + 1)
          .then(
            (ids) => {
              if (get().selectedId === selectedId) set({ checked: ids });
            },
            (error: unknown) => get().showError(error),
          );
      },
      clearChecked: () => set({ checked: [] }),
      step(delta) {
        const { papers, selectedId, lingering } = get();
        if (papers.length === 0) return;
        let index = positionOf(papers, selectedId);
        // From a paper that left the view but is still shown: the paper after it now holds its place.
        if (index === -1 && lingering && lingering.row.id === selectedId) index = lingering.index - (delta > 0 ? 1 : 0);
        // With nothing selected, a step starts at the top; a step the list's length (End) at the bottom.
        const start = delta >= papers.length ? papers.length - 1 : 0;
        const next = index === -1 && !lingering ? start : Math.min(papers.length - 1, Math.max(0, index + delta));
        const row = papers[next];
        if (row) return set({ selectedId: row.id });
        get()
          .rowsBetween(next, next + 1)
          .then(
            ([found]) => {
              if (found && get().selectedId === selectedId) set({ selectedId: found.id });
            },
            (error: unknown) => get().showError(error),
          );
      },
    };
  };
