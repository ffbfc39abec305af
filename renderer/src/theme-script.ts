/** Where the page keeps what it remembers across reloads (ui-memory.ts), the theme among it. */
export const UI_MEMORY_KEY = 'paperqueue.ui';

/**
 * The page's first script: the build writes it into the page's <head> (scripts/build/inline-scripts.ts), so the
 * theme the reader chose is on the page's root before its body, the app's frame, is drawn. Without it that
 * frame, drawn a few hundred milliseconds before the app's script runs, came in the system's colours: Dark
 * chosen on a light system flashed a light frame. It reads the theme as `recall` does (ui-memory.ts): only
 * "light" or "dark" sets `data-theme`; anything else (none, "system", a hand edit, bad JSON, storage blocked)
 * leaves the root alone, which follows the system. Allowed by its hash, never 'unsafe-inline'
 * (electron/server/security.ts `pagePolicy`). Costs one storage read before the first frame.
 */
export const THEME_SCRIPT =
  `try{var t=JSON.parse(localStorage.getItem(${JSON.stringify(UI_MEMORY_KEY)})||"{}").theme;` +
  `if(t==="light"||t==="dark")document.documentElement.setAttribute("data-theme",t)}catch(e){}`;
