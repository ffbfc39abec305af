// @vitest-environment jsdom
import { act, cleanup, configure, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncDialog } from '../../renderer/src/components/sync/SyncDialog';
import { SyncStatusLine } from '../../renderer/src/components/sync/SyncStatusLine';
import { StoreContext, createAppStore } from '../../renderer/src/store';
import { LibraryStore } from '../../electron/core/store/store';
import { detachSync } from '../../electron/core/sync/attach';
import { run, tempDir } from '../core/helpers';
import { inProcess } from './in-process';

// Two real libraries syncing through a real folder: on a loaded machine a second was seen to be too short.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The laptop deleted Beta and marked Alpha read; the desk, not having synced, noted Beta and queued Alpha. */
async function deletedHereChangedThere() {
  const [laptopDir, deskDir, shared] = await Promise.all([tempDir(), tempDir(), tempDir()]);
  const [laptop, desk] = await Promise.all([LibraryStore.open(laptopDir), LibraryStore.open(deskDir)]);
  const alpha = (await run(laptop, 'papers.add', { title: 'Alpha' })).id;
  const beta = (await run(laptop, 'papers.add', { title: 'Beta' })).id;
  await run(laptop, 'sync.setup', { dir: shared, name: 'Laptop' });
  await run(desk, 'sync.setup', { dir: shared, name: 'Desk' });
  await run(laptop, 'papers.remove', { ids: [beta] });
  await run(laptop, 'papers.setStatus', { ids: [alpha], status: 'read' });
  await run(laptop, 'sync.now', {});
  await pause(20);
  await run(desk, 'notes.save', { id: beta, note: 'Still useful.' });
  await run(desk, 'papers.setStatus', { ids: [alpha], status: 'queued' });
  await run(desk, 'sync.now', {});
  await run(laptop, 'sync.now', {});
  const close = async () => {
    await Promise.all([detachSync(laptop), detachSync(desk)]);
    await Promise.all([laptop.flush(), desk.flush()]);
  };
  return { laptop, close };
}

describe('what a sync did, where the person sees sync', () => {
  it('stays in the sidebar and the dialog until the person says they have seen it', async () => {
    const { laptop, close } = await deletedHereChangedThere();
    try {
      const app = createAppStore(inProcess(laptop));
      await act(() => app.getState().loadSync());
      const { unmount } = render(
        <StoreContext.Provider value={app}>
          <SyncStatusLine />
        </StoreContext.Provider>,
      );
      const line = screen.getByRole('region', { name: 'Sync' });
      expect(
        within(line).getByText(/^Received \d+ changes from Desk; sent nothing; 2 papers changed here\.$/),
      ).toBeTruthy();
      const notices = within(line).getByRole('status', { name: 'What the last syncs changed here' });
      expect(
        within(notices).getByText('Kept a paper you deleted, because Desk changed it after: “Beta”.'),
      ).toBeTruthy();
      expect(within(notices).getByText('Your “read” on “Alpha” was replaced by Desk’s later “queued”.')).toBeTruthy();

      // A later sync with nothing new does not take it away.
      await act(() => app.getState().syncNow());
      expect(within(line).getByText('Received nothing new; sent nothing.')).toBeTruthy();
      expect(within(line).getByText(/Kept a paper you deleted/)).toBeTruthy();

      // The dialog says it too, with the last sync; seen in either, it goes from both, and stays gone.
      unmount();
      render(
        <StoreContext.Provider value={app}>
          <SyncStatusLine />
          <SyncDialog />
        </StoreContext.Provider>,
      );
      expect(screen.getAllByText(/Kept a paper you deleted/)).toHaveLength(2);
      fireEvent.click(screen.getAllByRole('button', { name: 'Got it' })[0]!);
      expect(screen.queryByText(/Kept a paper you deleted/)).toBeNull();
      cleanup();
      render(
        <StoreContext.Provider value={app}>
          <SyncStatusLine />
        </StoreContext.Provider>,
      );
      expect(screen.queryByText(/Kept a paper you deleted/)).toBeNull();
    } finally {
      await close();
    }
  }, 60_000);
});
