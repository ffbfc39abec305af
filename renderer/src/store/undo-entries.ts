import type { Transport } from '../transport';
import { shortTitle } from '../tex-plain';
import type { Lingering } from './list-slice';
import type { Annotation, PaperRow, Status, View } from './types';

/*
 * What an undo puts back (the toast's Undo, `u`): the entries the undo stack holds, how a status change's are
 * made from the rows it moved, and the words its notice names the papers with.
 */

/** The papers a status change moved that had one status before it, with the place in the queue order each had. */
export type Restore = { ids: string[]; status: Status; ranks: Record<string, number> };

/**
 * How to put back what a change did. A status change: each group of papers with the status and place it had,
 * and the paper the cursor was on when the change moved it off (an undo brings the cursor back to it). A move
 * in the queue order: the place (rank) each moved paper had (`places`). A deleted highlight: the highlight, as
 * the library answered its deletion (`annotation`). Tags added or removed: the tags the papers had (`tags`).
 */
export type UndoEntry = {
  label: string;
  restore: Restore[];
  cursor?: string;
  places?: Record<string, number>;
  /** The numbering of the queue the places are in, as the change's answer named it (an undo sends it back). */
  numbering?: string;
  annotation?: { paperId: string; annotation: Annotation };
  /** A change of tags: the papers it changed, grouped by the tags they had, as the library's answer named them. */
  tags?: { ids: string[]; tags: string[] }[];
  /** A tag's list that followed the tag renamed (`now`): the undo takes it back (`back`) if it is still shown. */
  views?: { now: View; back: View };
};

/** A paper a status change moved, and the status it had. */
export type Moved = { id: string; status: Status };

export function moved(row: PaperRow): Moved {
  return { id: row.id, status: row.status };
}

export function groupByStatus(items: Moved[]): Restore[] {
  const groups = new Map<Status, Restore>();
  for (const { id, status } of items) {
    let group = groups.get(status);
    if (!group) groups.set(status, (group = { ids: [], status, ranks: {} }));
    group.ids.push(id);
  }
  return [...groups.values()];
}

/**
 * The places in the queue order that the library says a keep took its papers from (papers.setStatus's
 * `ranksBefore`), each written into the undo group of its paper: the library knows them for papers whose rows
 * had not come here too (a range picked across them), and whatever another window did to the order meanwhile.
 */
export function keepPlaces(restore: Restore[], ranksBefore: Record<string, number>): void {
  for (const group of restore) {
    for (const id of group.ids) if (Object.hasOwn(ranksBefore, id)) group.ranks[id] = ranksBefore[id]!;
  }
}

export const STATUS_WORD: Record<Status, string> = {
  inbox: 'unread',
  queued: 'queued',
  reading: 'reading',
  read: 'read',
  dismissed: 'dismissed',
};

/** A toast names the paper it speaks of ("‘Causal Probing’"; `row`: its row here), or counts several. */
export function whichPapers(
  ids: string[],
  row: PaperRow | undefined,
  lingering: Lingering | undefined,
  detail: { id: string; title: string } | undefined,
): string {
  if (ids.length !== 1) return `${ids.length.toLocaleString()} papers`;
  const id = ids[0];
  const title =
    (row && row.id === id ? row.title : undefined) ??
    (lingering?.row.id === id ? lingering?.row.title : undefined) ??
    (detail?.id === id ? detail?.title : undefined);
  if (!title) return 'a paper';
  return `‘${shortTitle(title)}’`;
}

/** What an undo says it did: "Undone: marked ‘…’ read" (the label's first word only lowered: a title keeps its capitals). */
export function undoneNotice(entry: UndoEntry): string {
  return `Undone: ${entry.label.charAt(0).toLowerCase()}${entry.label.slice(1)}`;
}

/**
 * What to send the library to undo `entry`, when it is not a status change (those are put back through
 * setStatus, which moves the rows and the cursor too): a highlight restored, places in the queue order, tags.
 */
export function undoSender(entry: UndoEntry, transport: Transport): (() => Promise<unknown>) | undefined {
  const { annotation, places, tags, numbering } = entry;
  if (annotation) return () => transport.invoke('annotations.restore', annotation);
  // The places and tags are known once the change itself has been answered (none if it was refused).
  if (places)
    return async () =>
      Object.keys(places).length
        ? transport.invoke('papers.reorder', { ranks: places, ...(numbering && { numbering }) })
        : undefined;
  if (tags) return () => Promise.all(tags.map((group) => transport.invoke('tags.set', { ...group, mode: 'replace' })));
  return undefined;
}
