import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { newDevice } from '../../../electron/core/sync/device';
import { FileCache } from '../../../electron/core/sync/file-cache';
import { readSyncFolder } from '../../../electron/core/sync/folder';
import { DeviceLog } from '../../../electron/core/sync/log-writer';
import { FolderReader } from '../../../electron/core/sync/read-folder';
import { OPS_PER_MESSAGE, type FromReadThread, type ToReadThread } from '../../../electron/core/sync/read-thread';
import { SyncReplica } from '../../../electron/core/sync/replica';
import { tempDir } from '../helpers';
import { T0, draft, importPaper, type TestDevice } from './helpers';

/** A sync folder holding one device's log of more than two parts' worth of changes. */
async function folderWithChanges(): Promise<string> {
  const syncDir = await tempDir();
  const info = newDevice('Laptop', new Date(T0));
  const { log } = await DeviceLog.open(syncDir, info);
  const dev: TestDevice = { replica: new SyncReplica(info.id, () => T0), ops: [], skew: 0 };
  for (let i = 0; dev.ops.length <= 2 * OPS_PER_MESSAGE; i++) importPaper(dev, draft(`Paper ${i} read in parts`), T0);
  await log.append(dev.ops.splice(0));
  return syncDir;
}

/** The next message from the thread, or undefined if none comes within `ms`. */
function nextMessage(worker: Worker, ms: number): Promise<FromReadThread | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      worker.off('message', got);
      resolve(undefined);
    }, ms);
    const got = (message: FromReadThread) => {
      clearTimeout(timer);
      resolve(message);
    };
    worker.once('message', got);
  });
}

describe("the sync folder's reading thread", () => {
  it("sends a read's parts one at a time, each once the library's thread asks for it", async () => {
    const syncDir = await folderWithChanges();
    const expected = await readSyncFolder(syncDir, new Map(), new FileCache());
    expect(expected.ops.length).toBeGreaterThan(2 * OPS_PER_MESSAGE);
    const worker = new Worker(new URL('../../../electron/core/sync/read-worker.mjs', import.meta.url));
    try {
      worker.postMessage({ kind: 'read', id: 7, folder: syncDir, known: [] } satisfies ToReadThread);
      const parts: FromReadThread[] = [(await nextMessage(worker, 30_000))!];
      while (parts.at(-1)!.kind === 'ops') {
        // Nothing more comes unasked: parts sent together would be taken apart in one turn of the loop.
        expect(await nextMessage(worker, 300)).toBeUndefined();
        worker.postMessage({ kind: 'more', id: 7 } satisfies ToReadThread);
        parts.push((await nextMessage(worker, 30_000))!);
      }
      const last = parts.at(-1)!;
      expect(last.kind).toBe('done');
      expect(parts.length).toBe(Math.ceil(expected.ops.length / OPS_PER_MESSAGE) + 1);
      expect(parts.flatMap((part) => (part.kind === 'ops' ? part.ops : []))).toEqual(expected.ops);
      // Asked past the end, the thread sends nothing.
      worker.postMessage({ kind: 'more', id: 7 } satisfies ToReadThread);
      expect(await nextMessage(worker, 300)).toBeUndefined();
    } finally {
      await worker.terminate();
    }
  }, 60_000);

  it('gives the library the whole read, as read on its own thread', async () => {
    const syncDir = await folderWithChanges();
    const reader = new FolderReader();
    try {
      const [inThread, here] = await Promise.all([
        reader.read(syncDir, new Map(), true),
        readSyncFolder(syncDir, new Map(), new FileCache()),
      ]);
      expect(reader.report?.thread).toBe(true);
      expect(inThread.ops).toEqual(here.ops);
      expect(inThread.devices).toEqual(here.devices);
      expect(inThread.problems).toEqual(here.problems);
    } finally {
      await reader.close();
    }
  }, 60_000);
});
