import type { Annotation, HistoryEntry, Status } from '../schema';
import { squashSpace } from '../text';
import {
  compareMarks,
  earlierMark,
  laterMark,
  markOf,
  opDevice,
  opId,
  type FieldValues,
  type LwwField,
  type Mark,
  type Op,
} from './changes';

/** A last-writer-wins value: a person's write (not weak) beats an import's default, then the later mark wins. */
export type Register<T> = { value: T; mark: Mark; weak?: true };
/**
 * The status: a register, and the other devices' status changes the change that set it had seen (`seen`, per
 * device the latest): carried along for the sync's report, never compared by the merge.
 */
export type StatusRegister = Register<Status> & { seen?: Mark[] };
/** One tag, compared without case: present or removed, spelled as its winning write spelled it. */
export type TagRegister = Register<boolean> & { name: string };
/**
 * A saved version of a note; `parents` are the versions (op ids) it was edited from, `by` the name of the
 * device that saved it, as it was then (absent in versions an older Paperqueue saved).
 */
export type NoteVersion = { mark: Mark; parents: string[]; text: string; by?: string };
/** A status change; `weak` when only imports recorded it. */
export type HistoryRecord = HistoryEntry & { weak?: true };
/** A highlight's newest version and the newest version a deletion saw: it shows while its version is later. */
export type AnnotationState = { value?: Annotation; mark?: Mark; deleted?: Mark };

/**
 * Everything known about one paper id, as a join-semilattice: every part only grows (sets by union,
 * registers by their order, marks by max or min), so applying changes in any order, any number of times,
 * gives the same state. That is what makes every device converge; materialize() then reads it the same way
 * everywhere.
 */
export type PaperState = {
  fields: Partial<Record<LwwField, Register<FieldValues[LwwField]>>>;
  status?: StatusRegister;
  /** Status changes by `time|status` (weak: an import's), whose union the history reads (see materialize). */
  history: Map<string, HistoryRecord>;
  tags: Map<string, TagRegister>;
  notes: Map<string, NoteVersion>;
  annotations: Map<string, AnnotationState>;
  /** The earliest change of this id (its import): which of two ids of one paper is kept. */
  born?: Mark;
  /** The latest change that was not a deletion. */
  touched?: Mark;
  /**
   * The latest deletion of this id, of either kind: the id is gone unless changed after it (a paper, while
   * another of its ids is not). An older Paperqueue reads this one, as it always has.
   */
  deleted?: Mark;
  /**
   * The latest deletion recorded without `observed` (by an older Paperqueue, on the kept id alone): it deletes
   * the whole paper the id is in, unless any of its ids is changed after it (materialize.ts's `groupLive`).
   */
  legacyDeleted?: Mark;
};

/** All papers by the id their changes name, and for each device the sequence numbers taken in without a gap. */
export type SyncState = {
  papers: Map<string, PaperState>;
  /** Per device, the highest seq n such that changes 1..n are all in `papers`: what a device can skip. */
  seen: Map<string, number>;
  /** Changes taken in past a gap, per device, until the gap fills. */
  ahead: Map<string, Set<number>>;
};

export const emptyState = (): SyncState => ({ papers: new Map(), seen: new Map(), ahead: new Map() });

export const emptyPaper = (): PaperState => ({
  fields: {},
  history: new Map(),
  tags: new Map(),
  notes: new Map(),
  annotations: new Map(),
});

/** True when `next` takes the place of `current`. */
export function beats(next: Register<unknown>, current: Register<unknown> | undefined): boolean {
  if (!current) return true;
  if (!next.weak !== !current.weak) return !next.weak;
  return compareMarks(next.mark, current.mark) > 0;
}

/** How a tag is compared: "Diffusion  Models" and "diffusion models" are one tag. */
export const tagKey = (tag: string): string => squashSpace(tag).toLowerCase();

/** Take one change into the state. Idempotent and order-free, as the type's comment says. */
export function applyOp(state: SyncState, op: Op): void {
  let paper = state.papers.get(op.paper);
  if (!paper) state.papers.set(op.paper, (paper = emptyPaper()));
  applyToPaper(paper, op);
  noteSeen(state, opDevice(op), op.seq);
}

function applyToPaper(paper: PaperState, op: Op): void {
  const mark = markOf(op);
  paper.born = earlierMark(paper.born, mark);
  if (op.op === 'delete') {
    paper.deleted = laterMark(paper.deleted, mark);
    if (!op.observed) paper.legacyDeleted = laterMark(paper.legacyDeleted, mark);
    return;
  }
  paper.touched = laterMark(paper.touched, mark);
  const weak = 'weak' in op && op.weak ? ({ weak: true } as const) : {};
  switch (op.op) {
    case 'set':
      for (const [field, value] of Object.entries(op.fields) as [LwwField, FieldValues[LwwField]][]) {
        if (value === undefined) continue;
        const next = { value, mark, ...weak };
        if (beats(next, paper.fields[field])) paper.fields[field] = next;
      }
      return;
    case 'status': {
      const next: StatusRegister = { value: op.status, mark, ...weak, ...(op.seen && { seen: op.seen }) };
      if (beats(next, paper.status)) paper.status = next;
      addHistory(paper.history, { status: op.status, at: op.time, ...weak });
      return;
    }
    case 'tag': {
      const next = { value: op.on, mark, name: squashSpace(op.tag), ...weak };
      const key = tagKey(op.tag);
      if (beats(next, paper.tags.get(key))) paper.tags.set(key, next);
      return;
    }
    case 'note':
      paper.notes.set(opId(op), {
        mark,
        parents: op.parents,
        text: op.text,
        ...(op.by !== undefined && { by: op.by }),
      });
      return;
    case 'annotate':
      putAnnotation(paper, op.annotation.id, { value: op.annotation, mark });
      return;
    case 'unannotate':
      putAnnotation(paper, op.id, { deleted: op.seen });
      return;
  }
}

