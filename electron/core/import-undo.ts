import type { Paper } from './schema';
import type { LibraryStore } from './store/store';

/**
 * The papers an import added, for each paper it filled in the fields' values before and after, and the PDFs
 * it attached (to a paper it added or one already there), by their hash.
 */
export type ImportUndo = {
  added: string[];
  filled: { paperId: string; before: Partial<Paper>; after: Partial<Paper> }[];
  attached?: { paperId: string; hash: string }[];
};

/** What taking an import back did, by paper id; `detached`: the PDFs it took off a paper (or off one removed). */
export type UndoneImport = {
  removed: string[];
  restored: string[];
  kept: string[];
  detached?: { paperId: string; hash: string }[];
};

/**
 * Take an import back: remove the papers it added, take off the PDFs it attached and put back the fields it
 * filled in, so a merge is undoable. A person's work since wins: a paper read, noted, tagged, highlighted or
 * given a PDF since is kept (with the PDF the import gave it), a PDF highlighted or read in stays, and a field
 * changed since keeps its new value.
 */
export function undoImport(store: LibraryStore, undo: ImportUndo, now: string): UndoneImport {
  const removed: string[] = [];
  const restored: string[] = [];
  const kept: string[] = [];
  const detached: { paperId: string; hash: string }[] = [];
  const ownPdfs = new Map<string, Set<string>>();
  for (const { paperId, hash } of undo.attached ?? []) {
    ownPdfs.set(paperId, new Set([...(ownPdfs.get(paperId) ?? []), hash]));
  }
  const added = new Set(undo.added);
  for (const id of undo.added) {
    const paper = store.get(id);
    if (!paper) continue;
    const touched = paper.status !== 'inbox' || paper.note.trim() || paper.tags.length || paper.annotations.length;
    const own = ownPdfs.get(id);
    if (touched || paper.progress || paper.attachments?.some((a) => !own?.has(a.hash))) kept.push(id);
    else {
      store.remove(id);
      removed.push(id);
      detached.push(...(paper.attachments ?? []).map((a) => ({ paperId: id, hash: a.hash })));
    }
  }
  for (const [paperId, hashes] of ownPdfs) {
    const paper = store.get(paperId);
    if (!paper || added.has(paperId)) continue;
    const used = (hash: string) =>
      paper.progress?.attachment === hash || paper.annotations.some((a) => a.attachment === hash);
    const off = (paper.attachments ?? []).filter((a) => hashes.has(a.hash) && !used(a.hash));
    if (off.length === 0) continue;
    const attachments = paper.attachments!.filter((a) => !off.includes(a));
    const next: Paper = { ...paper, updatedAt: now };
    if (attachments.length) next.attachments = attachments;
    else delete next.attachments;
    store.replace(next);
    detached.push(...off.map((a) => ({ paperId, hash: a.hash })));
  }
  for (const { paperId, before, after } of [...undo.filled].reverse()) {
    const paper = store.get(paperId);
    if (!paper) continue;
    const back: Record<string, unknown> = { ...paper };
    let changed = false;
    for (const [key, value] of Object.entries(after)) {
      if (JSON.stringify(back[key]) !== JSON.stringify(value)) continue;
      const previous = (before as Record<string, unknown>)[key];
      if (previous === undefined) delete back[key];
      else back[key] = previous;
      changed = true;
    }
    if (changed) {
      store.replace({ ...(back as Paper), updatedAt: now });
      if (!restored.includes(paperId)) restored.push(paperId);
    }
  }
  return { removed, restored, kept, ...(detached.length > 0 && { detached }) };
}
