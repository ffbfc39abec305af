import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { StatusSchema, type Paper } from '../schema';
import { compareMarks, laterMark, opDevice, type Mark, type Op } from './changes';
import { isLive, statusHadSeen, type PaperState, type StatusRegister } from './state';
import type { SyncReplica } from './replica';

/**
 * What one sync did, for the person: the changes it took in (per device) and wrote out, the papers it changed
 * here, and where another machine's change won over this machine's own: a paper deleted here kept because
 * another machine changed it after or imported it unseen (the merge rules: a later change brings a paper back, and
 * a deletion removes only the ids its device had), a status set here
 * replaced by another machine's later one that had not seen it (last writer wins; a status changed after
 * seeing this machine's is an ordinary change, counted in `received`). The merge rules are not changed: this
 * only watches what they decided, at the store (merge-into-store.ts's `applied`) and at the status registers
 * of the papers whose incoming changes (in a log or a snapshot) set a status. What the winning change had seen
 * is what it carries (the status op's `seen`, kept in its register: state.ts's `statusSeen`).
 */

/** Papers named per list; the counts go on past them ("and 40 more"). */
const NAMED = 20;
/** Changes looked at between two looks at the clock (beforeReceive). */
const OPS_PER_LOOK = 32;

const Named = { paperId: z.string(), title: z.string(), device: z.string(), name: z.string().optional() };

export const SyncReportSchema = z.object({
  at: z.string(),
  /** Other devices' changes taken in, per device. */
  received: z.array(z.object({ device: z.string(), name: z.string().optional(), changes: z.number() })),
  /** This device's changes written to the sync folder since the last sync's report. */
  sent: z.number(),
  /** Papers of this library the sync added, changed or removed. */
  papers: z.number(),
  /** Papers deleted on this machine that another machine changed after, or imported unseen: kept, by the merge rules. */
  kept: z.object({ count: z.number(), papers: z.array(z.object(Named)) }),
  /** Papers another machine deleted, removed here. */
  removed: z.object({ count: z.number(), papers: z.array(z.object(Named)) }),
  /** Statuses set on this machine replaced by another machine's later one that had not seen them (concurrent). */
  overruled: z.object({
    count: z.number(),
    papers: z.array(z.object({ ...Named, ours: StatusSchema, theirs: StatusSchema })),
  }),
});
export type SyncReport = z.infer<typeof SyncReportSchema>;

/** A report with what the sentences say, as `sync now` prints them and the app shows them. */
export type SyncReportWords = SyncReport & { summary: string; notes: string[] };

/** A report worth keeping until the person has seen it: another machine's change won over one made here. */
export const isNotice = (report: SyncReport): boolean => report.kept.count > 0 || report.overruled.count > 0;

/** Collects one sync's report while it runs (sync-now.ts). */
export class ReportBuilder {
  private readonly seenBefore: Map<string, number>;
  /** This device's status register of each paper an incoming change sets the status of, before it is taken in. */
  private readonly statuses = new Map<string, StatusRegister>();
  private readonly kept: SyncReport['kept']['papers'] = [];
  private readonly removed: SyncReport['removed']['papers'] = [];
  private readonly counts = { kept: 0, removed: 0 };

  constructor(
    private readonly replica: SyncReplica,
    private readonly names: ReadonlyMap<string, string>,
  ) {
    this.seenBefore = new Map(replica.seen);
  }

  private name(device: string): { device: string; name?: string } {
    const name = this.names.get(device);
    return name ? { device, name } : { device };
  }

  /**
   * Before `ops` are taken in: the status this device set on each paper they set the status of. From `from`
   * until `deadline` (performance.now()), as a paper's join can cost a lot (10,000 changes took 46-51 ms in one
   * go): returns where it stopped, `ops.length` once done.
   */
  beforeReceive(ops: readonly Op[], from = 0, deadline = Infinity): number {
    const self = this.replica.device;
    let at = from;
    for (; at < ops.length; at++) {
      if ((at - from) % OPS_PER_LOOK === OPS_PER_LOOK - 1 && performance.now() >= deadline) break;
      const op = ops[at]!;
      if (op.op !== 'status' || op.weak || opDevice(op) === self || this.statuses.has(op.paper)) continue;
      const status = this.replica.view.joined(op.paper)?.status;
      if (status && !status.weak && opDevice(status.mark) === self) this.statuses.set(op.paper, status);
    }
    return at;
  }