/** The same change recorded by an import and by a person is a person's. */
export function addHistory(history: Map<string, HistoryRecord>, record: HistoryRecord): void {
  const key = `${record.at}|${record.status}`;
  const current = history.get(key);
  if (current && !current.weak) return;
  history.set(key, current && !record.weak ? { status: record.status, at: record.at } : (current ?? record));
}

function putAnnotation(paper: PaperState, id: string, next: AnnotationState): void {
  const current = paper.annotations.get(id) ?? {};
  const newer = next.mark && (!current.mark || compareMarks(next.mark, current.mark) > 0);
  paper.annotations.set(id, {
    ...(newer ? { value: next.value, mark: next.mark } : { value: current.value, mark: current.mark }),
    deleted: laterMark(current.deleted, next.deleted),
  });
}

function noteSeen(state: SyncState, device: string, seq: number): void {
  let seen = state.seen.get(device) ?? 0;
  if (seq <= seen) return;
  let ahead = state.ahead.get(device);
  if (!ahead) state.ahead.set(device, (ahead = new Set()));
  ahead.add(seq);
  while (ahead.has(seen + 1)) ahead.delete(++seen);
  state.seen.set(device, seen);
  if (ahead.size === 0) state.ahead.delete(device);
}

/** The join of two paper states: what one paper known under two ids is (identity merges). Inputs are left alone. */
export function joinPapers(a: PaperState, b: PaperState): PaperState {
  const out: PaperState = {
    fields: { ...a.fields },
    history: new Map(a.history),
    tags: new Map(a.tags),
    notes: new Map([...a.notes, ...b.notes]),
    annotations: new Map(a.annotations),
    born: earlierMark(a.born, b.born),
    touched: laterMark(a.touched, b.touched),
    deleted: laterMark(a.deleted, b.deleted),
    legacyDeleted: laterMark(a.legacyDeleted, b.legacyDeleted),
  };
  for (const record of b.history.values()) addHistory(out.history, record);
  if (a.status) out.status = a.status;
  if (b.status && beats(b.status, out.status)) out.status = b.status;
  for (const [field, register] of Object.entries(b.fields) as [LwwField, Register<FieldValues[LwwField]>][]) {
    if (beats(register, out.fields[field])) out.fields[field] = register;
  }
  for (const [key, register] of b.tags) if (beats(register, out.tags.get(key))) out.tags.set(key, register);
  for (const [id, annotation] of b.annotations) {
    if (annotation.mark) putAnnotation(out, id, { value: annotation.value, mark: annotation.mark });
    if (annotation.deleted) putAnnotation(out, id, { deleted: annotation.deleted });
  }
  return out;
}

/**
 * The id is live on its own state: never deleted, or changed after its latest deletion (an edit brings it back).
 * A paper is shown while any of its ids is (materialize.ts's `groupLive`).
 */
export function isLive(paper: PaperState): boolean {
  return !paper.deleted || (!!paper.touched && compareMarks(paper.touched, paper.deleted) > 0);
}

/** The latest mark anywhere in a paper's state: a change made after seeing it is stamped after it. */
export function newestMark(paper: PaperState): Mark | undefined {
  return laterMark(paper.touched, paper.deleted);
}

/**
 * What a status change made now on `device` records as seen: the status it replaces (the paper's register)
 * and what that one had seen, per other device the latest. Only the status shown is known to have been seen,
 * so a status that lost to it and was seen here too is not named (the report then errs toward "replaced").
 */
export function statusSeen(status: StatusRegister | undefined, device: string): Mark[] | undefined {
  if (!status) return undefined;
  const latest = new Map<string, Mark>();
  for (const mark of [...(status.seen ?? []), status.mark]) {
    const by = opDevice(mark);
    if (by !== device) latest.set(by, laterMark(latest.get(by), mark)!);
  }
  return latest.size > 0 ? [...latest.values()] : undefined;
}

/** True when the change that set `status` had seen `mark` (a status change of `mark`'s device at or after it). */
export function statusHadSeen(status: StatusRegister, mark: Mark): boolean {
  const device = opDevice(mark);
  return (status.seen ?? []).some((seen) => opDevice(seen) === device && compareMarks(seen, mark) >= 0);
}
