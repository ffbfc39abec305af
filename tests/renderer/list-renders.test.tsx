// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { Profiler, createElement, memo, type ComponentProps } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../electron/core/dispatch';
import { PaperList } from '../../renderer/src/components/PaperList';
import type * as RowModule from '../../renderer/src/components/PaperListRow';
import type * as PartsModule from '../../renderer/src/components/row-parts';
import type * as SidebarModule from '../../renderer/src/components/Sidebar';
import { App } from '../../renderer/src/components/App';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';
import { giveTheListAWindow } from './jsdom-layout';
import { PAGE_SIZE } from '../../renderer/src/store/list-rows';

/**
 * How often each row of the list is drawn when a paper changes: React's own count, taken by wrapping the
 * row (its frame: place, selection) and the row's content (title, preview, markers, buttons: the costly
 * part) in counting components that compare their props as the real ones do.
 */
const drawn = vi.hoisted(() => ({ rows: [] as string[], contents: [] as string[], sidebars: 0 }));

vi.mock('../../renderer/src/components/PaperListRow', async (importOriginal) => {
  const real = await importOriginal<typeof RowModule>();
  type Props = ComponentProps<typeof real.PaperListRow>;
  const Counted = memo(function Counted(props: Props) {
    drawn.rows.push(props.paper.id);
    return createElement(real.PaperListRow, props);
  });
  return { ...real, PaperListRow: Counted };
});

vi.mock('../../renderer/src/components/row-parts', async (importOriginal) => {
  const real = await importOriginal<typeof PartsModule>();
  type Props = ComponentProps<typeof real.RowContent>;
  const Counted = memo(function Counted(props: Props) {
    drawn.contents.push(props.paper.id);
    return createElement(real.RowContent, props);
  });
  return { ...real, RowContent: Counted };
});

vi.mock('../../renderer/src/components/Sidebar', async (importOriginal) => {
  const real = await importOriginal<typeof SidebarModule>();
  return {
    ...real,
    Sidebar: function Counted() {
      drawn.sidebars++;
      return createElement(real.Sidebar);
    },
  };
});

giveTheListAWindow();
afterEach(cleanup);

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !check(); i++) await act(() => new Promise((r) => setTimeout(r, 10)));
  expect(check()).toBe(true);
}

/** Let every answer and change event in flight arrive and be drawn. */
const settle = () => act(() => new Promise((r) => setTimeout(r, 150)));

/** The ids of the rows in the DOM, top to bottom. */
const onScreen = (): string[] =>
  [...document.querySelectorAll<HTMLElement>('[aria-label="Papers"] .row[data-id]')]
    .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
    .map((row) => row.dataset.id!);

/** The app on a library of `n` inbox papers, its list drawn, the cursor on the list's fourth row. */
async function listShown(n: number, calls: string[] = []) {
  const library = await openTempStore();
  const bib = Array.from({ length: n }, (_, i) => `@misc{m${i}, title = {Paper number ${i} on drawing}}`).join('\n');
  await dispatch({ store: library }, 'library.import', { text: bib, name: 'rows.bib' });
  // As over HTTP (JSON) or Electron's IPC (a structured clone): every answer is new objects, never the
  // library's own rows, so an unchanged row is recognised by its values.
  const transport = inProcess(library);
  const app = createAppStore({
    ...transport,
    invoke: async (name, input) => {
      calls.push(name);
      return JSON.parse(JSON.stringify(await transport.invoke(name, input))) as never;
    },
  });
  const stop = app.start();
  render(
    <StoreContext.Provider value={app}>
      <PaperList />
    </StoreContext.Provider>,
  );
  await until(() => !app.getState().loading && onScreen().length > 10);
  const before = onScreen();
  act(() => app.getState().select(before[3]));
  await settle();
  drawn.rows.length = 0;
  drawn.contents.length = 0;
  return { library, app, stop, before };
}

/** The list drawn again on its own, in React's Profiler: the commits it has made so far. */
function drawnAgain(app: ReturnType<typeof createAppStore>): () => number {
  cleanup();
  let commits = 0;
  render(
    <Profiler id="list" onRender={() => commits++}>
      <StoreContext.Provider value={app}>
        <PaperList />
      </StoreContext.Provider>
    </Profiler>,
  );
  return () => commits;
}

const counts = (ids: readonly string[]): Record<string, number> =>
  Object.fromEntries([...new Set(ids)].map((id) => [id, ids.filter((other) => other === id).length]));

