// @vitest-environment jsdom
import { readFile } from 'node:fs/promises';
import { act, cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Banner } from '../../renderer/src/components/Banner';
import { ImportDialog } from '../../renderer/src/components/ImportDialog';
import { Sidebar } from '../../renderer/src/components/Sidebar';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { fixture, openTempStore } from '../core/helpers';
import { inProcess } from './in-process';

configure({ asyncUtilTimeout: 10_000 });
afterEach(cleanup);

describe('the banner an import leaves', () => {
  it('goes when the person moves to another view; an error stays until dismissed', async () => {
    const library = await openTempStore();
    const app = createAppStore(inProcess(library));
    render(
      <StoreContext.Provider value={app}>
        <Sidebar />
        <Banner />
        <ImportDialog />
      </StoreContext.Provider>,
    );
    const bytes = await readFile(fixture('five-papers.txt'));
    await act(() =>
      app.getState().previewFile({ name: 'five-papers.txt', arrayBuffer: () => Promise.resolve(bytes.buffer) }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Import 5 papers' }));
    const report = await screen.findByText(/^Imported 5 papers from/);
    expect(app.getState().view).toEqual({ kind: 'status', status: 'inbox' });

    // Still there in the view the import opened; gone once the person goes to the Queue.
    expect(report.isConnected).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: /^Queue/ }));
    await waitFor(() => expect(app.getState().view).toEqual({ kind: 'status', status: 'queued' }));
    expect(screen.queryByText(/^Imported 5 papers/)).toBeNull();

    act(() => app.getState().showError(new Error('The library refused that.')));
    fireEvent.click(screen.getByRole('button', { name: /^Inbox/ }));
    expect(screen.getByRole('alert').textContent).toMatch(/The library refused that\./);
    await library.flush();
  });
});
