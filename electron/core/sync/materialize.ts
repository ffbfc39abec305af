import type { PaperDraft } from '../paper';
import type { Annotation, HistoryEntry, Paper } from '../schema';
import { titleKey } from '../text';
import {
  LWW_FIELDS,
  OPTIONAL_LWW_FIELDS,
  compareMarks,
  laterMark,
  type FieldValues,
  type LwwField,
  type Mark,
} from './changes';
import { stampWall } from './hlc';
import { groupByIdentity, type IdentityView } from './identity';
import { mergeNote, type NoteConflict } from './notes';
import { isLive, joinPapers, type HistoryRecord, type PaperState, type SyncState } from './state';

/** A note that concurrent edits left with both versions marked in its text. */
export type SyncConflict = NoteConflict & { paperId: string; kind: 'note' };

/** The library every device that has taken in the same changes holds, byte for byte. */
export type SyncedLibrary = {
  /** Live papers, oldest import first. */
  papers: Paper[];
  /** A paper imported on two devices is kept under one id; each other id maps to it. */
  aliases: Map<string, string>;
  conflicts: SyncConflict[];
  /** Ids whose import has not arrived yet (only later changes have): they wait. */
  pending: string[];
};

/** The id a reference names now: a merged-away id resolves to the id kept. */
export const resolveId = (library: Pick<SyncedLibrary, 'aliases'>, id: string): string => library.aliases.get(id) ?? id;

const value = <F extends LwwField>(paper: PaperState, field: F): FieldValues[F] | undefined =>
  (paper.fields[field]?.value as FieldValues[F] | null | undefined) ?? undefined;

/** A paper id can be shown once its import (title, source, creation time) has arrived. */
export const complete = (paper: PaperState): boolean =>
  value(paper, 'title') !== undefined && value(paper, 'source') !== undefined && !!paper.born;

export function identityView(id: string, paper: PaperState): IdentityView {
  const view: IdentityView = {
    id,
    title: value(paper, 'title') ?? '',
    authors: value(paper, 'authors') ?? [],
    born: paper.born!,
  };
  for (const field of ['arxivId', 'doi', 'year', 'volume', 'issue', 'titleParts'] as const) {
    const found = value(paper, field);
    if (found !== undefined) Object.assign(view, { [field]: found });
  }
  const attachments = value(paper, 'attachments');
  if (attachments?.length) view.pdfs = attachments.map((attachment) => attachment.hash);
  // Few papers have a title that identifies nothing: only for them is the whole record read. The key is kept
  // for identityKeys, which a library's load asks of every paper (about 0.2 s at 100,000 papers worked out twice).
  view.titleKey = titleKey(view.title);
  if (!view.titleKey) view.loose = looseRecord(paper);
  return view;
}

/** Every field an id's state holds, as the record an import compares (import-by-key.ts). */
function looseRecord(paper: PaperState): PaperDraft {
  const record: Record<string, unknown> = {};
  for (const field of LWW_FIELDS) {
    const found = value(paper, field);
    if (found !== undefined) record[field] = found;
  }
  return record as PaperDraft;
}

/** The merged papers of a state, with the ids merged into each (the kept id first). */
export function paperGroups(state: SyncState): { groups: Map<string, string[]>; pending: string[] } {
  const views: IdentityView[] = [];
  const pending: string[] = [];
  for (const [id, paper] of state.papers) {
    if (complete(paper)) views.push(identityView(id, paper));
    else pending.push(id);
  }
  return { groups: groupByIdentity(views), pending: pending.sort() };
}

/** The joined state of one merged paper. */
export function joinGroup(state: SyncState, ids: readonly string[]): PaperState {
  return ids.map((id) => state.papers.get(id)!).reduce((a, b) => joinPapers(a, b));
}

/**
 * A merged paper is shown while any of its ids is live on its own state (isLive). A deletion removes only the
 * ids its device had in the paper (it is recorded on each: SyncReplica.recordPaper), so an id that device never
 * saw (another device's import of the same work, or of a work a changed year made one with it) keeps the
 * paper, as a change made after the deletion does. Never read from the joined state: there one id's deletion
 * would outweigh an import it never saw. A deletion an older Paperqueue recorded (without `observed`, on the
 * kept id alone) is read as it was then: it removes the whole paper unless any of its ids is changed after it.
 */
export function groupLive(state: SyncState, ids: readonly string[]): boolean {
  let legacy: Mark | undefined;
  let touched: Mark | undefined;
  for (const id of ids) {
    const paper = state.papers.get(id)!;
    legacy = laterMark(legacy, paper.legacyDeleted);
    touched = laterMark(touched, paper.touched);
  }
  if (legacy && (!touched || compareMarks(touched, legacy) <= 0)) return false;
  return ids.some((id) => isLive(state.papers.get(id)!));
}

