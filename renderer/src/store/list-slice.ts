import type { StateCreator } from 'zustand';
import type { Transport } from '../transport';
import type { AppState } from './index';
import type { NewHighlight } from '../components/HighlightPopover';
import type { Annotation, Paper, Sort, Status, View } from './types';

export type ListSlice = {
  view: View;
  search: string;
  sort: Sort;
  papers: Paper[];
  total: number;
  loading: boolean;
  selectedId: string | undefined;
  setView: (view: View) => void;
  setSearch: (search: string) => void;
  setSort: (sort: Sort) => void;
  select: (id: string | undefined) => void;
  /** Move the selection by `delta` rows (keyboard navigation). */
  step: (delta: number) => void;
  loadList: () => Promise<void>;
  setStatus: (ids: string[], status: Status) => Promise<void>;
  /** Resolves once the note is stored; rejects so the editor can show it was not saved. */
  saveNote: (id: string, note: string) => Promise<void>;
  addAnnotation: (paperId: string, highlight: NewHighlight) => Promise<void>;
  updateAnnotation: (
    paperId: string,
    annotationId: string,
    change: { color?: Annotation['color']; comment?: string },
  ) => Promise<void>;
  removeAnnotation: (paperId: string, annotationId: string) => Promise<void>;
};

let listRequest = 0;

export const createListSlice =
  (transport: Transport): StateCreator<AppState, [], [], ListSlice> =>
  (set, get) => ({
    view: { kind: 'status', status: 'inbox' },
    search: '',
    sort: 'queue',
    papers: [],
    total: 0,
    loading: true,
    selectedId: undefined,
    setView(view) {
      set({ view, selectedId: undefined });
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
    select: (selectedId) => set({ selectedId }),
    step(delta) {
      const { papers, selectedId } = get();
      if (papers.length === 0) return;
      const index = papers.findIndex((p) => p.id === selectedId);
      const next = index === -1 ? 0 : Math.min(papers.length - 1, Math.max(0, index + delta));
      set({ selectedId: papers[next]!.id });
    },
    async loadList() {
      const request = ++listRequest;
      const { view, search, sort } = get();
      set({ loading: true });
      try {
        const result = await transport.invoke('papers.list', {
          status: view.kind === 'status' ? view.status : 'all',
          source: view.kind === 'source' ? view.name : undefined,
          tag: view.kind === 'tag' ? view.tag : undefined,
          text: search.trim() || undefined,
          sort,
        });
        // A slower, older request must not overwrite a newer one.
        if (request === listRequest) set({ papers: result.papers, total: result.total, loading: false });
      } catch (error) {
        if (request === listRequest) set({ loading: false });
        get().showError(error);
      }
    },
    async saveNote(id, note) {
      await transport.invoke('notes.save', { id, note });
    },
    async addAnnotation(paperId, highlight) {
      try {
        await transport.invoke('annotations.add', { paperId, ...highlight });
      } catch (error) {
        get().showError(error);
      }
    },
    async updateAnnotation(paperId, annotationId, change) {
      try {
        await transport.invoke('annotations.update', { paperId, annotationId, ...change });
      } catch (error) {
        get().showError(error);
      }
    },
    async removeAnnotation(paperId, annotationId) {
      try {
        await transport.invoke('annotations.remove', { paperId, annotationId });
      } catch (error) {
        get().showError(error);
      }
    },
    async setStatus(ids, status) {
      try {
        await transport.invoke('papers.setStatus', { ids, status });
      } catch (error) {
        get().showError(error);
      }
    },
  });
