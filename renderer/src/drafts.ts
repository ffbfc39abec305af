/**
 * Unsaved note text, kept in localStorage on every keystroke so a reload or a crash between a keystroke
 * and its autosave loses nothing; removed once the save is confirmed.
 */
export type Draft = { note: string; at: string };

const PREFIX = 'paperqueue.draft.';

export const drafts = {
  save(storage: Storage, paperId: string, note: string): void {
    try {
      storage.setItem(PREFIX + paperId, JSON.stringify({ note, at: new Date().toISOString() } satisfies Draft));
    } catch {
      // Storage full or disabled: the autosave still runs.
    }
  },
  clear(storage: Storage, paperId: string, note: string): void {
    const draft = drafts.get(storage, paperId);
    if (draft?.note === note) storage.removeItem(PREFIX + paperId);
  },
  get(storage: Storage, paperId: string): Draft | undefined {
    try {
      const raw = storage.getItem(PREFIX + paperId);
      return raw ? (JSON.parse(raw) as Draft) : undefined;
    } catch {
      return undefined;
    }
  },
  ids(storage: Storage): string[] {
    const ids: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(PREFIX)) ids.push(key.slice(PREFIX.length));
    }
    return ids;
  },
};
