import { UI_MEMORY_KEY } from './theme-script';

/**
 * Where the page keeps the request for its list's first rows at the next start: the view and sort it will
 * open on (ui-memory.ts), as `papers.rows` input, written whenever they change.
 */
export const EARLY_ROWS_KEY = 'paperqueue.firstRows';
/** Where the page's own token lives once the URL's fragment has given it (transport.ts). */
const TOKEN_KEY = 'paperqueue.token';
/**
 * A page that remembers nothing opens on the inbox in queue order (list-slice.ts): its first request, which
 * tests/renderer/early-rows.test.ts keeps equal to `firstRowsBody` of the store's first view and sort.
 */
export const DEFAULT_FIRST_ROWS = '{"status":"inbox","sort":"queue","offset":0,"limit":100}';

/**
 * Browser mode's first request, sent from the page's <head> (the build writes it there with the theme script:
 * scripts/build/inline-theme.ts): the list's first rows for the view the page will open on (the inbox for a page
 * that remembers nothing; none for one that remembers a view but not its request yet), while the app's
 * script is still on its way and being compiled, about 150 ms before the store could ask (on a first start of
 * 100,000 papers the server's answer took 30–100 ms more). The store takes the answer if it asks for exactly
 * the same rows (`takeEarlyRows`, early-rows.ts); else it asks again, and this answer is dropped. Nothing is sent in the desktop
 * app (its preload's bridge is there), without a token, or when the view opened on is not a plain list (For you
 * ranks first; Stats has no rows). Allowed by its hash, never 'unsafe-inline' (electron/server/security.ts).
 */
export const EARLY_ROWS_SCRIPT =
  `try{if(!window.paperqueue){var b=localStorage.getItem(${JSON.stringify(EARLY_ROWS_KEY)})||` +
  `(localStorage.getItem(${JSON.stringify(UI_MEMORY_KEY)})?null:${JSON.stringify(DEFAULT_FIRST_ROWS)}),` +
  `m=/(?:^#|&)token=([\\w-]+)/.exec(location.hash),k=m?m[1]:sessionStorage.getItem(${JSON.stringify(TOKEN_KEY)});` +
  `if(b&&k)window.paperqueueEarlyRows={body:b,answer:fetch("/api/papers.rows",{method:"POST",` +
  `headers:{"content-type":"application/json",authorization:"Bearer "+k},body:b})}}}catch(e){}`;
