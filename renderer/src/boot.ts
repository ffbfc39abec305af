import { createAppStore } from './store';
import { recoverDrafts } from './recover-drafts';
import { pageStorage } from './page-storage';
import { detectTransport } from './transport';
import { warnBeforeLeaving } from './unsaved-notes';

const transport = detectTransport();

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
