import { createAppStore } from './store';
import { recoverDrafts } from './recover-drafts';
import { detectTransport } from './transport';

/*
 * The page's store, started: the first module main.tsx imports, so it runs before React DOM's and the
 * views' modules do, and the list's first request leaves while they run rather than after. On a first
 * start of a large library the server answers it in some tens of milliseconds, about the time those
 * modules take.
 */
export const transport = detectTransport();
export const store = createAppStore(transport, window.localStorage);
store.start();
void recoverDrafts(transport, window.localStorage);
