import type { Paper } from '../schema';
import { squashSpace } from '../text';
import { LWW_FIELDS, type Change, type FieldValues, type LwwField, type Mark } from './changes';
import { tagKey } from './state';

/** What the diff needs to know of the merged state: the note versions an edit starts from, a highlight's version. */
export type DiffContext = {
  noteHeads: readonly string[];
  annotationMark: (id: string) => Mark | undefined;
  /** The other devices' status changes the status shown had seen (state.ts's `statusSeen`): a status op's `seen`. */
  statusSeen?: readonly Mark[];
};

/**
 * The changes that turn `before` into `after` (undefined: no such paper), as the log records them. A paper
 * that appears is its whole content; `weak` marks an import's, so it fills in what another device lacks
 * without undoing what a person did there (DESIGN's one rule for every merge).
 */
export function diffPaper(
  before: Paper | undefined,
  after: Paper | undefined,
  context: DiffContext,
  options: { weak?: boolean } = {},
): Change[] {
  if (!after) return before ? [{ op: 'delete', observed: true }] : [];
  const weak = options.weak ? ({ weak: true } as const) : {};
  const changes: Change[] = [];
  const fields = changedFields(before, after);
  if (Object.keys(fields).length > 0) changes.push({ op: 'set', fields, ...weak });
  const seen = context.statusSeen?.length ? { seen: [...context.statusSeen] } : {};
  changes.push(...statusChanges(before, after, { ...weak, ...seen }));

  const beforeTags = tagsByKey(before?.tags ?? []);
  const afterTags = tagsByKey(after.tags);
  // A tag added, or spelled anew ("ml" to "ML"): one tag either way, its latest spelling kept.
  for (const [key, tag] of afterTags) {
    if (beforeTags.get(key) !== tag) changes.push({ op: 'tag', tag, on: true, ...weak });
  }
  for (const tag of before?.tags ?? []) {
    if (!afterTags.has(tagKey(tag))) changes.push({ op: 'tag', tag, on: false, ...weak });
  }

  if (after.note !== (before?.note ?? '')) {
    changes.push({ op: 'note', text: after.note, parents: before ? [...context.noteHeads] : [] });
  }

  const old = new Map((before?.annotations ?? []).map((a) => [a.id, a]));
  for (const annotation of after.annotations) {
    const was = old.get(annotation.id);
    if (!was || JSON.stringify(was) !== JSON.stringify(annotation)) changes.push({ op: 'annotate', annotation });
  }
  const kept = new Set(after.annotations.map((a) => a.id));
  for (const id of old.keys()) {
    const seen = context.annotationMark(id);
    if (!kept.has(id) && seen) changes.push({ op: 'unannotate', id, seen });
  }
  return changes;
}

function changedFields(before: Paper | undefined, after: Paper): FieldValues {
  const fields: Partial<Record<LwwField, unknown>> = {};
  for (const field of LWW_FIELDS) {
    const next = after[field];
    const previous = before?.[field];
    if (JSON.stringify(next) === JSON.stringify(previous)) continue;
    fields[field] = next ?? null;
  }
  return fields as FieldValues;
}

/**
 * A new status, stamped with the time of the history entry that records it. A paper that appears brings its
 * whole history (a backup's), one status change per entry, its current status last.
 */
function statusChanges(before: Paper | undefined, after: Paper, weak: { weak?: true; seen?: Mark[] }): Change[] {
  const known = new Set((before?.history ?? []).map((entry) => `${entry.at}|${entry.status}`));
  const changes = after.history
    .filter((entry) => !known.has(`${entry.at}|${entry.status}`))
    .map((entry): Change & { op: 'status' } => ({ op: 'status', status: entry.status, time: entry.at, ...weak }));
  // The batch's last status change is the one its paper keeps (same stamp, later place in the log).
  if ((changes.at(-1)?.status ?? before?.status) !== after.status) {
    const last = after.history.findLast((entry) => entry.status === after.status);
    changes.push({ op: 'status', status: after.status, time: last?.at ?? after.updatedAt, ...weak });
  }
  return changes;
}

/** Tags by key in their first spelling, as normaliseTags keeps them. */
function tagsByKey(tags: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const tag of tags) if (!out.has(tagKey(tag))) out.set(tagKey(tag), squashSpace(tag));
  return out;
}
