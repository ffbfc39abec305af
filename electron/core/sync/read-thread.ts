import { parentPort } from 'node:worker_threads';
import type { Op } from './changes';
import { FileCache } from './file-cache';
import { SyncFolderMissingError, SyncFolderNewerError, readSyncFolder, type FolderRead } from './folder';
import type { Snapshot } from './reader';

/**
 * What the sync's thread is asked: read the folder, knowing per device the changes 1..n the reader holds; and
 * for a read's next part, once the library's thread has taken in the last.
 */
export type ToReadThread =
  { kind: 'read'; id: number; folder: string; known: [string, number][] } | { kind: 'more'; id: number };

/**
 * Changes and snapshot papers per message: each message is taken apart on the library's thread in one go. The
 * thread sends a read's next part only when asked (`more`): messages waiting on a port are all taken apart in
 * one turn of its event loop, so ten parts sent at once were ten parts' work (about 20 ms) in one block.
 */
export const OPS_PER_MESSAGE = 1000;
export const PAPERS_PER_MESSAGE = 500;

/** A folder error as it crosses threads (its class is rebuilt on the other side). */
export type ThreadError = { name: string; message: string; folder?: string; files?: string[] };

/** The answer, in parts: ops and snapshots' papers in chunks, then the rest of the read, or why it failed. */
export type FromReadThread =
  | { kind: 'ops'; id: number; ops: Op[] }
  | { kind: 'papers'; id: number; snapshot: number; papers: Snapshot['papers'] }
  | {
      kind: 'done';
      id: number;
      read: Omit<FolderRead, 'ops' | 'snapshots'> & { snapshots: Omit<Snapshot, 'papers'>[] };
      priority: number | undefined;
      cpuMs: number;
    }
  | { kind: 'failed'; id: number; error: ThreadError };

export function toThreadError(error: unknown): ThreadError {
  if (error instanceof SyncFolderNewerError)
    return { name: error.name, message: error.message, folder: error.folder, files: error.files };
  if (error instanceof SyncFolderMissingError)
    return { name: error.name, message: error.message, folder: error.folder };
  return { name: 'Error', message: error instanceof Error ? error.message : String(error) };
}

export function fromThreadError(error: ThreadError): Error {
  if (error.name === 'SyncFolderNewerError') return new SyncFolderNewerError(error.folder!, error.files ?? []);
  if (error.name === 'SyncFolderMissingError') return new SyncFolderMissingError(error.folder!);
  return new Error(error.message);
}

/**
 * The thread's side: read what is new in the folder (its FileCache lives as long as the thread), check and
 * parse it, and send it back in parts, each once the last is asked past (`more`). Nothing here touches the
 * library.
 */
export function serveRead(priority: number | undefined): void {
  const port = parentPort!;
  const cache = new FileCache();
  /** Per read, the parts not sent yet. */
  const unsent = new Map<number, FromReadThread[]>();
  const sendNext = (id: number): void => {
    const parts = unsent.get(id);
    const part = parts?.shift();
    if (!part) return;
    if (parts!.length === 0) unsent.delete(id);
    port.postMessage(part);
  };
  port.on('message', (message: ToReadThread) => {
    const { id } = message;
    if (message.kind === 'more') return sendNext(id);
    const started = process.cpuUsage();
    readSyncFolder(message.folder, new Map(message.known), cache).then(
      (read) => {
        const parts: FromReadThread[] = [];
        for (let at = 0; at < read.ops.length; at += OPS_PER_MESSAGE) {
          parts.push({ kind: 'ops', id, ops: read.ops.slice(at, at + OPS_PER_MESSAGE) });
        }
        read.snapshots.forEach((snapshot, index) => {
          for (let at = 0; at < snapshot.papers.length; at += PAPERS_PER_MESSAGE) {
            parts.push({
              kind: 'papers',
              id,
              snapshot: index,
              papers: snapshot.papers.slice(at, at + PAPERS_PER_MESSAGE),
            });
          }
        });
        const used = process.cpuUsage(started);
        const { devices, waiting, problems } = read;
        const snapshots = read.snapshots.map(({ device, seq, seen }) => ({ device, seq, seen }));
        parts.push({
          kind: 'done',
          id,
          read: { devices, waiting, problems, snapshots },
          priority,
          cpuMs: (used.user + used.system) / 1000,
        });
        unsent.set(id, parts);
        sendNext(id);
      },
      (error: unknown) =>
        port.postMessage({ kind: 'failed', id, error: toThreadError(error) } satisfies FromReadThread),
    );
  });
}
