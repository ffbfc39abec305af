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

const screen = firstScreen(openStorage('localStorage', window).storage);
if (screen) {
  const input = firstListInput(screen);
  const answer = askFirstRows(input);
  window.paperqueueFirstList = { key: JSON.stringify(input), answer };
  if (!screen.scrolled) {
    // While the answer is on its way, once the request has left (a task of its own): the locale's formats the
    // rows and the count use, whose first use loads the locale's data (about 40 ms, the app's script's too).
    setTimeout(warmUp, 0);
    void answer.then((result) => {
      if (!result?.ok) return;
      const draw = () => {
        // Not once React has drawn: the frame is gone then.
        const frame = document.querySelector('#root > [data-shell]');
        if (frame) drawFirstScreen(frame, screen, result.value.total, result.value.rows);
      };
      // The frame is there once the page is parsed ("interactive"): before the app's module runs, which
      // DOMContentLoaded waits for.
      if (document.readyState !== 'loading') draw();
      else document.addEventListener('readystatechange', draw, { once: true });
    });
  }
}
