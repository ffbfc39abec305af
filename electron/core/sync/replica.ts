import type { Paper } from '../schema';
import { opDevice, type Change, type Mark, type Op } from './changes';
import { DEVICE_NAME_MAX } from './device';
import { diffPaper } from './diff';
import { HybridClock, after, compareStamps, type Stamp } from './hlc';
import { IDENTITY_FIELDS } from './identity';
import { LibraryView } from './library-view';
import { materialize, type SyncedLibrary } from './materialize';
import { noteHeads } from './notes';
import { joinSnapshot } from './snapshot';
import { applyOp, emptyState, newestMark, statusSeen, type PaperState, type SyncState } from './state';

/**
 * One device's view of the synced library, in memory: its clock, the state of every change it has taken in,
 * and the next sequence number of its own log. It records local changes as ops (which the caller appends to
 * the device's log) and takes in other devices' ops in any order, any number of times. No files here: the
 * log writer and the folder reader do that, so the merge is tested on its own.
 */
/** The fields groupByIdentity reads, and those that make an id complete enough to be grouped. */
const GROUPING_FIELDS = [...IDENTITY_FIELDS, 'source'];

export class SyncReplica {
  readonly clock: HybridClock;
  private readonly state: SyncState = emptyState();
  private nextSeq = 1;
  private cached: SyncedLibrary | undefined;
  /** The library read one paper at a time, as merges need it (library() reads it whole). */
  readonly view = new LibraryView(this.state);
  /** Devices whose stamps ran more than the clock's bound ahead of this device's wall time, by how far (ms). */
  readonly skewed = new Map<string, number>();
  /**
   * What this device calls itself (its settings' name): each note version it records carries it, so a
   * conflict's markers name the machine of each side the same way on every device (conflict-labels.ts).
   */
  name: string | undefined;

  constructor(
    readonly device: string,
    now: () => number = Date.now,
    maxPullMs?: number,
  ) {
    this.clock = new HybridClock(device, now, maxPullMs);
  }

  /** The seq the next local change gets. */
  get seq(): number {
    return this.nextSeq;
  }

  /** For each device, how many of its changes have been taken in without a gap. */
  get seen(): ReadonlyMap<string, number> {
    return this.state.seen;
  }

  /** The merged state, for a snapshot. */
  get snapshotState(): SyncState {
    return this.state;
  }

  /**
   * Take in this device's own ops read back from its log after a restart; `nextSeq` (DeviceLog.open's) is
   * where its numbering goes on, past any segment that could not be read.
   */
  restore(ops: readonly Op[], nextSeq = 1): void {
    this.nextSeq = Math.max(this.nextSeq, nextSeq);
    for (const op of ops) {
      if (opDevice(op) === this.device) {
        this.nextSeq = Math.max(this.nextSeq, op.seq + 1);
        this.clock.restore(op.hlc);
      }
    }
    // What was taken in before (the journal, the device's own log): the library already shows it.
    this.take(ops, false);
  }

  /**
   * Take in a snapshot's papers and what it has seen (see snapshot.ts); with `touch` false (the state this
   * device saved itself) the library is taken to show them already.
   */
  absorb(papers: readonly [string, PaperState][], seen: Record<string, number>, touch = true): void {
    joinSnapshot(this.state, papers, seen);
    this.nextSeq = Math.max(this.nextSeq, (this.state.seen.get(this.device) ?? 0) + 1);
    this.cached = undefined;
    for (const [id] of papers) {
      if (touch) this.view.touch([id]);
      this.view.regroup(id);
    }
  }

  /** Take in ops from any device; an op seen before changes nothing. The view reads their papers again. */
  receive(ops: readonly Op[]): void {
    this.take(ops, true);
  }

  private take(ops: readonly Op[], touch: boolean): void {
    for (const op of ops) {
      this.apply(op, touch);
      const device = opDevice(op);
      if (device === this.device) continue;
      const observation = this.clock.observe(op.hlc);
      if (observation) this.skewed.set(device, Math.max(this.skewed.get(device) ?? 0, observation.skewMs));
    }
  }

