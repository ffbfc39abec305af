import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/** V8's explicit compile hint for a whole file (Chromium 136 and later; Electron 45 has 142). */
export const ALL_FUNCTIONS_HINT = '//# allFunctionsCalledOnLoad';

/**
 * The chunks the page loads as it starts (the entry and what it imports) ask V8 to compile every function in
 * them as the file loads, on the thread that streams it in, rather than each on its first call. Without it the
 * page's first key presses ran code compiled on the spot: in alternating runs of the bench's presses the worst
 * of a page's first five took 30–118 ms (mean 64) without the hint and 25–58 (mean 37) with it. The price is
 * paid as the page loads: on a first start (ten alternating pairs) the first rows, which a script of the page's
 * own draws, were unchanged (mean 641 against 636 ms), and React's rows, the app ready for keys, came about
 * 95 ms later (mean 940 against 1,035 ms). The chunks loaded on demand (the reader, pdf.js, Markdown, the stats)
 * stay compiled lazily: most pages never run them. https://v8.dev/blog/explicit-compile-hints
 *
 * Written into the files once they are out: Vite rewrites a chunk's code after the bundle's hooks.
 */
export function compileHints(): Plugin {
  return {
    name: 'paperqueue-compile-hints',
    apply: 'build',
    writeBundle(options, bundle) {
      const entries = Object.values(bundle).filter((chunk) => chunk.type === 'chunk' && chunk.isEntry);
      const starting = new Set(
        entries.flatMap((chunk) => (chunk.type === 'chunk' ? [chunk.fileName, ...chunk.imports] : [])),
      );
      for (const name of starting) {
        const file = join(options.dir ?? '', name);
        writeFileSync(file, `${ALL_FUNCTIONS_HINT}\n${readFileSync(file, 'utf8')}`);
        // A source map's lines move down by one with the code.
        const map = `${file}.map`;
        const chunk = bundle[`${name}.map`];
        if (chunk?.type === 'asset') {
          const parsed = JSON.parse(readFileSync(map, 'utf8')) as { mappings: string };
          parsed.mappings = `;${parsed.mappings}`;
          writeFileSync(map, JSON.stringify(parsed));
        }
      }
    },
  };
}
