import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';

/** The on-disk format of a sync folder this code writes and reads; a device file of a later one is refused. */
export const SYNC_FORMAT = 1;

/** A device's id: 16 characters of Crockford base32 (80 random bits), so two devices never pick the same. */
export const DeviceIdSchema = z.string().regex(/^[0-9a-hjkmnp-tv-z]{16}$/, 'A device id');

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export function newDeviceId(): string {
  let id = '';
  for (const byte of randomBytes(16)) id += ALPHABET[byte & 31];
  return id;
}

/** The longest name a device may have (a longer one would make its settings unreadable). */
export const DEVICE_NAME_MAX = 200;

/** Who a device is: written by that device alone to `devices/<id>/device.json`. */
export const DeviceInfoSchema = z.object({
  format: z.number().int().positive(),
  id: DeviceIdSchema,
  /** What a person calls it ("Office desktop"); may change, the id never does. */
  name: z.string().min(1).max(DEVICE_NAME_MAX),
  createdAt: z.iso.datetime({ offset: true }),
});
export type DeviceInfo = z.infer<typeof DeviceInfoSchema>;

export function newDevice(name: string, now: Date = new Date()): DeviceInfo {
  return {
    format: SYNC_FORMAT,
    id: newDeviceId(),
    name: name.trim() || 'Unnamed device',
    createdAt: now.toISOString(),
  };
}

/**
 * Where a device's files live in the sync folder. Each device writes only under its own folder, so a sync
 * engine never sees two writers of one file and has no reason to make conflict copies of them.
 */
export const devicesDir = (syncDir: string): string => join(syncDir, 'devices');
export const deviceDir = (syncDir: string, device: string): string => join(devicesDir(syncDir), device);
export const deviceFile = (syncDir: string, device: string): string => join(deviceDir(syncDir, device), 'device.json');
export const logDir = (syncDir: string, device: string): string => join(deviceDir(syncDir, device), 'log');
export const snapshotDir = (syncDir: string, device: string): string => join(deviceDir(syncDir, device), 'snapshots');

const SEQ_DIGITS = 12;
export const SEGMENT_EXT = '.log';
export const SNAPSHOT_EXT = '.snap';

/** A segment is named by the sequence number of its first change, zero-padded so names sort in order. */
export const segmentName = (firstSeq: number): string => `${String(firstSeq).padStart(SEQ_DIGITS, '0')}${SEGMENT_EXT}`;
/** A snapshot is named by the last sequence number of its own device that it includes. */
export const snapshotName = (seq: number): string => `${String(seq).padStart(SEQ_DIGITS, '0')}${SNAPSHOT_EXT}`;

/**
 * A file name a sync engine may have given one of ours: the name itself, Syncthing's
 * `NAME.sync-conflict-YYYYMMDD-HHMMSS-XXXXXXX.EXT`, or Dropbox's and others' `NAME (… conflicted copy …).EXT`.
 * Temp files (ours, `.NAME.pid.rand.tmp`, and Syncthing's `.syncthing.NAME.tmp`) are never ours to read.
 */
export function fileKind(name: string): { ext: string; conflictCopy: boolean } | undefined {
  if (name.startsWith('.') || name.endsWith('.tmp')) return undefined;
  for (const ext of [SEGMENT_EXT, SNAPSHOT_EXT]) {
    if (!name.endsWith(ext)) continue;
    const stem = name.slice(0, -ext.length);
    if (/^\d{12}$/.test(stem)) return { ext, conflictCopy: false };
    if (/^\d{12}(\.sync-conflict-[\w-]+| ?\(.*conflicted copy.*\))$/i.test(stem)) return { ext, conflictCopy: true };
    return undefined;
  }
  return undefined;
}
