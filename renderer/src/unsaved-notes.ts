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
    // Only this tab's drafts: another tab's are its own to save.
    if (drafts.ids(storage).length === 0) return;
    event.preventDefault();
    // Older browsers ask only when returnValue is set.
    event.returnValue = '';
  };
  target.addEventListener('beforeunload', onBeforeUnload);
  return () => target.removeEventListener('beforeunload', onBeforeUnload);
}

/** A note typed in this tab that the library has not got (it differs from `savedNote`), if any. */
export function unsavedNote(storage: Storage, paperId: string, savedNote: string): Draft | undefined {
  const draft = drafts.get(storage, paperId);
  return draft && draft.note !== savedNote ? draft : undefined;
}