/** Read a state as a library. A pure function of the state, so of the set of changes taken in. */
export function materialize(state: SyncState): SyncedLibrary {
  const { groups, pending } = paperGroups(state);
  const papers: { paper: Paper; joined: PaperState }[] = [];
  const aliases = new Map<string, string>();
  const conflicts: SyncConflict[] = [];
  for (const [id, ids] of groups) {
    if (!groupLive(state, ids)) continue;
    const joined = joinGroup(state, ids);
    for (const alias of ids.slice(1)) aliases.set(alias, id);
    const { paper, conflict } = toPaper(id, joined);
    papers.push({ paper, joined });
    if (conflict) conflicts.push({ paperId: id, kind: 'note', ...conflict });
  }
  papers.sort((a, b) => compareMarks(a.joined.born!, b.joined.born!) || (a.paper.id < b.paper.id ? -1 : 1));
  conflicts.sort((a, b) => (a.paperId < b.paperId ? -1 : 1));
  return { papers: papers.map((entry) => entry.paper), aliases, conflicts, pending };
}

/** One merged paper read as a library paper, with its note's conflict if concurrent edits left one. */
export function toPaper(id: string, joined: PaperState): { paper: Paper; conflict?: NoteConflict } {
  const bornAt = new Date(stampWall(joined.born!.hlc)).toISOString();
  const createdAt = value(joined, 'createdAt') ?? bornAt;
  const note = mergeNote(joined.notes);
  const paper: Paper = {
    id,
    title: value(joined, 'title') ?? '',
    authors: value(joined, 'authors') ?? [],
    abstract: value(joined, 'abstract') ?? '',
    links: value(joined, 'links') ?? [],
    source: value(joined, 'source')!,
    status: joined.status?.value ?? 'inbox',
    rank: value(joined, 'rank') ?? 0,
    history: historyOf(joined),
    tags: [...joined.tags.entries()]
      .filter(([, tag]) => tag.value)
      .sort(([ka, a], [kb, b]) => compareMarks(a.mark, b.mark) || (ka < kb ? -1 : 1))
      .map(([, tag]) => tag.name),
    note: note.text,
    annotations: liveAnnotations(joined),
    createdAt,
    updatedAt: value(joined, 'updatedAt') ?? createdAt,
  };
  for (const field of OPTIONAL_LWW_FIELDS) {
    const found = value(joined, field);
    if (found !== undefined) Object.assign(paper, { [field]: found });
  }
  return note.conflict ? { paper, conflict: note.conflict } : { paper };
}

function liveAnnotations(joined: PaperState): Annotation[] {
  const out: Annotation[] = [];
  for (const state of joined.annotations.values()) {
    if (!state.value || !state.mark) continue;
    if (state.deleted && compareMarks(state.mark, state.deleted) <= 0) continue;
    out.push(state.value);
  }
  return out.sort((a, b) => compareTimes(a.createdAt, b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The status history: every change a person made, in time order, and what imports recorded up to the first
 * of them (a second device's import of a paper read long ago is no return to the inbox). A change to the
 * status it already had (two devices marking it read) is no change: the first one stands. Changes at the
 * same instant (an import that brings a paper already dismissed) end with the paper's status, as the
 * library wrote them.
 */
function historyOf(joined: PaperState): HistoryEntry[] {
  const current = joined.status?.value;
  const last = (record: HistoryRecord): number => (record.status === current ? 1 : 0);
  const records = [...joined.history.values()].sort(
    (a, b) => compareTimes(a.at, b.at) || last(a) - last(b) || (a.status < b.status ? -1 : a.status > b.status ? 1 : 0),
  );
  const firstPerson = records.find((record) => !record.weak)?.at;
  const out: HistoryEntry[] = [];
  for (const record of records) {
    if (record.weak && firstPerson !== undefined && compareTimes(record.at, firstPerson) > 0) continue;
    if (out.at(-1)?.status === record.status) continue;
    out.push({ status: record.status, at: record.at });
  }
  return out;
}

/** `2026-11-01T00:00:00.000Z`, as toISOString writes every time this app records. */
const UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * ISO times by the instant they name (offsets may differ), then as text, so the order is total. Two times
 * both written as toISOString writes them compare as text in the order of their instants, without parsing.
 */
const compareTimes = (a: string, b: string): number => {
  if (a.length === 24 && b.length === 24 && UTC_MS.test(a) && UTC_MS.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return Date.parse(a) - Date.parse(b) || (a < b ? -1 : a > b ? 1 : 0);
};