  /**
   * Before a snapshot's papers are joined: the same, for each paper whose status there is another device's and
   * later than the one this device holds (a device far behind gets such changes only so: sync-now.ts does not
   * take in again from the logs what a snapshot held). A map lookup per paper, and a join per paper whose
   * status the snapshot brings anew.
   */
  beforeAbsorb(papers: readonly (readonly [string, PaperState])[]): void {
    const self = this.replica.device;
    const held = this.replica.snapshotState.papers;
    for (const [id, paper] of papers) {
      const theirs = paper.status;
      if (!theirs || theirs.weak || opDevice(theirs.mark) === self || this.statuses.has(id)) continue;
      const current = held.get(id)?.status;
      if (current && compareMarks(current.mark, theirs.mark) >= 0) continue;
      const status = this.replica.view.joined(id)?.status;
      if (status && !status.weak && opDevice(status.mark) === self) this.statuses.set(id, status);
    }
  }

  /** One paper the merge changed in the store (merge-into-store.ts): `before` undefined is added, `after` removed. */
  applied(id: string, before: Paper | undefined, after: Paper | undefined): void {
    if (!before && after) {
      const by = this.keptBy(id);
      if (!by) return;
      this.counts.kept += 1;
      if (this.kept.length < NAMED) this.kept.push({ paperId: id, title: after.title, ...this.name(by) });
    } else if (before && !after) {
      // An id merged into another paper is removed too, without a deletion: it is no news.
      const deleted = this.replica.snapshotState.papers.get(id)?.deleted;
      if (!deleted || opDevice(deleted) === this.replica.device) return;
      this.counts.removed += 1;
      if (this.removed.length < NAMED)
        this.removed.push({ paperId: id, title: before.title, ...this.name(opDevice(deleted)) });
    }
  }

  /**
   * The other device whose change keeps a paper this device deleted, added back here: a paper one of whose ids
   * carries this device's deletion, kept by an id live on its own state (changed after the deletion, or never
   * seen by it: materialize.ts's `groupLive`), named by the latest such change. Undefined for any other paper.
   */
  private keptBy(id: string): string | undefined {
    const self = this.replica.device;
    const papers = this.replica.snapshotState.papers;
    const group = this.replica.view.group(id) ?? [id];
    let deletedHere = false;
    let keeper: Mark | undefined;
    for (const member of group) {
      const paper = papers.get(member);
      if (!paper) continue;
      if (paper.deleted && opDevice(paper.deleted) === self) deletedHere = true;
      if (isLive(paper)) keeper = laterMark(keeper, paper.touched);
    }
    if (!deletedHere || !keeper || opDevice(keeper) === self) return undefined;
    return opDevice(keeper);
  }

  /** The report, once the store holds the merge; `sent`: this device's changes written since the last report. */
  finish(papers: number, sent: number, title: (id: string) => { id: string; title: string } | undefined): SyncReport {
    const received: SyncReport['received'] = [];
    for (const [device, n] of this.replica.seen) {
      const changes = n - (this.seenBefore.get(device) ?? 0);
      if (device !== this.replica.device && changes > 0) received.push({ ...this.name(device), changes });
    }
    received.sort((a, b) => b.changes - a.changes || (a.device < b.device ? -1 : 1));
    const overruled: SyncReport['overruled']['papers'] = [];
    let overruledCount = 0;
    const shown = new Set<string>();
    for (const [id, ours] of this.statuses) {
      const now = this.replica.view.joined(id)?.status;
      if (!now || now.weak || opDevice(now.mark) === this.replica.device || now.value === ours.value) continue;
      // Changed on another machine after it had seen this one's status: an ordinary change, no conflict.
      if (statusHadSeen(now, ours.mark)) continue;
      const paper = title(id);
      if (!paper || shown.has(paper.id)) continue;
      shown.add(paper.id);
      overruledCount += 1;
      if (overruled.length < NAMED)
        overruled.push({
          paperId: paper.id,
          title: paper.title,
          ours: ours.value,
          theirs: now.value,
          ...this.name(opDevice(now.mark)),
        });
    }
    return {
      at: new Date().toISOString(),
      received,
      sent,
      papers,
      kept: { count: this.counts.kept, papers: this.kept },
      removed: { count: this.counts.removed, papers: this.removed },
      overruled: { count: overruledCount, papers: overruled },
    };
  }
}

