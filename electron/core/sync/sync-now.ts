import { opDevice } from './changes';
import { readSyncFolder } from './folder';
import { writeAliases, writeSyncRecord } from './local';
import { mergeIntoStore } from './merge-into-store';
import { SYNC_EVENT } from './record';
import type { SyncSession } from './session';

/** A device writes a snapshot of its merged state once this many changes (of all devices) came in since its last. */
export const SNAPSHOT_EVERY = 5000;
/**
 * The merged state is saved whole in the data folder once its journal holds this many changes: in between,
 * changes taken in are appended to the journal, which costs a merge far less than rewriting the state.
 */
export const SAVE_EVERY = 5000;

/**
 * One sync: append this device's waiting changes, read the whole folder, take in what is new, and bring
 * the library in line through the store (ordinary change events reach every open view). The store is
 * changed in one synchronous step after every local change so far is recorded, so a merge never undoes an
 * edit made while the folder was being read. A missing folder or one of a newer format is recorded in the
 * status and nothing is read from or written to it.
 */
export async function syncWithFolder(session: SyncSession): Promise<void> {
  const { store, settings, record } = session;
  const replica = await session.loaded();
  session.drainCaptures();
  let read;
  try {
    await session.writeOut();
    if (session.folderState !== 'ok') await session.writeToFolder();
    read = await readSyncFolder(settings.folder, replica.seen);
  } catch (error) {
    session.noteFolderError(error);
    record.lastError = session.folderMessage;
    await writeSyncRecord(session.dataDir, record);
    throw error;
  }

  const touched = new Set<string>();
  let absorbed = false;
  for (const snapshot of read.snapshots) {
    // A snapshot that holds nothing this device lacks is not joined again (joining costs a pass over it).
    if (!Object.entries(snapshot.seen).some(([device, n]) => n > (replica.seen.get(device) ?? 0))) continue;
    replica.absorb(snapshot.papers, snapshot.seen);
    absorbed = true;
    for (const [id] of snapshot.papers) touched.add(id);
  }
  const fresh = read.ops.filter((op) => op.seq > (replica.seen.get(opDevice(op)) ?? 0));
  replica.receive(fresh);
  for (const op of fresh) touched.add(op.paper);

  // From here to the change event, nothing awaits: no command runs in between.
  session.drainCaptures();
  const synced = replica.library();
  const changed = touched.size > 0 ? mergeIntoStore(store, synced, touched) : [];
  const aliasesChanged = !sameMap(session.aliases, synced.aliases);
  session.aliases = new Map(synced.aliases);
  session.recorder.merged(changed);
  if (changed.length > 0) store.changed({ command: SYNC_EVENT, ids: changed });

  const names = new Map(read.devices.map((device) => [device.id, device.name]));
  const seenDevices = new Set([...replica.seen.keys(), ...names.keys()]);
  record.lastSyncedAt = new Date().toISOString();
  record.devices = [...seenDevices].sort().map((id) => ({
    id,
    ...(names.has(id) && { name: names.get(id) }),
    changes: replica.seen.get(id) ?? 0,
    self: id === settings.device.id,
  }));
  record.conflicts = synced.conflicts.map((conflict) => ({
    paperId: conflict.paperId,
    title: store.get(conflict.paperId)?.title ?? conflict.paperId,
  }));
  record.skewed = [...replica.skewed].map(([device, aheadMs]) => ({ device, aheadMs }));
  record.problems = [...read.problems];
  delete record.lastError;

  const total = [...replica.seen.values()].reduce((sum, n) => sum + n, 0);
  if (total - record.snapshotAt >= SNAPSHOT_EVERY && session.log) {
    await session.log.writeSnapshot(replica.snapshotState);
    record.snapshotAt = total;
  }
  await session.journalReceived(fresh);
  if (absorbed || session.journal.length >= SAVE_EVERY) await session.saveState();
  if (aliasesChanged) await writeAliases(session.dataDir, session.aliases);
  await writeSyncRecord(session.dataDir, record);
}

function sameMap(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}
