// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PaperList } from '../../renderer/src/components/PaperList';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { LibraryStore } from '../../electron/core/store/store';
import { fixture, run, tempDir } from '../core/helpers';
import { inProcess } from './in-process';
import { giveTheListAWindow } from './jsdom-layout';

giveTheListAWindow();

let library: LibraryStore | undefined;
afterEach(async () => {
  cleanup();
  await library?.flush();
  library = undefined;
});

describe('a view whose search finds nothing', () => {
  it('keeps saying so, "Show it" and all, while the answer to the next search comes: no empty grid in between', async () => {
    library = await LibraryStore.open(await tempDir());
    await run(library, 'library.import', { path: fixture('five-papers.txt') });
    const app = createAppStore(inProcess(library));
    app.getState().setView({ kind: 'status', status: 'queued' });
    app.getState().setSearch('alpha');
    render(
      <StoreContext.Provider value={app}>
        <PaperList />
      </StoreContext.Provider>,
    );
    const showIt = await screen.findByRole('button', { name: 'Show it' });
    expect(screen.getByRole('status').textContent).toContain('No papers in Queue match your search.');

    // The next search's request leaves; until it answers, the list is loading.
    act(() => app.getState().setSearch('alpha learning'));
    expect(app.getState().loading).toBe(true);
    expect(showIt.isConnected).toBe(true);
    expect(screen.queryByRole('grid')).toBeNull();

    await waitFor(() => expect(app.getState().loading).toBe(false));
    expect(screen.getByRole('status').textContent).toContain('No papers in Queue match your search.');
    // Another view's first answer is not kept waiting for: it is its own.
    act(() => app.getState().setView({ kind: 'status', status: 'all' }));
    expect(screen.queryByRole('button', { name: 'Show it' })).toBeNull();
    expect(await screen.findAllByRole('row')).not.toHaveLength(0);
  });
});
