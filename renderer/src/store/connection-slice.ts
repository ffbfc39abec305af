import type { StoreApi } from 'zustand';
import { drafts } from '../drafts';
import { recoverDrafts } from '../recover-drafts';
import type { Reach } from '../server-link';
import type { LibraryState, Transport } from '../transport';
import type { AppState } from './index';

/** Browser mode's link to the server, as the page shows it (ConnectionBanner, RefusedPage). */
export type ConnectionSlice = {
  reach: Reach;
  /** What was asked for while the server was away and not done, each once, the latest last (at most 4). */
  notDone: readonly string[];
  /** Notes typed here that the library does not have yet (kept in this browser's storage until it does). */
  unsavedNotes: number;
  /** Browser mode: the library as serve tells of it (opening, open, or could not be opened); the app: unknown. */
  library?: LibraryState;
};

export const connectionDefaults: ConnectionSlice = { reach: 'online', notDone: [], unsavedNotes: 0 };

/**
 * Follows the library while serve opens it (LibraryOpening, LibraryFailedPage), and the link: while the server is away the page says so; when it answers again, what changed meanwhile is
 * asked for (`refresh`) and the notes kept here are saved (recoverDrafts: each unless its paper changed since).
 * Costs nothing while the server answers; a count of the storage's keys at each change of the link.
 */
export function followConnection(
  store: StoreApi<AppState>,
  transport: Transport,
  memory: Storage | undefined,
  refresh: () => void,
): () => void {
  const count = () => (memory ? drafts.ids(memory).length : 0);
  const stopLibrary = transport.onLibrary?.((library) => store.setState({ library }));
  const stopReach = transport.onReach?.(({ reach, notDone }) => {
    const { reach: was, notDone: before } = store.getState();
    const after = notDone ? [...before.filter((what) => what !== notDone), notDone].slice(-4) : before;
    store.setState({ reach, notDone: reach === 'online' ? [] : after, unsavedNotes: count() });
    if (reach === 'online' && was === 'offline') {
      refresh();
      if (memory) void recoverDrafts(transport, memory).then(() => store.setState({ unsavedNotes: count() }));
    }
  });
  return () => {
    stopLibrary?.();
    stopReach?.();
  };
}