  /** Record local changes to one paper; returns the ops to append to this device's log. */
  record(paperId: string, changes: readonly Change[]): Op[] {
    if (changes.length === 0) return [];
    const hlc = this.stampFor(paperId);
    const by = this.name?.slice(0, DEVICE_NAME_MAX);
    const ops = changes.map((change) => ({
      ...change,
      ...(change.op === 'note' && by && { by }),
      seq: this.nextSeq++,
      hlc,
      paper: paperId,
    }));
    for (const op of ops) this.apply(op, true);
    return ops;
  }

  /**
   * Record what a local command did to a paper: `before` as this replica last gave it (or undefined), `after`
   * as the store now has it (undefined: deleted). `weak` for an import.
   */
  recordPaper(before: Paper | undefined, after: Paper | undefined, options: { weak?: boolean } = {}): Op[] {
    const id = after?.id ?? before?.id;
    if (!id) return [];
    const joined = this.joined(id);
    const changes = diffPaper(
      before,
      after,
      {
        noteHeads: joined ? noteHeads(joined.notes) : [],
        annotationMark: (annotation) => joined?.annotations.get(annotation)?.mark,
        statusSeen: statusSeen(joined?.status, this.device),
      },
      options,
    );
    // The ids the paper is kept under before the change: the change itself may regroup them.
    const group = joined && this.view.group(id);
    if (!after) return this.deleteSeen(id, group, changes);
    return [...this.record(id, changes), ...this.keepJoined(id, group, changes)];
  }

  /**
   * A deletion is recorded on every id of the paper this device has (the kept id first): it removes what the
   * person saw, and no more. An id this device never had in the paper (another device's import of the same
   * work, not yet arrived here) is live on its own state, and keeps the paper (materialize.ts's `groupLive`).
   */
  private deleteSeen(id: string, group: readonly string[] | undefined, changes: readonly Change[]): Op[] {
    const ids = [id, ...(group ?? []).filter((member) => member !== id)];
    return ids.flatMap((member) => this.record(member, changes));
  }

  /**
   * A person's change to what identity reads (a year, a title) of a paper kept under several ids is made to
   * each of them: made to the kept id alone, it would tell that id apart from the others, and the copy another
   * device imported would come back as a second paper. Costs nothing unless the paper has several ids.
   */
  private keepJoined(id: string, group: readonly string[] | undefined, changes: readonly Change[]): Op[] {
    if (!group || group.length < 2) return [];
    const fields: Record<string, unknown> = {};
    for (const change of changes) {
      if (change.op !== 'set' || change.weak) continue;
      for (const [field, value] of Object.entries(change.fields))
        if (IDENTITY_FIELDS.includes(field)) fields[field] = value;
    }
    if (Object.keys(fields).length === 0) return [];
    return group.filter((member) => member !== id).flatMap((member) => this.record(member, [{ op: 'set', fields }]));
  }

  /** The synced library (computed once per change). */
  library(): SyncedLibrary {
    this.cached ??= materialize(this.state);
    return this.cached;
  }

  /**
   * A local change's stamp: the clock's next reading, or, when a change of this paper (under any of its ids)
   * is stamped later than that (a device with a clock ahead wrote it), the first stamp after it. A change
   * made after seeing another therefore always wins over it, while the clock itself stays near real time.
   */
  private stampFor(paperId: string): Stamp {
    const tick = this.clock.tick();
    const joined = this.joined(paperId);
    const newest: Mark | undefined = joined && newestMark(joined);
    if (!newest || compareStamps(newest.hlc, tick) < 0) return tick;
    return after(newest.hlc, this.device);
  }

  /** The joined state of the paper `id` names, or undefined when nothing is known of it. */
  private joined(id: string): PaperState | undefined {
    // A new id (an import): nothing to join, and no reason to group the library for it.
    if (!this.state.papers.has(id)) return undefined;
    return this.view.joined(id);
  }

  /**
   * Apply one op. The whole library is read again when next asked for; the view regroups the op's id only
   * when the op could change how ids are grouped (a new id, a field identity is decided on, an earlier
   * first change), so a run of edits regroups nothing.
   */
  private apply(op: Op, touch: boolean): void {
    const before = this.state.papers.get(op.paper);
    const born = before?.born;
    applyOp(this.state, op);
    this.cached = undefined;
    if (touch) this.view.touch([op.paper]);
    if (!before || born !== before.born || (op.op === 'set' && GROUPING_FIELDS.some((field) => field in op.fields)))
      this.view.regroup(op.paper);
  }
}
