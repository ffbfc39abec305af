import { describe, expect, it } from 'vitest';
import { OpSchema } from '../../../electron/core/sync/changes';
import { snapshotName } from '../../../electron/core/sync/device';
import { encodeFile } from '../../../electron/core/sync/envelope';
import { makeStamp } from '../../../electron/core/sync/hlc';
import { readDeviceFiles } from '../../../electron/core/sync/reader';
import { stateLines } from '../../../electron/core/sync/state-file';
import { T0, draft, edit, importPaper, makeDevices, shown, syncAll, type TestDevice } from './helpers';

const HLC = 'Hybrid logical clocks for the rest of us';

/**
 * The same work imported on two machines (one paper kept under a's id, b's an alias of it), then deleted on a
 * by an earlier Paperqueue: its log holds a deletion of the kept id alone, with no marker, as this segment line.
 */
function deletedByAnEarlierBuild(time: { now: number }) {
  const [a, b, fresh] = makeDevices(3, time);
  const kept = importPaper(a!, draft(HLC), (time.now += 1000));
  const alias = importPaper(b!, draft(HLC), (time.now += 1000));
  syncAll([a!, b!]);
  expect(shown(b!, alias.id)!.id).toBe(kept.id);
  time.now += 1000;
  const seq = a!.ops.at(-1)!.seq + 1;
  const line = `{"op":"delete","seq":${seq},"hlc":"${makeStamp(time.now, 0, a!.replica.device)}","paper":"${kept.id}"}`;
  const legacy = OpSchema.parse(JSON.parse(line));
  a!.replica.receive([legacy]);
  a!.ops.push(legacy);
  return { a: a!, b: b!, fresh: fresh!, alias, legacy, ops: [...a!.ops, ...b!.ops] };
}

/** A device's state as a snapshot file, read back as another device reads it from the folder. */
function snapshotOf(device: TestDevice, lines = [...stateLines(device.replica.snapshotState)]) {
  const text = encodeFile({ kind: 'snapshot', device: device.replica.device, seq: 1 }, lines);
  const read = readDeviceFiles(device.replica.device, [{ path: `snapshots/${snapshotName(1)}`, text }]);
  return read.snapshots[0]!;
}

describe('a deletion an earlier Paperqueue recorded (on the kept id alone, no marker)', () => {
  it('still deletes a paper kept under two ids, on a device that takes in every change fresh', () => {
    const time = { now: T0 };
    const { b, fresh, alias, ops, legacy } = deletedByAnEarlierBuild(time);
    fresh.replica.receive(ops);
    expect(fresh.replica.library().papers).toEqual([]);
    b.replica.receive([legacy]);
    expect(b.replica.library().papers).toEqual([]);
    expect(shown(b, alias.id)).toBeUndefined();
  });

  it('still deletes it after a snapshot round trip, and from a snapshot an earlier Paperqueue wrote', () => {
    const time = { now: T0 };
    const { fresh, ops } = deletedByAnEarlierBuild(time);
    fresh.replica.receive(ops);
    const [late, older] = makeDevices(2, time);
    const snapshot = snapshotOf(fresh);
    late!.replica.absorb(snapshot.papers, snapshot.seen);
    expect(late!.replica.library().papers).toEqual([]);
    // An earlier Paperqueue's snapshot line: the latest deletion of each id, and no more.
    const lines = [...stateLines(fresh.replica.snapshotState)].map((line, index) => {
      if (index === 0) return line;
      const [id, paper] = JSON.parse(line) as [string, Record<string, unknown>];
      return JSON.stringify([id, { ...paper, legacyDeleted: undefined }]);
    });
    const old = snapshotOf(fresh, lines);
    older!.replica.absorb(old.papers, old.seen);
    expect(older!.replica.library().papers).toEqual([]);
  });

  it('is outweighed by a later change of any id of the paper, as before', () => {
    const time = { now: T0 };
    const { a, b, fresh, alias, ops } = deletedByAnEarlierBuild(time);
    // B had not seen the deletion when it wrote a note, after it.
    time.now += 1000;
    edit(b, alias.id, (paper) => ({ ...paper, note: 'Read on the train.' }));
    fresh.replica.receive([...ops, ...b.ops]);
    syncAll([a, b]);
    for (const device of [a, b, fresh]) expect(shown(device, alias.id)).toMatchObject({ note: 'Read on the train.' });
  });
});
