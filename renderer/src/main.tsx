// First: the store starts, and asks for the list, before the modules below run (boot.ts).
import { store } from './boot';
import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { StoreContext, type AppStore } from './store';
import { requestPaste } from './shortcuts';
import { loadMathSoon } from './components/TexText';
import { nextPaint } from './after-paint';
import './styles.css';

// The desktop app's menu: a file its dialog read is previewed like a dropped one.
window.paperqueue?.onMenu((command) => {
  const state = store.getState();
  if (command.kind === 'import-file') {
    const bytes = Uint8Array.from(atob(command.base64), (c) => c.charCodeAt(0));
    void state.previewFile({ name: command.name, arrayBuffer: () => Promise.resolve(bytes.buffer) });
  } else if (command.kind === 'paste') requestPaste();
  else state.setOverlay(command.kind);
});

/**
 * The most the first render waits for the list's first rows. Drawn together, the page is laid out and
 * painted once; drawn first, the empty list's layout and paint came before the rows, and on two cores the
 * rows came about a tenth of a second later. Rows slower than this show the list loading.
 */
const FIRST_ROWS_WAIT_MS = 400;

/** KaTeX, if no math asked for it sooner, this long after the first draw: past a person's first key presses. */
const MATH_AFTER_MS = 3000;

function firstRows(appStore: AppStore, limitMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (!appStore.getState().loading) return resolve();
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, limitMs);
    const unsubscribe = appStore.subscribe((state) => !state.loading && done());
  });
}

/**
 * Once the page's first script has drawn the first rows into the frame (first-paint/), the frame that shows
 * them: they came with the answer the store takes, and React drawing the app in the same task replaced them
 * before they were ever seen (its first draw, some hundreds of milliseconds on two cores, is the slow part).
 */
const afterFirstRowsSeen = (): Promise<void> =>
  document.querySelector('#root > [data-shell] .row[data-id]') ? nextPaint() : Promise.resolve();

// Not a top-level await: a module that awaits would be split from the chunks the lazy views share. Drawn at
// once (flushSync), not in a task of its own that other work (a chunk arriving) could come before.
void firstRows(store, FIRST_ROWS_WAIT_MS)
  .then(afterFirstRowsSeen)
  .then(() => {
    const root = createRoot(document.getElementById('root')!);
    flushSync(() =>
      root.render(
        <StrictMode>
          <StoreContext.Provider value={store}>
            <App />
          </StoreContext.Provider>
        </StrictMode>,
      ),
    );
    loadMathSoon(MATH_AFTER_MS);
  });
