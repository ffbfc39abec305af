import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { AttachmentFiles, sha256 } from '../attachments/files';
import { fsErrorCode } from '../fs-errors';
import { makePrivateFolder, writeFileDurably } from '../store/durable-file';
import { deviceDir, devicesDir } from './device';

/**
 * Attached PDFs through the sync folder, when the person turns it on: each device copies the PDFs its
 * library uses into its own `devices/<id>/pdfs/<sha256>.pdf` (never a file another device writes, like
 * its log), and takes from any device's folder the PDFs its library uses and does not have, checked
 * against their hash. A file the sync engine has not finished writing fails the check and is taken on a
 * later sync; nothing is ever taken unchecked. A PDF that some device already shares is not copied again.
 */
export const pdfsDir = (syncDir: string, device: string): string => join(deviceDir(syncDir, device), 'pdfs');

const PDF_NAME = /^([0-9a-f]{64})\.pdf$/;

export type PdfSyncResult = {
  /** PDFs this device copied into its folder. */
  shared: string[];
  /** PDFs taken from another device's folder into the library's attachments. */
  fetched: string[];
  /** PDFs the library uses that neither this machine nor the sync folder has yet. */
  waiting: string[];
  /** Copies in the sync folder that did not match their hash (being written, or damaged), by path. */
  unreadable: string[];
};

/** Every device's PDFs in the sync folder: hash → the paths of its copies. */
async function sharedPdfs(syncDir: string): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  let devices: string[];
  try {
    devices = await fs.readdir(devicesDir(syncDir));
  } catch (error) {
    if (fsErrorCode(error) === 'ENOENT') return found;
    throw error;
  }
  for (const device of devices.sort()) {
    let names: string[];
    try {
      names = await fs.readdir(pdfsDir(syncDir, device));
    } catch {
      continue;
    }
    for (const name of names) {
      const hash = PDF_NAME.exec(name)?.[1];
      if (!hash) continue;
      const paths = found.get(hash);
      const path = join(pdfsDir(syncDir, device), name);
      if (paths) paths.push(path);
      else found.set(hash, [path]);
    }
  }
  return found;
}

/** The bytes of the first copy that matches its hash; the copies that did not go to `unreadable`. */
async function firstIntact(hash: string, paths: readonly string[], unreadable: string[]): Promise<Buffer | undefined> {
  for (const path of paths) {
    const bytes = await fs.readFile(path).catch(() => undefined);
    if (bytes && sha256(bytes) === hash) return bytes;
    unreadable.push(path);
  }
  return undefined;
}

/**
 * One pass over the PDFs `used` by the library: share what this device has and no device shares yet,
 * fetch what it lacks. One file at a time, so a library of large PDFs never sits in memory at once.
 */
export async function syncPdfFiles(options: {
  syncDir: string;
  device: string;
  files: AttachmentFiles;
  used: Iterable<string>;
}): Promise<PdfSyncResult> {
  const { syncDir, device, files } = options;
  const result: PdfSyncResult = { shared: [], fetched: [], waiting: [], unreadable: [] };
  const shared = await sharedPdfs(syncDir);
  const own = pdfsDir(syncDir, device);
  for (const hash of new Set(options.used)) {
    if (!AttachmentFiles.isHash(hash)) continue;
    const copies = shared.get(hash) ?? [];
    if (await files.has(hash)) {
      if (copies.length > 0) continue;
      const bytes = await files.read(hash).catch(() => undefined);
      if (!bytes) continue; // Damaged here: the reader says so when it is opened; never spread it.
      await makePrivateFolder(own);
      await writeFileDurably(join(own, `${hash}.pdf`), bytes);
      result.shared.push(hash);
      continue;
    }
    const bytes = copies.length > 0 ? await firstIntact(hash, copies, result.unreadable) : undefined;
    if (!bytes) {
      result.waiting.push(hash);
      continue;
    }
    await files.put(bytes);
    result.fetched.push(hash);
  }
  return result;
}
