import { drafts } from './drafts';
import type { Transport } from './transport';

/** Save notes typed before a reload or crash that never reached the library, unless the note changed since. */
export async function recoverDrafts(transport: Transport, storage: Storage): Promise<number> {
  let recovered = 0;
  for (const id of drafts.ids(storage)) {
    const draft = drafts.get(storage, id);
    try {
      const paper = await transport.invoke('papers.get', { id });
      if (draft && draft.note !== paper.note && draft.at >= paper.updatedAt) {
        await transport.invoke('notes.save', { id, note: draft.note });
        recovered++;
      }
      storage.removeItem(`paperqueue.draft.${id}`);
    } catch {
      // The paper is gone or the library unreachable: keep the draft for the next start.
    }
  }
  return recovered;
}
