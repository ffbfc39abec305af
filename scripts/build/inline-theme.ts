import type { Plugin } from 'vite';
import { hashSource } from '../../electron/server/security';
import { THEME_SCRIPT } from '../../renderer/src/theme-script';

/** The page's own policy (renderer/index.html's meta), whose script-src gains the theme script's hash. */
const META_SCRIPT_SRC = "script-src 'self'";

/**
 * The page's first script, in its <head>: it puts the theme the reader chose on the page's root before the
 * app's frame (the sidebar renderer/index.html draws) is drawn, so Dark chosen on a light system (or Light on
 * a dark one) draws its first frame dark, not a light flash before the app (renderer/src/theme-script.ts, which
 * shares its storage key with ui-memory.ts). Its hash goes into the page's policy, the meta here and the
 * servers' header alike (electron/server/security.ts `pagePolicy` hashes each plain `<script>` of the page):
 * never 'unsafe-inline', so a script of any other text is refused. In the dev server's page too.
 */
export function inlineThemeScript(script = THEME_SCRIPT): Plugin {
  return {
    name: 'paperqueue-inline-theme-script',
    transformIndexHtml: {
      order: 'post',
      handler(html, { filename }) {
        if (/<\/script/i.test(script)) throw new Error('the theme script: "</script" would end it early');
        if (!html.includes(META_SCRIPT_SRC)) throw new Error(`${filename}: no "${META_SCRIPT_SRC}" in its policy`);
        if (!html.includes('</head>')) throw new Error(`${filename}: no </head> to put the theme script in`);
        return html
          .replace(META_SCRIPT_SRC, `${META_SCRIPT_SRC} ${hashSource(script)}`)
          .replace('</head>', () => `  <script>${script}</script>\n  </head>`);
      },
    },
  };
}
