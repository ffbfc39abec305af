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
  /** Papers picked for a bulk action (Ctrl/Cmd-click, Shift-click, Space, Shift+↓). */
  checked: string[];
  select: (id: string | undefined) => void;
  /** Ctrl/Cmd-click, Space: add or remove one paper from the picked set; a range begins there. */
  toggleChecked: (id: string) => void;
  /** Shift-click: the cursor to this paper, and every paper from where the range began to it picked. */
  checkRange: (id: string) => void;
  clearChecked: () => void;
  /** Ctrl/⌘+A: every paper in the list picked (ids of rows not here yet asked for), the cursor where it is. */
  checkAll: () => void;
  /** The cursor to paper `id`, keeping the picked papers (its row took the focus by Tab). */
  moveCursor: (id: string) => void;
  /** Move the cursor by `delta` rows (keyboard navigation). */
  step: (delta: number) => void;
  /** Shift+↓, Shift+↑: move the cursor by `delta` rows, picking every paper from where the range began to it. */
  stepChecking: (delta: number) => void;
};

/**
 * Where a range of picks began: the paper last picked with a click or Space, or the cursor's when Shift was
 * first held. `kept`: the papers picked before, which every range from it leaves picked; `picks`: the picked
 * papers as the range last left them (another change to them, a click or a key, begins the next range afresh).
 */
type Anchor = { id: string; kept: readonly string[]; picks: string[] };

export const createSelectionSlice =
  (transport: Transport): StateCreator<AppState, [], [], SelectionSlice> =>
  (set, get) => {
    /** Counts the details asked for: only the latest answer is shown (see loadDetail). */
    let detailAsked = 0;
    let anchor: Anchor | undefined;
    /** Counts the ranges picked: only the latest picks, when its ids come after another was asked for. */
    let rangesAsked = 0;

    /**
     * The cursor to paper `id` and every paper from the anchor to it picked, as Shift-click and Shift+↓ do:
     * going back towards the anchor shrinks the range, and past it the range grows the other way. `near`:
     * where the paper is, if known (it is looked for around there first).
     */
    const pickTo = (id: string, near?: number) => {
      const asked = ++rangesAsked;
      const { papers, selectedId, checked } = get();
      const to = positionOf(papers, id, near);
      if (to === -1) return set({ selectedId: id });
      let from = anchor?.picks === checked ? positionOf(papers, anchor.id, to) : -1;
      if (from === -1) {
        // A range begins: at the cursor, or at this paper when the cursor is not among the rows.
        const cursor = positionOf(papers, selectedId, to);
        from = cursor === -1 ? to : cursor;
        const start = papers[from]!.id;
        anchor = { id: start, kept: checked.filter((c) => c !== start), picks: checked };
      }
      const begun = anchor!;
      const picking = (ids: string[]) => {
        const range = new Set(ids);
        begun.picks = [...begun.kept.filter((c) => !range.has(c)), ...ids];
        return begun.picks;
      };
      const [lo, hi] = from < to ? [from, to] : [to, from];
      const here = loadedBetween(papers, lo, hi + 1);
      if (here) return set({ selectedId: id, checked: picking(here.map((p) => p.id)) });
      set({ selectedId: id });
      // The range runs over rows that have not come: their ids are enough.
      get()
        .idsBetween(lo, hi + 1)
        .then(
          (ids) => {
            const now = get();
            if (asked === rangesAsked && now.selectedId === id && now.checked === begun.picks)
              set({ checked: picking(ids) });
          },
          (error: unknown) => get().showError(error),
        );
    };

    /** The row `delta` rows from the cursor: `arrive` is called with its id and place once it is here. */
    const moveBy = (delta: number, arrive: (id: string, index: number) => void) => {
      const { papers, selectedId, lingering } = get();
      if (papers.length === 0) return;
      let index = positionOf(papers, selectedId);
      // From a paper that left the view but is still shown: the paper after it now holds its place.
      if (index === -1 && lingering && lingering.row.id === selectedId) index = lingering.index - (delta > 0 ? 1 : 0);
      // With nothing selected, a step starts at the top; a step the list's length (End) at the bottom.
      const start = delta >= papers.length ? papers.length - 1 : 0;
      const next = index === -1 && !lingering ? start : Math.min(papers.length - 1, Math.max(0, index + delta));
      const row = papers[next];
      if (row) return arrive(row.id, next);
      get()
        .rowsBetween(next, next + 1)
        .then(
          ([found]) => {
            if (found && get().selectedId === selectedId) arrive(found.id, next);
          },
          (error: unknown) => get().showError(error),
        );
    };

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
      select(selectedId) {
        anchor = undefined;
        set((state) => ({ selectedId, checked: state.checked.length ? [] : state.checked }));
      },
      toggleChecked(id) {
        const { checked, selectedId, outside } = get();
        // Open outside the list (a search left it out): not a row to pick, nor picked with the next.
        if (id === outside) return;
        // The paper open in the detail panel counts as picked when a second one is added.
        const base =
          checked.length === 0 && selectedId && selectedId !== id && selectedId !== outside ? [selectedId] : checked;
        const picks = base.includes(id) ? base.filter((c) => c !== id) : [...base, id];
        anchor = { id, kept: picks.filter((c) => c !== id), picks };
        set({ checked: picks, selectedId: id });
      },
      checkRange: (id) => pickTo(id),
      clearChecked: () => set({ checked: [] }),
      checkAll() {
        const { papers } = get();
        if (papers.length === 0) return;
        const asked = ++rangesAsked;
        anchor = undefined;
        const here = loadedBetween(papers, 0, papers.length);
        if (here) return set({ checked: here.map((p) => p.id) });
        get()
          .idsBetween(0, papers.length)
          .then(
            (ids) => {
              // Unless another pick came meanwhile (a click, a key): that one stands.
              if (asked === rangesAsked) set({ checked: ids });
            },
            (error: unknown) => get().showError(error),
          );
      },
      moveCursor(id) {
        // Moved without Shift: the next range begins where the cursor is, keeping what is picked.
        anchor = undefined;
        set({ selectedId: id });
      },
      step: (delta) => moveBy(delta, get().moveCursor),
      stepChecking: (delta) => moveBy(delta, pickTo),
    };
  };
