import { createAppStore } from './store';
import { recoverDrafts } from './recover-drafts';
import { pageStorage } from './page-storage';
import { detectTransport } from './transport';
import { withFirstList } from './first-paint/first-list';
import { warnBeforeLeaving } from './unsaved-notes';

// The page's first script already asked for the list's first rows (first-paint/index.ts): the store takes them.
const transport = withFirstList(detectTransport(), window.paperqueueFirstList);

/**
 * The page's store, started: this is the first module main.tsx imports, so it runs before React DOM's and the
 * views' modules do, and the list's first request leaves while they run rather than after them (on a large
 * library's first start the server's answer then overlaps with their running).
 */
const memory = pageStorage('localStorage').storage;
export const store = createAppStore(transport, memory);
store.start();
void recoverDrafts(transport, memory);
if (!window.paperqueue) warnBeforeLeaving(window, memory);
