// @vitest-environment jsdom
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/components/App';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { fixture, openTempStore, run } from '../core/helpers';
import { inProcess } from './in-process';
import { giveTheListAWindow } from './jsdom-layout';

// The bulk action runs on a real store: a loaded machine can take more than a second.
configure({ asyncUtilTimeout: 10_000 });

giveTheListAWindow();
afterEach(() => {
  cleanup();
  localStorage.clear();
});

/** The app on a real library of five inbox papers (Alpha to Epsilon), its list drawn. */
async function started() {
  const library = await openTempStore();
  await run(library, 'library.import', { path: fixture('five-papers.txt') });
  const app = createAppStore(inProcess(library));
  const stop = app.start();
  render(
    <StoreContext.Provider value={app}>
      <App />
    </StoreContext.Provider>,
  );
  await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(5));
  return { library, app, stop };
}

/** A key pressed where the focus is, as a person presses it. */
function press(key: string, shiftKey = false): void {
  fireEvent.keyDown(document.activeElement ?? document.body, { key, shiftKey });
}

/** The rows' first words (Alpha, Beta…) that say they are selected, top to bottom. */
const selectedRows = (): string[] =>
  screen
    .getAllByRole('row')
    .filter((row) => row.getAttribute('aria-selected') === 'true')
    .map((row) => row.getAttribute('aria-label')!.split(':')[0]!);

describe('picking papers from the keyboard', () => {
  it('Shift+↓ picks a range, Shift+↑ shrinks it, Space adds one more; the bulk bar then keeps them', async () => {
    const { library, stop } = await started();
    press('j');
    await waitFor(() => expect(selectedRows()).toEqual(['Alpha']));
    press('ArrowDown', true);
    press('J', true);
    await waitFor(() => expect(selectedRows()).toEqual(['Alpha', 'Beta', 'Gamma']));
    const bar = screen.getByRole('toolbar', { name: 'Selected papers' });
    expect(bar.textContent).toContain('3 selected');
    // Back towards where the range began: Gamma is let go; the cursor is on Beta, which has the focus.
    press('ArrowUp', true);
    await waitFor(() => expect(selectedRows()).toEqual(['Alpha', 'Beta']));
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Beta/);
    // j moves without picking; Space picks the cursor's paper, and again leaves it out.
    press('j');
    press('j');
    press(' ');
    await waitFor(() => expect(selectedRows()).toEqual(['Alpha', 'Beta', 'Delta']));
    press(' ');
    await waitFor(() => expect(selectedRows()).toEqual(['Alpha', 'Beta']));
    const delta = screen.getByRole('row', { name: /^Delta/ });
    expect(delta.className).toContain('unpicked');
    press(' ');
    await waitFor(() => expect(selectedRows()).toEqual(['Alpha', 'Beta', 'Delta']));

    fireEvent.click(within(bar).getByRole('button', { name: 'Keep' }));
    await waitFor(() =>
      expect(
        [...library.all()]
          .filter((p) => p.status === 'queued')
          .map((p) => p.title.split(':')[0])
          .sort(),
      ).toEqual(['Alpha', 'Beta', 'Delta']),
    );
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
    expect(screen.queryByRole('toolbar', { name: 'Selected papers' })).toBeNull();
    stop();
  });

  it('Escape lets the picked papers go and keeps the paper open; a second Escape closes it', async () => {
    const { app, stop } = await started();
    press('j');
    press('ArrowDown', true);
    await waitFor(() => expect(selectedRows()).toEqual(['Alpha', 'Beta']));
    press('Escape');
    await waitFor(() => expect(selectedRows()).toEqual(['Beta']));
    expect(app.getState().checked).toEqual([]);
    await screen.findByRole('complementary', { name: 'Paper' });
    press('Escape');
    await waitFor(() => expect(screen.queryByRole('complementary', { name: 'Paper' })).toBeNull());
    expect(selectedRows()).toEqual([]);
    stop();
  });

  it('a status key acts on the one paper picked, not on the cursor beside it', async () => {
    const { library, stop } = await started();
    press('j');
    press(' ');
    press('j');
    await waitFor(() => expect(selectedRows()).toEqual(['Alpha']));
    press('d');
    await waitFor(() =>
      expect([...library.all()].filter((p) => p.status === 'dismissed').map((p) => p.title.split(':')[0])).toEqual([
        'Alpha',
      ]),
    );
    stop();
  });
});
