import type { StateCreator } from 'zustand';
import type { NewHighlight } from '../components/HighlightPopover';
import type { Transport } from '../transport';
import type { AppState } from './index';
import type { Annotation } from './types';
import { readableQuote } from '../pdf/page-text';
import { attempt as attemptIn } from './attempt';

/** A note as the library stored it: merged with a change made elsewhere when `merged`. */
export type SavedNote = { note: string; updatedAt: string; merged: boolean; conflict: boolean };

/** What a person writes on a paper: its note, and highlights made, recoloured or commented, and deleted. */
export type WritingSlice = {
  /**
   * Resolves once the note is stored, with the note as stored: `base` is the text the editor last loaded or
   * saved, and a note changed elsewhere since is merged with it, not replaced (`merged`; `conflict` when both
   * changed the same lines and both versions are kept between markers). Rejects so the editor can show it was
   * not saved.
   */
  saveNote: (id: string, note: string, base?: string) => Promise<SavedNote>;
  addAnnotation: (paperId: string, highlight: NewHighlight) => Promise<void>;
  updateAnnotation: (
    paperId: string,
    annotationId: string,
    change: { color?: Annotation['color']; comment?: string },
  ) => Promise<void>;
  /** Deleted at once, as a person expects of a highlight; the notice offers to undo it (`u`, Ctrl/⌘+Z). */
  removeAnnotation: (paperId: string, annotationId: string) => Promise<void>;
};

/** The words a deleted highlight is named by: its comment if it had one, else its passage, cut short. */
function deletedLabel(annotation: Annotation): string {
  const words = (annotation.comment || readableQuote(annotation)).replace(/\s+/g, ' ').trim();
  const short = words.length > 40 ? `${words.slice(0, 39).trimEnd()}…` : words;
  return short ? `Deleted the highlight ‘${short}’` : 'Deleted a highlight';
}

export const createWritingSlice =
  (transport: Transport): StateCreator<AppState, [], [], WritingSlice> =>
  (_set, get) => {
    const attempt = (action: () => Promise<unknown>) => attemptIn(get, action);
    return {
      async saveNote(id, note, base) {
        const {
          note: stored,
          updatedAt,
          merged,
          conflict,
        } = await transport.invoke('notes.save', {
          id,
          note,
          ...(base !== undefined && { base }),
        });
        return { note: stored, updatedAt, merged, conflict };
      },
      addAnnotation: (paperId, highlight) =>
        attempt(() => transport.invoke('annotations.add', { paperId, ...highlight })),
      updateAnnotation: (paperId, annotationId, change) =>
        attempt(() => transport.invoke('annotations.update', { paperId, annotationId, ...change })),
      removeAnnotation: (paperId, annotationId) =>
        attempt(async () => {
          const { annotation } = await transport.invoke('annotations.remove', { paperId, annotationId });
          get().offerUndo({ label: deletedLabel(annotation), restore: [], annotation: { paperId, annotation } });
        }),
    };
  };
