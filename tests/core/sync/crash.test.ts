import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logDir, newDevice } from '../../../electron/core/sync/device';
import { readSyncFolder } from '../../../electron/core/sync/folder';
import { SyncReplica } from '../../../electron/core/sync/replica';
import { bundleChildren, exited, jsonLines, startChild } from '../durability/children';
import { tempDir } from '../helpers';

/** Real SIGKILLs of a device writing its log (each a new Node process); PAPERQUEUE_CRASH_KILLS=500 for a long soak. */
const KILLS = Math.max(Math.min(Number(process.env.PAPERQUEUE_CRASH_KILLS) || 12, 100_000), 2);

let writer: string;
let dispose: () => Promise<void>;
beforeAll(async () => {
  const bundle = await bundleChildren({ 'crash-log-writer': '../sync/crash-log-writer.ts' });
  writer = bundle.paths['crash-log-writer'];
  dispose = bundle.dispose;
});
afterAll(() => dispose?.());

/** Run the writer until it has made `appends` more appends durable (or at least started), then SIGKILL it. */
async function killWhileWriting(syncDir: string, infoFile: string, appends: number): Promise<number> {
  const child = startChild(writer, [syncDir, infoFile]);
  let durable = 0;
  let count = 0;
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  jsonLines(child, (line) => {
    const { durable: seq } = line as { durable?: number };
    if (seq === undefined) return;
    durable = seq;
    // Killed mid-write: the next append is under way when the signal lands.
    if (++count === appends) child.kill('SIGKILL');
  });
  expect(await exited(child), `the writer ended by itself: ${stderr}`).toBe('SIGKILL');
  return durable;
}

describe('a device killed while writing its log', () => {
  it(`never leaves a torn change for another device to take in (${KILLS} SIGKILLs)`, async () => {
    const syncDir = await tempDir();
    const info = newDevice('Killed');
    const infoFile = join(await tempDir(), 'device.json');
    await writeFile(infoFile, JSON.stringify(info));
    let durable = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      durable = Math.max(durable, await killWhileWriting(syncDir, infoFile, 1 + ((kill * 7) % 11)));
      const read = await readSyncFolder(syncDir);
      expect(read.problems).toEqual([]);
      expect(read.waiting).toEqual([]);
      // Every change reported durable is there, numbered without a gap.
      const seqs = read.ops.map((op) => op.seq);
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      expect(seqs.length).toBeGreaterThanOrEqual(durable);
    }
    const other = new SyncReplica('z000000000000000');
    other.receive((await readSyncFolder(syncDir)).ops);
    expect(other.library().papers.length).toBeGreaterThan(0);
    // Temp files a killed writer left are never read as changes, and the next writer sweeps them.
    const names = await readdir(logDir(syncDir, info.id));
    expect(names.filter((name) => name.endsWith('.tmp')).length).toBeLessThanOrEqual(1);
  }, 180_000);
});
