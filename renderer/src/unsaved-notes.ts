import { drafts } from './drafts';
import type { Draft } from './drafts';

/**
 * Browser mode: closing or reloading the tab while a note typed here is not in the library yet asks first (the
 * browser's own "Leave site?" question). The text is kept in `storage` either way and saved at the next start
 * (recoverDrafts), but only in this browser. The desktop app has no such question: its window closing waits for
 * nothing and its saves reach the core in the same app. Costs a walk of the storage's keys when the tab closes.
 */
export function warnBeforeLeaving(target: Window, storage: Storage): () => void {
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (drafts.ids(storage).length === 0) return;
    event.preventDefault();
    // Older browsers ask only when returnValue is set.
    event.returnValue = '';
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => target.removeEventListener('beforeunload', onBeforeUnload);
}

/** The text of a note typed here that the library has not got (it differs from `savedNote`), if any. */
export function unsavedNote(storage: Storage, paperId: string, savedNote: string): string | undefined {
  const draft: Draft | undefined = drafts.get(storage, paperId);
  return draft && draft.note !== savedNote ? draft.note : undefined;
}
