import { join } from 'node:path';
import type { Paper } from '../../electron/core/schema';
import { makePrivateFolder, writeFileDurably } from '../../electron/core/store/durable-file';
import { LibraryStore } from '../../electron/core/store/store';
import type { Op } from '../../electron/core/sync/changes';
import {
  deviceFile,
  logDir,
  newDevice,
  type DeviceInfo,
  segmentName,
  snapshotDir,
  snapshotName,
} from '../../electron/core/sync/device';
import { encodeFile } from '../../electron/core/sync/envelope';
import { writeLocalState } from '../../electron/core/sync/local';
import { SEGMENT_MAX_CHANGES } from '../../electron/core/sync/log-writer';
import { recordChange } from '../../electron/core/sync/record';
import { SyncReplica } from '../../electron/core/sync/replica';
import { writeSyncSettings } from '../../electron/core/sync/settings';
import { paperLine } from '../../electron/core/sync/snapshot';
import { makePaper, seededRandom, type Vocabulary } from './data';

/** The sync bench's library and sync folder (scripts/bench/sync.ts measures what merging them costs). */

export type Fixture = { local: DeviceInfo; bytesPerChange: number };

/**
 * The library of `papers` papers in `dataDir`, synced up to the other device's snapshot in `shared`, and that
 * device's `changes` changes since, waiting in its log.
 */
export async function prepareSync(
  vocab: Vocabulary,
  papers: number,
  changes: number,
  shared: string,
  dataDir: string,
): Promise<Fixture> {
  const library = Array.from({ length: papers }, (_, index) => makePaper(vocab, index));

  // The other device: it imported the same papers (its snapshot holds them), then made `changes` changes.
  const remote = newDevice('Other machine');
  const other = new SyncReplica(remote.id);
  for (const paper of library) recordChange(other, undefined, paper, false);
  const seen = other.seq - 1;
  await makePrivateFolder(snapshotDir(shared, remote.id));
  await makePrivateFolder(logDir(shared, remote.id));
  const snapshot = [JSON.stringify({ seen: Object.fromEntries(other.snapshotState.seen) })];
  for (const [id, state] of other.snapshotState.papers) snapshot.push(paperLine(id, state));
  await writeFileDurably(
    join(snapshotDir(shared, remote.id), snapshotName(seen)),
    encodeFile({ kind: 'snapshot', device: remote.id, seq: seen }, snapshot),
  );
  await writeFileDurably(deviceFile(shared, remote.id), JSON.stringify(remote));
  // This device took in the other's snapshot, and nothing since.
  const local = newDevice('This machine');
  const mine = new SyncReplica(local.id);
  mine.absorb(structuredClone([...other.snapshotState.papers]), { [remote.id]: seen });
  const ops = remoteEdits(other, library, changes);
  let logBytes = 0;
  for (let at = 0; at < ops.length; at += SEGMENT_MAX_CHANGES) {
    const part = ops.slice(at, at + SEGMENT_MAX_CHANGES);
    const text = encodeFile(
      { kind: 'segment', device: remote.id, seq: part[0]!.seq },
      part.map((op) => JSON.stringify(op)),
    );
    logBytes += Buffer.byteLength(text);
    await writeFileDurably(join(logDir(shared, remote.id), segmentName(part[0]!.seq)), text);
  }

  // This device: the same library, synced up to the other device's snapshot.
  const store = await LibraryStore.open(dataDir);
  for (const paper of library) store.insert(paper);
  await store.persist();
  await writeSyncSettings(dataDir, { folder: shared, device: local });
  await writeLocalState(dataDir, local.id, mine.snapshotState, mine.clock.last);

  await store.flush();
  return { local, bytesPerChange: Math.round(logBytes / ops.length) };
}

/** `count` changes of a person on random papers: statuses, tags, notes and highlights. */
function remoteEdits(replica: SyncReplica, library: Paper[], count: number): Op[] {
  const random = seededRandom(16);
  const current = new Map(library.map((paper) => [paper.id, paper]));
  const ops: Op[] = [];
  const statuses = ['queued', 'reading', 'read', 'dismissed'] as const;
  for (let n = 0; ops.length < count; n++) {
    const before = library[Math.floor(random() * library.length)]!;
    const paper = current.get(before.id)!;
    const at = new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString();
    const kind = random();
    let after: Paper;
    if (kind < 0.4) {
      const status = statuses[Math.floor(random() * statuses.length)]!;
      after = { ...paper, status, history: [...paper.history, { status, at }], updatedAt: at };
    } else if (kind < 0.7) after = { ...paper, tags: [...paper.tags, `topic-${Math.floor(random() * 50)}`] };
    else if (kind < 0.9) after = { ...paper, note: `${paper.note}\nRead on the train: section ${n % 9} matters.` };
    else {
      const annotation = {
        id: `h${n}`,
        target: 'abstract' as const,
        quote: paper.abstract.slice(0, 20),
        prefix: '',
        suffix: paper.abstract.slice(20, 40),
        start: 0,
        end: 20,
        color: 'yellow' as const,
        comment: '',
        createdAt: at,
        updatedAt: at,
      };
      after = { ...paper, annotations: [...paper.annotations, annotation] };
    }
    current.set(paper.id, after);
    ops.push(...replica.recordPaper(paper, after));
  }
  return ops.slice(0, count);
}
