import { performance } from 'node:perf_hooks';
import type { Paper } from '../schema';
import { groupByIdentity, identityKeys, type IdentityView } from './identity';
import { complete, groupLive, identityView, joinGroup, toPaper, type SyncConflict } from './materialize';
import type { PaperState, SyncState } from './state';

/** What one paper id reads as now: kept (a paper, or none when deleted), merged into another id, or waiting. */
export type IdReading =
  | { kind: 'kept'; paper: Paper | undefined }
  | { kind: 'alias'; kept: string }
  /** Its import has not arrived (only later changes have): the store is left alone. */
  | { kind: 'pending' };

/**
 * The library a state reads as (materialize.ts), kept up to date one paper at a time instead of read whole:
 * what a merge of 10,000 changes into 100,000 papers costs is then the 10,000, not the 100,000.
 *
 * Ids are grouped into papers by the keys they share (identity.ts): the grouping of a component (the ids
 * linked by shared keys) depends on that component alone, so a change to an id's identity (a new id, an
 * identifying field, an earlier first change) regroups only the component it was in and the one it joins,
 * and a change to anything else regroups nothing. Each id read here gives exactly what materialize() would
 * give for it; tests/core/sync/library-view.test.ts checks that on the simulation's random histories.
 */
export class LibraryView {
  /** Per complete id, the keys it is indexed under (empty until the index is built). */
  private readonly keysOf = new Map<string, string[]>();
  private readonly byKey = new Map<string, Set<string>>();
  /** Per id, its group (kept id first), for components grouped since their last change. */
  private readonly groupOf = new Map<string, string[]>();
  private indexing: Iterator<string> | undefined;
  private indexed = false;
  /** Ids whose reading may have changed since `take` last gave them out. */
  private readonly dirty = new Set<string>();
  private cursor: Iterator<string> | undefined;
  /** Ids merged away, each to the id kept: kept whole, updated as ids are read. */
  readonly aliases: Map<string, string>;
  /** Note conflicts by paper id, updated as ids are read. */
  readonly conflicts: Map<string, SyncConflict>;

  constructor(private readonly state: SyncState) {
    this.aliases = new Map();
    this.conflicts = new Map();
  }

  /** True once every id is in the key index. */
  get ready(): boolean {
    return this.indexed;
  }

  /** Index the state's ids by their keys until `deadline` (performance.now()); true once done. */
  build(deadline = Infinity): boolean {
    if (this.indexed) return true;
    this.indexing ??= this.state.papers.keys();
    let n = 0;
    for (let next = this.indexing.next(); !next.done; next = this.indexing.next()) {
      this.index(next.value);
      if (++n % 256 === 0 && performance.now() >= deadline) return false;
    }
    this.indexing = undefined;
    this.indexed = true;
    return true;
  }

  /** Ids whose state changed (changes taken in): read again at the next `take`. */
  touch(ids: Iterable<string>): void {
    for (const id of ids) this.dirty.add(id);
  }

  /**
   * An id's identity may have changed (a new id, a field identity reads, an earlier first change): the
   * component it was in is grouped again when next read, and every id of it is read again.
   */
  regroup(id: string): void {
    // No group has been given out before the index is built: nothing to read again.
    if (!this.indexed && !this.indexing) return;
    for (const member of this.component([id])) {
      this.groupOf.delete(member);
      this.dirty.add(member);
    }
    // Not yet indexed ids are indexed by build() as they come (a Map's iterator sees every later key too).
    if (!this.indexed && !this.keysOf.has(id)) return;
    this.index(id);
    // The component it joins (its new keys) is grouped again too.
    for (const member of this.component([id])) {
      this.groupOf.delete(member);
      this.dirty.add(member);
    }
  }

  /** Start from what was read before (the last sync's aliases and conflicts, kept in the data folder). */
  seed(aliases: ReadonlyMap<string, string>, conflicts: Iterable<SyncConflict>): void {
    for (const [alias, kept] of aliases) if (!this.aliases.has(alias)) this.aliases.set(alias, kept);
    for (const conflict of conflicts)
      if (!this.conflicts.has(conflict.paperId)) this.conflicts.set(conflict.paperId, conflict);
  }

