import { diff3Merge } from 'node-diff3';
import { compareMarks } from './changes';
import { isoMinute, machineOf, sideLabel } from './conflict-labels';
import { stampDevice } from './hlc';
import type { NoteVersion } from './state';

/** A note whose concurrent edits changed the same lines: both are kept in the text, and listed here. */
export type NoteConflict = {
  /**
   * The versions that were merged (newest last), each with its text, so a person can compare them, and the
   * machine that saved it: its device's id, and its name as the markers give it (see conflict-labels.ts).
   */
  versions: { id: string; time: string; deviceId: string; device: string; text: string }[];
};

export type MergedNote = { text: string; conflict?: NoteConflict };

/** The versions no other version was edited from: what concurrent edits left. Ordered by mark. */
export function noteHeads(versions: ReadonlyMap<string, NoteVersion>): string[] {
  const parents = new Set<string>();
  for (const version of versions.values()) for (const parent of version.parents) parents.add(parent);
  return [...versions.keys()]
    .filter((id) => !parents.has(id))
    .sort((a, b) => compareMarks(versions.get(a)!.mark, versions.get(b)!.mark));
}

/**
 * The note all devices show for a set of versions. One head is the note. Several heads are merged in mark
 * order, each with what has been merged so far, by a three-way merge (diff3, by lines) from their latest
 * common version (the common ancestor with the latest mark; none known: the empty note). Where both sides
 * changed the same lines, both are kept between conflict markers (each naming the time of its side's newest
 * edit and the machine that saved it, by the name that version carries) and the note is listed as a conflict
 * (until it is saved without them): a word someone typed is never dropped. The result depends only on the set
 * of versions (names included: a version carries its own), so it is the same on every device whatever order
 * they arrived in.
 */
export function mergeNote(versions: ReadonlyMap<string, NoteVersion>): MergedNote {
  const heads = noteHeads(versions);
  const first = heads[0];
  if (first === undefined) return { text: '' };
  let text = versions.get(first)!.text;
  // One head (most notes): nothing to merge, no history to walk.
  if (heads.length === 1 && !hasConflictMarkers(text)) return { text };
  const merged = ancestors(versions, first);
  let conflicted = false;
  for (const head of heads.slice(1)) {
    const mine = ancestors(versions, head);
    const base = latestCommon(versions, merged, mine);
    const version = versions.get(head)!;
    const result = mergeText(text, base, version.text, labelOf(versions, merged), labelOf(versions, mine));
    conflicted ||= result.conflict;
    text = result.text;
    for (const id of mine) merged.add(id);
  }
  // Saved again with the markers still in (the person typed elsewhere): still a conflict to settle.
  if (!conflicted && !hasConflictMarkers(text)) return { text };
  const listed = heads.map((id) => {
    const version = versions.get(id)!;
    const { mark, by, text } = version;
    return { id, time: isoMinute(mark), deviceId: stampDevice(mark.hlc), device: machineOf(mark, by), text };
  });
  return { text, conflict: { versions: listed } };
}

/** `id` and every version it descends from that is known here. */
function ancestors(versions: ReadonlyMap<string, NoteVersion>, id: string): Set<string> {
  const out = new Set<string>();
  const todo = [id];
  for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
    if (out.has(next)) continue;
    const version = versions.get(next);
    if (!version) continue;
    out.add(next);
    todo.push(...version.parents);
  }
  return out;
}

function latestCommon(versions: ReadonlyMap<string, NoteVersion>, a: Set<string>, b: Set<string>): string {
  let best: NoteVersion | undefined;
  for (const id of b) {
    const version = versions.get(id)!;
    if (a.has(id) && (!best || compareMarks(version.mark, best.mark) > 0)) best = version;
  }
  return best?.text ?? '';
}

/**
 * Each side of a conflict is named by its newest edit: the time, and the machine that saved it by the name
 * that version carries, which every device words the same way (conflict-labels.ts).
 */
function labelOf(versions: ReadonlyMap<string, NoteVersion>, ids: Set<string>): string {
  let newest: NoteVersion | undefined;
  for (const id of ids) {
    const version = versions.get(id)!;
    if (!newest || compareMarks(version.mark, newest.mark) > 0) newest = version;
  }
  return newest ? sideLabel(newest.mark, newest.by) : 'edited';
}

export const CONFLICT_START = '<<<<<<<';
export const CONFLICT_MIDDLE = '=======';
export const CONFLICT_END = '>>>>>>>';

const MARKED = new RegExp(
  String.raw`^${CONFLICT_START} edited[^
]*
[\s\S]*?^${CONFLICT_MIDDLE}
[\s\S]*?^${CONFLICT_END} edited`,
  'm',
);

/**
 * The note still holds a conflict as mergeText marks it: the person has not settled it yet. Both label forms
 * start with `edited`: today's `edited <minute> on <machine>` and the older `edited <minute>`, which notes
 * merged before machines were named still hold.
 */
export const hasConflictMarkers = (text: string): boolean => MARKED.test(text);

/** diff3 by lines; conflicting hunks keep both sides, marked as git marks them, which a person recognises. */
export function mergeText(
  ours: string,
  base: string,
  theirs: string,
  oursLabel = 'one edit',
  theirsLabel = 'another edit',
): { text: string; conflict: boolean } {
  if (ours === theirs) return { text: ours, conflict: false };
  const lines: string[] = [];
  let conflict = false;
  for (const block of diff3Merge(ours.split('\n'), base.split('\n'), theirs.split('\n'))) {
    if (block.ok) lines.push(...block.ok);
    else if (block.conflict) {
      conflict = true;
      lines.push(
        `${CONFLICT_START} ${oursLabel}`,
        ...block.conflict.a,
        CONFLICT_MIDDLE,
        ...block.conflict.b,
        `${CONFLICT_END} ${theirsLabel}`,
      );
    }
  }
  return { text: lines.join('\n'), conflict };
}
