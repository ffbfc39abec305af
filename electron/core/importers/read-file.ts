import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { describeError, fsErrorCode } from '../fs-errors';
import { CommandError } from '../result';
import { decodeImportBytes } from './decode';

/** Larger files are refused before reading: no importer should see them. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** A Paperqueue backup of a very large library is allowed to be bigger. */
export const MAX_BACKUP_BYTES = 1024 * 1024 * 1024;

export type ImportFile = { text: string; label: string; encoding: string };

export async function readImportFile(path: string): Promise<ImportFile> {
  const label = basename(path);
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new CommandError('INVALID_INPUT', `${path} is a folder, not a file.`);
    // A device or a pipe (like /dev/zero) reports no size and never ends: only regular files are read.
    if (!info.isFile()) throw new CommandError('INVALID_INPUT', `${path} is not a regular file.`);
    const limit = info.size > MAX_IMPORT_BYTES && (await looksLikeBackup(path)) ? MAX_BACKUP_BYTES : MAX_IMPORT_BYTES;
    if (info.size > limit) {
      throw new CommandError(
        'INVALID_INPUT',
        `${label} is ${megabytes(info.size)}; files over ${megabytes(limit)} are not imported (split it first).`,
      );
    }
    const handle = await open(path, 'r');
    try {
      const { text, encoding } = decodeImportBytes(await handle.readFile());
      return { text, label, encoding };
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof CommandError) throw error;
    throw cannotRead(path, error);
  }
}

/** A file the host named (to import, to attach) that cannot be read, said in words and naming it. */
export function cannotRead(path: string, error: unknown): CommandError {
  const code = fsErrorCode(error);
  if (code === 'ENOENT') return new CommandError('NOT_FOUND', `Cannot read ${path}: no such file.`);
  const reason = code === 'EACCES' ? 'permission denied.' : describeError(error, path).replace(/\.?$/, '.');
  return new CommandError('INVALID_INPUT', `Cannot read ${path}: ${reason}`);
}

async function looksLikeBackup(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    return /^\uFEFF?\s*\{\s*"(app|version)"/.test(head);
  } finally {
    await handle.close();
  }
}

const megabytes = (bytes: number): string => `${Math.round(bytes / 1048576)} MB`;
