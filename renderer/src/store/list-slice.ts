import type { StateCreator } from 'zustand';
import type { Transport } from '../transport';
import type { AppState } from './index';
import type { PendingStatuses } from './pending';
import type { ListSort, PaperRow, Ranking, View } from './types';

export type ListSlice = {
  view: View;
  search: string;
  sort: ListSort;
  /** Set while the inbox is sorted "For you": the summary line, and each paper's score and reason. */
  ranking: { summary: string; fallback: boolean; byId: Record<string, Ranking['items'][number]> } | undefined;
  /** The rows of the current view, in order (light: the detail panel loads the whole paper). */
  papers: PaperRow[];
  total: number;
  loading: boolean;
  setView: (view: View) => void;
  setSearch: (search: string) => void;
  setSort: (sort: ListSort) => void;
  loadList: () => Promise<void>;
};

export const createListSlice =
  (transport: Transport, pending: PendingStatuses): StateCreator<AppState, [], [], ListSlice> =>
  (set, get) => ({
    view: { kind: 'status', status: 'inbox' },
    search: '',
    sort: 'queue',
    papers: [],
    ranking: undefined,
    total: 0,
    loading: true,
    setView(view) {
      set({ view, selectedId: undefined, checked: [] });
      void get().loadList();
    },
    setSearch(search) {
      // The search box reports its text after a pause, also on first render: the same text asks for nothing new.
      if (search === get().search) return;
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
      if (view.kind === 'stats') {
        set({ papers: [], total: 0, loading: false, ranking: undefined });
        return;
      }
      const forYou = sort === 'foryou' && view.kind === 'status' && view.status === 'inbox';
      set({ loading: true });
      try {
        const [result, ranking] = await Promise.all([
          transport.invoke('papers.rows', {
            status: view.kind === 'status' ? view.status : 'all',
            source: view.kind === 'source' ? view.name : undefined,
            tag: view.kind === 'tag' ? view.tag : undefined,
            text: search.trim() || undefined,
            sort: sort === 'foryou' ? 'queue' : sort,
          }),
          forYou ? transport.invoke('insight.rank', {}) : undefined,
        ]);
        // A slower, older request must not overwrite a newer one.
        if (!pending.isLatest(request)) return;
        let rows = pending.apply(result.rows, request, view);
        if (ranking) {
          const position = new Map(ranking.items.map((item, i) => [item.id, i]));
          rows = [...rows].sort((a, b) => (position.get(a.id) ?? rows.length) - (position.get(b.id) ?? rows.length));
        }
        const present = new Set(rows.map((p) => p.id));
        set((state) => ({
          papers: rows,
          ranking: ranking && {
            summary: ranking.summary,
            fallback: ranking.fallback,
            byId: Object.fromEntries(ranking.items.map((item) => [item.id, item])),
          },
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
