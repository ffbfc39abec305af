import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { fsErrorCode } from '../fs-errors';
import { makePrivateFolder, writeFileDurably } from '../store/durable-file';
import { DeviceInfoSchema, type DeviceInfo } from './device';

/**
 * This machine's sync settings and state, in the data folder (never in the sync folder, never synced):
 * `<data>/sync/settings.json` (which folder, which device), `state.snap` (the merged state as last saved),
 * `journal.jsonl` (this device's changes since), `status.json` (what the last sync found), `aliases.json`.
 */
export const localSyncDir = (dataDir: string): string => join(dataDir, 'sync');

export const SyncSettingsSchema = z.object({
  /** The folder a sync engine replicates (absolute). */
  folder: z.string().min(1),
  device: DeviceInfoSchema,
  /** Also carry the attached PDFs through the folder (each device copies its own under devices/<id>/pdfs/). */
  pdfs: z.boolean().optional(),
});
export type SyncSettings = z.infer<typeof SyncSettingsSchema>;

const settingsFile = (dataDir: string): string => join(localSyncDir(dataDir), 'settings.json');

/** The settings, or undefined when sync is not set up. A damaged file is an error naming it, never ignored. */
export async function readSyncSettings(dataDir: string): Promise<SyncSettings | undefined> {
  const file = settingsFile(dataDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (fsErrorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not valid JSON; run "paperqueue sync setup" again to rewrite it.`);
  }
  const parsed = SyncSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'not sync settings'}`);
  }
  return parsed.data;
}

export async function writeSyncSettings(dataDir: string, settings: SyncSettings): Promise<void> {
  await makePrivateFolder(localSyncDir(dataDir));
  await writeFileDurably(settingsFile(dataDir), `${JSON.stringify(settings, null, 2)}\n`);
}

export type { DeviceInfo };
