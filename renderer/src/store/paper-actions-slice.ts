import type { StateCreator } from 'zustand';
import type { NewHighlight } from '../components/HighlightPopover';
import type { Transport } from '../transport';
import type { AppState } from './index';
import type { Annotation, Status } from './types';

export type PaperActionsSlice = {
  setStatus: (ids: string[], status: Status) => Promise<void>;
  addTags: (ids: string[], tags: string[]) => Promise<void>;
  /** Move papers to just before another (null: to the end of the queue). */
  reorder: (ids: string[], before: string | null) => Promise<void>;
  /** Move the cursor's paper one place up or down in the list's order. */
  nudge: (delta: -1 | 1) => Promise<void>;
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

export const createPaperActionsSlice =
  (transport: Transport): StateCreator<AppState, [], [], PaperActionsSlice> =>
  (_set, get) => {
    /** Run a command; a refusal is shown to the user rather than thrown. */
    const attempt = async (action: () => Promise<unknown>) => {
      try {
        await action();
      } catch (error) {
        get().showError(error);
      }
    };
    return {
      setStatus: (ids, status) => attempt(() => transport.invoke('papers.setStatus', { ids, status })),
      addTags: (ids, tags) => attempt(() => transport.invoke('tags.set', { ids, tags, mode: 'add' })),
      reorder: (ids, before) => attempt(() => transport.invoke('papers.reorder', { ids, before })),
      async nudge(delta) {
        const { papers, selectedId } = get();
        const index = papers.findIndex((p) => p.id === selectedId);
        if (!selectedId || index === -1) return;
        const target = index + delta;
        if (target < 0 || target >= papers.length) return;
        // Before the paper above (up), or before the one after the paper below (down).
        const before = delta < 0 ? papers[target]!.id : (papers[target + 1]?.id ?? null);
        await get().reorder([selectedId], before);
      },
      async saveNote(id, note) {
        await transport.invoke('notes.save', { id, note });
      },
      addAnnotation: (paperId, highlight) =>
        attempt(() => transport.invoke('annotations.add', { paperId, ...highlight })),
      updateAnnotation: (paperId, annotationId, change) =>
        attempt(() => transport.invoke('annotations.update', { paperId, annotationId, ...change })),
      removeAnnotation: (paperId, annotationId) =>
        attempt(() => transport.invoke('annotations.remove', { paperId, annotationId })),
    };
  };
