import { claimTab, drafts, openTabs } from './drafts';
import type { Transport } from './transport';

/**
 * Save the notes typed before a reload or crash that never reached the library: this tab's, and those of tabs
 * closed since. Each is saved with the note it was typed over, so the library merges it with what it has now (a
 * change made since, another tab's draft of the same note) by lines, as the editor's saves are: lines both
 * changed keep both versions between markers. A tab still open saves its own; an editor open in this page too.
 * `open` says which tabs are open (Web Locks); where that is unknown, every tab's draft is saved.
 */
export async function recoverDrafts(
  transport: Transport,
  storage: Storage,
  open: () => Promise<ReadonlySet<string> | undefined> = openTabs,
): Promise<number> {
  const here = await claimTab();
  const others = await open();
  let recovered = 0;
  for (const { key, tab, paperId: id, draft } of drafts.all(storage)) {
    if (tab === here ? drafts.isEditing(id) : others?.has(tab)) continue;
    const kept = storage.getItem(key);
    try {
      const paper = await transport.invoke('papers.get', { id });
      if (draft.note !== paper.note) {
        // Kept before drafts had their base: taken over a note unchanged since, else kept beside it.
        const base = draft.base ?? (draft.at >= paper.updatedAt ? paper.note : '');
        await transport.invoke('notes.save', { id, note: draft.note, base });
        recovered++;
      }
      // Typed on meanwhile (this tab's editor, opened since): that newer draft stays.
      if (storage.getItem(key) === kept) storage.removeItem(key);
    } catch {
      // The paper is gone, the library unreachable, or the merged note too long to keep: kept for the next start.
    }
  }
  return recovered;
}
