import type { Status } from '../../../electron/core/schema';
import { LibraryStore } from '../../../electron/core/store/store';
import { detachSync, setUpSync, syncStatus, type SyncStatus } from '../../../electron/core/sync/attach';
import type { SyncSession } from '../../../electron/core/sync/session';
import { run, tempDir } from '../helpers';

/** For the tests of what a sync reports of statuses (sync-report-seen, sync-report-snapshot). */
export type On = Extract<SyncStatus, { setUp: true }>;
export const on = async (store: LibraryStore): Promise<On> => (await syncStatus(store)) as On;
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A laptop and a desktop, each its own data folder, syncing through one real folder, with three papers on both. */
export async function twoMachines() {
  const [shared, a, b] = await Promise.all([tempDir(), tempDir(), tempDir()]);
  const laptop = await LibraryStore.open(a);
  const desktop = await LibraryStore.open(b);
  const ids: Record<string, string> = {};
  for (const title of ['Alpha', 'Beta', 'Gamma']) ids[title] = (await run(laptop, 'papers.add', { title })).id;
  const laptopSync = await setUpSync(laptop, shared, 'Laptop');
  const desktopSync = await setUpSync(desktop, shared, 'Desktop');
  await laptopSync.syncNow();
  const close = async () => {
    for (const store of [laptop, desktop]) {
      await detachSync(store);
      await store.flush();
    }
  };
  const status = (store: LibraryStore, title: string, value: Status) =>
    run(store, 'papers.setStatus', { ids: [ids[title]!], status: value });
  return { laptop, desktop, laptopSync, desktopSync, ids, status, close };
}

/** The desktop writes a snapshot of its merged state into the sync folder, as it does every 5,000 changes. */
export async function snapshotOf(session: SyncSession): Promise<void> {
  const replica = await session.loaded();
  await session.log!.writeSnapshot(replica.snapshotState);
}
