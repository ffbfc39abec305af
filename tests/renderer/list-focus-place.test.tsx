// @vitest-environment jsdom
import { act, cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/components/App';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { fixture, openTempStore, run } from '../core/helpers';
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
