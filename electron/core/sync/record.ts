import type { Paper } from '../schema';
import type { ChangeEvent, LibraryStore } from '../store/store';
import type { Op } from './changes';
import { diffPaper } from './diff';
import type { SyncReplica } from './replica';

/** The change events sync itself sends when it merges other devices' changes: never recorded again. */
export const SYNC_EVENT = 'sync.now';
/** Commands whose changes are what an import brings: they never win over what a person did elsewhere. */
const IMPORT_COMMANDS = new Set(['library.import']);

type Capture = { before: Paper | undefined; after: Paper | undefined; weak: boolean };

/**
 * Turns each committed command into sync changes. The store's papers are never changed in place (a change
 * replaces the object), so keeping the last object recorded for each id tells what a command changed, and
 * the diff is taken from it. Capturing is synchronous and cheap (a map lookup per paper named); turning the
 * captures into ops waits for the replica, which loads in the background, so an edit never waits for sync.
 */
export class Recorder {
  private readonly shadow = new Map<string, Paper>();
  private captures: Capture[] = [];

  constructor(private readonly store: LibraryStore) {
    for (const paper of store.all()) this.shadow.set(paper.id, paper);
  }

  /** Note what one change event changed; returns true when there is something to record. */
  capture(event: ChangeEvent): boolean {
    if (event.command === SYNC_EVENT) return false;
    const weak = IMPORT_COMMANDS.has(event.command);
    // No ids (a change beyond the papers, or a host that did not say): compare every paper by identity.
    const ids = event.ids.length > 0 ? event.ids : [...this.shadow.keys(), ...[...this.store.all()].map((p) => p.id)];
    const before = this.captures.length;
    for (const named of new Set(ids)) {
      const current = this.store.get(named);
      // An old id resolves to the paper kept: record under the id the library has now.
      const id = current?.id ?? named;
      const was = this.shadow.get(id);
      if (was === current) continue;
      if (current) this.shadow.set(id, current);
      else this.shadow.delete(id);
      this.captures.push({ before: was, after: current, weak });
    }
    return this.captures.length > before;
  }

  /** Papers the store now holds after a merge: what the next diff starts from. */
  merged(ids: Iterable<string>): void {
    for (const id of ids) {
      const current = this.store.get(id);
      if (current?.id === id) this.shadow.set(id, current);
      else this.shadow.delete(id);
    }
  }

  /** Record every capture into the replica, in order; returns the ops to write. */
  drain(replica: SyncReplica): Op[] {
    const ops: Op[] = [];
    for (const { before, after, weak } of this.captures.splice(0))
      ops.push(...recordChange(replica, before, after, weak));
    return ops;
  }

  get waiting(): number {
    return this.captures.length;
  }
}

/**
 * One paper's change as ops. A paper that appears (an import, a restore, a library set up for sync) is
 * recorded as what an import brings (weak: its status as imported, its fields, tags and note), then what a
 * person did since (each later status change): a library set up on a second machine never undoes, with
 * its defaults, what a person did on the first, whatever the clocks say.
 */
export function recordChange(
  replica: SyncReplica,
  before: Paper | undefined,
  after: Paper | undefined,
  weak: boolean,
): Op[] {
  if (before || !after) return replica.recordPaper(before, after, { weak });
  const first = after.history[0];
  const imported: Paper = { ...after, status: first?.status ?? after.status, history: after.history.slice(0, 1) };
  // One batch under one stamp: a new id needs no look at the rest of the library (a library of 100,000
  // papers set up for sync records each without grouping the whole library again).
  const none = { noteHeads: [], annotationMark: () => undefined };
  return replica.record(after.id, [
    ...diffPaper(undefined, imported, none, { weak: true }),
    ...diffPaper(imported, after, none, { weak }),
  ]);
}
