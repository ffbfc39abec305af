import { readdir, realpath, rm, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { LibraryStore } from '../store/store';
import { newDevice } from './device';
import { listConflicts, type NoteConflict } from './conflicts';
import { checkSyncFolder, SyncFolderMissingError, SyncFolderNewerError } from './folder';
import { writeSyncRecord } from './local';
import { recordChange } from './record';
import { withWords, type SyncReportWords } from './report';
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
export async function setUpSync(
  store: LibraryStore,
  folder: string,
  name: string,
  options: { pdfs?: boolean } = {},
): Promise<SyncSession> {
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
  const pdfs = options.pdfs ?? (same ? previous.pdfs : undefined);
  await writeSyncSettings(store.dataDir, { folder, device, ...(pdfs && { pdfs }) });
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
      /** Attached PDFs are carried too; pdfsWaiting: those used here that no device has shared yet. */
      pdfs: boolean;
      pdfsWaiting: number;
      /** ok; missing (an unmounted drive: sync resumes when it is back); newer (written by a newer Paperqueue,
       * left untouched); in-use (another data folder claims this device); error. */
      folderState: FolderState;
      message?: string;
      lastSyncedAt?: string;
      /** This device's changes not in the sync folder yet. */
      waiting: number;
      devices: { id: string; name?: string; changes: number; self: boolean }[];
      /** Notes merged with conflict markers and not settled since, each with both versions. */
      conflicts: NoteConflict[];
      skewed: { device: string; name?: string; aheadMs: number }[];
      problems: { file: string; kind: string; reason: string }[];
      /** What the last sync did: changes received and sent, and where another machine's change won (report.ts). */
      lastSync?: SyncReportWords;
      /**
       * The last syncs where another machine's change won over this one's (a paper deleted here kept, a status
       * replaced), oldest first: the app shows each until the person dismisses it (by its `at`).
       */
      notices: SyncReportWords[];
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
    pdfs: settings.pdfs === true,
    pdfsWaiting: settings.pdfs ? record.pdfsWaiting : 0,
    folderState,
    ...(message && { message }),
    ...(record.lastSyncedAt && { lastSyncedAt: record.lastSyncedAt }),
    waiting: await session.waiting(),
    devices: record.devices,
    conflicts: listConflicts(store, record.conflicts, record.devices),
    skewed: record.skewed.map((entry) => ({
      ...entry,
      ...(names.get(entry.device) && { name: names.get(entry.device) }),
    })),
    problems: record.problems,
    ...(record.lastReport && { lastSync: withWords(record.lastReport) }),
    notices: record.notices.map(withWords),
  };
}

/**
 * Turn sync off on this machine: the session stops and this data folder's sync settings, saved state,
 * journal and record go (the library keeps every paper; the aliases stay, so old ids still resolve). The
 * device's files stay in the sync folder: the other devices keep what it wrote. Setting sync up again
 * starts a new device, which records the library as it is then.
 */
export async function turnOffSync(store: LibraryStore): Promise<void> {
  await detachSync(store);
  for (const file of ['settings.json', 'state.snap', 'journal.jsonl', 'status.json']) {
    await rm(join(localSyncDir(store.dataDir), file), { force: true });
  }
}

/**
 * Merge the sync folder now and every `ms` after, in the background, whenever sync is set up: sync turned
 * on after the host started (from the settings dialog) is merged too, and turned off it stops. A missing or
 * newer folder is not an error here (the status says it); `onError` hears of damaged settings, once each.
 */
export function keepSyncing(store: LibraryStore, ms: number, onError: (error: unknown) => void): () => void {
  let running = false;
  let stopped = false;
  let lastError = '';
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      const session = await attachSync(store);
      lastError = '';
      // The host closed while the settings were read: the session it closed must not come back to life.
      if (stopped && session) return void (await detachSync(store));
      // Turned off meanwhile: a closed session must not write the folder or the record again.
      if (session && !stopped && syncSessionOf(store) === session) await session.syncNow().catch(() => undefined);
    } catch (error) {
      if (String(error) !== lastError) onError(error);
      lastError = String(error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), ms);
  timer.unref();
  setTimeout(() => void tick(), 0).unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

/** Files a sync app or an operating system puts in any folder, which do not make it someone else's. */
const HOUSEKEEPING = new Set(['devices', 'desktop.ini', 'Thumbs.db', 'Icon\r']);

/**
 * Why `dir` cannot be the sync folder of the library in `dataDir`, in words a person can act on; undefined
 * when it can. It must be an existing folder (a missing one may be an unmounted drive), apart from the data
 * folder, and empty or already Paperqueue's (only `devices/` and hidden files such as Syncthing's
 * `.stfolder`): Paperqueue's files never mix with the person's own, and a page cannot scatter them into any
 * folder. A folder a newer Paperqueue wrote is refused by setUpSync.
 */
export async function syncFolderProblem(
  dir: string,
  dataDir: string,
): Promise<{ code: 'INVALID_INPUT' | 'NOT_FOUND'; message: string } | undefined> {
  if (!isAbsolute(dir))
    return {
      code: 'INVALID_INPUT',
      message: `The sync folder must be a full path (like /home/you/Sync/Paperqueue), not "${dir}".`,
    };
  const found = await stat(dir).catch(() => undefined);
  if (!found)
    return {
      code: 'NOT_FOUND',
      message: `The sync folder ${dir} does not exist. Create it (or mount its drive, or let the sync app create it) first.`,
    };
  if (!found.isDirectory())
    return { code: 'INVALID_INPUT', message: `${dir} is a file, not a folder: choose the folder itself.` };
  const [folder, data] = await Promise.all([realpath(dir), realpath(dataDir).catch(() => dataDir)]);
  if (within(folder, data))
    return {
      code: 'INVALID_INPUT',
      message: `${dir} ${folder === data ? 'is' : 'is inside'} Paperqueue's data folder (${dataDir}): choose a folder of its own that your sync app replicates.`,
    };
  if (within(data, folder))
    return {
      code: 'INVALID_INPUT',
      message: `${dir} holds Paperqueue's data folder (${dataDir}), which must not be synced by the sync app: choose a folder of its own.`,
    };
  const others = (await readdir(dir)).filter((name) => !name.startsWith('.') && !HOUSEKEEPING.has(name));
  if (others.length > 0) {
    const named = others.slice(0, 3).join(', ') + (others.length > 3 ? ` and ${others.length - 3} more` : '');
    return {
      code: 'INVALID_INPUT',
      message: `${dir} already holds other files (${named}). Choose an empty folder, or one Paperqueue already syncs through, so its files stay apart from yours (for example a new folder "Paperqueue" inside it).`,
    };
  }
  return undefined;
}

/** `inner` is `outer` or a folder under it. */
const within = (inner: string, outer: string): boolean => {
  const path = relative(outer, inner);
  return path === '' || (!path.startsWith(`..${sep}`) && path !== '..' && !isAbsolute(path));
};
