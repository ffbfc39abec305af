import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Write `chunks` whole under a temporary name, then rename it over `path`, so a reader never sees half: the
 * caches kept beside the library (the search index's, the relevance model's and its scores'). Not synced to
 * disk: a cache lost to a crash is built again.
 */
export async function writeWhole(path: string, chunks: readonly Uint8Array[]): Promise<void> {
  // Named as the store names its temp files, so the sweep at open removes one a killed writer left.
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    // Private, as everything beside the library is: its words are a person's notes.
    const file = await open(temp, 'w', 0o600);
    try {
      for (const chunk of chunks) {
        for (let at = 0; at < chunk.length;) at += (await file.write(chunk, at)).bytesWritten;
      }
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