describe('a change on screen draws only the rows it touches', () => {
  it('keeping the selected paper draws the next one as selected, once, and only moves the rows below', async () => {
    const { library, app, stop, before } = await listShown(60);
    const kept = before[3]!;
    let updates = 0;
    const unsubscribe = app.subscribe((state, previous) => {
      if (state.papers !== previous.papers || state.selectedId !== previous.selectedId) updates++;
    });
    await act(() => app.getState().setStatus([kept], 'queued'));
    // The library's change event (the echo of this change) brings the same rows: nothing more is drawn.
    await until(() => library.get(kept)?.status === 'queued');
    await settle();
    unsubscribe();
    // One update of the list and the cursor together, from the key; none from the echo.
    expect(updates).toBe(1);
    const after = onScreen();
    expect(after).not.toContain(kept);
    expect(app.getState().selectedId).toBe(before[4]);
    const came = after.filter((id) => !before.includes(id));
    // Content: the new cursor's (its buttons become Tab stops) and the row that scrolled into the window.
    expect(counts(drawn.contents)).toEqual(counts([before[4]!, ...came]));
    // Frames: the rows below the kept paper move up one place; the rows above it are not drawn at all.
    expect(counts(drawn.rows)).toEqual(counts([...after.slice(3)]));
    stop();
  });

  it('a paper changed elsewhere (the CLI) draws that row alone', async () => {
    const { library, stop, before } = await listShown(60);
    const changed = before[6]!;
    await run(library, 'papers.update', { id: changed, patch: { title: 'A new title from the command line' } });
    await until(() => document.querySelector(`[data-id="${changed}"]`)?.textContent?.includes('new title') === true);
    await settle();
    expect(counts(drawn.contents)).toEqual({ [changed]: 1 });
    expect(counts(drawn.rows)).toEqual({ [changed]: 1 });
    stop();
  });
});

describe('the first drawing', () => {
  it('draws the rows the window holds in one commit, and their measure, once laid out, draws nothing again', async () => {
    const { stop, app } = await listShown(120);
    // As a browser does: the list, shorter than the window, is reported once it is laid out.
    const { ResizeObserver: quiet } = globalThis;
    globalThis.ResizeObserver = class {
      constructor(private readonly report: ResizeObserverCallback) {}
      observe(target: Element): void {
        setTimeout(() => this.report([{ target } as ResizeObserverEntry], this as unknown as ResizeObserver), 0);
      }
      unobserve(): void {}
      disconnect(): void {}
    };
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 700 });
    try {
      const commits = drawnAgain(app);
      const drawnFirst = onScreen().length;
      await settle();
      // Measured as it was mounted, the list forced the page's first layout, then drew twice more before the
      // first frame: for its element, then for the rows the measure found.
      expect(commits()).toBe(1);
      // From the first commit, the rows the window's height holds and the 8 below them (9 rows before).
      expect(drawnFirst * 124).toBeGreaterThanOrEqual(window.innerHeight + 8 * 124);
      expect(onScreen().length).toBe(drawnFirst);
    } finally {
      globalThis.ResizeObserver = quiet;
      Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 900 });
    }
    stop();
  });
});

