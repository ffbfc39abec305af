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

/*
 * QA s34 item 4: an emptied inbox of a large library, and every empty view of a library with papers, said
 * "Nothing here yet — Bring in papers with Import…", as a first run does. Each says what it is for now.
 */
describe('an empty view of a library with papers', () => {
  it('says what the view gathers and how a paper gets there, never how to import; a new library still does', async () => {
    library = await LibraryStore.open(await tempDir());
    const app = createAppStore(inProcess(library));
    const stop = app.start();
    render(
      <StoreContext.Provider value={app}>
        <PaperList />
      </StoreContext.Provider>,
    );
    // A first run: how to bring papers in.
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Nothing here yet'));
    expect(screen.getByRole('status').textContent).toContain('Import…');

    await run(library, 'library.import', { path: fixture('five-papers.txt') });
    const ids = [...library.all()].map((paper) => paper.id);
    await run(library, 'papers.setStatus', { ids, status: 'dismissed' });
    await act(() => app.getState().loadStats());
    act(() => app.getState().setView({ kind: 'status', status: 'inbox' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Inbox zero'));
    const status = screen.getByRole('status').textContent;
    expect(status).not.toContain('Nothing here yet');
    expect(status).not.toContain('Import…');
    expect(status).toContain(`${ids.length} papers are in your library.`);
    act(() => screen.getByRole('button', { name: 'Open the queue' }).click());
    expect(app.getState().view).toEqual({ kind: 'status', status: 'queued' });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Your queue is empty'));
    expect(screen.getByRole('status').textContent).toContain('Press q on a paper');
    act(() => app.getState().setView({ kind: 'status', status: 'read' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Nothing read yet'));
    stop();
  });
});
