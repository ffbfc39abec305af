import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fsErrorCode } from '../fs-errors';
import type { Op } from './changes';
import {
  DeviceIdSchema,
  DeviceInfoSchema,
  SYNC_FORMAT,
  deviceDir,
  deviceFile,
  devicesDir,
  fileKind,
  type DeviceInfo,
} from './device';
import type { FileCache } from './file-cache';
import { readDeviceFiles, type DeviceFile, type Snapshot, type SyncProblem } from './reader';

/** The sync folder is not there (an unmounted drive, a moved folder): said plainly; sync resumes when it returns. */
export class SyncFolderMissingError extends Error {
  constructor(readonly folder: string) {
    super(`The sync folder ${folder} is not there (is its drive mounted?). Sync resumes when it is back.`);
    this.name = 'SyncFolderMissingError';
  }
}

/** A device of the folder wrote it in a later format: this Paperqueue reads nothing of it and writes nothing to it. */
export class SyncFolderNewerError extends Error {
  constructor(
    readonly folder: string,
    readonly files: string[],
  ) {
    super(
      `The sync folder ${folder} was written by a newer Paperqueue (${files[0] ?? 'a device'}). Update Paperqueue to sync with it; the folder is left as it is.`,
    );
    this.name = 'SyncFolderNewerError';
  }
}

/** Everything the sync folder holds that can be read now. */
export type FolderRead = {
  /** Devices with a readable device.json (a device whose file has not arrived yet still has its changes read). */
  devices: DeviceInfo[];
  ops: Op[];
  snapshots: Snapshot[];
  waiting: string[];
  problems: SyncProblem[];
};

/**
 * Read every device's files under `<syncDir>/devices/`. Throws SyncFolderMissingError when the folder is
 * missing and SyncFolderNewerError when any file is of a later format (nothing is merged from a folder
 * this version does not fully understand). Paths in the result are relative to the sync folder. With
 * `known` (per device, the changes a reader holds), snapshots that hold nothing more are left unparsed.
 */
export async function readSyncFolder(
  syncDir: string,
  known?: ReadonlyMap<string, number>,
  /** Kept between reads by one reader: files read before and unchanged since are not read again (see FileCache). */
  cache?: FileCache,
): Promise<FolderRead> {
  await assertFolderThere(syncDir);
  const out: FolderRead = { devices: [], ops: [], snapshots: [], waiting: [], problems: [] };
  for (const id of await deviceIds(syncDir)) {
    const info = await readDeviceInfo(syncDir, id, out.problems);
    if (info) out.devices.push(info);
    const files =
      cache && known ? await cache.deviceFiles(syncDir, id, known, out.problems) : await deviceFiles(syncDir, id);
    const read = readDeviceFiles(id, files, known);
    cache?.learn(id, files, read);
    const prefix = `devices/${id}/`;
    out.ops.push(...read.ops);
    out.snapshots.push(...read.snapshots);
    out.waiting.push(...read.waiting.map((path) => prefix + path));
    out.problems.push(...read.problems.map((problem) => ({ ...problem, file: prefix + problem.file })));
  }
  const newer = out.problems.filter((problem) => problem.kind === 'newer').map((problem) => problem.file);
  if (newer.length > 0) throw new SyncFolderNewerError(syncDir, newer);
  return out;
}

/**
 * Check, before writing anything, that the sync folder is there and that no device of it has a later format:
 * a device never creates a missing folder (it may be an unmounted drive's mount point) or writes into a
 * folder a newer Paperqueue owns.
 */
export async function checkSyncFolder(syncDir: string): Promise<void> {
  await assertFolderThere(syncDir);
  const problems: SyncProblem[] = [];
  for (const id of await deviceIds(syncDir)) await readDeviceInfo(syncDir, id, problems);
  const newer = problems.filter((problem) => problem.kind === 'newer').map((problem) => problem.file);
  if (newer.length > 0) throw new SyncFolderNewerError(syncDir, newer);
}

async function assertFolderThere(syncDir: string): Promise<void> {
  const info = await stat(syncDir).catch((error: unknown) => {
    if (fsErrorCode(error) === 'ENOENT' || fsErrorCode(error) === 'ENOTDIR') throw new SyncFolderMissingError(syncDir);
    throw error;
  });
  if (!info.isDirectory()) throw new SyncFolderMissingError(syncDir);
}

export const deviceIds = async (syncDir: string): Promise<string[]> =>
  (await listNames(devicesDir(syncDir))).filter((name) => DeviceIdSchema.safeParse(name).success).sort();

async function readDeviceInfo(syncDir: string, id: string, problems: SyncProblem[]): Promise<DeviceInfo | undefined> {
  const file = `devices/${id}/device.json`;
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(deviceFile(syncDir, id), 'utf8'));
  } catch (error) {
    // Not arrived yet, or arriving: its changes are read all the same.
    if (fsErrorCode(error) !== 'ENOENT' && !(error instanceof SyntaxError)) throw error;
    return undefined;
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > SYNC_FORMAT) {
    problems.push({ file, kind: 'newer', reason: `written by a newer Paperqueue (format ${format})` });
    return undefined;
  }
  const parsed = DeviceInfoSchema.safeParse(raw);
  if (parsed.success && parsed.data.id === id) return parsed.data;
  problems.push({ file, kind: 'bad', reason: 'it does not describe this device' });
  return undefined;
}

async function deviceFiles(syncDir: string, id: string): Promise<DeviceFile[]> {
  const files: DeviceFile[] = [];
  for (const sub of ['log', 'snapshots']) {
    const dir = join(deviceDir(syncDir, id), sub);
    for (const name of await listNames(dir)) {
      if (!fileKind(name)) continue;
      try {
        files.push({ path: `${sub}/${name}`, text: await readFile(join(dir, name), 'utf8') });
      } catch (error) {
        // Gone between the listing and the read (an engine replacing it): the next scan reads the new one.
        if (fsErrorCode(error) !== 'ENOENT' && fsErrorCode(error) !== 'EISDIR') throw error;
      }
    }
  }
  return files;
}

export async function listNames(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (fsErrorCode(error) === 'ENOENT' || fsErrorCode(error) === 'ENOTDIR') return [];
    throw error;
  }
}