/** Titles shown in a sentence before "and N more". */
const LISTED = 3;

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const machine = (entry: { device: string; name?: string }) => entry.name ?? `device ${entry.device.slice(0, 6)}`;
const quoted = (title: string) => `“${title}”`;

/** "“A”, “B” and 3 more": at most a few titles, then how many besides. */
function titles(papers: readonly { title: string }[], count: number): string {
  const named = papers.slice(0, count > LISTED ? LISTED - 1 : LISTED).map((paper) => quoted(paper.title));
  const more = count - named.length;
  if (more > 0) return `${named.join(', ')} and ${more.toLocaleString('en-US')} more`;
  return named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : (named[0] ?? '');
}

/** Entries grouped by the machine they name, in first-seen order. */
function byMachine<T extends { device: string; name?: string }>(entries: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const key = machine(entry);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups];
}

/** "Received 3 changes from Desktop; sent 2; 2 papers updated here." */
export function reportSummary(report: SyncReport): string {
  const received =
    report.received.length === 0
      ? 'Received nothing new'
      : `Received ${report.received
          .map(
            (entry, i) =>
              `${i === 0 ? plural(entry.changes, 'change') : entry.changes.toLocaleString('en-US')} from ${machine(entry)}`,
          )
          .join(', ')}`;
  const sent = report.sent === 0 ? 'sent nothing' : `sent ${plural(report.sent, 'change')}`;
  const papers = report.papers > 0 ? `; ${plural(report.papers, 'paper')} changed here` : '';
  return `${received}; ${sent}${papers}.`;
}

/** The sentences for what another machine's change did to this machine's papers: the ones a person must read. */
export function reportNotes(report: SyncReport): string[] {
  const notes: string[] = [];
  const { kept, overruled, removed } = report;
  if (kept.count > 0) {
    const groups = byMachine(kept.papers);
    const who = groups.length === 1 && kept.count === kept.papers.length ? groups[0]![0] : 'another machine';
    notes.push(
      `Kept ${kept.count === 1 ? 'a paper' : plural(kept.count, 'paper')} you deleted, because ${who} changed ${kept.count === 1 ? 'it' : 'them'} after: ${titles(kept.papers, kept.count)}.`,
    );
  }
  for (const entry of overruled.papers.slice(0, overruled.count > LISTED ? LISTED - 1 : LISTED)) {
    notes.push(
      `Your “${entry.ours}” on ${quoted(entry.title)} was replaced by ${machine(entry)}’s later “${entry.theirs}”.`,
    );
  }
  const shown = Math.min(overruled.papers.length, overruled.count > LISTED ? LISTED - 1 : LISTED);
  if (overruled.count > shown) {
    notes.push(
      `${plural(overruled.count - shown, 'more status', 'more statuses')} you set ${overruled.count - shown === 1 ? 'was' : 'were'} replaced by a later one from another machine.`,
    );
  }
  if (removed.count > 0) {
    const groups = byMachine(removed.papers);
    const where = groups.length === 1 && removed.count === removed.papers.length ? groups[0]![0] : 'other machines';
    notes.push(
      `Removed ${plural(removed.count, 'paper')} deleted on ${where}: ${titles(removed.papers, removed.count)}.`,
    );
  }
  return notes;
}

export const withWords = (report: SyncReport): SyncReportWords => ({
  ...report,
  summary: reportSummary(report),
  notes: reportNotes(report),
});
