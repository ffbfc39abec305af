import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { deviceDir, newDevice, type DeviceInfo } from '../../../electron/core/sync/device';
import { readSyncFolder } from '../../../electron/core/sync/folder';
import { DeviceLog } from '../../../electron/core/sync/log-writer';
import { SyncReplica } from '../../../electron/core/sync/replica';
import { tempDir } from '../helpers';
import { DAY, T0, draft, edit, importPaper, shown, type TestDevice } from './helpers';

/** A device on a real sync folder: it appends what it records and takes in what the folder holds. */
class Machine {
  readonly device: TestDevice;
  private constructor(
    readonly info: DeviceInfo,
    readonly log: DeviceLog,
    time: { now: number },
    skew: number,
  ) {
    this.device = { replica: new SyncReplica(info.id, () => time.now + skew), ops: [], skew };
  }

  static async start(syncDir: string, name: string, time: { now: number }, skew = 0): Promise<Machine> {
    const info = newDevice(name, new Date(time.now));
    return new Machine(info, (await DeviceLog.open(syncDir, info)).log, time, skew);
  }

  /** Write what was recorded, then read the folder: snapshots first, then every change. */
  async sync(syncDir: string): Promise<void> {
    await this.log.append(this.device.ops.splice(0));
    const read = await readSyncFolder(syncDir);
    for (const snapshot of read.snapshots) this.device.replica.absorb(snapshot.papers, snapshot.seen);
    this.device.replica.receive(read.ops);
  }
}

describe('devices sharing one real sync folder', () => {
  it('converge, a month offline and days apart, with every word of a note both edited', async () => {
    const syncDir = await tempDir();
    const time = { now: T0 };
    const laptop = await Machine.start(syncDir, 'Laptop', time);
    // The desktop's clock is two days slow.
    const desktop = await Machine.start(syncDir, 'Desktop', time, -2 * DAY);
    const { id } = importPaper(laptop.device, draft('Reading on two machines'), time.now);
    edit(laptop.device, id, (p) => ({ ...p, note: 'Intro\n\nMethod\n\nOpen questions' }));
    await laptop.sync(syncDir);
    await desktop.sync(syncDir);
    expect(shown(desktop.device, id)!.note).toBe('Intro\n\nMethod\n\nOpen questions');

    // The desktop goes offline for a month and goes on editing; so does the laptop.
    for (let day = 0; day < 30; day++) {
      time.now += DAY;
      edit(desktop.device, id, (p) => ({ ...p, note: `${p.note}\n\ndesktop day ${day}` }));
      edit(laptop.device, id, (p) => ({ ...p, tags: [...p.tags, `week ${Math.floor(day / 7)}`] }));
      await laptop.sync(syncDir);
    }
    edit(laptop.device, id, (p) => ({ ...p, note: p.note.replace('Method', 'Method, rewritten on the laptop') }));
    await laptop.sync(syncDir);
    await desktop.sync(syncDir);
    await laptop.sync(syncDir);

    const library = laptop.device.replica.library();
    expect(library).toEqual(desktop.device.replica.library());
    const note = shown(laptop.device, id)!.note;
    expect(note).toContain('Method, rewritten on the laptop');
    for (let day = 0; day < 30; day++) expect(note).toContain(`desktop day ${day}`);
    expect(library.conflicts).toEqual([]);
    expect(shown(laptop.device, id)!.tags).toEqual(['week 0', 'week 1', 'week 2', 'week 3', 'week 4']);
  });

  it('a device removed from the set takes nothing away: its changes live on in the snapshots of others', async () => {
    const syncDir = await tempDir();
    const time = { now: T0 };
    const laptop = await Machine.start(syncDir, 'Laptop', time);
    const old = await Machine.start(syncDir, 'Old desktop', time);
    const { id } = importPaper(old.device, draft('Only the old desktop had this paper'), time.now);
    edit(old.device, id, (p) => ({ ...p, note: 'Typed on the old desktop.' }));
    await old.sync(syncDir);
    await laptop.sync(syncDir);
    await laptop.log.writeSnapshot(laptop.device.replica.snapshotState);
    const before = laptop.device.replica.library();

    await rm(deviceDir(syncDir, old.info.id), { recursive: true });
    await laptop.sync(syncDir);
    expect(laptop.device.replica.library()).toEqual(before);

    // A new machine set up afterwards gets the old desktop's paper from the laptop's snapshot.
    time.now += DAY;
    const fresh = await Machine.start(syncDir, 'New desktop', time);
    await fresh.sync(syncDir);
    expect(fresh.device.replica.library()).toEqual(before);
    expect(shown(fresh.device, id)!.note).toBe('Typed on the old desktop.');
    const read = await readSyncFolder(syncDir);
    expect(read.devices.map((device) => device.name).sort()).toEqual(['Laptop', 'New desktop']);
  });
});
