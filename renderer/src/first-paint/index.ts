/**
 * The page's second script, written into its <head> by the build (scripts/build/inline-scripts.ts), so it runs
 * as the page arrives, a few hundred milliseconds before the app's own script has come, been read and drawn
 * with React. It asks for the list's first rows at once, and draws them into the page's frame (the sidebar and
 * toolbar renderer/index.html draws) as soon as they come: on a large library's first start the rows were
 * seen only after React's first draw. The frame stays inert until React replaces it (main.tsx), and the
 * store's first request takes this one's answer rather than asking again (first-list.ts `withFirstList`).
 */
import { openStorage } from '../page-storage';
import { drawFirstScreen } from './draw-rows';
import { askFirstRows, firstListInput, firstScreen } from './first-list';
import { formatDate } from '../labels';

function warmUp(): void {
  formatDate(new Date().toISOString());
  (100_000).toLocaleString();
}

/** The frame's words in each face (index.html), laid out from now on: the system's fonts looked up. */
function warmFonts(): void {
  document.querySelector('#root > [data-shell] .font-warm')?.removeAttribute('hidden');
}

/** Once the page is parsed (its frame there): at once if it already is. */
function whenParsed(then: () => void): void {
  if (document.readyState !== 'loading') then();
  else document.addEventListener('readystatechange', then, { once: true });
}

/** In a task after the next frame is drawn. */
const afterNextFrame = (then: () => void): void => void requestAnimationFrame(() => setTimeout(then, 0));

const screen = firstScreen(openStorage('localStorage', window).storage);
if (screen) {
  const input = firstListInput(screen);
  const answer = askFirstRows(input);
  window.paperqueueFirstList = { key: JSON.stringify(input), answer };
  if (!screen.scrolled) {
    // While the answer is on its way, once the frame is drawn: the locale's formats the rows and the count use,
    // whose first use loads the locale's data (about 40 ms, the app's script's too).
    afterNextFrame(warmUp);
    void answer.then((result) => {
      if (!result?.ok) return whenParsed(warmFonts);
      // The frame is there once the page is parsed ("interactive"): before the app's module runs, which
      // DOMContentLoaded waits for. Not once React has drawn: the frame is gone then.
      whenParsed(() => {
        const frame = document.querySelector('#root > [data-shell]');
        if (frame) drawFirstScreen(frame, screen, result.value.total, result.value.rows);
        // The fonts the rows do not use, once they are on screen (and before React's first draw, which waits
        // for that frame too: main.tsx).
        afterNextFrame(warmFonts);
      });
    });
  } else whenParsed(warmFonts);
} else whenParsed(warmFonts);
