import { doiKey } from './identifiers';
import { joinTitle } from './importers/title-parts';
import { distinctLinks, linkTarget } from './shared/link-target';
import { BatchIndex } from './import-batch-index';
import { ImportLookups, matchInLibrary } from './import-match';
import { BIBLIOGRAPHIC, createPaper, type PaperDraft } from './paper';
import type { ImportUndo } from './import-undo';
import type { ImportProblem, ParsedImport } from './importers/types';
import type { Link, Paper, Source } from './schema';
import type { LibraryStore } from './store/store';
import { sameWork, whyApart } from './same-work';
import { squashSpace } from './text';

/** What importing each entry would do; shown as the preview, then applied as it is. */
export type PlannedEntry =
  /** `possible`: a paper with the same title that may be the same work; the entry is kept apart from it. */
  /** `entry`: its place among the file's readable entries (from 0), by which a merge is chosen. */
  | { kind: 'new'; title: string; draft: PaperDraft; entry: number; possible?: PossibleDuplicate }
  /**
   * `fills`: the fields the paper lacks and this entry would fill in; none when it would change nothing.
   * `repeatOf`: the entry repeats an earlier one of the same file (by its place in the plan), which goes into
   * the same paper, in the library or added by this import (`existingId` is then empty).
   */
  | { kind: 'duplicate'; title: string; existingId: string; fills: string[]; repeatOf?: number }
  | { kind: 'error'; where: string; message: string };

/**
 * The paper (in the library, or earlier in the same file, without an id yet) an entry may be the same as,
 * with what the person needs to decide: its authors and year, and why the two were not taken as one.
 */
export type PossibleDuplicate = { paperId?: string; title: string; authors: string[]; year?: number; why: string[] };

function possibleOf(other: PaperDraft | Paper, draft: PaperDraft, paperId?: string, why = whyApart(other, draft)) {
  const possible: PossibleDuplicate = { title: other.title, authors: other.authors ?? [], why };
  if (paperId) possible.paperId = paperId;
  if (other.year !== undefined) possible.year = other.year;
  return possible;
}

/** Decide, without changing the library, what each parsed entry becomes. */
export function planImport(store: LibraryStore, parsed: ParsedImport): PlannedEntry[] {
  const plan: PlannedEntry[] = parsed.problems.map((p) => ({ kind: 'error', ...p }));
  // Entries of the same file may repeat each other: the first one wins, later ones are duplicates of it.
  const earlier = new BatchIndex();
  const lookups = new ImportLookups(parsed.drafts);
  // The entries each paper took in: applyImport fills them in, after which a later entry is compared with them too.
  const takenIn = new Map<string, PaperDraft[]>();
  // Why an entry is only possibly the paper: what tells them apart, or an earlier entry the paper took in.
  const whyNot = (paperId: string, draft: PaperDraft): string[] => {
    const why = whyApart(store.get(paperId)!, draft);
    const other = takenIn.get(paperId)?.find((taken) => !sameWork(taken, draft));
    if (why.length || !other) return why;
    return [`an earlier entry of this file goes into it, and this one has ${whyApart(other, draft).join('; ')}`];
  };
  // The first entry of this file that went into each paper of the library, and the fields the file fills in
  // on it so far: a later entry into the same paper repeats it (a digest pasted twice is its papers once).
  const firstInto = new Map<string, { at: number; fills: Set<string> }>();
  // The same for the earlier entries this import would add, by their draft.
  const firstNew = new Map<PaperDraft, number>();
  for (const [index, draft] of parsed.drafts.entries()) {
    const found = matchInLibrary(store, draft, lookups);
    // A title match is judged against the paper as applyImport will have filled it in; an identifier is not.
    const match =
      found?.kind === 'same' && found.byTitle && takenIn.get(found.paperId)?.some((other) => !sameWork(other, draft))
        ? { ...found, kind: 'possible' as const }
        : found;
    if (match?.kind === 'same') {
      takenIn.set(match.paperId, [...(takenIn.get(match.paperId) ?? []), draft]);
      const existing = store.get(match.paperId)!;
      const fills = fillsFor(existing, draft);
      // As applyImport will: details that would make the paper a duplicate of another are not filled in.
      const fillable = Object.keys(fills).length > 0 && !clashes(store, { ...existing, ...fills });
      const first = firstInto.get(match.paperId);
      // What an earlier entry of the file fills in already is not this one's to fill.
      // Fields the file's own format keeps (`extra`) are named one by one: "bibtex:note", not "extra".
      const named = Object.keys(fills).flatMap((field) =>
        field === 'extra' ? Object.keys(fills.extra!).filter((key) => existing.extra?.[key] === undefined) : [field],
      );
      const filled = fillable ? named.filter((field) => field !== 'needsMetadata' && !first?.fills.has(field)) : [];
      const entry: PlannedEntry = {
        kind: 'duplicate',
        title: existing.title,
        existingId: match.paperId,
        fills: filled,
      };
      if (first) {
        entry.repeatOf = first.at;
        for (const field of filled) first.fills.add(field);
      } else firstInto.set(match.paperId, { at: plan.length, fills: new Set(filled) });
      plan.push(entry);
      continue;
    }
    const inBatch = earlier.match(draft);
    if (inBatch?.kind === 'same') {
      // Not in the library yet: it is the earlier entry of this file, added by this import.
      const repeatOf = firstNew.get(inBatch.draft);
      plan.push({
        kind: 'duplicate',
        title: inBatch.draft.title,
        existingId: '',
        fills: [],
        ...(repeatOf !== undefined && { repeatOf }),
      });
      continue;
    }
    firstNew.set(draft, plan.length);
    earlier.add(draft);
    const entry: PlannedEntry = { kind: 'new', title: draft.title, draft, entry: index };
    if (match)
      entry.possible = possibleOf(store.get(match.paperId)!, draft, match.paperId, whyNot(match.paperId, draft));
    else if (inBatch) entry.possible = possibleOf(inBatch.draft, draft);
    plan.push(entry);
  }
  return plan;
}

