import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { LibraryStore } from '../store/store';
import { newDevice } from './device';
import { checkSyncFolder, SyncFolderMissingError, SyncFolderNewerError } from './folder';
import { writeSyncRecord } from './local';
import { recordChange } from './record';
import { SyncSession, type FolderState } from './session';
import { localSyncDir, readSyncSettings, writeSyncSettings } from './settings';

const sessions = new WeakMap<LibraryStore, SyncSession>();

/** The sync session of an open library, if sync is set up and attached. */
export const syncSessionOf = (store: LibraryStore): SyncSession | undefined => sessions.get(store);

/**
 * Wire sync to an open library when its data folder has sync settings: every host calls this once after
 * opening the store (the CLI, browser mode, the desktop app). A library opened read-only records nothing.
 */
export async function attachSync(store: LibraryStore): Promise<SyncSession | undefined> {
  const existing = sessions.get(store);
  if (existing) return existing;
  if (store.readOnly !== undefined) return undefined;
  const settings = await readSyncSettings(store.dataDir);
  if (!settings) return undefined;
  const session = await SyncSession.open(store, settings);
  sessions.set(store, session);
  return session;
}

export async function detachSync(store: LibraryStore): Promise<void> {
  const session = sessions.get(store);
  sessions.delete(store);
  await session?.close();
}

/**
 * Make this library a device of the sync folder `folder` (which must exist: a missing one may be an
 * unmounted drive) named `name`. Pointed again at the same folder, the device keeps its id and takes the
 * new name; pointed at another folder it starts as a new device there. Every paper the library holds is
 * recorded as this device's first changes, then the folder is merged in.
 */
export async function setUpSync(store: LibraryStore, folder: string, name: string): Promise<SyncSession> {
  await checkSyncFolder(folder);
  const previous = await readSyncSettings(store.dataDir);
  await detachSync(store);
  const same = previous?.folder === folder;
  const device = same ? { ...previous.device, name: name.trim() || previous.device.name } : newDevice(name);
  if (!same) {
    for (const file of ['state.snap', 'journal.jsonl', 'status.json']) {
      await rm(join(localSyncDir(store.dataDir), file), { force: true });
    }
  }
  await writeSyncSettings(store.dataDir, { folder, device });
  const session = (await attachSync(store))!;
  if (!same) {
    await session.enqueue(async () => {
      const replica = await session.loaded();
      const ops = [...store.all()].flatMap((paper) => recordChange(replica, undefined, paper, false));
      session.journal.push(...ops);
      await session.saveState();
      await writeSyncRecord(session.dataDir, session.record);
    });
  }
  await session.syncNow();
  return session;
}

/** What `sync.status` answers (the status line and the settings page read this). */
export type SyncStatus =
  | { setUp: false }
  | {
      setUp: true;
      folder: string;
      device: { id: string; name: string };
      /** ok; missing (an unmounted drive: sync resumes when it is back); newer (written by a newer Paperqueue,
       * left untouched); in-use (another data folder claims this device); error. */
      folderState: FolderState;
      message?: string;
      lastSyncedAt?: string;
      /** This device's changes not in the sync folder yet. */
      waiting: number;
      devices: { id: string; name?: string; changes: number; self: boolean }[];
      conflicts: { paperId: string; title: string }[];
      skewed: { device: string; name?: string; aheadMs: number }[];
      problems: { file: string; kind: string; reason: string }[];
    };

export async function syncStatus(store: LibraryStore): Promise<SyncStatus> {
  const session = await attachSync(store);
  if (!session) return { setUp: false };
  const { settings, record } = session;
  let folderState: FolderState = session.folderState ?? 'ok';
  let message = session.folderMessage ?? record.lastError;
  // The folder as it is now: a drive unmounted since the last sync is said at once.
  try {
    await checkSyncFolder(settings.folder);
    if (folderState === 'missing' || folderState === 'newer') [folderState, message] = ['ok', undefined];
  } catch (error) {
    folderState =
      error instanceof SyncFolderMissingError ? 'missing' : error instanceof SyncFolderNewerError ? 'newer' : 'error';
    message = (error as Error).message;
  }
  if (folderState === 'ok' && !session.folderState && record.lastError) message = record.lastError;
  const names = new Map(record.devices.map((device) => [device.id, device.name]));
  return {
    setUp: true,
    folder: settings.folder,
    device: { id: settings.device.id, name: settings.device.name },
    folderState,
    ...(message && { message }),
    ...(record.lastSyncedAt && { lastSyncedAt: record.lastSyncedAt }),
    waiting: await session.waiting(),
    devices: record.devices,
    conflicts: record.conflicts,
    skewed: record.skewed.map((entry) => ({
      ...entry,
      ...(names.get(entry.device) && { name: names.get(entry.device) }),
    })),
    problems: record.problems,
  };
}

/** True when `dir` is an existing folder (the setup command's check, for a clear message). */
export const isFolder = async (dir: string): Promise<boolean> =>
  (await stat(dir).catch(() => undefined))?.isDirectory() ?? false;