describe('a key press draws its change before anything else', () => {
  it('the list is drawn once for the change: nothing it does on drawing asks it to draw again', async () => {
    const { app, stop, before } = await listShown(120);
    // A second render of the list, the same key: counted by React's own Profiler around it.
    const commits = drawnAgain(app);
    await until(() => onScreen().length > 10);
    await settle();
    const settled = commits();
    // The key's own work, up to the frame: its update of the store, drawn (what follows the frame waits).
    act(() => void app.getState().setStatus([before[3]!], 'queued'));
    // One commit. A ref given as a new function each render was called with null and then the list at each
    // commit, two updates of the row window's state, and React drew the list a second time before the frame.
    expect(commits() - settled).toBe(1);
    stop();
  });

  it('the focus moves to the next row before the kept row leaves the page, once', async () => {
    const { app, stop, before } = await listShown(60);
    const kept = before[3]!;
    expect(document.activeElement?.getAttribute('data-id')).toBe(kept);
    // Each focus() call: which row, and whether the kept row was still in the page. A focus once the kept
    // row is gone makes the browser work out the page's style again, and removing the row that holds the
    // focus costs as much again.
    const focused: { id: string | undefined; keptThere: boolean }[] = [];
    const real = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'focus')!.value as HTMLElement['focus'];
    const focus = vi.spyOn(HTMLElement.prototype, 'focus').mockImplementation(function (this: HTMLElement, options) {
      focused.push({ id: this.dataset.id, keptThere: document.querySelector(`[data-id="${kept}"]`) !== null });
      real.call(this, options);
    });
    await act(() => app.getState().setStatus([kept], 'queued'));
    await settle();
    focus.mockRestore();
    expect(focused).toEqual([{ id: before[4], keptThere: true }]);
    expect(document.activeElement?.getAttribute('data-id')).toBe(before[4]);
    stop();
  });

  it('a row moving up into the margin from a page not yet come is asked for once the frame is drawn', async () => {
    const calls: string[] = [];
    const { library, app, stop, before } = await listShown(60, calls);
    // Scrolled until the margin past the screen (half a page) ends with the first page, whose last row is
    // the one a kept paper's leaving empties: the second page has not come.
    const list = document.querySelector<HTMLElement>('[aria-label="Papers"]')!;
    const shownBefore = app.getState().onScreen();
    const rowHeight = parseFloat(list.querySelector<HTMLElement>('.list-inner')!.style.height) / 60;
    const scrollBy = async (rows: number) => {
      act(() => {
        list.scrollTop += rows * rowHeight;
        list.dispatchEvent(new Event('scroll'));
      });
      await settle();
    };
    // Short of the place first (a row too far would bring the second page), then to it.
    await scrollBy(PAGE_SIZE / 2 - shownBefore.to - 2);
    await scrollBy(PAGE_SIZE / 2 - app.getState().onScreen().to);
    expect(app.getState().onScreen().to + PAGE_SIZE / 2).toBe(PAGE_SIZE);
    expect(app.getState().papers[PAGE_SIZE]).toBeUndefined();
    calls.length = 0;
    const kept = before[3]!;
    act(() => void app.getState().setStatus([kept], 'queued'));
    for (let i = 0; i < 10; i++) await Promise.resolve();
    // The change is on screen; the first page's last place is empty and nothing has been asked yet.
    expect(app.getState().papers[PAGE_SIZE - 1]).toBeUndefined();
    expect(calls).toEqual([]);
    await act(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    await until(() => app.getState().papers[PAGE_SIZE - 1] !== undefined);
    expect(calls).toContain('papers.rows');
    await until(() => library.get(kept)?.status === 'queued');
    await settle();
    stop();
  });

  it('the change is sent, and the next paper asked for, once the frame that shows it is drawn', async () => {
    const calls: string[] = [];
    const { library, app, stop, before } = await listShown(60, calls);
    const kept = before[3]!;
    calls.length = 0;
    let updates = 0;
    const unsubscribe = app.subscribe(() => updates++);
    act(() => {
      void app.getState().setStatus([kept], 'queued');
      // The rows, the cursor, the undo entry and its notice: one update, every subscriber looks once.
      expect(updates).toBe(1);
    });
    unsubscribe();
    expect(app.getState().notice).toMatch(/^Marked ‘Paper number \d+ on drawing’ queued$/);
    for (let i = 0; i < 10; i++) await Promise.resolve();
    // On screen at once; nothing asked of the library before the frame.
    expect(onScreen()).not.toContain(kept);
    expect(app.getState().selectedId).toBe(before[4]);
    expect(calls).toEqual([]);
    await act(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    await until(() => calls.includes('papers.setStatus') && calls.includes('papers.get'));
    await until(() => library.get(kept)?.status === 'queued' && app.getState().detail?.id === before[4]);
    await settle();
    // The next paper once: the library's change event names only the kept one.
    expect(calls.filter((name) => name === 'papers.get')).toHaveLength(1);
    stop();
  });
});

describe('moving the cursor draws the list and the paper, not the window around them', () => {
  it('the sidebar is not drawn again when the cursor moves', async () => {
    const library = await openTempStore();
    const bib = Array.from({ length: 30 }, (_, i) => `@misc{m${i}, title = {Paper number ${i} on drawing}}`).join('\n');
    await dispatch({ store: library }, 'library.import', { text: bib, name: 'rows.bib' });
    const app = createAppStore(inProcess(library));
    const stop = app.start();
    render(
      <StoreContext.Provider value={app}>
        <App />
      </StoreContext.Provider>,
    );
    await until(() => !app.getState().loading && onScreen().length > 10 && app.getState().stats !== undefined);
    const rows = onScreen();
    act(() => app.getState().select(rows[2]));
    await settle();
    drawn.sidebars = 0;
    // Within the first screen: jsdom scrolls nothing.
    for (const id of rows.slice(3, 6)) act(() => app.getState().select(id));
    await settle();
    expect(app.getState().detail?.id).toBe(rows[5]);
    expect(drawn.sidebars).toBe(0);
    stop();
  });
});
