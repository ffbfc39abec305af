import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fsErrorCode, fsProblem } from '../fs-errors';

/** The file-system calls a durable write makes; a seam for tests that inject faults (a full disk). */
export type DurableFs = {
  open: typeof open;
  rename: typeof rename;
  unlink: typeof unlink;
  readdir: (dir: string) => Promise<string[]>;
};

const realFs: DurableFs = { open, rename, unlink, readdir: (dir) => readdir(dir) };
let fs: DurableFs = realFs;

/** Test seam: replace some of the calls durable writes make (fault injection); `undefined` restores the real ones. */
export function setDurableFs(calls: Partial<DurableFs> | undefined): void {
  fs = { ...realFs, ...calls };
}

/**
 * A durable write failed. Unless `replaced` is set, the target file is exactly as it was before (if there was
 * one: `previous` says so, and only then does the message say it is intact).
 */
export class DurableWriteError extends Error {
  /** The system error code (ENOSPC, EACCES, ...), so callers and the CLI can name it. */
  readonly code: string | undefined;
  readonly path: string;
  /** The rename went through but the folder could not be synced: the new file is in place, maybe not durable. */
  readonly replaced: boolean;
  constructor(path: string, cause: unknown, replaced: boolean, previous = true, reasonGiven?: string) {
    // A full disk, a read-only one, a refusal: said in words, naming the file.
    const reason =
      reasonGiven ?? fsProblem(cause, path)?.reason ?? (cause instanceof Error ? cause.message : String(cause));
    super(
      replaced
        ? `Saved ${path}, but could not make the save durable (${reason})`
        : `Could not save ${path}: ${reason}${previous ? '. The previous version is intact' : ''}`,
      { cause },
    );
    this.name = 'DurableWriteError';
    this.code = fsErrorCode(cause);
    this.path = path;
    this.replaced = replaced;
  }
}

/** Files in the data folder are readable by their owner only: a person's notes are theirs. */
export const PRIVATE_FILE_MODE = 0o600;
/** Folders the store creates (the data folder, backups/); an existing folder keeps the mode it has. */
export const PRIVATE_FOLDER_MODE = 0o700;

/**
 * Create `dir` and any missing parents, 0700; a folder that exists keeps the mode it has. Node's recursive
 * mkdir says ENOENT where the system refused (a read-only disk, no permission): the first missing folder
 * is then made alone, which fails with the real reason.
 */
export async function makePrivateFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  } catch (error) {
    if (fsErrorCode(error) !== 'ENOENT') throw error;
    let missing = dir;
    while (dirname(missing) !== missing && !(await exists(dirname(missing)))) missing = dirname(missing);
    await mkdir(missing, { mode: PRIVATE_FOLDER_MODE }).catch((cause: unknown) => {
      if (fsErrorCode(cause) !== 'EEXIST') throw cause;
    });
    await mkdir(dir, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  }
}

const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Temp files of writeFileDurably: `.<target>.<pid>.<8 hex>.tmp`. */
const TEMP_FILE = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;
const sweptFolders = new Set<string>();

/** What identifies a file's content as this process wrote or read it: a later stat that differs means someone else changed it. */
export type FileIdentity = { ino: number; size: number; mtimeMs: number };

/** The content of a durable write: text, bytes, or pieces of bytes made while the write goes on. */
export type DurableContent = string | Uint8Array | AsyncIterable<Uint8Array>;

export type DurableWriteOptions = {
  /**
   * The new file's mode, before the umask. 0o600 (the default) for everything in the data folder, which only
   * its owner may read; 0o666 for a file the user asked for elsewhere (an export), so their umask decides.
   */
  mode?: number;
};

/**
 * Replace `path` with `content` so that a crash leaves either the old or the new file, never a torn one:
 * a uniquely named temp file beside it, fsync, rename over the target, fsync the folder. On failure the
 * temp file is removed and a DurableWriteError says why. The first write into a folder also removes temp
 * files that crashed processes left there, so they never pile up.
 * Content given in pieces is written piece by piece, so a large file never sits whole in memory and the
 * event loop runs between pieces. Returns the new file's identity. The file is private to its owner (0600)
 * unless `options.mode` says otherwise.
 * lowdb's own JSONFile renames without fsync and shares one temp name between writers.
 */
export async function writeFileDurably(
  path: string,
  content: DurableContent,
  options: DurableWriteOptions = {},
): Promise<FileIdentity> {
  const dir = dirname(path);
  if (!sweptFolders.has(dir)) {
    sweptFolders.add(dir);
    await removeStaleTempFiles(dir).catch(() => undefined);
  }
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let identity: FileIdentity;
  try {
    const handle = await fs.open(tmp, 'w', options.mode ?? PRIVATE_FILE_MODE);
    try {
      if (typeof content === 'string' || content instanceof Uint8Array) await handle.writeFile(content);
      else for await (const piece of content) await writeAll(handle, piece);
      await handle.sync();
      const { ino, size, mtimeMs } = await handle.stat();
      identity = { ino, size, mtimeMs };
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, path);
  } catch (error) {
    await fs.unlink(tmp).catch(() => undefined);
    const previous = await stat(path).then(
      (info) => info.isFile(),
      () => false,
    );
    throw new DurableWriteError(path, error, false, previous, await whyNotWritten(error, dir, tmp, path));
  }
  try {
    await syncFolder(dir);
  } catch (error) {
    throw new DurableWriteError(path, error, true);
  }
  return identity;
}

/**
 * Why a write into `dir` failed, when the system's own words would mislead: a folder that does not exist (the
 * system names the temp file it could not create), or a message naming the temp file, which is named the
 * target instead. Undefined for the problems fsProblem says in words.
 */
async function whyNotWritten(error: unknown, dir: string, tmp: string, path: string): Promise<string | undefined> {
  const code = fsErrorCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    const info = await stat(dir).catch(() => undefined);
    if (!info) return `the folder ${dir} does not exist (${code})`;
    if (!info.isDirectory()) return `${dir} is not a folder (${code})`;
  }
  if (code === 'EISDIR') return `${path} is a folder (${code})`;
  if (fsProblem(error, path) || !(error instanceof Error)) return undefined;
  return error.message.split(tmp).join(path);
}

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let at = 0;
  while (at < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, at, bytes.length - at);
    at += bytesWritten;
  }
}

/**
 * Delete the temp files in `dir` whose writing process is gone (killed mid-write). Files of live
 * processes, this one included, are left alone. Returns the names removed.
 */
export async function removeStaleTempFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = TEMP_FILE.exec(name)?.[1];
    if (pid === undefined || isRunning(Number(pid))) continue;
    await fs.unlink(join(dir, name)).then(
      () => removed.push(name),
      () => undefined,
    );
  }
  return removed;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function syncFolder(dir: string): Promise<void> {
  // Windows cannot open a folder for fsync; the rename is as durable as that platform allows.
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
