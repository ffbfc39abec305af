import type { StateCreator } from 'zustand';
import type { Transport } from '../transport';
import type { AppState } from './index';
import type { PendingStatuses } from './pending';
import type { PaperRow, Sort, View } from './types';

export type ListSlice = {
  view: View;
  search: string;
  sort: Sort;
  /** The rows of the current view, in order (light: the detail panel loads the whole paper). */
  papers: PaperRow[];
  total: number;
  loading: boolean;
  setView: (view: View) => void;
  setSearch: (search: string) => void;
  setSort: (sort: Sort) => void;
  loadList: () => Promise<void>;
};

export const createListSlice =
  (transport: Transport, pending: PendingStatuses): StateCreator<AppState, [], [], ListSlice> =>
  (set, get) => ({
    view: { kind: 'status', status: 'inbox' },
    search: '',
    sort: 'queue',
    papers: [],
    total: 0,
    loading: true,
    setView(view) {
      set({ view, selectedId: undefined, checked: [] });
      void get().loadList();
    },
    setSearch(search) {
      set({ search });
      void get().loadList();
    },
    setSort(sort) {
      set({ sort });
      void get().loadList();
    },
    async loadList() {
      const request = pending.nextRequest();
      const { view, search, sort } = get();
      set({ loading: true });
      try {
        const result = await transport.invoke('papers.rows', {
          status: view.kind === 'status' ? view.status : 'all',
          source: view.kind === 'source' ? view.name : undefined,
          tag: view.kind === 'tag' ? view.tag : undefined,
          text: search.trim() || undefined,
          sort,
        });
        // A slower, older request must not overwrite a newer one.
        if (!pending.isLatest(request)) return;
        const rows = pending.apply(result.rows, request, view);
        const present = new Set(rows.map((p) => p.id));
        set((state) => ({
          papers: rows,
          total: result.total,
          loading: false,
          checked: state.checked.filter((id) => present.has(id)),
        }));
      } catch (error) {
        if (pending.isLatest(request)) set({ loading: false });
        get().showError(error);
      }
    },
  });