/** Entries applied between two progress reports. */
const PROGRESS_EVERY = 500;

/** `untitled`: papers added without a title (shown as "Untitled"; an empty title is never a duplicate key). */
export type ImportOutcome = {
  added: string[];
  duplicates: number;
  /** Of the duplicates, entries that went into a paper an earlier entry of the same file added or went into. */
  repeats: number;
  merged: string[];
  untitled: number;
  /** Papers added beside one with the same title that may be the same work (kept apart, as the preview said). */
  possible: { paperId: string; sameAs: string; title: string }[];
  problems: ImportProblem[];
  /** What undoImport needs to take this import back. */
  undo: ImportUndo;
};

/**
 * What the person chose in the preview: `merge` holds the entries (by index among the drafts, as the plan's
 * `entry`) to merge into the paper they are possibly the same as, or `all` of them; the rest are kept apart.
 */
export type ImportChoices = { merge?: ReadonlySet<number> | 'all' };

/** Apply a plan: add new papers, fill empty fields of duplicates (never their status, note, tags or highlights). */
export async function applyImport(
  store: LibraryStore,
  parsed: ParsedImport,
  source: Source,
  now: string,
  progress: (done: number, total: number) => void = () => undefined,
  choices: ImportChoices = {},
): Promise<ImportOutcome> {
  const outcome: ImportOutcome = {
    added: [],
    duplicates: 0,
    repeats: 0,
    merged: [],
    untitled: 0,
    possible: [],
    problems: [...parsed.problems],
    undo: { added: [], filled: [] },
  };
  const total = parsed.drafts.length;
  // As planImport decides: the library first, then the earlier entries of this file (the papers they became).
  const earlier = new BatchIndex();
  const lookups = new ImportLookups(parsed.drafts);
  const added = new Map<PaperDraft, string>();
  // The papers earlier entries of the file added or went into: a later entry into one of them repeats it.
  const tookIn = new Set<string>();
  for (const [done, draft] of parsed.drafts.entries()) {
    // A big import lets the host answer other requests and report progress between chunks.
    if (done > 0 && done % PROGRESS_EVERY === 0) {
      progress(done, total);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const match = matchInLibrary(store, draft, lookups);
    const inBatch = match?.kind === 'same' ? undefined : earlier.match(draft);
    // A possible duplicate is kept apart unless the person chose to merge it.
    const mergeChosen = choices.merge === 'all' || choices.merge?.has(done) === true;
    const existingId =
      match?.kind === 'same' || (mergeChosen && match)
        ? match.paperId
        : inBatch && (inBatch.kind === 'same' || mergeChosen) && added.get(inBatch.draft);
    if (existingId) {
      outcome.duplicates++;
      // A paper this import added or an earlier entry went into: the entry repeats an earlier one of the file.
      if (tookIn.has(existingId)) outcome.repeats++;
      tookIn.add(existingId);
      const existing = store.get(existingId)!;
      const fills = fillsFor(existing, draft);
      const merged: Paper = { ...existing, ...fills };
      if (Object.keys(fills).length > 0 && !clashes(store, merged)) {
        store.replace({ ...merged, updatedAt: now });
        lookups.add(store.get(existingId)!);
        outcome.merged.push(existingId);
        const before = Object.fromEntries(Object.keys(fills).map((key) => [key, existing[key as keyof Paper]]));
        outcome.undo.filled.push({ paperId: existingId, before, after: fills });
      }
      continue;
    }
    // A backup's id may already belong to another paper of this library.
    const unique = draft.id && store.get(draft.id) ? { ...draft, id: undefined } : draft;
    // One link for each place it points at: a .bib's url and its DOI's address written another way are one.
    const fresh = unique.links ? { ...unique, links: distinctLinks(unique.links, (l) => l.url) } : unique;
    const paper = createPaper(fresh, source, store.nextRank(), now);
    store.insert(paper);
    lookups.add(paper);
    outcome.added.push(paper.id);
    outcome.undo.added.push(paper.id);
    earlier.add(draft);
    added.set(draft, paper.id);
    tookIn.add(paper.id);
    const sameAs = match?.paperId ?? (inBatch && added.get(inBatch.draft));
    if (sameAs) outcome.possible.push({ paperId: paper.id, sameAs, title: store.get(sameAs)!.title });
    if (paper.title === '') outcome.untitled++;
  }
  if (total > PROGRESS_EVERY) progress(total, total);
  return outcome;
}

/** The fields a duplicate entry can fill in: only those the paper lacks. */
function fillsFor(existing: Paper, draft: PaperDraft): Partial<Paper> {
  const fills: Partial<Paper> = {};
  if (existing.needsMetadata && !draft.needsMetadata && draft.title.trim()) {
    fills.title = draft.title;
    fills.needsMetadata = false;
  }
  // The parts of the title, when they make the title the paper shows (or is about to take).
  const title = squashSpace(fills.title ?? existing.title);
  const parts = draft.titleParts;
  if (!existing.titleParts && parts && squashSpace(joinTitle(parts.main, parts.subtitle, parts.addon)) === title) {
    fills.titleParts = parts;
  }
  if (existing.authors.length === 0 && draft.authors?.length) {
    fills.authors = draft.authors;
    if (draft.authorNames?.length) fills.authorNames = draft.authorNames;
  }
  if (!existing.editors?.length && draft.editors?.length) fills.editors = draft.editors;
  if (!existing.abstract && draft.abstract) fills.abstract = draft.abstract;
  if (existing.year === undefined && draft.year !== undefined) fills.year = draft.year;
  for (const field of ['venue', 'doi', 'arxivId', 'url', 'citationKey', ...BIBLIOGRAPHIC] as const) {
    if (!existing[field] && draft[field]) fills[field] = draft[field];
  }
  if (!existing.type && draft.type) fills.type = draft.type;
  if (!existing.keywords?.length && draft.keywords?.length) fills.keywords = draft.keywords;
  const extra = Object.entries(draft.extra ?? {}).filter(([key]) => existing.extra?.[key] === undefined);
  if (extra.length) fills.extra = { ...existing.extra, ...Object.fromEntries(extra) };
  // A link is new when it points somewhere the paper's links (and its DOI) do not: not the same address written another way.
  const known = new Set([
    ...existing.links.map((l) => linkTarget(l.url)),
    ...(existing.doi ? [`doi:${doiKey(existing.doi)}`] : []),
  ]);
  const newLinks: Link[] = distinctLinks(draft.links ?? [], (l) => l.url, known);
  if (newLinks.length) fills.links = [...existing.links, ...newLinks];
  return fills;
}

/** True when the merged identifiers would make the paper a duplicate of a different one. */
function clashes(store: LibraryStore, merged: Paper): boolean {
  return [...store.duplicatesOf(merged)].some((id) => id !== merged.id);
}
