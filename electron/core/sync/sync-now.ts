import { performance } from 'node:perf_hooks';
import type { Op } from './changes';
import { opDevice } from './changes';
import type { FolderRead } from './folder';
import type { LibraryView } from './library-view';
import { syncExtras } from './extras';
import { writeAliases, writeSyncRecord, type SyncRecord } from './local';
import { SLICE_MS, mergeIntoStore, sameJson, yieldToLoop } from './merge-into-store';
import { SYNC_EVENT } from './record';
import { isNotice, ReportBuilder } from './report';
import type { SyncReplica } from './replica';
import type { SyncSession } from './session';

/** A device writes a snapshot of its merged state once this many changes (of all devices) came in since its last. */
export const SNAPSHOT_EVERY = 5000;
/**
 * The merged state is saved whole in the data folder once its journal holds this many changes: in between,
 * changes taken in are appended to the journal, which costs a merge far less than rewriting the state.
 */
export const SAVE_EVERY = 5000;

/** Changes taken in, or journaled, per step: a few milliseconds each. */
const OPS_PER_STEP = 500;
/** A snapshot's papers joined per step. */
const PAPERS_PER_STEP = 1000;
/** Reports of syncs where another machine's change won over this one's, kept for the app to show. */
const NOTICES_KEPT = 10;

/**
 * One sync: append this device's waiting changes, read the folder (what is new in it), take in what is new,
 * and bring the library in line through the store (one change event reaches every open view). Nothing of
 * it holds the event loop long: the folder is read and parsed by `session.readFolder` (in a worker thread
 * when one can start), changes are taken in and the store changed in slices (merge-into-store.ts), each
 * slice recording every local change made before it, so a merge never undoes an edit made meanwhile. A
 * missing folder or one of a newer format is recorded in the status and nothing is read from or written to
 * it. The state's snapshot and save, when due, are queued after the merge (`housekeeping`).
 */
export async function syncWithFolder(session: SyncSession): Promise<void> {
  const { store, settings, record } = session;
  const replica = await session.loaded();
  session.drainCaptures();
  let read: FolderRead;
  try {
    await session.writeOut();
    if (session.folderState !== 'ok') await session.writeToFolder();
    read = await session.readFolder(replica.seen);
  } catch (error) {
    session.noteFolderError(error);
    record.lastError = session.folderMessage;
    await writeSyncRecord(session.dataDir, record);
    throw error;
  }

  // The read ends in a turn that did work of its own (its last part taken apart, or, read on this thread, the
  // last file parsed): what is done with it starts in another turn, so the two never add up to one block.
  await yieldToLoop();
  // The view needs every id indexed before changes regroup any (the groups they leave are found by it).
  await buildView(replica.view);
  const names = new Map(read.devices.map((device) => [device.id, device.name]));
  const report = new ReportBuilder(replica, names);
  let absorbed = false;
  for (const snapshot of read.snapshots) {
    // A snapshot that holds nothing this device lacks is not joined again (joining costs a pass over it).
    if (!Object.entries(snapshot.seen).some(([device, n]) => n > (replica.seen.get(device) ?? 0))) continue;
    for (let at = 0; at < snapshot.papers.length; at += PAPERS_PER_STEP) {
      const last = at + PAPERS_PER_STEP >= snapshot.papers.length;
      const papers = snapshot.papers.slice(at, at + PAPERS_PER_STEP);
      report.beforeAbsorb(papers);
      replica.absorb(papers, last ? snapshot.seen : {});
      await yieldToLoop();
    }
    absorbed = true;
  }
  const fresh = read.ops.filter((op) => op.seq > (replica.seen.get(opDevice(op)) ?? 0));
  for (let at = 0; at < fresh.length;) {
    at = report.beforeReceive(fresh, at, performance.now() + SLICE_MS);
    if (at < fresh.length) await yieldToLoop();
  }
  await receiveInSteps(replica, fresh);

  const { aliasesChanged, changedCount } = await applyView(session, replica, report);

  const seenDevices = new Set([...replica.seen.keys(), ...names.keys()]);
  record.lastSyncedAt = new Date().toISOString();
  record.devices = [...seenDevices].sort().map((id) => ({
    id,
    ...(names.has(id) && { name: names.get(id) }),
    changes: replica.seen.get(id) ?? 0,
    self: id === settings.device.id,
  }));
  record.conflicts = conflictsOf(session, replica);
  record.skewed = [...replica.skewed].map(([device, aheadMs]) => ({ device, aheadMs }));
  record.problems = [...read.problems];
  delete record.lastError;
  const sent = Math.max(0, record.written - record.reported);
  record.reported = record.written;
  record.lastReport = report.finish(changedCount, sent, (id) => store.get(id));
  // What the person must read stays until they have: the app shows these until dismissed.
  if (isNotice(record.lastReport)) record.notices = [...record.notices, record.lastReport].slice(-NOTICES_KEPT);
  // The keyword rules, and the attached PDFs when turned on: a failure there is said, and the papers' merge stands.
  try {
    record.pdfsWaiting = (await syncExtras({ store, dataDir: session.dataDir, settings, record })).pdfsWaiting;
  } catch (error) {
    record.problems.push({ file: settings.folder, kind: 'extras', reason: (error as Error).message });
  }

  await session.journalReceived(fresh);
  if (aliasesChanged) await writeAliases(session.dataDir, session.aliases);
  await writeSyncRecord(session.dataDir, record);
  const total = [...replica.seen.values()].reduce((sum, n) => sum + n, 0);
  const snapshotDue = total - record.snapshotAt >= SNAPSHOT_EVERY && session.log !== undefined;
  if (session.checkDue) {
    session.checkDue = false;
    void session.enqueue(() => checkLibrary(session)).catch(() => undefined);
  }
  if (snapshotDue || absorbed || session.journal.length >= SAVE_EVERY) {
    void session.enqueue(() => housekeeping(session, snapshotDue, total)).catch(() => undefined);
  }
}

