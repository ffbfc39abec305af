// @vitest-environment jsdom
import { act, cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/components/App';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { SEED, fixture, openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';
import { giveTheListAWindow } from './jsdom-layout';

// Imports and status changes run on a real store: a loaded machine can take more than a second.
configure({ asyncUtilTimeout: 10_000 });

giveTheListAWindow();
afterEach(() => {
  cleanup();
  localStorage.clear();
});

/** The app on a real library: `files` imported in order, the Inbox's list drawn. */
async function started(...files: string[]) {
  const library = await openTempStore();
  for (const path of files) await run(library, 'library.import', { path });
  const app = createAppStore(inProcess(library));
  const stop = app.start();
  render(
    <StoreContext.Provider value={app}>
      <App />
    </StoreContext.Provider>,
  );
  await waitFor(() => expect(screen.getAllByRole('row').length).toBeGreaterThan(0));
  return { library, app, stop };
}

/** A key pressed where the focus is, as a person presses it. */
function press(key: string, extra: { ctrlKey?: boolean } = {}): void {
  fireEvent.keyDown(document.activeElement ?? document.body, { key, ...extra });
}

const grid = () => screen.getByRole('grid', { name: 'Papers' });
const rowNamed = (start: string) => screen.getByRole('row', { name: new RegExp(`^${start}`) });

describe('the row with the focus is the row the keys act on', () => {
  it('a row reached with Tab becomes the cursor: q keeps that paper', async () => {
    const { library, app, stop } = await started(fixture('five-papers.txt'));
    expect(app.getState().selectedId).toBeUndefined();
    // Tab stops at one row of the list; jsdom has no Tab, but a Tab is a focus that no pointer pressed.
    const stop1 = screen.getAllByRole('row').filter((row) => row.tabIndex === 0);
    expect(stop1).toHaveLength(1);
    act(() => stop1[0]!.focus());
    const id = stop1[0]!.dataset.id!;
    await waitFor(() => expect(stop1[0]!.getAttribute('aria-selected')).toBe('true'));
    expect(app.getState().selectedId).toBe(id);
    press('q');
    await waitFor(() => expect(library.get(id)?.status).toBe('queued'));
    stop();
  });

  it('the focus a click brings is left to the click: Ctrl-click still picks the open paper and the clicked one', async () => {
    const { app, stop } = await started(fixture('five-papers.txt'));
    fireEvent.click(rowNamed('Alpha'));
    await waitFor(() => expect(app.getState().selectedId).toBe(rowNamed('Alpha').dataset.id));
    // A press focuses the row before its click, in the same task.
    const gamma = rowNamed('Gamma');
    fireEvent.mouseDown(gamma, { ctrlKey: true });
    act(() => gamma.focus());
    fireEvent.click(gamma, { ctrlKey: true });
    await waitFor(() => expect(app.getState().checked).toHaveLength(2));
    expect(app.getState().checked).toEqual([rowNamed('Alpha').dataset.id, gamma.dataset.id]);
    stop();
  });

  it('a Tab into the list with papers picked moves the cursor and keeps the picks', async () => {
    const { app, stop } = await started(fixture('five-papers.txt'));
    const [alpha, beta] = [rowNamed('Alpha').dataset.id!, rowNamed('Beta').dataset.id!];
    act(() => {
      app.getState().toggleChecked(alpha);
      app.getState().toggleChecked(beta);
      // The cursor's paper is not among the rows: Tab comes to the first row on screen.
      app.setState({ selectedId: 'gone' });
    });
    const row = screen.getAllByRole('row').find((r) => r.tabIndex === 0)!;
    act(() => row.focus());
    await waitFor(() => expect(app.getState().selectedId).toBe(row.dataset.id));
    expect(app.getState().checked).toEqual([alpha, beta]);
    stop();
  });
});

describe('each list opens where it was left in this session, else at its top', () => {
  it('a source opens at its top after the Inbox was scrolled, and the Inbox comes back where it was', async () => {
    // The seed's 52 papers and five more from another digest: 57 in the Inbox, 5 in "five-papers".
    const { app, stop } = await started(SEED, fixture('five-papers.txt'));
    await waitFor(() => expect(app.getState().total).toBe(57));
    await waitFor(() => expect(app.getState().stats?.sources.length).toBe(2));
    const five = app.getState().stats!.sources.find((s) => s.count === 5)!;
    const seed = app.getState().stats!.sources.find((s) => s.count === 52)!;

    // Scrolled down the Inbox (jsdom lays nothing out: the scroll is the position the list reports).
    act(() => {
      grid().scrollTop = 3000;
      fireEvent.scroll(grid());
    });
    fireEvent.click(screen.getByRole('button', { name: new RegExp(`^${escape(five.name)}`) }));
    await waitFor(() => expect(app.getState().total).toBe(5));
    await waitFor(() => expect(app.getState().loading).toBe(false));
    expect(grid().scrollTop).toBe(0);

    // The other source, never opened: its top too.
    fireEvent.click(screen.getByRole('button', { name: new RegExp(`^${escape(seed.name)}`) }));
    await waitFor(() => expect(app.getState().total).toBe(52));
    await waitFor(() => expect(app.getState().loading).toBe(false));
    expect(grid().scrollTop).toBe(0);
    act(() => {
      grid().scrollTop = 1240;
      fireEvent.scroll(grid());
    });

    // Back to the Inbox: where it was left; and the source where it was.
    fireEvent.click(screen.getByRole('button', { name: /^Inbox/ }));
    await waitFor(() => expect(app.getState().total).toBe(57));
    await waitFor(() => expect(app.getState().loading).toBe(false));
    expect(grid().scrollTop).toBe(3000);
    fireEvent.click(screen.getByRole('button', { name: new RegExp(`^${escape(seed.name)}`) }));
    await waitFor(() => expect(app.getState().total).toBe(52));
    await waitFor(() => expect(app.getState().loading).toBe(false));
    expect(grid().scrollTop).toBe(1240);
    stop();
  });

  it('a search opens its results at their top; emptying it brings the list back where it was', async () => {
    const { app, stop } = await started(SEED, fixture('five-papers.txt'));
    await waitFor(() => expect(app.getState().total).toBe(57));
    act(() => {
      grid().scrollTop = 2480;
      fireEvent.scroll(grid());
    });
    // Typed in the search box, as a person does (the box reports its text to the store after a pause).
    const box = screen.getByRole('searchbox', { name: 'Search' });
    fireEvent.change(box, { target: { value: 'Alpha' } });
    // The search's answer, not the list before it (a search may wait for the typing to pause).
    await waitFor(() => expect(app.getState().total).toBeLessThan(57));
    // Its rows are drawn in a render after the answer: the list is at their top then.
    await waitFor(() => expect(grid().scrollTop).toBe(0));
    fireEvent.change(box, { target: { value: '' } });
    await waitFor(() => expect(app.getState().total).toBe(57));
    await waitFor(() => expect(grid().scrollTop).toBe(2480));
    stop();
  });
});

/** `text` as a regular expression matching it literally. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
