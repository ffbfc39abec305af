import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PRIVATE_FILE_MODE } from '../core/store/durable-file';
import { newToken } from './security';

/** The browser page's token, kept beside the library (mode 0600) so that a restarted `serve` accepts open pages. */
export const PAGE_TOKEN_FILE_NAME = 'page-token';

const TOKEN = /^[\w-]{32,}$/;

/**
 * The page token of the library in `dataDir`: the one the last `serve` of this folder used, or a new one (the
 * first start, `rotate`, or a kept one that is unreadable or malformed), written 0600 beside the lock. Keeping
 * it is no weaker than the library itself: it guards the library, which is in the same folder with the same
 * permissions, so whoever can read the token can read the library without it. A folder that cannot be written
 * gets a new token for this run only. Costs one small read (and at most one write) per start.
 */
export async function keptPageToken(dataDir: string, rotate = false): Promise<string> {
  const file = join(dataDir, PAGE_TOKEN_FILE_NAME);
  if (!rotate) {
    const kept = await readFile(file, 'utf8').then(
      (text) => text.trim(),
      () => '',
    );
    if (TOKEN.test(kept)) return kept;
  }
  const token = newToken();
  // Written whole beside it and renamed over it: a reader never sees half a token.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, `${token}\n`, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
    await rename(temp, file);
  } catch {
    await unlink(temp).catch(() => undefined);
  }
  return token;
}
