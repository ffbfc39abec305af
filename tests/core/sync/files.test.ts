import { copyFile, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { logDir, newDevice, segmentName, snapshotDir } from '../../../electron/core/sync/device';
import {
  SyncFolderMissingError,
  SyncFolderNewerError,
  readSyncFolder,
  type FolderRead,
} from '../../../electron/core/sync/folder';
import { DeviceLog, SEGMENT_MAX_CHANGES } from '../../../electron/core/sync/log-writer';
import { readDeviceFiles } from '../../../electron/core/sync/reader';
import { SyncReplica } from '../../../electron/core/sync/replica';
import { tempDir } from '../helpers';
import { T0, draft, edit, importPaper, type TestDevice } from './helpers';

/** A device writing to a real sync folder: its replica, its log, and the ops it has appended. */
async function writer(syncDir: string, name: string, time: { now: number }) {
  const info = newDevice(name, new Date(time.now));
  const { log } = await DeviceLog.open(syncDir, info);
  const device: TestDevice = { replica: new SyncReplica(info.id, () => time.now), ops: [], skew: 0 };
  return { info, log, device };
}

/** Three segments of a device: papers imported, tagged, and noted, SEGMENT_MAX_CHANGES not reached. */
async function writeHistory(syncDir: string) {
  const time = { now: T0 };
  const { info, log, device } = await writer(syncDir, 'Laptop', time);
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const paper = importPaper(device, draft(`Paper number ${i} about replicated logs`), time.now);
    ids.push(paper.id);
    time.now += 1000;
    edit(device, paper.id, (p) => ({ ...p, tags: [`t${i}`], note: `Note ${i}` }));
    await log.append(device.ops.splice(0));
  }
  return { info, log, device, ids, time };
}

const titles = (read: FolderRead): string[] => {
  const replica = new SyncReplica('z000000000000000');
  replica.receive(read.ops);
  return replica.library().papers.map((paper) => paper.title);
};

