import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { fsErrorCode } from '../fs-errors';
import { makePrivateFolder, writeFileDurably } from '../store/durable-file';

/** The folder of the data folder that holds attached PDFs, each named by its SHA-256. */
export const ATTACHMENTS_FOLDER = 'attachments';
/** Removed attachments wait here this long before they are deleted for good. */
export const TRASH_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const HASH = /^[0-9a-f]{64}$/;

/** A stored file's bytes do not hash to its name: it was damaged or changed outside Paperqueue. */
export class AttachmentDamaged extends Error {
  constructor(readonly hash: string) {
    super(`The stored PDF ${hash.slice(0, 12)}… is damaged: its content no longer matches its checksum.`);
    this.name = 'AttachmentDamaged';
  }
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * The attached PDFs of a library: attachments/<sha256>.pdf, written like the library (temp file, fsync,
 * rename) so the same PDF is stored once, and checked against its name when read. Removed files go to
 * attachments/trash/ for TRASH_DAYS, and come back from there if the same PDF is attached again.
 */
export class AttachmentFiles {
  readonly folder: string;
  readonly trashFolder: string;
  /** Files whose hash was checked in this process, by hash, with the size and mtime they had then. */
  private readonly verified = new Map<string, string>();

  constructor(dataDir: string) {
    this.folder = join(dataDir, ATTACHMENTS_FOLDER);
    this.trashFolder = join(this.folder, 'trash');
  }

  static isHash(value: string): boolean {
    return HASH.test(value);
  }

  pathOf(hash: string): string {
    if (!HASH.test(hash)) throw new Error(`Not an attachment hash: ${hash}`);
    return join(this.folder, `${hash}.pdf`);
  }

  /** Store `bytes`, unless the same PDF is stored already. */
  async put(bytes: Uint8Array): Promise<{ hash: string; size: number; stored: boolean }> {
    const hash = sha256(bytes);
    const path = this.pathOf(hash);
    if (await this.intact(hash)) return { hash, size: bytes.length, stored: false };
    await makePrivateFolder(this.folder);
    await writeFileDurably(path, bytes);
    await fs.rm(join(this.trashFolder, `${hash}.pdf`), { force: true }).catch(() => undefined);
    this.remember(hash, await fs.stat(path));
    return { hash, size: bytes.length, stored: true };
  }

  /** The file's bytes, checked against its hash (once per process while the file is unchanged). */
  async read(hash: string): Promise<Buffer> {
    const path = this.pathOf(hash);
    const bytes = await fs.readFile(path);
    if (!this.known(hash, await fs.stat(path))) {
      if (sha256(bytes) !== hash) throw new AttachmentDamaged(hash);
      this.remember(hash, await fs.stat(path));
    }
    return bytes;
  }

  /** Check the file once (for serving parts of it without reading it whole each time); its size. */
  async check(hash: string): Promise<number> {
    const path = this.pathOf(hash);
    const info = await fs.stat(path);
    if (!this.known(hash, info)) {
      const hasher = createHash('sha256');
      const handle = await fs.open(path, 'r');
      try {
        for await (const chunk of handle.createReadStream()) hasher.update(chunk as Buffer);
      } finally {
        await handle.close().catch(() => undefined);
      }
      if (hasher.digest('hex') !== hash) throw new AttachmentDamaged(hash);
      this.remember(hash, info);
    }
    return info.size;
  }

  async has(hash: string): Promise<boolean> {
    return fs.stat(this.pathOf(hash)).then(
      (info) => info.isFile(),
      () => false,
    );
  }

  /** Move a file no paper uses any more to the trash (its date there starts now). */
  async trash(hash: string): Promise<void> {
    await makePrivateFolder(this.trashFolder);
    const target = join(this.trashFolder, `${hash}.pdf`);
    try {
      await fs.rename(this.pathOf(hash), target);
      const now = new Date();
      await fs.utimes(target, now, now);
    } catch (error) {
      if (fsErrorCode(error) !== 'ENOENT') throw error;
    }
    this.verified.delete(hash);
  }

  /** Bring a trashed file back (the same PDF attached again within TRASH_DAYS); false if it is not there. */
  async restore(hash: string): Promise<boolean> {
    try {
      await fs.rename(join(this.trashFolder, `${hash}.pdf`), this.pathOf(hash));
      return true;
    } catch {
      return false;
    }
  }

  /** Delete trashed files older than TRASH_DAYS; the hashes deleted. */
  async sweepTrash(now = Date.now()): Promise<string[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.trashFolder);
    } catch {
      return [];
    }
    const removed: string[] = [];
    for (const name of names) {
      const path = join(this.trashFolder, name);
      const info = await fs.stat(path).catch(() => undefined);
      if (!info || now - info.mtimeMs < TRASH_DAYS * DAY_MS) continue;
      await fs.rm(path, { force: true }).then(
        () => removed.push(name.replace(/\.pdf$/, '')),
        () => undefined,
      );
    }
    return removed;
  }

  /** True if the file is there and hashes to its name. */
  private async intact(hash: string): Promise<boolean> {
    try {
      await this.check(hash);
      return true;
    } catch {
      return false;
    }
  }

  private known(hash: string, info: { size: number; mtimeMs: number }): boolean {
    return this.verified.get(hash) === `${info.size}:${info.mtimeMs}`;
  }

  private remember(hash: string, info: { size: number; mtimeMs: number }): void {
    this.verified.set(hash, `${info.size}:${info.mtimeMs}`);
  }
}
