import { join } from 'node:path';
import { makePrivateFolder, writeFileDurably } from '../store/durable-file';
import { encodeStream } from './envelope';
import { localSyncDir } from './settings';
import { paperLine } from './snapshot';
import type { SyncState } from './state';

/** A state's lines as a snapshot holds them: what it has seen (and the clock, for the local state), then a line per paper id. */
export function* stateLines(state: SyncState, extra: Record<string, unknown> = {}): Generator<string> {
  yield JSON.stringify({ seen: Object.fromEntries(state.seen), ...extra });
  for (const [id, paper] of state.papers) yield paperLine(id, paper);
}

/**
 * Write a state whole as a snapshot file, in pieces: the event loop runs between them, and the state must not
 * change meanwhile (the session's queue runs nothing else). `seen` is read first, so a change taken in while
 * the file is written could only be in it beyond what it claims.
 */
export async function writeStateFile(
  path: string,
  device: string,
  state: SyncState,
  extra: Record<string, unknown> = {},
): Promise<void> {
  const seq = state.seen.get(device) ?? 0;
  await writeFileDurably(path, encodeStream({ kind: 'snapshot', device, seq }, stateLines(state, extra)));
}

/**
 * The merged state saved in `<data>/sync/state.snap` (local.ts reads it back with readLocalState): the same
 * file writeLocalState writes, written in pieces.
 */
export async function saveLocalState(dataDir: string, device: string, state: SyncState, clock: string): Promise<void> {
  await makePrivateFolder(localSyncDir(dataDir));
  await writeStateFile(join(localSyncDir(dataDir), 'state.snap'), device, state, { clock });
}
