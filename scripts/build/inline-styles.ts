import type { Plugin } from 'vite';
import { hashSource } from '../../electron/server/security';

/** The stylesheet link Vite writes into the built page for the entry's CSS. */
const STYLESHEET_LINK = /<link rel="stylesheet"(?: crossorigin)? href="\.\/([^"]+\.css)">/g;
/** The page's own policy (renderer/index.html's meta), whose style-src gains each inlined stylesheet's hash. */
const META_STYLE_SRC = "style-src 'self'";

/**
 * The built page carries its stylesheet in a `<style>` element instead of a link to assets/. Linked, the
 * stylesheet was a second request the page's first frame (the app's frame, drawn from the HTML) waited for:
 * on a large library's first start the server answers it while it folds 100,000 titles, and the page's
 * script, asked for at the same moment, was taken up only after that frame's layout. Alternating first starts
 * of 100,000 papers, 16 pairs: first rows at a median of 523 and 584 ms against 561 and 688 (faster in 10
 * of 16). Its hash goes into the page's policy (the meta here, the servers' header from `pagePolicy`), never
 * 'unsafe-inline'. A stylesheet with url() or @import is refused, since those would then resolve against the
 * page's address rather than assets/. The build only: the dev server serves its own styles.
 */
export function inlinePageStyles(): Plugin {
  /** The stylesheets inlined into the page, so no longer files of the build. */
  const inlined = new Set<string>();
  return {
    name: 'paperqueue-inline-page-styles',
    apply: 'build',
    // A lazily imported chunk whose module's CSS went into the entry's stylesheet lists that stylesheet among its
    // import's dependencies: the import would ask for a file the build no longer has, and fail when first used
    // (the reader never opened). Refused here, where it is made, not found in a window.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk') continue;
          // Named relative to the chunk ("./index-….css"): its hashed name alone is looked for.
          const named = [...inlined].find((fileName) => chunk.code.includes(fileName.split('/').pop()!));
          if (named)
            this.error(
              `${chunk.fileName} loads ${named} with a lazy import, but that stylesheet is inlined into the page ` +
                "and is not a file of the build: import the module the import needs from the page's own code " +
                '(as components/LazyMarkdown.ts does), so that its chunk does not depend on the stylesheet',
            );
        }
      },
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle, filename }) {
        if (!bundle) return html;
        let page = html;
        for (const [link, fileName] of html.matchAll(STYLESHEET_LINK)) {
          const asset = bundle[fileName!];
          if (asset?.type !== 'asset') throw new Error(`${filename}: ${fileName} is linked but not in the build`);
          const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
          if (/url\(|@import/i.test(css))
            throw new Error(
              `${fileName}: url() or @import would resolve against the page once inlined; keep it linked`,
            );
          if (/<\/style/i.test(css)) throw new Error(`${fileName}: "</style" would end the inlined stylesheet`);
          if (!page.includes(META_STYLE_SRC)) throw new Error(`${filename}: no "${META_STYLE_SRC}" in its policy`);
          page = page.replace(META_STYLE_SRC, `${META_STYLE_SRC} ${hashSource(css)}`);
          page = page.replace(link, () => `<style>${css}</style>`);
          delete bundle[fileName!];
          inlined.add(fileName!);
        }
        return page;
      },
    },
  };
}