/**
 * Make the store hold what the view reads for every id it has to read again, in slices (merge-into-store.ts),
 * with one change event at the end; the session's aliases follow the view's. True when they changed.
 */
async function applyView(
  session: SyncSession,
  replica: SyncReplica,
  report?: ReportBuilder,
): Promise<{ aliasesChanged: boolean; changedCount: number }> {
  const { store } = session;
  const changed = await mergeIntoStore(store, replica.view, {
    beforeSlice: () => session.drainCaptures(),
    afterSlice: (ids) => session.recorder.merged(ids),
    ...(report && { applied: (id, before, after) => report.applied(id, before, after) }),
  });
  if (changed.length > 0) store.changed({ command: SYNC_EVENT, ids: changed });
  const aliasesChanged = !sameMap(session.aliases, replica.view.aliases);
  if (aliasesChanged) session.aliases = new Map(replica.view.aliases);
  return { aliasesChanged, changedCount: changed.length };
}

function conflictsOf(session: SyncSession, replica: SyncReplica): SyncRecord['conflicts'] {
  return replica.view.conflictList().map((conflict) => ({
    paperId: conflict.paperId,
    title: session.store.get(conflict.paperId)?.title ?? conflict.paperId,
  }));
}

/**
 * Once per process, after its first merge, on the session's queue: every id of the state loaded is read again
 * and the store brought in line where it differs. The library and the state are written apart (the store's
 * save, the journal, the state file), so a process that ended between two of those writes left the library
 * behind what its state holds; this finds it, in slices, the event loop free in between.
 */
export async function checkLibrary(session: SyncSession): Promise<void> {
  const replica = await session.loaded();
  await buildView(replica.view);
  // In parts: marking 100,000 ids at once held the event loop 50 ms.
  const ids = [...replica.snapshotState.papers.keys()];
  for (let at = 0; at < ids.length; at += PAPERS_PER_STEP * 5) {
    replica.view.touch(ids.slice(at, at + PAPERS_PER_STEP * 5));
    await yieldToLoop();
  }
  const { aliasesChanged } = await applyView(session, replica);
  const conflicts = conflictsOf(session, replica);
  if (!aliasesChanged && sameJson(conflicts, session.record.conflicts)) return;
  if (aliasesChanged) await writeAliases(session.dataDir, session.aliases);
  session.record.conflicts = conflicts;
  await writeSyncRecord(session.dataDir, session.record);
}

/**
 * After a merge, on the session's queue: a snapshot of the merged state in the sync folder when one is due,
 * and the state saved in the data folder (the journal then holds only what the folder lacks). Both write
 * the whole state in pieces, with the event loop free in between.
 */
async function housekeeping(session: SyncSession, snapshotDue: boolean, total: number): Promise<void> {
  const replica = await session.loaded();
  if (snapshotDue && session.log) {
    await session.log.writeSnapshot(replica.snapshotState);
    session.record.snapshotAt = total;
    await writeSyncRecord(session.dataDir, session.record);
  }
  await session.saveState();
}

/** Index the view's ids in slices (once per process: later merges find it built). */
async function buildView(view: LibraryView): Promise<void> {
  while (!view.build(performance.now() + SLICE_MS)) await yieldToLoop();
}

async function receiveInSteps(replica: SyncReplica, ops: readonly Op[]): Promise<void> {
  for (let at = 0; at < ops.length; at += OPS_PER_STEP) {
    replica.receive(ops.slice(at, at + OPS_PER_STEP));
    if (at + OPS_PER_STEP < ops.length) await yieldToLoop();
  }
}

function sameMap(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (b.get(key) !== value) return false;
  return true;
}
