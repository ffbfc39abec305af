import type { LibraryStore } from '../store/store';
import { machineNamer, readLabel } from './conflict-labels';
import { CONFLICT_END, CONFLICT_MIDDLE, CONFLICT_START, hasConflictMarkers } from './notes';

/**
 * One side of a note's conflict: the merged note with that side's lines where both changed, and its marker's
 * label as written (`edited 2026-12-05T15:33Z on Laptop`), read as the time of its newest edit (UTC, to the
 * minute) and the machine that made it, when the label says them (an older label names no machine).
 */
export type ConflictSide = { label: string; text: string; time?: string; device?: string };

/** A note merged with conflict markers, with the note as it reads keeping either side. */
export type NoteConflict = {
  paperId: string;
  title: string;
  /** The merged note as it is in the library, markers included. */
  merged: string;
  /** How many places both sides changed. */
  hunks: number;
  ours: ConflictSide;
  theirs: ConflictSide;
};

/**
 * Both versions of a note merged with conflict markers: the merged lines (what merged cleanly from either
 * side included, so keeping one version loses nothing the merge had) with one side's lines at each conflict. A marker nested in a side (a third device's edit merged into a conflict) stays text of
 * that side. Undefined when the note holds no conflict.
 */
export function splitConflict(text: string): { ours: ConflictSide; theirs: ConflictSide; hunks: number } | undefined {
  if (!hasConflictMarkers(text)) return undefined;
  const ours: string[] = [];
  const theirs: string[] = [];
  const labels = { ours: '', theirs: '' };
  let hunks = 0;
  let side: 'both' | 'ours' | 'theirs' = 'both';
  let depth = 0;
  for (const line of text.split('\n')) {
    const start = line.startsWith(`${CONFLICT_START} `);
    const end = line.startsWith(`${CONFLICT_END} `);
    if (side === 'both' && start) {
      side = 'ours';
      hunks += 1;
      labels.ours ||= line.slice(CONFLICT_START.length + 1);
      continue;
    }
    if (side !== 'both' && depth === 0) {
      if (side === 'ours' && line === CONFLICT_MIDDLE) {
        side = 'theirs';
        continue;
      }
      if (side === 'theirs' && end) {
        side = 'both';
        labels.theirs ||= line.slice(CONFLICT_END.length + 1);
        continue;
      }
    }
    if (side !== 'both' && start) depth += 1;
    if (side !== 'both' && end && depth > 0) depth -= 1;
    if (side !== 'theirs') ours.push(line);
    if (side !== 'ours') theirs.push(line);
  }
  return {
    ours: { label: labels.ours || 'one edit', text: ours.join('\n'), ...readLabel(labels.ours) },
    theirs: { label: labels.theirs || 'another edit', text: theirs.join('\n'), ...readLabel(labels.theirs) },
    hunks,
  };
}

/**
 * The notes the last sync found in conflict (`listed`, from its record) that still hold their markers now,
 * with both versions. A note saved without the markers since (settled here, or on another device and
 * merged) is off the list at once, without waiting for the next sync. A side an older Paperqueue saved
 * without a name is shown by the name of its device when `devices` (the folder's records) knows it
 * (machineNamer); the merged text keeps its markers as written.
 */
export function listConflicts(
  store: LibraryStore,
  listed: readonly { paperId: string }[],
  devices: readonly { id: string; name?: string }[] = [],
): NoteConflict[] {
  const out: NoteConflict[] = [];
  const seen = new Set<string>();
  const machine = machineNamer(devices);
  const named = (side: ConflictSide): ConflictSide =>
    side.device === undefined ? side : { ...side, device: machine(side.device) };
  for (const { paperId } of listed) {
    const paper = store.get(paperId);
    if (!paper || seen.has(paper.id)) continue;
    seen.add(paper.id);
    const sides = splitConflict(paper.note);
    if (sides) {
      const { ours, theirs, hunks } = sides;
      out.push({
        paperId: paper.id,
        title: paper.title,
        merged: paper.note,
        ours: named(ours),
        theirs: named(theirs),
        hunks,
      });
    }
  }
  return out;
}