  /**
   * Ids to read again, at most `max` of them, taken out of the set. One iterator goes on from call to call
   * (it sees ids added behind it): starting over each time would step again over every id taken before,
   * which a Set keeps as holes until it next shrinks.
   */
  take(max: number): string[] {
    const out: string[] = [];
    while (out.length < max && this.dirty.size > 0) {
      this.cursor ??= this.dirty.values();
      const next = this.cursor.next();
      if (next.done) {
        this.cursor = undefined;
        continue;
      }
      out.push(next.value);
      this.dirty.delete(next.value);
    }
    return out;
  }

  get waiting(): number {
    return this.dirty.size;
  }

  /** The ids `id` is one paper with (the kept id first), or undefined when its import has not arrived. */
  group(id: string): readonly string[] | undefined {
    const paper = this.state.papers.get(id);
    if (!paper || !complete(paper)) return undefined;
    this.build();
    let group = this.groupOf.get(id);
    if (!group) {
      const members = this.component([id]);
      // Alone under its keys (most papers): its own group, with no grouping to work out.
      if (members.size === 1) {
        group = [id];
        this.groupOf.set(id, group);
        return group;
      }
      const views: IdentityView[] = [];
      for (const member of members) views.push(identityView(member, this.state.papers.get(member)!));
      for (const ids of groupByIdentity(views).values()) for (const member of ids) this.groupOf.set(member, ids);
      group = this.groupOf.get(id)!;
    }
    return group;
  }

  /** The joined state of the paper `id` is part of (undefined when nothing is known of it). */
  joined(id: string): PaperState | undefined {
    const group = this.group(id);
    return group ? joinGroup(this.state, group) : this.state.papers.get(id);
  }

  /**
   * What `id` reads as now, as materialize() would read it; keeps `aliases` (of every id of its group: a
   * deleted paper lists none) and `conflicts` in step.
   */
  read(id: string): IdReading {
    const group = this.group(id);
    if (!group) return { kind: 'pending' };
    const kept = group[0]!;
    const live = groupLive(this.state, group);
    for (const member of group.slice(1)) {
      if (live) this.aliases.set(member, kept);
      else this.aliases.delete(member);
      this.conflicts.delete(member);
    }
    this.aliases.delete(kept);
    if (kept !== id) return { kind: 'alias', kept };
    if (!live) {
      this.conflicts.delete(id);
      return { kind: 'kept', paper: undefined };
    }
    const { paper, conflict } = toPaper(id, joinGroup(this.state, group));
    if (conflict) this.conflicts.set(id, { paperId: id, kind: 'note', ...conflict });
    else this.conflicts.delete(id);
    return { kind: 'kept', paper };
  }

  /** The conflicts, in paper id order (as materialize() lists them). */
  conflictList(): SyncConflict[] {
    return [...this.conflicts.values()].sort((a, b) => (a.paperId < b.paperId ? -1 : 1));
  }

  /** Put `id` in the key index under the keys its state has now (none while its import has not arrived). */
  private index(id: string): void {
    for (const key of this.keysOf.get(id) ?? []) {
      const ids = this.byKey.get(key);
      ids?.delete(id);
      if (ids?.size === 0) this.byKey.delete(key);
    }
    const paper = this.state.papers.get(id);
    const keys = paper && complete(paper) ? identityKeys(identityView(id, paper)) : [];
    this.keysOf.set(id, keys);
    for (const key of keys) {
      let ids = this.byKey.get(key);
      if (!ids) this.byKey.set(key, (ids = new Set()));
      ids.add(id);
    }
  }

  /** Every indexed id linked to `start` by shared keys, `start` included. */
  private component(start: readonly string[]): Set<string> {
    const out = new Set<string>();
    const todo = [...start];
    for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
      if (out.has(id)) continue;
      out.add(id);
      for (const key of this.keysOf.get(id) ?? []) for (const other of this.byKey.get(key) ?? []) todo.push(other);
    }
    return out;
  }
}
