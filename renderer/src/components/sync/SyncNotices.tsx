import { useSyncExternalStore } from 'react';
import type { SyncOn } from '../../store/types';

type Notice = SyncOn['notices'][number];

/**
 * Where a sync let another machine's change win over this machine's (a paper deleted here kept because the
 * other machine changed it after, a status replaced by a later one), said in the sidebar's sync line and the
 * Sync dialog until the person says they have seen it: not a toast that goes before it is read. What was seen
 * is remembered on this machine (its `at`, per device), so a reload does not bring it back.
 *
 * A kept paper offers no "Delete it again": it holds the other machine's newer change, which the person has
 * not seen yet, and the app deletes papers nowhere else; it is back in its list, to be dealt with there.
 */
export function SyncNotices({ sync }: { sync: SyncOn }) {
  const seenAt = useSeenAt(sync.device.id);
  const unseen = sync.notices.filter((notice) => notice.at > seenAt && notice.notes.length > 0);
  if (unseen.length === 0) return null;
  const newest = unseen.at(-1)!.at;
  return (
    <section className="sync-notices" role="status" aria-label="What the last syncs changed here">
      {unseen.map((notice: Notice) => (
        <ul key={notice.at}>
          {notice.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ))}
      <button type="button" className="button small" onClick={() => markSeen(sync.device.id, newest)}>
        Got it
      </button>
    </section>
  );
}

const key = (device: string) => `paperqueue.sync.seen.${device}`;
const SEEN_EVENT = 'paperqueue-sync-seen';

function readSeen(device: string): string {
  try {
    return localStorage.getItem(key(device)) ?? '';
  } catch {
    return '';
  }
}

function markSeen(device: string, at: string): void {
  try {
    localStorage.setItem(key(device), at);
  } catch {
    // Storage refused (a private window): seen for as long as the page is open.
    fallback.set(device, at);
  }
  window.dispatchEvent(new Event(SEEN_EVENT));
}

const fallback = new Map<string, string>();

/** The newest notice's time the person has dismissed on this machine; every open view follows a dismissal. */
function useSeenAt(device: string): string {
  return useSyncExternalStore(
    (changed) => {
      window.addEventListener(SEEN_EVENT, changed);
      window.addEventListener('storage', changed);
      return () => {
        window.removeEventListener(SEEN_EVENT, changed);
        window.removeEventListener('storage', changed);
      };
    },
    () => fallback.get(device) ?? readSeen(device),
  );
}
