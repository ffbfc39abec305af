import { isDeepStrictEqual } from 'node:util';
import type { Paper } from '../schema';
import type { LibraryStore } from '../store/store';
import type { SyncedLibrary } from './materialize';

/**
 * Make the store hold what the merged library holds for `ids` (the paper ids that changes just taken in
 * named) and every id an identity merge involves: papers added, replaced or removed through the store's own
 * calls, so its indexes, search and change events stay what a command would leave. Returns the ids changed.
 */
export function mergeIntoStore(store: LibraryStore, synced: SyncedLibrary, ids: Iterable<string>): string[] {
  const byId = new Map<string, Paper>();
  for (const paper of synced.papers) byId.set(paper.id, paper);
  const pending = new Set(synced.pending);
  const candidates = new Set(ids);
  for (const [alias, kept] of synced.aliases) {
    candidates.add(alias);
    candidates.add(kept);
  }
  const has = (id: string): Paper | undefined => {
    const paper = store.get(id);
    return paper?.id === id ? paper : undefined;
  };
  const changed: string[] = [];
  for (const id of candidates) {
    const kept = synced.aliases.get(id) ?? id;
    if (kept !== id && has(id)) {
      store.remove(id);
      changed.push(id);
    }
    const paper = byId.get(kept);
    const current = has(kept);
    if (!paper) {
      // Deleted on another device (an id whose import has not arrived is no local paper).
      if (current && !pending.has(kept)) {
        store.remove(kept);
        changed.push(kept);
      }
      continue;
    }
    if (!current) store.insert(paper);
    else if (isDeepStrictEqual(plain(current), paper)) continue;
    else store.replace(paper);
    changed.push(kept);
  }
  return [...new Set(changed)];
}

/** A paper as its JSON reads (no undefined fields), as the merged one is built. */
const plain = (paper: Paper): unknown => JSON.parse(JSON.stringify(paper)) as unknown;