describe('sync folder files', () => {
  it('a device writes device.json, segments named by first change, and reads them all back', async () => {
    const syncDir = await tempDir();
    const { info, device } = await writeHistory(syncDir);
    const files = await readdir(logDir(syncDir, info.id));
    expect(files).toEqual([segmentName(1)]);
    const read = await readSyncFolder(syncDir);
    expect(read.devices).toEqual([info]);
    expect(read.problems).toEqual([]);
    expect(read.waiting).toEqual([]);
    const replica = new SyncReplica('z000000000000000');
    replica.receive(read.ops);
    expect(replica.library().papers).toEqual(device.replica.library().papers);
    expect(replica.library().papers).toHaveLength(3);
  });

  it('a reopened log never rewrites an old segment, and goes on with the next number', async () => {
    const syncDir = await tempDir();
    const { info, device, time } = await writeHistory(syncDir);
    const before = await readFile(join(logDir(syncDir, info.id), segmentName(1)), 'utf8');
    const reopened = await DeviceLog.open(syncDir, info);
    expect(reopened.nextSeq).toBe(device.replica.seq);
    expect(reopened.ops.map((op) => op.seq)).toEqual(Array.from({ length: device.replica.seq - 1 }, (_, i) => i + 1));
    const replica = new SyncReplica(info.id, () => time.now);
    replica.restore(reopened.ops, reopened.nextSeq);
    const more: TestDevice = { replica, ops: [], skew: 0 };
    importPaper(more, draft('A fourth paper after the restart'), time.now);
    await reopened.log.append(more.ops);
    expect(await readFile(join(logDir(syncDir, info.id), segmentName(1)), 'utf8')).toBe(before);
    expect(await readdir(logDir(syncDir, info.id))).toEqual([segmentName(1), segmentName(reopened.nextSeq)]);
    expect(titles(await readSyncFolder(syncDir))).toHaveLength(4);
  });

  it('never reuses the numbers of its own segment that cannot be read now', async () => {
    const syncDir = await tempDir();
    const { info } = await writeHistory(syncDir);
    const path = join(logDir(syncDir, info.id), segmentName(1));
    await writeFile(path, (await readFile(path, 'utf8')).slice(0, 100));
    const reopened = await DeviceLog.open(syncDir, info);
    expect(reopened.ops).toEqual([]);
    expect(reopened.nextSeq).toBe(1 + SEGMENT_MAX_CHANGES);
    const replica = new SyncReplica(info.id);
    replica.restore(reopened.ops, reopened.nextSeq);
    expect(replica.seq).toBe(reopened.nextSeq);
  });

  it('refuses an append that leaves a gap in the numbers', async () => {
    const syncDir = await tempDir();
    const { log, device, time } = await writeHistory(syncDir);
    importPaper(device, draft('Numbered wrong'), time.now);
    await expect(log.append(device.ops.map((op) => ({ ...op, seq: op.seq + 5 })))).rejects.toThrow(/appended where/);
  });

  it('starts a new segment once one holds SEGMENT_MAX_CHANGES changes', async () => {
    const syncDir = await tempDir();
    const time = { now: T0 };
    const { info, log, device } = await writer(syncDir, 'Desk', time);
    const { id } = importPaper(device, draft('A paper tagged very many times'), time.now);
    while (device.ops.length <= SEGMENT_MAX_CHANGES) edit(device, id, (p) => ({ ...p, rank: p.rank + 1 }));
    await log.append(device.ops);
    expect(await readdir(logDir(syncDir, info.id))).toEqual([segmentName(1), segmentName(SEGMENT_MAX_CHANGES + 1)]);
    expect((await readSyncFolder(syncDir)).ops).toHaveLength(device.ops.length);
  });

  it('a truncated or half-written segment waits; the other files are read, and it is read once complete', async () => {
    const syncDir = await tempDir();
    const { info, time } = await writeHistory(syncDir);
    const whole = await readFile(join(logDir(syncDir, info.id), segmentName(1)), 'utf8');
    // A second segment from a later session, then the first one cut short, as an engine mid-transfer leaves it.
    const later = await DeviceLog.open(syncDir, info);
    const replica = new SyncReplica(info.id, () => time.now);
    replica.restore(later.ops);
    const more: TestDevice = { replica, ops: [], skew: 0 };
    importPaper(more, draft('Written in the second segment'), time.now);
    await later.log.append(more.ops);
    const first = join(logDir(syncDir, info.id), segmentName(1));
    for (const partial of [whole.slice(0, whole.length / 2), whole.slice(0, -1), `${'\0'.repeat(200)}\n`, '']) {
      await writeFile(first, partial);
      const read = await readSyncFolder(syncDir);
      expect(read.waiting).toEqual([`devices/${info.id}/log/${segmentName(1)}`]);
      expect(read.problems).toEqual([]);
      expect(titles(read)).toEqual(['Written in the second segment']);
    }
    await writeFile(first, whole);
    expect(titles(await readSyncFolder(syncDir))).toHaveLength(4);
  });

  it('a segment whose checksum fails is reported by name, and never costs the good files', async () => {
    const syncDir = await tempDir();
    const { info } = await writeHistory(syncDir);
    const path = join(logDir(syncDir, info.id), segmentName(1));
    const whole = await readFile(path, 'utf8');
    await copyFile(path, join(logDir(syncDir, info.id), '000000000001.sync-conflict-20261202-100000-ABCDEFG.log'));
    await writeFile(path, whole.replace('Paper number 1', 'Paper number X'));
    const read = await readSyncFolder(syncDir);
    expect(read.problems).toEqual([
      {
        file: `devices/${info.id}/log/${segmentName(1)}`,
        kind: 'bad',
        reason: 'its checksum does not match its content',
      },
    ]);
    // The conflict copy holds the same changes intact, so nothing is missing.
    expect(titles(read)).toHaveLength(3);
    // The bad file is left where it was, as it was.
    expect(await readFile(path, 'utf8')).toContain('Paper number X');
  });

  it('duplicates and conflict copies of every name count each change once', async () => {
    const syncDir = await tempDir();
    const { info, device } = await writeHistory(syncDir);
    const dir = logDir(syncDir, info.id);
    const source = join(dir, segmentName(1));
    for (const copy of [
      '000000000001.sync-conflict-20261202-101010-7XKQWER.log',
      "000000000001 (Ada's conflicted copy 2026-12-02).log",
      '000000000001 (conflicted copy).log',
      '.syncthing.000000000001.log.tmp',
      'notes.txt',
    ])
      await copyFile(source, join(dir, copy));
    const read = await readSyncFolder(syncDir);
    expect(read.problems).toEqual([]);
    expect(read.ops).toHaveLength(device.replica.seq - 1);
    expect(new Set(read.ops.map((op) => op.seq)).size).toBe(read.ops.length);
  });

  it('two different changes under one number are reported, and the same one kept whatever the order', async () => {
    const syncDir = await tempDir();
    const { info } = await writeHistory(syncDir);
    // A second process that believed it was this device, numbering its changes from 1 in a folder of its own.
    const elsewhere = await tempDir();
    const time = { now: T0 + 5000 };
    const impostor = await DeviceLog.open(elsewhere, info);
    const other: TestDevice = { replica: new SyncReplica(info.id, () => time.now), ops: [], skew: 0 };
    importPaper(other, draft('Written by a second process'), time.now);
    await impostor.log.append(other.ops);
    const copy = '000000000001.sync-conflict-20261202-101010-IMPOSTR.log';
    await copyFile(join(logDir(elsewhere, info.id), segmentName(1)), join(logDir(syncDir, info.id), copy));
    const read = await readSyncFolder(syncDir);
    expect(read.problems.map((p) => p.kind)).toContain('clash');
    expect(read.problems.find((p) => p.kind === 'clash')!.reason).toMatch(/two writers used this device's id/);
    const files = await Promise.all(
      [segmentName(1), copy].map(async (name) => ({
        path: `log/${name}`,
        text: await readFile(join(logDir(syncDir, info.id), name), 'utf8'),
      })),
    );
    expect(readDeviceFiles(info.id, files).ops).toEqual(readDeviceFiles(info.id, [...files].reverse()).ops);
  });

  it('a folder written by a newer Paperqueue is refused with a message, and left untouched', async () => {
    const syncDir = await tempDir();
    const { info } = await writeHistory(syncDir);
    const path = join(logDir(syncDir, info.id), segmentName(1));
    const whole = await readFile(path, 'utf8');
    const newer = whole.replace('"format":1', '"format":2');
    await writeFile(path, newer);
    const before = await stat(path);
    await expect(readSyncFolder(syncDir)).rejects.toThrow(SyncFolderNewerError);
    await expect(readSyncFolder(syncDir)).rejects.toThrow(/newer Paperqueue/);
    expect(await readFile(path, 'utf8')).toBe(newer);
    expect((await stat(path)).mtimeMs).toBe(before.mtimeMs);
    // A device.json of a newer format is refused too.
    await writeFile(path, whole);
    const infoFile = join(syncDir, 'devices', info.id, 'device.json');
    await writeFile(infoFile, JSON.stringify({ ...info, format: 3 }));
    await expect(readSyncFolder(syncDir)).rejects.toThrow(SyncFolderNewerError);
    // And no device writes into it, not even its own device.json.
    const listing = await readdir(syncDir, { recursive: true });
    await expect(DeviceLog.open(syncDir, newDevice('Another'))).rejects.toThrow(SyncFolderNewerError);
    await expect(DeviceLog.open(syncDir, info)).rejects.toThrow(SyncFolderNewerError);
    expect(await readdir(syncDir, { recursive: true })).toEqual(listing);
  });

  it('a missing sync folder says so plainly', async () => {
    const syncDir = join(await tempDir(), 'unmounted');
    await expect(readSyncFolder(syncDir)).rejects.toThrow(SyncFolderMissingError);
    await expect(readSyncFolder(syncDir)).rejects.toThrow(/is not there/);
    // A device never creates it: it may be the mount point of a drive that is not mounted.
    await expect(DeviceLog.open(syncDir, newDevice('Laptop'))).rejects.toThrow(SyncFolderMissingError);
    await expect(stat(syncDir)).rejects.toThrow(/ENOENT/);
  });

  it('a device that arrives late starts from a snapshot and the segments after it, and converges', async () => {
    const syncDir = await tempDir();
    const { info, log, device, time, ids } = await writeHistory(syncDir);
    const name = await log.writeSnapshot(device.replica.snapshotState);
    time.now += 1000;
    edit(device, ids[0]!, (p) => ({
      ...p,
      status: 'read',
      history: [...p.history, { status: 'read', at: iso(time) }],
    }));
    await log.append(device.ops.splice(0));
    const read = await readSyncFolder(syncDir);
    expect(read.snapshots.map((s) => s.seq)).toEqual([Number(name.slice(0, 12))]);
    const late = new SyncReplica('y000000000000000');
    const snapshot = read.snapshots[0]!;
    late.absorb(snapshot.papers, snapshot.seen);
    expect(late.seen.get(info.id)).toBe(snapshot.seq);
    // Only the changes the snapshot does not hold need reading.
    late.receive(read.ops.filter((op) => op.seq > snapshot.seen[info.id]!));
    expect(late.library()).toEqual(device.replica.library());
    expect(late.library().papers[0]!.status).toBe('read');
  });

  it('keeps its two newest snapshots, and a torn newest one leaves the one before it', async () => {
    const syncDir = await tempDir();
    const { info, log, device, ids } = await writeHistory(syncDir);
    for (let i = 0; i < 3; i++) {
      edit(device, ids[1]!, (p) => ({ ...p, rank: p.rank + 1 }));
      await log.append(device.ops.splice(0));
      await log.writeSnapshot(device.replica.snapshotState);
    }
    const dir = snapshotDir(syncDir, info.id);
    const names = (await readdir(dir)).sort();
    expect(names).toHaveLength(2);
    const newest = join(dir, names[1]!);
    await writeFile(newest, (await readFile(newest, 'utf8')).slice(0, 300));
    const read = await readSyncFolder(syncDir);
    expect(read.snapshots.map((s) => s.seq)).toEqual([Number(names[0]!.slice(0, 12))]);
    expect(read.waiting).toEqual([`devices/${info.id}/snapshots/${names[1]}`]);
  });
});

const iso = (time: { now: number }): string => new Date(time.now).toISOString();
