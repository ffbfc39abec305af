import { buildSync } from 'esbuild';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { hashSource } from '../../electron/server/security';
import { THEME_SCRIPT } from '../../renderer/src/theme-script';

/** The page's own policy (renderer/index.html's meta), whose script-src gains each inline script's hash. */
const META_SCRIPT_SRC = "script-src 'self'";
/** The policy's meta element: the scripts come right after it, before the page's stylesheet is read. */
const POLICY_META = /<meta\s+http-equiv="Content-Security-Policy"[^>]*>/;

/**
 * The page's first-rows script (renderer/src/first-paint/index.ts), bundled on its own into one plain script:
 * nothing of it is shared with the app's modules, which have not come when it runs. The path is from the
 * project's folder, where the build and the tests run (this file is bundled into the build's config).
 */
export function firstPaintScript(entry = resolve('renderer/src/first-paint/index.ts')): string {
  const built = buildSync({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return built.outputFiles[0]!.text.trim();
}

/**
 * The page's first scripts, at the top of its <head> (right after the policy that allows them, before the
 * stylesheet is read), before anything of its body is drawn:
 * - the theme script puts the theme the reader chose on the page's root before the app's frame (the sidebar
 *   and toolbar renderer/index.html draws) is drawn, so Dark chosen on a light system (or Light on a dark one)
 *   draws its first frame dark, not a light flash before the app (renderer/src/theme-script.ts, which shares
 *   its storage key with ui-memory.ts);
 * - the first-rows script asks for the list's first rows at once and draws them into that frame as they come,
 *   before the app's script has arrived (renderer/src/first-paint/index.ts).
 * Their hashes go into the page's policy, the meta here and the servers' header alike (electron/server/security.ts
 * `pagePolicy` hashes each plain `<script>` of the page): never 'unsafe-inline', so a script of any other text
 * is refused. In the dev server's page too.
 */
export function inlinePageScripts(scripts: () => readonly string[] = () => [THEME_SCRIPT, firstPaintScript()]): Plugin {
  return {
    name: 'paperqueue-inline-page-scripts',
    transformIndexHtml: {
      order: 'post',
      handler(html, { filename }) {
        const own = scripts();
        for (const script of own)
          if (/<\/script/i.test(script)) throw new Error('an inline script: "</script" would end it early');
        if (!html.includes(META_SCRIPT_SRC)) throw new Error(`${filename}: no "${META_SCRIPT_SRC}" in its policy`);
        if (!POLICY_META.test(html)) throw new Error(`${filename}: no policy meta to put the page's scripts after`);
        const hashes = own.map(hashSource).join(' ');
        const elements = own.map((script) => `\n    <script>${script}</script>`).join('');
        return html
          .replace(META_SCRIPT_SRC, `${META_SCRIPT_SRC} ${hashes}`)
          .replace(POLICY_META, (meta) => `${meta}${elements}`);
      },
    },
  };
}
