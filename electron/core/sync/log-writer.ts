import { readFile, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fsErrorCode } from '../fs-errors';
import { makePrivateFolder, writeFileDurably } from '../store/durable-file';
import type { Op } from './changes';
import {
  SEGMENT_EXT,
  deviceFile,
  fileKind,
  logDir,
  segmentName,
  snapshotDir,
  snapshotName,
  type DeviceInfo,
} from './device';
import { encodeFile } from './envelope';
import { checkSyncFolder } from './folder';
import { readDeviceFiles } from './reader';
import { writeStateFile } from './state-file';
import type { SyncState } from './state';

/** A segment holds at most this many changes (about 100 KB), then the next one starts. */
export const SEGMENT_MAX_CHANGES = 1000;
/** A device keeps its two newest snapshots; a reader that finds the newest torn still has the one before. */
export const SNAPSHOTS_KEPT = 2;

/**
 * The one writer of `devices/<id>/`: device.json, the log's segments and the snapshots, each written whole
 * (temp file, fsync, rename) so no reader of this folder ever sees a torn file that it would take for a
 * finished one. The open segment is rewritten with each append until it is full; a segment a previous
 * process wrote is never rewritten (a new one starts at each open), so a crash can cost at most the
 * changes not yet appended. Appends are serialised.
 */
export class DeviceLog {
  private segment: { first: number; lines: string[] } | undefined;
  private queue: Promise<void> = Promise.resolve();

  private constructor(
    readonly syncDir: string,
    readonly device: DeviceInfo,
    private next: number,
  ) {}

  /**
   * Set up this device's folder and read back its own changes (to restore a replica after a restart).
   * Throws SyncFolderMissingError or SyncFolderNewerError (see checkSyncFolder) before writing anything.
   * `nextSeq` is the first number no change of this device may already have.
   */
  static async open(syncDir: string, device: DeviceInfo): Promise<{ log: DeviceLog; ops: Op[]; nextSeq: number }> {
    await checkSyncFolder(syncDir);
    await makePrivateFolder(logDir(syncDir, device.id));
    await makePrivateFolder(snapshotDir(syncDir, device.id));
    await writeDeviceInfo(syncDir, device);
    const dir = logDir(syncDir, device.id);
    const names = (await readdir(dir)).filter((name) => fileKind(name)?.ext === SEGMENT_EXT);
    const files = await Promise.all(
      names.map(async (name) => ({ path: `log/${name}`, text: await readFile(join(dir, name), 'utf8') })),
    );
    const read = readDeviceFiles(device.id, files);
    let next = (read.ops.at(-1)?.seq ?? 0) + 1;
    // A segment that cannot be read now may hold numbers past those read: never reuse them.
    for (const path of [...read.waiting, ...read.problems.map((problem) => problem.file)]) {
      const first = Number(/(\d{12})/.exec(path)?.[1] ?? 0);
      next = Math.max(next, first + SEGMENT_MAX_CHANGES);
    }
    return { log: new DeviceLog(syncDir, device, next), ops: read.ops, nextSeq: next };
  }

  /** The seq the next appended change must have. */
  get nextSeq(): number {
    return this.next;
  }

  /** Append this device's changes, numbered from nextSeq on without a gap; resolves once they are durable. */
  append(ops: readonly Op[]): Promise<void> {
    const run = this.queue.then(() => this.write(ops));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async write(ops: readonly Op[]): Promise<void> {
    ops.forEach((op, index) => {
      if (op.seq !== this.next + index) throw new Error(`Change ${op.seq} appended where ${this.next + index} was due`);
    });
    const pending: { first: number; lines: string[] }[] = [];
    for (const op of ops) {
      if (!this.segment || this.segment.lines.length >= SEGMENT_MAX_CHANGES) {
        this.segment = { first: op.seq, lines: [] };
      }
      this.segment.lines.push(JSON.stringify(op));
      if (!pending.includes(this.segment)) pending.push(this.segment);
      this.next++;
    }
    for (const segment of pending) {
      const text = encodeFile({ kind: 'segment', device: this.device.id, seq: segment.first }, segment.lines);
      await writeFileDurably(join(logDir(this.syncDir, this.device.id), segmentName(segment.first)), text);
    }
  }

  /**
   * Write a snapshot of a merged state (the changes it holds are in its `seen`), named by the last change of
   * this device it holds (written in pieces, see state-file.ts), and remove this device's older snapshots but the newest SNAPSHOTS_KEPT.
   */
  async writeSnapshot(state: SyncState): Promise<string> {
    const seq = state.seen.get(this.device.id) ?? 0;
    const dir = snapshotDir(this.syncDir, this.device.id);
    const name = snapshotName(seq);
    await writeStateFile(join(dir, name), this.device.id, state);
    const ours = (await readdir(dir)).filter((file) => /^\d{12}\.snap$/.test(file)).sort();
    for (const old of ours.slice(0, -SNAPSHOTS_KEPT)) {
      await unlink(join(dir, old)).catch((error: unknown) => {
        if (fsErrorCode(error) !== 'ENOENT') throw error;
      });
    }
    return name;
  }
}

/** device.json, rewritten only when it says something else (a new name). */
async function writeDeviceInfo(syncDir: string, device: DeviceInfo): Promise<void> {
  const file = deviceFile(syncDir, device.id);
  const text = `${JSON.stringify(device, null, 2)}\n`;
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current !== text) await writeFileDurably(file, text);
}
