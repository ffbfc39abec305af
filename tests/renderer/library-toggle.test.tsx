// @vitest-environment jsdom
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/components/App';
import { SEARCH_PLACEHOLDERS, fittingPlaceholder } from '../../renderer/src/components/search-placeholder';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { fixture, openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';
import { giveTheListAWindow, giveTheWindowAWidth } from './jsdom-layout';

/**
 * QA s32, 900 pixels: with a paper open the sidebar folds away between 880 and 1,099 pixels (narrow-layout.css;
 * drawn in tests/e2e/narrow-900.spec.ts) and the library opens over the list from a toggle before the view's
 * title, as a modal drawer. Here, in a window 1,000 pixels wide: the toggle's state, where the focus goes, and
 * what folds the library away again.
 */
configure({ asyncUtilTimeout: 10_000 });
giveTheListAWindow();
giveTheWindowAWidth(1000);
afterEach(() => {
  cleanup();
  localStorage.clear();
});

async function started() {
  const library = await openTempStore();
  await run(library, 'library.import', { path: fixture('five-papers.txt') });
  const app = createAppStore(inProcess(library));
  const stop = app.start();
  const { container } = render(
    <StoreContext.Provider value={app}>
      <App />
    </StoreContext.Provider>,
  );
  await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(5));
  return { app, stop, shell: container.querySelector('.app')! };
}

const press = (key: string, extra: { shiftKey?: boolean } = {}) =>
  fireEvent.keyDown(document.activeElement ?? document.body, { key, ...extra });

describe("the library's toggle, while a paper is open", () => {
  it('opens the sidebar with the focus on the view shown, Tab kept in it; Escape, a click outside it, or a view picked fold it away', async () => {
    const { app, stop, shell } = await started();
    // No paper open: the sidebar is in its place, no toggle.
    expect(screen.queryByRole('button', { name: 'Library' })).toBeNull();
    press('j');
    await waitFor(() => expect(app.getState().selectedId).toBeDefined());
    const toggle = screen.getByRole('button', { name: 'Library' });
    const nav = screen.getByRole('navigation', { name: 'Library' });
    expect(toggle.getAttribute('aria-controls')).toBe(nav.id);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    // Before the view's title, first in the toolbar.
    expect(toggle.compareDocumentPosition(screen.getByRole('heading', { level: 1 }))).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );

    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(shell.classList.contains('library-open')).toBe(true);
    const inbox = within(nav).getByRole('button', { name: /^Inbox/ });
    expect(document.activeElement).toBe(inbox);
    // Escape: folded away, the focus back on the toggle, the paper still open.
    press('Escape');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);
    expect(app.getState().selectedId).toBeDefined();

    // A click outside it.
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.pointerDown(screen.getByRole('grid', { name: 'Papers' }));
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    // Tab does not leave it: the drawer is modal, the search box under its veil inert. Tab from its last
    // control goes round to its first, Shift+Tab back; Escape folds it away, the focus back on the toggle.
    fireEvent.click(toggle);
    expect(screen.getByRole('searchbox', { name: 'Search' }).closest('[inert]')).not.toBeNull();
    const stops = [...nav.querySelectorAll<HTMLElement>('button, select')];
    act(() => stops.at(-1)!.focus());
    press('Tab');
    expect(document.activeElement).toBe(stops[0]);
    press('Tab', { shiftKey: true });
    expect(document.activeElement).toBe(stops.at(-1));
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    press('Escape');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);

    // A view picked: shown, which closes the paper; the sidebar is back in its place, the toggle gone.
    fireEvent.click(toggle);
    const all = within(nav).getByRole('button', { name: /^All papers/ });
    act(() => all.focus());
    fireEvent.click(all);
    await waitFor(() => expect(app.getState().view).toEqual({ kind: 'status', status: 'all' }));
    expect(app.getState().selectedId).toBeUndefined();
    expect(screen.queryByRole('button', { name: 'Library' })).toBeNull();
    expect(shell.classList.contains('library-open')).toBe(false);
    expect(document.activeElement).toBe(all);
    stop();
  });
});

describe("the search box's placeholder", () => {
  // Seven pixels a character: a stand-in for the box's font.
  const measure = (text: string) => text.length * 7;

  it('is the longest that fits the room in the box, down to "Search"', () => {
    expect(fittingPlaceholder(1000, measure)).toBe(SEARCH_PLACEHOLDERS[0]);
    const room = 300;
    const chosen = fittingPlaceholder(room, measure);
    expect(measure(chosen)).toBeLessThanOrEqual(room);
    const longer = SEARCH_PLACEHOLDERS.slice(0, SEARCH_PLACEHOLDERS.indexOf(chosen as never));
    for (const text of longer) expect(measure(text)).toBeGreaterThan(room);
    expect(chosen).toMatch(/^Search \( \/ \): .*#tag/);
    expect(fittingPlaceholder(10, measure)).toBe('Search');
  });
});
